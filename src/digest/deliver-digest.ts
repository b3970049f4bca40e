// One user's digest for one week: select → rank/compose → claim → send → record.
import { claimDigest, markDigestEmpty, markDigestFailed, markDigestSent, recordDigestItems } from "../db/digest-claims.ts";
import { newId } from "../lib/ids.ts";
import type { Deps } from "../worker.ts";
import type { DigestJob } from "./digest-job.ts";
import { rankSuggestions } from "./rank.ts";
import { usableTimeZone } from "./schedule.ts";
import { selectDigest } from "./select.ts";
import { SendError, sendDigest } from "./send.ts";
import { suggest } from "./suggest.ts";

export type DigestOutcome =
  | "sent"
  | "quiet_note"
  | "empty"
  | "already_claimed"
  | "no_user"
  | "paused"
  | "unsubscribed";

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
  if (user.pausedUntil !== null && user.pausedUntil > asOf) return "paused";

  const timeZone = usableTimeZone(user.timeZone);
  const ignoredLately = new Set(candidates.recentlyShown.filter((item) => item.state === "open").map((item) => item.subjectKey));
  const ranked = rankSuggestions(suggest({ candidates, pairs, asOf, timeZone }), {
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
  let messageId: string | null;
  try {
    // Items first: by the time the mail arrives, "done 2" can be resolved.
    await recordDigestItems(
      deps.db,
      claim.digestId,
      user.id,
      items.map((item) => ({
        id: item.id,
        position: item.position,
        section: item.section,
        subjectKey: item.subjectKey,
        contactId: item.contactId,
        title: item.title,
        reason: item.reason,
      })),
    );
    ({ messageId } = await sendDigest(
      { config: deps.config, db: deps.db, mailer: deps.mailer, now },
      { digestId: claim.digestId, user: { ...user, timeZone }, items, asOf },
    ));
  } catch (error) {
    if (!(error instanceof SendError && error.delivered)) {
      // Nothing left: release the week so the queue's retry can claim it again.
      await markDigestFailed(deps.db, claim.digestId);
      throw error;
    }
    console.error(`tend: digest ${claim.digestId} was sent but not recorded in the outbox`, error);
    messageId = null;
  }
  await markDigestSent(deps.db, claim.digestId, { sentAt: now, messageId, itemCount: items.length });
  return items.length === 0 ? "quiet_note" : "sent";
}
