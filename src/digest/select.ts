// select: what one digest is built from, in at most three round trips, each a
// batch of index-driven, LIMITed statements. What it reads is bounded by the
// windows below, never by the size of the user's address book.
import type { Database } from "../db/client.ts";
import { type CandidateWindows, type DigestCandidates, loadDigestCandidates } from "../db/digest-candidates.ts";
import { loadPairState, loadTagHolders, MAX_IN_LIST } from "../db/digest-matches.ts";
import { DAY_MS } from "../model.ts";
import { type CandidatePair, candidatePairs, openPairs, planMatchLookups } from "./match-introductions.ts";

export const CANDIDATE_WINDOWS: CandidateWindows = {
  perList: 12,
  overdueLookbackMs: 60 * DAY_MS,
  dueAheadMs: 7 * DAY_MS,
  comingUpMs: 14 * DAY_MS,
  loopLookbackMs: 42 * DAY_MS,
  shownDigests: 2,
  afterEventMs: 10 * DAY_MS,
  ledgerLookbackMs: 365 * DAY_MS,
  thanksWithinMs: 14 * DAY_MS,
  outcomeAfterMs: 7 * DAY_MS,
  outcomeWithinMs: 35 * DAY_MS,
};

/** People looked up per tag when matching introductions. */
export const TAG_HOLDERS_PER_LOOKUP = 8;

export interface DigestSelection {
  candidates: DigestCandidates;
  pairs: CandidatePair[];
}

export async function selectDigest(db: Database, userId: string, week: string, asOf: number): Promise<DigestSelection> {
  const candidates = await loadDigestCandidates(db, userId, week, asOf, CANDIDATE_WINDOWS);
  const { user, existing } = candidates;
  // Nothing more to read for a week already claimed or a user who is not there.
  if (!user || (existing && existing.status !== "failed")) return { candidates, pairs: [] };

  const lookups = planMatchLookups(candidates.needs, candidates.interests);
  const [needTagHolders = [], ...interestHolders] = await loadTagHolders(
    db,
    userId,
    [lookups.needTags, ...lookups.interestTags.map((tag) => [tag])],
    TAG_HOLDERS_PER_LOOKUP,
  );
  const pairs = candidatePairs({ lookups, offers: candidates.offers, needTagHolders, interestHolders });
  if (pairs.length === 0) return { candidates, pairs };

  const people = [...new Set(pairs.flatMap((pair) => [pair.a.id, pair.b.id]))].slice(0, MAX_IN_LIST);
  const listed = new Set(people);
  const checkable = pairs.filter((pair) => listed.has(pair.a.id) && listed.has(pair.b.id));
  const state = await loadPairState(
    db,
    userId,
    people,
    checkable.map((pair) => pair.key),
    asOf,
  );
  return { candidates, pairs: openPairs(checkable, state) };
}
