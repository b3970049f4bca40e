// Whom the user's own promise or follow-up is to, so a task can say "send Ana
// the hiring guide": the participant the sentence names as its object, else the
// line's label ("Ana: send the deck"), else "you" in a mail to one person.
import type { SentenceContext } from "./detection.ts";
import type { Referent } from "./resolve-person.ts";

// "intro Ana to Ben" is owed to both of them, so to neither in particular.
const INTRODUCTION_VERB = /^(?:intro|introduce|connect|put|make|loop)/i;
const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/i;

export interface VerbSpan {
  start: number;
  end: number;
}

export function counterpartOf(
  ctx: SentenceContext,
  verb: VerbSpan,
  scopeEnd: number,
  options: { group?: boolean } = {},
): Referent | null {
  const { body, people } = ctx;
  const introduction = INTRODUCTION_VERB.test(body.slice(verb.start, verb.end));
  const object = people.objectOf(body, verb.start, verb.end, scopeEnd, { introduction });
  if (object) return object;
  const topic = ctx.topic?.length === 1 ? ctx.topic[0] : undefined;
  if (topic?.type === "person") return topic;
  // "let's catch up in April", "both: sync again": the user and the one other side.
  if (options.group) return people.otherParty();
  const you = ctx.authorIsUser ? SECOND_PERSON.exec(body) : null;
  return you ? people.pronoun("you", body, you.index) : null;
}
