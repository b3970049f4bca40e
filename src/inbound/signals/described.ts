// Shared by needs, offers, life events and interests: they describe a person
// other than the user. The user's own needs and events are not Tend's to track.
import type { SignalKind } from "../../model.ts";
import type { Detection, SentenceContext } from "./detection.ts";
import type { Referent } from "./resolve-person.ts";
import { forText } from "./ascii-regex.ts";
import { clauseEnd, clauseStart, shortText } from "./clauses.ts";

/** Whom the words at `index` describe: the subject before them, else the sentence's default. */
export function describedWho(ctx: SentenceContext, index: number): Referent[] {
  const who = ctx.people.subjectBefore(ctx.body, index) ?? ctx.people.describedDefault(ctx.body, ctx.topic);
  return who.filter((w) => w.type === "person" || w.type === "unresolved");
}

export function describedDetections(
  ctx: SentenceContext,
  kind: SignalKind,
  patterns: RegExp[],
  extra: (index: number, end: number) => { due?: string | null; tag?: string | null } = () => ({}),
): Detection[] {
  const out: Detection[] = [];
  for (const written of patterns) {
    const pattern = forText(written, ctx.ascii);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(ctx.body); m; m = pattern.exec(ctx.body)) {
      const at = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      const who = describedWho(ctx, at);
      if (who.length === 0) continue;
      const { due = null, tag = null } = extra(at, end);
      const text = shortText(ctx.body, clauseStart(ctx.body, at), clauseEnd(ctx.body, end));
      out.push({ kind, who, text, due, tag });
      if (!pattern.global) break;
    }
  }
  return out;
}
