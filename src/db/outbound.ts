import { and, count, eq, gte, inArray } from "drizzle-orm";
import type { OutboundKind } from "../model.ts";
import type { Database } from "./client.ts";
import { outboundMessages } from "./schema.ts";

export async function countRecentSends(
  db: Database,
  toAddress: string,
  kinds: readonly OutboundKind[],
  since: number,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.toAddress, toAddress),
        gte(outboundMessages.sentAt, since),
        inArray(outboundMessages.kind, [...kinds]),
      ),
    );
  return row?.n ?? 0;
}

export interface OutboundRecord {
  id: string;
  userId: string | null;
  kind: OutboundKind;
  toAddress: string;
  subject: string;
  messageId: string;
  inReplyTo: string | null;
  sentAt: number;
}

export async function recordOutbound(db: Database, record: OutboundRecord): Promise<void> {
  await db.insert(outboundMessages).values(record);
}
