// Clause edges inside one sentence of splitSentences (sentences.ts, the one
// splitter): where a finding's words start and stop, and how far a commitment
// reaches before someone else becomes the subject. A full stop left inside a
// sentence ("e.g.", "Dr.") still ends a clause here.

const CLAUSE_BREAK = /[.;!?](?=\s|$)|[\n()—–]|,\s|\s-\s/g;
const SUBJECT_CHANGE =
  /(?:[.;!?](?:\s|$)|,\s*|\s(?:and|but|so|then|while|because|once|when|if|though)\s+)(?=(?:i|i'm|i've|i'd|i'll|we|we're|you|he|she|they|it|he'd|she'd|they'd|he'll|she'll|they'll)\b)/gi;
const SHORT_TEXT_MAX_CHARS = 140;

export function clauseStart(body: string, index: number): number {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(body); m && m.index < index; m = CLAUSE_BREAK.exec(body)) start = m.index + m[0].length;
  return start;
}

export function clauseEnd(body: string, index: number): number {
  CLAUSE_BREAK.lastIndex = index;
  const m = CLAUSE_BREAK.exec(body);
  return m ? m.index : body.length;
}

/** Where the subject of the clause at `from` stops being the one doing things. */
export function scopeEnd(body: string, from: number): number {
  SUBJECT_CHANGE.lastIndex = from;
  const m = SUBJECT_CHANGE.exec(body);
  return m ? m.index : body.length;
}

/** A short statement in the author's words. */
export function shortText(body: string, start: number, end: number): string {
  const text = body.slice(start, end).replace(/\s+/g, " ").replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, "").trim();
  return text.length > SHORT_TEXT_MAX_CHARS ? `${text.slice(0, SHORT_TEXT_MAX_CHARS - 1).trimEnd()}…` : text;
}
