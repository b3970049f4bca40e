// Reading a digest and its items for replies and one-click links.
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "./client.ts";
import type { ItemWithState, DigestRecord } from "./action-records.ts";
import { digestItems, digests } from "./schema.ts";

type DigestItemRow = typeof digestItems.$inferSelect;

function toItem(row: DigestItemRow): ItemWithState {
  return {
    id: row.id,
    digestId: row.digestId,
    userId: row.userId,
    position: row.position,
    section: row.section,
    subjectKey: row.subjectKey,
    contactId: row.contactId,
    title: row.title,
    reason: row.reason,
    state: row.state,
    actedAt: row.actedAt,
  };
}

/** The user's digest and its items in order; null when it is not theirs or does not exist. */
export async function findDigestWithItems(
  db: Database,
  userId: string,
  digestId: string,
): Promise<{ digest: DigestRecord; items: ItemWithState[] } | null> {
  const [digestRows, itemRows] = await db.batch([
    db
      .select({
        id: digests.id,
        userId: digests.userId,
        week: digests.week,
        sentAt: digests.sentAt,
        claimedAt: digests.claimedAt,
      })
      .from(digests)
      .where(and(eq(digests.id, digestId), eq(digests.userId, userId)))
      .limit(1),
    db
      .select()
      .from(digestItems)
      .where(and(eq(digestItems.digestId, digestId), eq(digestItems.userId, userId)))
      .orderBy(asc(digestItems.position)),
  ]);
  const digest = digestRows[0];
  if (!digest) return null;
  return { digest, items: itemRows.map(toItem) };
}

export async function findDigestItem(db: Database, itemId: string): Promise<ItemWithState | null> {
  const [row] = await db.select().from(digestItems).where(eq(digestItems.id, itemId)).limit(1);
  return row ? toItem(row) : null;
}
