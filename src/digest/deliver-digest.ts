// One user's digest for one week: select → rank/compose → claim → send → record.
// Each step lives in the file named after it; this one only puts them in order.
import { claimDigest, markDigestEmpty } from "../db/digest-claims.ts";
import { newId } from "../lib/ids.ts";
import type { Deps } from "../domain/deps.ts";
import type { DigestJob } from "../domain/jobs.ts";
import { rankSuggestions } from "./rank.ts";
import { usableTimeZone } from "../domain/digest-schedule.ts";
import { loadIntroductionProgress } from "../db/introduction-progress.ts";
import { isOwner } from "../domain/owners.ts";
import { CANDIDATE_WINDOWS, selectDigest } from "./select.ts";
import { suggestIntroductionProgress } from "./suggest-introduction-progress.ts";
import { sendAndRecord } from "./record.ts";
import { sendDigest } from "./send.ts";
import { suggest } from "./suggest.ts";

export type DigestOutcome =
  | "sent"
  | "quiet_note"
  | "empty"
  | "already_claimed"
  | "no_user"
  | "paused"
  | "unsubscribed"
  /** Taken out of OWNERS: Tend writes to its users only. */
  | "revoked";

/**
 * Builds and sends the digest a job names. Content is as of the job's
 * scheduled time, so a retry an hour later says the same thing; the week is
 * claimed before sending, so a retry never sends it twice.
 */
export async function deliverDigest(deps: Deps, job: DigestJob, now: number): Promise<DigestOutcome> {
  const asOf = job.scheduledFor;
  const { candidates, pairs } = await selectDigest(deps.db, job.userId, job.week, asOf);
  const { user, existing } = candidates;
  if (!user) return "no_user";
  if (existing && existing.status !== "failed") return "already_claimed";
  if (user.unsubscribedAt !== null) return "unsubscribed";
  if (!isOwner(deps.config.owners, user.email)) return "revoked";
  if (user.pausedUntil !== null && user.pausedUntil > asOf) return "paused";

  const timeZone = usableTimeZone(user.timeZone);
  const ignoredLately = new Set(candidates.recentlyShown.filter((item) => item.state === "open").map((item) => item.subjectKey));
  const progress = await loadIntroductionProgress(deps.db, {
    userId: user.id,
    asOf,
    lookbackMs: CANDIDATE_WINDOWS.loopLookbackMs,
    limit: CANDIDATE_WINDOWS.perList,
  });
  const moved = progress.flatMap((intro) => suggestIntroductionProgress(intro, user, { asOf, timeZone }) ?? []);
  const ranked = rankSuggestions([...suggest({ candidates, pairs, asOf, timeZone }), ...moved], {
    maxItems: user.maxItems,
    recentlyShown: ignoredLately,
  });

  const claim = await claimDigest(deps.db, {
    id: newId(),
    userId: user.id,
    week: job.week,
    scheduledFor: job.scheduledFor,
    claimedAt: now,
  });
  if (!claim.claimed) return "already_claimed";
  if (ranked.length === 0 && user.emptyDigest === "skip") {
    await markDigestEmpty(deps.db, claim.digestId);
    return "empty";
  }

  const items = ranked.map((item) => ({ ...item, id: newId() }));
  await sendAndRecord(
    deps.db,
    {
      id: claim.digestId,
      userId: user.id,
      now,
      items: items.map((item) => ({
        id: item.id,
        position: item.position,
        section: item.section,
        subjectKey: item.subjectKey,
        contactId: item.contactId,
        title: item.title,
        reason: item.reason,
      })),
    },
    () =>
      sendDigest(
        { config: deps.config, db: deps.db, mailer: deps.mailer, now },
        { digestId: claim.digestId, user: { ...user, timeZone }, items, asOf },
      ),
  );
  return items.length === 0 ? "quiet_note" : "sent";
}
