// Taking a forgotten person out of text that also belongs to others: "Ana <>
// Ben: climate design" keeps Ben and loses Ana. Pure; forget.ts applies it.

/** What a forgotten person becomes in text kept for others. */
export const FORGOTTEN = "[forgotten]";

/**
 * Shorter first names are too often a word or an initial ("A", "Jo") to take
 * out of other people's text.
 */
const MIN_FIRST_NAME_CHARS = 2;

export interface PersonTerms {
  /** Full names, matched in any case. */
  names: readonly string[];
  /**
   * The first name as written ("Ana"), matched as a whole word in that case
   * only, so "Will" is taken out and "will" is not. Null when another contact
   * shares it: it would then not say whom a text means.
   */
  firstName: string | null;
  addresses: readonly string[];
  /** Their contact id, which signed references in what Tend sent carry ("forget … (ref <id>.forget…)"). */
  ids: readonly string[];
}

export function personTerms(
  person: { id: string; name: string | null; addresses: readonly string[] },
  firstNameShared: boolean,
): PersonTerms {
  const name = person.name?.trim().replace(/\s+/g, " ") || null;
  const first = name?.split(" ")[0] ?? null;
  const usableFirst = first && first !== name && first.length >= MIN_FIRST_NAME_CHARS && !firstNameShared ? first : null;
  return { names: name ? [name] : [], firstName: usableFirst, addresses: person.addresses, ids: [person.id] };
}

/** Every string a text could name the person by, for a database to pre-filter rows. */
export function searchTerms(terms: PersonTerms): string[] {
  return [...terms.names, ...(terms.firstName ? [terms.firstName] : []), ...terms.addresses, ...terms.ids];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const LETTER_BEFORE = "(?<![\\p{L}\\p{N}])";
const LETTER_AFTER = "(?![\\p{L}\\p{N}])";
const longestFirst = (a: string, b: string) => b.length - a.length;

function alternatives(values: readonly string[]): string {
  return [...values].toSorted(longestFirst).map((value) => escape(value).replace(/ /g, "\\s+")).join("|");
}

export interface Redactor {
  redact: (text: string) => string;
  mentions: (text: string) => boolean;
}

/**
 * Replaces the person's "Name <address>", address, full name and first name
 * with FORGOTTEN, in that order, so a name with its address goes as one.
 */
export function redactor(terms: PersonTerms): Redactor {
  const steps: RegExp[] = [];
  if (terms.addresses.length > 0) {
    const address = `(?:${alternatives(terms.addresses)})`;
    const names = [...terms.names, ...(terms.firstName ? [terms.firstName] : [])];
    const named = names.length > 0 ? `(?:"?(?:${alternatives(names)})"?\\s*)?` : "";
    steps.push(
      new RegExp(`${named}(?:<\\s*${address}\\s*>|\\(\\s*${address}\\s*\\)|(?<![\\p{L}\\p{N}._%+-])${address}(?![\\p{L}\\p{N}_-]))`, "giu"),
    );
  }
  if (terms.names.length > 0) steps.push(new RegExp(`${LETTER_BEFORE}(?:${alternatives(terms.names)})${LETTER_AFTER}`, "giu"));
  if (terms.firstName) steps.push(new RegExp(`${LETTER_BEFORE}${escape(terms.firstName)}${LETTER_AFTER}`, "gu"));
  if (terms.ids.length > 0) steps.push(new RegExp(`(?<![A-Za-z0-9])(?:${alternatives(terms.ids)})(?![A-Za-z0-9])`, "gu"));
  const redact = (text: string) => steps.reduce((out, step) => out.replace(step, FORGOTTEN), text);
  return { redact, mentions: (text) => redact(text) !== text };
}
