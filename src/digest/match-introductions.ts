// Introductions worth making: one person's need against another's offer or
// interests, or two people who care about the same things. Pure; the lookups
// start from the user's few most recent needs and interest tags, never from
// the whole address book.
import type { Contact } from "../model.ts";
import type { SignalCandidate } from "../db/digest-candidates.ts";
import type { TagHolder } from "../db/digest-matches.ts";
import { subjectKey } from "./suggestion.ts";

/** Recent open needs that go looking for a match. */
export const MAX_NEEDS_MATCHED = 3;
/** Recent interest tags that go looking for people who share them. */
export const MAX_INTEREST_TAGS = 3;
/** Keywords of the matched needs looked up as tags, in one query. */
export const MAX_NEED_TAGS = 12;
/** Pairs considered per digest; ranking keeps one or two. */
export const MAX_PAIRS = 12;

// Words that say nothing about what someone needs or offers.
const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could do does for from get getting has have he her him his how i if in " +
    "into is it its just like looking look me more my need needs needed new no not of on one or our out over she " +
    "so some someone somebody anyone anybody something that the their them they this those to up us was we were " +
    "what when who will with would you your help helping happy glad want wants wanting find finding good great " +
    "intro introduction introductions connect connected chat talk about any also all very really next week month " +
    "year soon now time lot lots people person folks thing things know knows"
  ).split(" "),
);

/** Lower-cased content words of a text, with plain stems ("designers" → "designer", "design"). */
export function keywords(text: string): string[] {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}+]+/u)
    .filter((word) => word.length >= 2 && !STOPWORDS.has(word) && !/^\d+$/.test(word));
  const out = new Set<string>();
  for (const word of words) {
    out.add(word);
    if (word.length > 4 && word.endsWith("s")) out.add(word.slice(0, -1));
    for (const suffix of ["ers", "er", "ists", "ist", "ing"]) {
      if (word.length > suffix.length + 3 && word.endsWith(suffix)) out.add(word.slice(0, -suffix.length));
    }
    // "hiring" → "hire", "coding" → "code" (and "mentoring" → "mentor" above).
    if (word.length > 5 && word.endsWith("ing")) out.add(`${word.slice(0, -3)}e`);
  }
  return [...out];
}

export interface MatchLookups {
  /** Needs whose keywords are looked up as tags. */
  needs: SignalCandidate[];
  /** Keywords of those needs, as one group of tags. */
  needTags: string[];
  /** The user's recent interest tags, each looked up on its own. */
  interestTags: string[];
}

/** What to look up for introductions, from the first round's needs and interests. */
export function planMatchLookups(needs: readonly SignalCandidate[], interests: readonly SignalCandidate[]): MatchLookups {
  const matched = needs.slice(0, MAX_NEEDS_MATCHED);
  const needTags = [...new Set(matched.flatMap((need) => keywords(need.text)))].slice(0, MAX_NEED_TAGS);
  const interestTags = [
    ...new Set(interests.flatMap((signal) => (signal.tag ? [signal.tag.toLowerCase()] : []))),
  ].slice(0, MAX_INTEREST_TAGS);
  return { needs: matched, needTags, interestTags };
}

export type PairBasis =
  | { kind: "need_offer"; need: SignalCandidate; offer: SignalCandidate }
  | { kind: "need_interest"; need: SignalCandidate; tag: string }
  | { kind: "shared_interest"; tags: string[] };

export interface CandidatePair {
  key: string;
  /** For a need, the person who has it. */
  a: Contact;
  b: Contact;
  basis: PairBasis;
}

export interface PairInput {
  lookups: MatchLookups;
  offers: readonly SignalCandidate[];
  /** Holders of any of lookups.needTags. */
  needTagHolders: readonly TagHolder[];
  /** Holders per tag, in the order of lookups.interestTags. */
  interestHolders: readonly (readonly TagHolder[])[];
}

// Strongest basis first: a concrete need met beats shared interests.
const BASIS_RANK: Record<PairBasis["kind"], number> = { need_offer: 0, need_interest: 1, shared_interest: 2 };

/** Candidate pairs, strongest basis first, at most MAX_PAIRS, one entry per pair of people. */
export function candidatePairs(input: PairInput): CandidatePair[] {
  const pairs = new Map<string, CandidatePair>();
  const add = (a: Contact, b: Contact, basis: PairBasis) => {
    if (a.id === b.id) return;
    const key = subjectKey.pair(a.id, b.id);
    const known = pairs.get(key);
    if (!known) {
      pairs.set(key, { key, a, b, basis });
    } else if (known.basis.kind === "shared_interest" && basis.kind === "shared_interest") {
      known.basis = { kind: "shared_interest", tags: [...new Set([...known.basis.tags, ...basis.tags])] };
    } else if (BASIS_RANK[basis.kind] < BASIS_RANK[known.basis.kind]) {
      pairs.set(key, { key, a, b, basis });
    }
  };

  for (const need of input.lookups.needs) {
    const needWords = new Set(keywords(need.text));
    for (const offer of input.offers) {
      if (keywords(offer.text).some((word) => needWords.has(word))) add(need.contact, offer.contact, { kind: "need_offer", need, offer });
    }
    for (const holder of input.needTagHolders) {
      if (needWords.has(holder.tag.toLowerCase())) add(need.contact, holder.contact, { kind: "need_interest", need, tag: holder.tag });
    }
  }

  input.lookups.interestTags.forEach((tag, i) => {
    const holders = uniqueBy(input.interestHolders[i] ?? [], (holder) => holder.contact.id);
    for (let x = 0; x < holders.length; x++) {
      for (let y = x + 1; y < holders.length; y++) {
        const a = holders[x];
        const b = holders[y];
        if (a && b) add(a.contact, b.contact, { kind: "shared_interest", tags: [tag] });
      }
    }
  });

  return [...pairs.values()]
    .toSorted((p, q) => BASIS_RANK[p.basis.kind] - BASIS_RANK[q.basis.kind] || sharedTags(q) - sharedTags(p))
    .slice(0, MAX_PAIRS);
}

function sharedTags(pair: CandidatePair): number {
  return pair.basis.kind === "shared_interest" ? pair.basis.tags.length : 0;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Drops pairs already introduced (in either order) and pairs the user set aside. */
export function openPairs(
  pairs: readonly CandidatePair[],
  state: { introduced: readonly (readonly [string, string])[]; suppressed: ReadonlySet<string> },
): CandidatePair[] {
  const introduced = new Set(state.introduced.map(([a, b]) => subjectKey.pair(a, b)));
  return pairs.filter((pair) => !introduced.has(pair.key) && !state.suppressed.has(pair.key));
}
