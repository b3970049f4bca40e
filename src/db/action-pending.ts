// Open tasks and reminders, soonest first, for "pending".
import { and, asc, desc, eq, gte, isNotNull, sql } from "drizzle-orm";
import type { TaskKind } from "../model.ts";
import type { Database } from "./client.ts";
import { contacts, signals, tasks } from "./schema.ts";

/** A pending list longer than this is not read; the rest is counted, not listed. */
export const MAX_PENDING_ITEMS = 40;
/** Tasks a reply closed, listed under what is still pending so the user sees why they went. */
export const MAX_RESOLVED_ITEMS = 10;
/** How far back a task a reply closed is still news. */
export const RESOLVED_WINDOW_MS = 14 * 86_400_000;

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

/** A task that closed itself when someone replied on its thread. */
export interface ResolvedTask {
  kind: TaskKind;
  title: string;
  personName: string | null;
  private: boolean;
  /** "Ana replied on Tue 1 Dec". */
  resolution: string;
}

export async function loadPending(db: Database, userId: string, now: number): Promise<{ tasks: PendingTask[]; more: boolean; resolved: ResolvedTask[] }> {
  const [rows, resolvedRows] = await db.batch([
    pendingQuery(db, userId),
    db
      .select({ kind: tasks.kind, title: tasks.title, personName: contacts.name, private: signals.private, resolution: tasks.resolution })
      .from(tasks)
      .leftJoin(contacts, eq(contacts.id, tasks.contactId))
      .leftJoin(signals, eq(signals.id, tasks.signalId))
      .where(and(eq(tasks.userId, userId), isNotNull(tasks.resolution), gte(tasks.completedAt, now - RESOLVED_WINDOW_MS)))
      .orderBy(desc(tasks.completedAt))
      .limit(MAX_RESOLVED_ITEMS),
  ]);
  return {
    tasks: rows.slice(0, MAX_PENDING_ITEMS).map(({ contactId, ...row }) => ({
      ...row,
      private: row.private ?? false,
      waitsForReply: row.kind === "reminder" && contactId !== null && !row.keepOnReply,
    })),
    more: rows.length > MAX_PENDING_ITEMS,
    resolved: resolvedRows.flatMap((row) => (row.resolution ? [{ ...row, resolution: row.resolution, private: row.private ?? false }] : [])),
  };
}

function pendingQuery(db: Database, userId: string) {
  return db
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
}
