// Someone's words, turned into Tend's sentence to the user. Tend writes to the
// user ("you") about the other person by name; the speaker's own "I", "my" and
// "we" never leak into it. When a rewrite is not sure, it returns null and the
// caller writes a neutral sentence and shows the words as a quote instead. Pure.

import { type Party, retell } from "../domain/voice.ts";

const FIRST_PERSON = /\b(i|me|my|mine|myself|we|us|our|ours|ourselves|i'm|i've|i'd|i'll|we're|we've|we'd|we'll)\b/i;

/** Straight apostrophes, one space: the forms the patterns below expect. */
function plain(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
}

/** True when `text` has a first-person pronoun ("I", "my", "we'll"…). */
export function hasFirstPerson(text: string): boolean {
  return FIRST_PERSON.test(plain(text));
}

// One rewriting of pronouns for all of Tend (src/domain/voice.ts: retell, with
// its property tests); this file only picks phrases out of people's words.
// Whom the words are about, when nothing says how to call them: "them", "their".
const THEM: Party = { name: "them", pronouns: "they" };

/** What the user wrote, in Tend's voice: "I'll send you my notes" → "you'll send them your notes". */
export function userWordsToTend(text: string, listener: Party = THEM): string | null {
  const out = retell(plain(text), "user", listener);
  return hasFirstPerson(out) ? null : out;
}

/** What someone else said, in Tend's voice: "I'd love an intro" → "they'd love an intro". */
export function contactWordsToTend(text: string, speaker: Party = THEM): string | null {
  const out = retell(plain(text), speaker, "user");
  return hasFirstPerson(out) ? null : out;
}

/** A sentence about someone, written by a third party ("She's hiring…"), with the person's name for the leading pronoun. */
export function namedSubject(text: string, first: string): string {
  return plain(text)
    .replace(/^(?:she|he|they)(?:'s| is)\b/i, `${first} is`)
    .replace(/^(?:she|he|they)(?:'ve| have| has)\b/i, `${first} has`)
    .replace(/^(?:she|he|they)(?:'d| would)\b/i, `${first} would`)
    .replace(/^(?:she|he|they)(?:'ll| will)\b/i, `${first} will`)
    .replace(/^(?:her|his|their)\b/i, `${first}'s`)
    .replace(/^they(?:'re| are)\b/i, `${first} is`)
    .replace(/^they were\b/i, `${first} was`)
    .replace(/^(?:she|he|they) (just|also|recently|finally|now|\w+ed)\b/i, `${first} $1`)
    .replace(/^(?:she|he)\b/i, first);
}

// Verbs a to-do starts with ("Send Ana the deck"): their capital is the sentence's, not a name's.
const IMPERATIVE = /^(?:send|introduce|intro|follow|call|email|write|share|review|read|book|check|ask|make|get|find|set|put|look|reply|forward|draft|prepare|connect|schedule|buy|pay|thank|invite|meet|help|finish|update|sign|return|lend|give|bring|take|plan|organise|organize)\b/i;

const PROMISE_LEAD = /^(?:(?:and|also|so|then|ok|okay)[, ]+)*(?:i'll|i will|i shall|i'm going to|i am going to|we'll|we will|will)\s+(?:also\s+|definitely\s+|then\s+)?/i;

/** "I'll send you my comments by Wednesday." → "send them your comments by Wednesday"; null when it is not a plain promise. */
export function promiseAction(text: string): string | null {
  const line = plain(text).replace(/[.!\s]+$/, "");
  // Already an action ("Send Ana the deck", as a reminder or the user's own list puts it).
  if (!PROMISE_LEAD.test(line)) {
    if (hasFirstPerson(line) || /^(?:you|he|she|they|it)\b/i.test(line)) return null;
    return IMPERATIVE.test(line) ? line.charAt(0).toLowerCase() + line.slice(1) : line;
  }
  return userWordsToTend(line.replace(PROMISE_LEAD, ""));
}

/** Someone's promise to the user: "I'll send you the contract" → "send you the contract"; null when it is not a plain promise. */
export function theirPromiseAction(text: string): string | null {
  const line = plain(text).replace(/[.!\s]+$/, "");
  if (!PROMISE_LEAD.test(line)) return null;
  return contactWordsToTend(line.replace(PROMISE_LEAD, ""));
}

const ASK_FORMS: readonly [RegExp, (rest: string) => string][] = [
  [/^(?:(?:if you know anyone|if you can|when you can|also)[, ]+)?(?:i|she|he|they)(?:'d| would) (?:love|like|appreciate) (?:it if you (?:could )?)?(.+)$/i, (rest) => (/^(?:a|an|the|some|any|your)\b/i.test(rest) ? `for ${rest}` : `to ${rest}`)],
  [/^(?:could|can|would|will) you(?: please)? (.+?)\??$/i, (rest) => `to ${rest}`],
  [/^(?:please|pls) (.+)$/i, (rest) => `to ${rest}`],
  [/^(?:do you know|any chance you know) (.+?)\??$/i, (rest) => `whether you know ${rest}`],
];

/** "Could you intro me to a designer?" → "to intro them to a designer"; null when the words are not a plain ask. */
export function askAction(text: string): string | null {
  const line = plain(text).replace(/[.!\s]+$/, "");
  for (const [form, phrase] of ASK_FORMS) {
    const match = form.exec(line);
    if (match?.[1]) return contactWordsToTend(phrase(match[1].replace(/[?.!\s]+$/, "")));
  }
  return null;
}
