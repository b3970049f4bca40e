// The user's own reminders: "follow up in 3 weeks", "remind me next Tuesday",
// "check back after the launch in May", or "let's reconnect in a month".
import type { Detection, SentenceContext } from "./detection.ts";
import { clauseEnd, clauseStart, shortText } from "./clauses.ts";
import { counterpartOf } from "./counterparts.ts";
import { FOLLOW_UP_VERB } from "./verbs.ts";

const LEAD_IN = String.raw`(?:(?:i(?:'ll|\s+will|\s+need\s+to|\s+should|\s+must|\s+have\s+to|\s+want\s+to)|ill|need\s+to|should|must|remember\s+to|gotta|to|todo:?|then|and)\s+)?(?:(?:really|definitely|def|maybe|also)\s+)?`;
const IMPERATIVE = new RegExp(String.raw`^${LEAD_IN}${FOLLOW_UP_VERB}`, "iu");
const IN_NOTES = new RegExp(String.raw`(?:^|[,;]\s*|\b(?:and|then|so)\s+)${LEAD_IN}${FOLLOW_UP_VERB}`, "iu");
const LETS = new RegExp(String.raw`\blet'?s\s+(?:(?:try\s+to|plan\s+to|definitely|maybe|aim\s+to)\s+)?${FOLLOW_UP_VERB}`, "iu");
// "remind me to ping Jess": the word after it is the verb whose object counts.
const REMIND_ME = /\bremind\s+me\b(?:\s+(?:to\s+)?[\p{L}'-]+)?/iu;
// "next catch-up: early April"
const FOLLOW_UP_LABEL = /^(?:next\s+)?(?:catch[\s-]?up|follow[\s-]?up|check[\s-]?in|f\/u|touch\s*base|reminder|remind\s+me|ping)$/i;

/** A follow-up found at `index`, whose verb ends at `verbEnd`. */
function found(ctx: SentenceContext, index: number, verbEnd: number, group = false): Detection {
  const due = ctx.dateIn(index, ctx.body.length, { mode: "start" }) ?? ctx.dateIn(0, index, { mode: "start" });
  const end = clauseEnd(ctx.body, Math.max(index + 1, verbEnd));
  return {
    kind: "follow_up",
    who: [{ type: "user" }],
    text: shortText(ctx.body, clauseStart(ctx.body, index), clauseEnd(ctx.body, index + 1)),
    due: due?.date ?? null,
    tag: null,
    counterpart: counterpartOf(ctx, { start: verbEnd, end: verbEnd }, end, { group }),
  };
}

function matchEnd(m: RegExpExecArray): number {
  return m.index + m[0].length;
}

export function detectFollowUps(ctx: SentenceContext): Detection[] {
  const lets = LETS.exec(ctx.body);
  if (lets) return [found(ctx, lets.index, matchEnd(lets), true)];
  if (!ctx.authorIsUser) return [];
  if (ctx.sentence.label && FOLLOW_UP_LABEL.test(ctx.sentence.label)) return [found(ctx, 0, 0)];
  const remind = REMIND_ME.exec(ctx.body);
  if (remind) return [found(ctx, remind.index, matchEnd(remind))];
  // "- both: sync again in 2 weeks"
  const both = ctx.groupLine ? IMPERATIVE.exec(ctx.body) : null;
  if (both) return [found(ctx, 0, matchEnd(both), true)];
  // In a mail to someone, "I'll follow up" is a promise (see promises.ts); in notes to Tend it is a reminder.
  if (ctx.addressedToSomeone) return [];
  const own = IN_NOTES.exec(ctx.body);
  return own ? [found(ctx, own.index + (own[0].length - own[0].trimStart().length), matchEnd(own))] : [];
}
