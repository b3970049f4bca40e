// What a person asked about an introduction answered: yes, no, or neither.
// Only the opening of their reply is read: that is where people answer, and
// the rest ("happy to help with anything else") would give false yeses.

/** How much of the reply's own text (quotes removed) is read for an answer. */
export const ANSWER_WINDOW_CHARS = 300;

export type OptInAnswer = "yes" | "no";

// A no, however it is softened: checked first, since "happy to, but not right now" is a no.
const NO =
  /\b(?:i(?:'|’)?ll pass|i will pass|(?:i(?:'|’)?d|i would|will|going to) (?:have to |need to )?pass|pass on (?:this|that|it)|not right now|not (?:just )?now|not at the moment|not at this time|not a good time|bad time|no,? thanks?|no,? thank you|(?:i(?:'|’)?d|i would) rather not|prefer not|not interested|(?:must|have to|need to) decline|(?:can(?:'|’)?t|cannot|can not) take (?:this|it|that|on)|(?:don(?:'|’)?t|do not) have (?:the )?(?:time|bandwidth|capacity)|no bandwidth|maybe (?:later|another time|next (?:month|quarter|year))|another time)\b/i;
const YES =
  /^(?:[\p{L}'’-]+,\s*)?(?:yes|yep|yeah|yup|sure|absolutely|of course|definitely|certainly|gladly|happy to|glad to|(?:i(?:'|’)?d|i would) (?:love|be (?:happy|glad|delighted))|would love|love to|sounds (?:great|good|lovely)|please do|go ahead|by all means|count me in|delighted|with pleasure)\b/iu;

/** The answer the opening of a reply gives to "would you be open to an intro?". */
export function optInAnswer(text: string): OptInAnswer | null {
  const opening = text.slice(0, ANSWER_WINDOW_CHARS).replace(/\s+/g, " ").trim();
  if (NO.test(opening)) return "no";
  // Each sentence's start: "Hi Sam! Yes, happy to." answers yes after a greeting.
  const sentences = opening.split(/(?<=[.!?])\s+/).slice(0, 3);
  return sentences.some((sentence) => YES.test(sentence)) ? "yes" : null;
}
