// rank: the week's few suggestions out of many, one entry per person, spread
// across sections, numbered most pressing first. Pure.
import { DIGEST_SECTIONS, type DigestSection } from "../model.ts";
import { RANKING_WEIGHTS } from "./ranking-weights.ts";
import type { Suggestion } from "./suggestion.ts";

export const DEFAULT_MAX_ITEMS = 7;
/** Upper bound on users.max_items: a digest is read in a minute, not scrolled. */
export const MAX_ITEMS_LIMIT = 20;
/** Long-silent people per digest: an import of old mail must not flood the week with them. */
export const MAX_DORMANT_PER_DIGEST = 1;
/** No section takes more than half the week (rounded up), so one busy kind cannot crowd out the rest. */
export const MAX_SECTION_SHARE = 0.5;

// One item per person within each group: a check-in can carry their need or
// their news, so the same person need not appear three times; and nobody is
// in two introductions in one week.
const PERSON_GROUP: Partial<Record<DigestSection, string>> = {
  check_in: "person",
  offer_help: "person",
  coming_up: "person",
  introductions: "introductions",
};
// Obligations stay until they are done, however often they were shown.
const NEVER_DEMOTED: ReadonlySet<DigestSection> = new Set(["promises"]);

export interface RankOptions {
  maxItems: number;
  /** Subject keys shown in recent digests and not acted on. */
  recentlyShown: ReadonlySet<string>;
}

export interface RankedSuggestion extends Suggestion {
  /** 1-based number the user replies with. */
  position: number;
}

export function usableMaxItems(maxItems: number): number {
  return Number.isInteger(maxItems) && maxItems > 0 ? Math.min(maxItems, MAX_ITEMS_LIMIT) : DEFAULT_MAX_ITEMS;
}

function personKeys(s: Suggestion): string[] {
  const group = PERSON_GROUP[s.section];
  return group ? s.people.map((id) => `${group}:${id}`) : [];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Ties go to what is due first, then by title: the same week always reads the
// same, whatever ids its rows happen to have.
function byScore(a: Suggestion, b: Suggestion): number {
  return b.score - a.score || (a.when ?? Infinity) - (b.when ?? Infinity) || compareText(a.title, b.title) || compareText(a.subjectKey, b.subjectKey);
}

/** Most time-bound first: a dated event, then the earliest due, then the rest by score. */
function byTimeBound(a: Suggestion, b: Suggestion): number {
  if (Boolean(a.dated) !== Boolean(b.dated)) return a.dated ? -1 : 1;
  const aw = a.when ?? null;
  const bw = b.when ?? null;
  if (aw !== null && bw !== null) return aw - bw;
  if (aw !== null) return -1;
  if (bw !== null) return 1;
  return byScore(a, b);
}

/** Parts one entry names in its headline, a clause each; the rest are counted ("and 2 more"). */
export const MAX_MERGED_PARTS = 3;

/**
 * One entry per person: items about the same person that can merge (they carry
 * `merge`) become one, the most time-bound part first. The entry keeps the
 * first part's subject, section and reason, the best score of its parts, and
 * is dated when any part is.
 */
export function mergeByPerson(suggestions: readonly Suggestion[]): Suggestion[] {
  const groups = new Map<string, Suggestion[]>();
  const alone: Suggestion[] = [];
  for (const s of suggestions) {
    if (!s.merge || s.contactId === null) {
      alone.push(s);
      continue;
    }
    const group = groups.get(s.contactId);
    if (group) group.push(s);
    else groups.set(s.contactId, [s]);
  }
  const merged = [...groups.values()].map((group): Suggestion => {
    if (group.length === 1 && group[0]) return group[0];
    const parts = group.toSorted(byTimeBound).slice(0, MAX_MERGED_PARTS);
    const [first, ...rest] = parts;
    if (!first?.merge) throw new Error("a merge group is never empty");
    const clauses = parts.flatMap((part) => (part.merge ? [part.merge.clause] : []));
    // Nothing lost: what does not fit the headline is counted, and one reply shows it all.
    const more = group.length - parts.length;
    const given = first.merge.name.split(/\s+/)[0] ?? first.merge.name;
    if (more > 0) clauses.push(`and ${more} more (reply “brief ${given}”)`);
    return {
      ...first,
      title: `${first.merge.name} — ${clauses.join("; ")}`,
      quote: first.quote ?? rest.find((part) => part.quote)?.quote ?? null,
      score: Math.max(...group.map((part) => part.score)),
      dated: group.some((part) => part.dated === true),
      people: [...new Set(group.flatMap((part) => part.people))],
      covers: [...new Set(group.flatMap((part) => part.covers ?? []))],
    };
  });
  return [...merged, ...alone];
}

export interface RankedWeek {
  items: RankedSuggestion[];
  /** Dated events beyond the cap: listed at the end of the digest, never dropped. */
  alsoThisWeek: Suggestion[];
}

export function rankSuggestions(suggestions: readonly Suggestion[], options: RankOptions): RankedSuggestion[] {
  return rankWeek(suggestions, options).items;
}

export function rankWeek(suggestions: readonly Suggestion[], options: RankOptions): RankedWeek {
  const maxItems = usableMaxItems(options.maxItems);
  const sectionCap = Math.max(1, Math.ceil(maxItems * MAX_SECTION_SHARE));

  // An introduction that answers someone's need is the better form of "offer help" for it.
  const covered = new Set(suggestions.flatMap((s) => s.covers ?? []));
  const unique = new Map<string, Suggestion>();
  for (const suggestion of suggestions) {
    if (covered.has(suggestion.subjectKey)) continue;
    const adjusted =
      options.recentlyShown.has(suggestion.subjectKey) && !NEVER_DEMOTED.has(suggestion.section) && !suggestion.dated
        ? { ...suggestion, score: suggestion.score * RANKING_WEIGHTS.repeatPenalty }
        : suggestion;
    const known = unique.get(adjusted.subjectKey);
    if (!known || adjusted.score > known.score) unique.set(adjusted.subjectKey, adjusted);
  }
  const ordered = mergeByPerson([...unique.values()]).toSorted(byScore);

  const chosen: Suggestion[] = [];
  const perSection = new Map<DigestSection, number>();
  const seen = new Set<string>();
  let dormant = 0;

  const admissible = (s: Suggestion) =>
    (perSection.get(s.section) ?? 0) < sectionCap &&
    !(s.dormant && dormant >= MAX_DORMANT_PER_DIGEST) &&
    !personKeys(s).some((key) => seen.has(key));
  const take = (s: Suggestion) => {
    chosen.push(s);
    perSection.set(s.section, (perSection.get(s.section) ?? 0) + 1);
    for (const key of personKeys(s)) seen.add(key);
    if (s.dormant) dormant++;
  };

  // A dated event is never dropped by the cap: a birthday or a funeral does not
  // wait for next week. They come first; past the cap, the digest lists them
  // after its items (merging keeps them few: one entry per person).
  const alsoThisWeek: Suggestion[] = [];
  for (const s of ordered) {
    if (!s.dated) continue;
    if (chosen.length < maxItems) take(s);
    else alsoThisWeek.push(s);
  }
  // Then the best of each section, in section order, so the week is varied;
  // then the best of what is left, whatever its section.
  for (const section of DIGEST_SECTIONS) {
    if (chosen.length >= maxItems) break;
    const best = ordered.find((s) => s.section === section && !chosen.includes(s) && admissible(s));
    if (best) take(best);
  }
  for (const s of ordered) {
    if (chosen.length >= maxItems) break;
    if (!chosen.includes(s) && admissible(s)) take(s);
  }
  // Room left and nothing else to say: a busy section may have more than its share.
  for (const s of ordered) {
    if (chosen.length >= maxItems) break;
    if (!chosen.includes(s) && !(s.dormant && dormant >= MAX_DORMANT_PER_DIGEST) && !personKeys(s).some((key) => seen.has(key))) take(s);
  }

  // The most pressing first: the reader may stop after three.
  return { items: chosen.toSorted(byScore).map((s, i) => ({ ...s, position: i + 1 })), alsoThisWeek };
}
