// Open tasks and reminders, soonest first, for "pending".
import { and, asc, eq, sql } from "drizzle-orm";
import type { TaskKind } from "../model.ts";
import type { Database } from "./client.ts";
import { contacts, signals, tasks } from "./schema.ts";

/** A pending list longer than this is not read; the rest is counted, not listed. */
export const MAX_PENDING_ITEMS = 40;

export interface PendingTask {
  kind: TaskKind;
  title: string;
  dueAt: number | null;
  remindAt: number | null;
  snoozedUntil: number | null;
  personName: string | null;
  private: boolean;
  /** A reminder by address on a thread with others: a reply cancels it unless the user kept it (`tend+3d-keep@`). */
  waitsForReply: boolean;
  keepOnReply: boolean;
}

export async function loadPending(db: Database, userId: string): Promise<{ tasks: PendingTask[]; more: boolean }> {
  const rows = await db
    .select({
      kind: tasks.kind,
      title: tasks.title,
      dueAt: tasks.dueAt,
      remindAt: tasks.remindAt,
      snoozedUntil: tasks.snoozedUntil,
      personName: contacts.name,
      private: signals.private,
      contactId: tasks.contactId,
      keepOnReply: tasks.keepOnReply,
    })
    .from(tasks)
    .leftJoin(contacts, eq(contacts.id, tasks.contactId))
    .leftJoin(signals, eq(signals.id, tasks.signalId))
    .where(and(eq(tasks.userId, userId), eq(tasks.status, "open")))
    // Dated first, soonest first (the user/status/due index), then undated.
    .orderBy(sql`${tasks.dueAt} is null`, asc(tasks.dueAt))
    .limit(MAX_PENDING_ITEMS + 1);
  return {
    tasks: rows.slice(0, MAX_PENDING_ITEMS).map(({ contactId, ...row }) => ({
      ...row,
      private: row.private ?? false,
      waitsForReply: row.kind === "reminder" && contactId !== null && !row.keepOnReply,
    })),
    more: rows.length > MAX_PENDING_ITEMS,
  };
}
