// claim and record: a digest is claimed per user and week before it is sent,
// its items are stored before the mail leaves (so a reply can always name them),
// and the send is recorded after.
import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { DigestItem } from "../model.ts";
import type { Database } from "./client.ts";
import { digestItems, digests } from "./schema.ts";

export interface DigestClaim {
  id: string;
  userId: string;
  week: string;
  scheduledFor: number;
  claimedAt: number;
}

export type ClaimOutcome = { claimed: true; digestId: string } | { claimed: false };

/**
 * Claims the user's digest for the week. A fresh week is claimed by inserting
 * its row; a week whose earlier attempt failed before sending is claimed again
 * under the same id. A week that is claimed, sent or empty is not.
 */
export async function claimDigest(db: Database, claim: DigestClaim): Promise<ClaimOutcome> {
  const [inserted, reclaimed] = await db.batch([
    db
      .insert(digests)
      .values({ ...claim, status: "claimed" })
      .onConflictDoNothing({ target: [digests.userId, digests.week] })
      .returning({ id: digests.id }),
    // Runs after the insert in the same transaction: a row it just inserted is
    // "claimed", not "failed", so this only ever takes over a failed attempt.
    db
      .update(digests)
      .set({ status: "claimed", claimedAt: claim.claimedAt, scheduledFor: claim.scheduledFor })
      .where(and(eq(digests.userId, claim.userId), eq(digests.week, claim.week), eq(digests.status, "failed")))
      .returning({ id: digests.id }),
  ]);
  const digestId = inserted[0]?.id ?? reclaimed[0]?.id;
  return digestId ? { claimed: true, digestId } : { claimed: false };
}

/** Stores the items of a claimed digest, replacing those of a failed earlier attempt. */
export async function recordDigestItems(
  db: Database,
  digestId: string,
  userId: string,
  items: readonly DigestItem[],
): Promise<void> {
  // One statement per item: D1 binds at most 100 parameters per statement.
  const inserts: BatchItem<"sqlite">[] = items.map((item) => db.insert(digestItems).values({ ...item, digestId, userId }));
  await db.batch([db.delete(digestItems).where(eq(digestItems.digestId, digestId)), ...inserts]);
}

export async function markDigestSent(
  db: Database,
  digestId: string,
  sent: { sentAt: number; messageId: string | null; itemCount: number },
): Promise<void> {
  await db
    .update(digests)
    .set({ status: "sent", sentAt: sent.sentAt, messageId: sent.messageId, itemCount: sent.itemCount })
    .where(eq(digests.id, digestId));
}

/** Nothing to say and the user asked for silence: the week is done without a mail. */
export async function markDigestEmpty(db: Database, digestId: string): Promise<void> {
  await db.update(digests).set({ status: "empty", itemCount: 0 }).where(eq(digests.id, digestId));
}

/** The send failed before the mail left: a retry may claim the week again. */
export async function markDigestFailed(db: Database, digestId: string): Promise<void> {
  await db
    .update(digests)
    .set({ status: "failed" })
    .where(and(eq(digests.id, digestId), eq(digests.status, "claimed")));
}
