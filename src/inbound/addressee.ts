// Whom a sentence in a reply speaks to. On a thread, "Ana, would Tuesday work
// for a call?" asks Ana, not the user who is copied on it: the addressee is
// the last person the writer named as they turned to them ("Ana, …", "Hi
// Ana", "Thanks Sam!") earlier in the same paragraph, or in the sentence's
// own opening.

export interface Named {
  name: string | null;
}

// A greeting word may stand before the name; punctuation or a dash follows it.
const GREETING = String.raw`(?:(?:hi|hey|hello|dear|thanks|thank\s+you|and)\s+)?`;
// Where a turn to someone can start: the paragraph, a sentence, or a line.
const TURN_START = String.raw`(?:^|[.!?]\s+|\n\s*)`;

function firstName(name: string | null): string | null {
  const first = name?.trim().split(/\s+/)[0] ?? "";
  return /^\p{Lu}[\p{L}'’-]+$/u.test(first) ? first : null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}

/**
 * The one of `people` whom `sentence` (found in `text`) is spoken to; null
 * when the writer named no one before it in its paragraph.
 */
export function addresseeOf<P extends Named>(text: string, sentence: string, people: readonly P[]): P | null {
  const at = text.indexOf(sentence);
  if (at < 0) return null;
  const paragraphStart = text.lastIndexOf("\n\n", at);
  const before = text.slice(paragraphStart < 0 ? 0 : paragraphStart + 2, at + sentence.length);
  let last: { index: number; person: P } | null = null;
  for (const person of people) {
    const first = firstName(person.name);
    if (!first) continue;
    const turn = new RegExp(`${TURN_START}${GREETING}${escape(first)}\\s*[,!:—–-]`, "giu");
    for (const m of before.matchAll(turn)) {
      if (!last || m.index > last.index) last = { index: m.index, person };
    }
  }
  return last?.person ?? null;
}
