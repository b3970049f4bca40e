// Rules every digest keeps, checked on its plain text as the user reads it.
// Used by the scenario weeks and the digest voice tests.

/** A speaker's first person: in Tend's own sentences it would be the speaker's voice leaking in. */
const FIRST_PERSON = /\b(I|me|my|mine|myself|we|us|our|ours|ourselves|I'm|I've|I'd|I'll|we're|we've|we'd|we'll)\b/i;

/** The item lines of a digest: "N. …" and the indented lines under it, without the link. */
export function itemLines(text: string): string[] {
  const lines: string[] = [];
  let inItem = false;
  for (const line of text.split("\n")) {
    if (/^\d+\. /.test(line)) inItem = true;
    else if (line.trim() === "") inItem = false;
    if (inItem && !/^\s+https?:\/\//.test(line)) lines.push(line);
  }
  return lines;
}

/** A quote line: "Carla, Tue 24 Nov: “…”" or "You wrote, Tue 24 Nov 2025: “…”". */
const QUOTE_LINE = /^\s*[\p{L} .'’-]+, \w{3} \d{1,2} \w{3}(?: \d{4})?: “[^”]*”\s*$/u;

/** Tend's own words: a quote line is the speaker's, and quotes (“…”) inside a sentence are too. */
export function tendsOwnWords(line: string): string {
  return QUOTE_LINE.test(line) ? "" : line.replace(/“[^”]*”/g, " ");
}

/** What is wrong with a digest's text; empty when nothing is. */
export function checkDigestText(text: string): string[] {
  const problems: string[] = [];
  for (const line of itemLines(text)) {
    const own = tendsOwnWords(line.replace(/’/g, "'"));
    const found = FIRST_PERSON.exec(own);
    if (found) problems.push(`first person “${found[0]}” in Tend's own words: ${line.trim()}`);
  }
  // A plain-text item is at most three lines plus its link.
  const items = text.split("\n\n").filter((block) => /^\d+\. /.test(block));
  for (const item of items) {
    const lines = item.split("\n").filter((line) => !/^\s+https?:\/\//.test(line));
    if (lines.length > 3) problems.push(`item of ${lines.length} lines: ${lines[0] ?? ""}`);
    if (item.split("\n").filter((line) => /^\s+https?:\/\//.test(line)).length !== 1) problems.push(`item without exactly one link: ${lines[0] ?? ""}`);
  }
  return problems;
}
