// Does wrangler.toml name every binding the code uses? Pure: the caller reads
// the files and wrangler's dry run; this compares them.

export interface EnvMember {
  name: string;
  /** Declared `NAME?:` — the code runs without it (the optional Workers AI binding). */
  optional: boolean;
}

/** Members of every `interface Env` / `interface __BaseEnv_Env` block in a .d.ts text. */
export function envMembers(declaration: string): EnvMember[] {
  const members = new Map<string, EnvMember>();
  for (const block of declaration.matchAll(/interface\s+(?:__BaseEnv_)?Env\b[^{]*\{([^}]*)\}/g)) {
    for (const m of (block[1] ?? "").matchAll(/^\s*([A-Za-z_$][\w$]*)(\??)\s*:/gm)) {
      const name = m[1] ?? "";
      const optional = m[2] === "?";
      const known = members.get(name);
      members.set(name, { name, optional: known ? known.optional && optional : optional });
    }
  }
  return [...members.values()];
}

/** `env.NAME` in source text: bindings read directly, beside the ones the Env type declares. */
export function envReads(source: string): string[] {
  return [...new Set([...source.matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g)].map((m) => m[1] ?? ""))];
}

/** The bindings `wrangler deploy --dry-run` lists ("env.DB (tend)   D1 Database"): what wrangler.toml really binds. */
export function dryRunBindings(output: string): string[] {
  return [...new Set([...output.matchAll(/^env\.([A-Za-z_][\w]*)\b/gm)].map((m) => m[1] ?? ""))];
}

export interface BindingCheck {
  /** Used by the code, not optional, not a secret, and not in wrangler.toml: the deploy would break. */
  missing: string[];
  /** Secrets the code needs: set with `wrangler secret put`, never in wrangler.toml. */
  secrets: string[];
  /** Optional bindings wrangler.toml leaves out. */
  optionalAbsent: string[];
}

/**
 * `members`: the Env type (generated from wrangler.toml, plus src/env.d.ts for
 * secrets and optional bindings); `reads`: `env.X` in the source; `secrets`:
 * names src/env.d.ts declares as secrets; `declared`: what the dry run binds.
 */
export function checkBindings(input: { members: EnvMember[]; reads: string[]; secrets: string[]; declared: string[] }): BindingCheck {
  const declared = new Set(input.declared);
  const secrets = new Set(input.secrets);
  const optional = new Set(input.members.filter((m) => m.optional).map((m) => m.name));
  const used = [...new Set([...input.members.map((m) => m.name), ...input.reads])].toSorted();
  return {
    missing: used.filter((name) => !declared.has(name) && !secrets.has(name) && !optional.has(name)),
    secrets: used.filter((name) => secrets.has(name)),
    optionalAbsent: used.filter((name) => optional.has(name) && !declared.has(name)),
  };
}
