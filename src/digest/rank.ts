// rank: the week's few suggestions out of many, spread across sections and
// people, numbered in section order. Pure.
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

function sectionIndex(section: DigestSection): number {
  return DIGEST_SECTIONS.indexOf(section);
}

function byScore(a: Suggestion, b: Suggestion): number {
  return b.score - a.score || (a.subjectKey < b.subjectKey ? -1 : a.subjectKey > b.subjectKey ? 1 : 0);
}

export function rankSuggestions(suggestions: readonly Suggestion[], options: RankOptions): RankedSuggestion[] {
  const maxItems = usableMaxItems(options.maxItems);
  const sectionCap = Math.max(1, Math.ceil(maxItems * MAX_SECTION_SHARE));

  // An introduction that answers someone's need is the better form of "offer help" for it.
  const covered = new Set(suggestions.flatMap((s) => s.covers ?? []));
  const unique = new Map<string, Suggestion>();
  for (const suggestion of suggestions) {
    if (covered.has(suggestion.subjectKey)) continue;
    const adjusted =
      options.recentlyShown.has(suggestion.subjectKey) && !NEVER_DEMOTED.has(suggestion.section)
        ? { ...suggestion, score: suggestion.score * RANKING_WEIGHTS.repeatPenalty }
        : suggestion;
    const known = unique.get(adjusted.subjectKey);
    if (!known || adjusted.score > known.score) unique.set(adjusted.subjectKey, adjusted);
  }
  const ordered = [...unique.values()].toSorted(byScore);

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

  // First the best of each section, in section order, so the week is varied;
  // then the best of what is left, whatever its section.
  for (const section of DIGEST_SECTIONS) {
    if (chosen.length >= maxItems) break;
    const best = ordered.find((s) => s.section === section && admissible(s));
    if (best) take(best);
  }
  for (const s of ordered) {
    if (chosen.length >= maxItems) break;
    if (!chosen.includes(s) && admissible(s)) take(s);
  }

  return chosen
    .toSorted((a, b) => sectionIndex(a.section) - sectionIndex(b.section) || byScore(a, b))
    .map((s, i) => ({ ...s, position: i + 1 }));
}
