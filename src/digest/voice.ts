// Someone's words, turned into Tend's sentence to the user. Tend writes to the
// user ("you") about the other person by name; the speaker's own "I", "my" and
// "we" never leak into it. When a rewrite is not sure, it returns null and the
// caller writes a neutral sentence and shows the words as a quote instead. Pure.

const FIRST_PERSON = /\b(i|me|my|mine|myself|we|us|our|ours|ourselves|i'm|i've|i'd|i'll|we're|we've|we'd|we'll)\b/i;

/** Straight apostrophes, one space: the forms the patterns below expect. */
function plain(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
}

/** True when `text` has a first-person pronoun ("I", "my", "we'll"…). */
export function hasFirstPerson(text: string): boolean {
  return FIRST_PERSON.test(plain(text));
}

type Map = readonly [RegExp, string][];

function swap(text: string, pairs: Map): string {
  // One pass over every word, so a replacement is never replaced again.
  const lookup = (word: string): string | undefined => {
    for (const [pattern, to] of pairs) if (pattern.test(word)) return to;
    return undefined;
  };
  return text.replace(/\b[A-Za-z]+(?:'[a-z]+)?\b/g, (word) => {
    const to = lookup(word);
    if (to === undefined) return word;
    return word[0] === word[0]?.toUpperCase() && word !== "I" && !word.startsWith("I'") ? to.charAt(0).toUpperCase() + to.slice(1) : to;
  });
}

const exact = (word: string) => new RegExp(`^${word}$`, "i");

// The user speaking: their "I" is "you" to Tend; the one they wrote to is "them".
const USER_TO_TEND: Map = [
  [exact("i'm"), "you're"],
  [exact("i've"), "you've"],
  [exact("i'd"), "you'd"],
  [exact("i'll"), "you'll"],
  [exact("we're"), "you're"],
  [exact("we've"), "you've"],
  [exact("we'd"), "you'd"],
  [exact("we'll"), "you'll"],
  [exact("i"), "you"],
  [exact("me"), "you"],
  [exact("my"), "your"],
  [exact("mine"), "yours"],
  [exact("myself"), "yourself"],
  [exact("we"), "you"],
  [exact("us"), "you"],
  [exact("our"), "your"],
  [exact("ours"), "yours"],
  [exact("ourselves"), "yourselves"],
  [exact("you"), "them"],
  [exact("your"), "their"],
  [exact("yours"), "theirs"],
  [exact("yourself"), "themselves"],
  [exact("you're"), "they're"],
  [exact("you've"), "they've"],
  [exact("you'll"), "they'll"],
  [exact("you'd"), "they'd"],
];

// Someone else speaking: their "I" is "they"; their "you" is the user, still "you".
const CONTACT_TO_TEND: Map = [
  [exact("i'm"), "they're"],
  [exact("i've"), "they've"],
  [exact("i'd"), "they'd"],
  [exact("i'll"), "they'll"],
  [exact("we're"), "they're"],
  [exact("we've"), "they've"],
  [exact("we'd"), "they'd"],
  [exact("we'll"), "they'll"],
  [exact("i"), "they"],
  [exact("me"), "them"],
  [exact("my"), "their"],
  [exact("mine"), "theirs"],
  [exact("myself"), "themselves"],
  [exact("we"), "they"],
  [exact("us"), "them"],
  [exact("our"), "their"],
  [exact("ours"), "theirs"],
  [exact("ourselves"), "themselves"],
];

// "I am" → "they am" would be wrong; the few verbs that change with the subject.
function agree(text: string): string {
  return text
    .replace(/\b(they|They) am\b/g, "$1 are")
    .replace(/\b(they|They) was\b/g, "$1 were")
    .replace(/\b(they|They) has\b/g, "$1 have")
    .replace(/\b(you|You) am\b/g, "$1 are")
    .replace(/\b(you|You) was\b/g, "$1 were");
}

/** What the user wrote, in Tend's voice: "I'll send you my notes" → "you'll send them your notes". */
export function userWordsToTend(text: string): string | null {
  const out = agree(swap(plain(text), USER_TO_TEND));
  return hasFirstPerson(out) ? null : out;
}

/** What someone else said, in Tend's voice: "I'd love an intro" → "they'd love an intro". */
export function contactWordsToTend(text: string): string | null {
  const out = agree(swap(plain(text), CONTACT_TO_TEND));
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
