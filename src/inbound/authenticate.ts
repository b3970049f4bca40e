// authenticate: the From: address is the sender only if the topmost
// Authentication-Results, stamped by Cloudflare's MX, shows DMARC (or aligned
// DKIM) passing for that address's domain. Headers below the topmost one were
// written by earlier hops, which anyone can forge.
import { domainOf } from "../lib/addresses.ts";
import type { Mailbox } from "../model.ts";

export const CLOUDFLARE_AUTHSERV_ID = "mx.cloudflare.net";

export type Authentication =
  | { ok: true; sender: Mailbox; relaxed: boolean }
  | { ok: false; reason: string };

interface MethodResult {
  method: string;
  result: string;
  props: Map<string, string>;
}

function stripComments(value: string): string {
  let out = "";
  let depth = 0;
  for (const char of value) {
    if (char === "(") depth++;
    else if (char === ")" && depth > 0) depth--;
    else if (depth === 0) out += char;
  }
  return out;
}

export function parseAuthenticationResults(value: string): { authservId: string; results: MethodResult[] } {
  const [head = "", ...clauses] = stripComments(value).split(";");
  const authservId = (head.trim().split(/\s+/)[0] ?? "").toLowerCase();
  const results: MethodResult[] = [];
  for (const clause of clauses) {
    const tokens = clause.trim().split(/\s+/).filter(Boolean);
    const [first, ...rest] = tokens;
    const match = first?.match(/^([a-z0-9-]+)=([a-z]+)$/i);
    if (!match?.[1] || !match[2]) continue;
    const props = new Map<string, string>();
    for (const token of rest) {
      const eq = token.indexOf("=");
      if (eq > 0) props.set(token.slice(0, eq).toLowerCase(), token.slice(eq + 1).replace(/^"|"$/g, "").toLowerCase());
    }
    results.push({ method: match[1].toLowerCase(), result: match[2].toLowerCase(), props });
  }
  return { authservId, results };
}

/** Relaxed alignment (RFC 7489 §3.1.1), approximated without the public suffix list. */
function aligned(fromDomain: string, authenticatedDomain: string | undefined): boolean {
  if (!authenticatedDomain) return false;
  return fromDomain === authenticatedDomain || fromDomain.endsWith(`.${authenticatedDomain}`);
}

export interface AuthenticateInput {
  /** Every header in order, top first, keys lower-cased. */
  headers: readonly { key: string; value: string }[];
  /** Mailboxes in the From: header. */
  from: readonly Mailbox[];
  /** Local development only: accept From: without Cloudflare's verdict. */
  allowUnauthenticated: boolean;
}

export function authenticateSender(input: AuthenticateInput): Authentication {
  const [sender, ...others] = input.from;
  if (!sender || others.length > 0) return { ok: false, reason: "the From: header must name exactly one address" };
  if (input.allowUnauthenticated) return { ok: true, sender, relaxed: true };

  const topmost = input.headers.find((h) => h.key === "authentication-results");
  if (!topmost) return { ok: false, reason: "the message carries no Authentication-Results" };
  const { authservId, results } = parseAuthenticationResults(topmost.value);
  if (authservId !== CLOUDFLARE_AUTHSERV_ID) {
    return { ok: false, reason: "the topmost Authentication-Results was not written by Cloudflare" };
  }
  const fromDomain = domainOf(sender.address);
  const dmarcPass = results.some(
    (r) => r.method === "dmarc" && r.result === "pass" && r.props.get("header.from") === fromDomain,
  );
  const dkimPass = results.some(
    (r) => r.method === "dkim" && r.result === "pass" && aligned(fromDomain, r.props.get("header.d")),
  );
  if (dmarcPass || dkimPass) return { ok: true, sender, relaxed: false };
  return { ok: false, reason: `neither DMARC nor aligned DKIM passed for ${fromDomain}` };
}
