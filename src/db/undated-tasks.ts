// Open tasks nobody dated ("I'll send Carla our pitch deck"): the digest's due
// windows never see them, since they have no due date and are given none. They
// are ranked by age instead ("three weeks ago you told Carla…"), oldest first,
// through the (user, kind, status, due) index at due = NULL.
import { and, eq, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Contact, TaskKind } from "../model.ts";
import type { Database } from "./client.ts";
import { contacts, interactions, signals, suppressions, tasks } from "./schema.ts";

export interface UndatedTaskCandidate {
  id: string;
  kind: TaskKind;
  title: string;
  /** Nobody said when. */
  dueAt: null;
  /** When it was said: the interaction's time, else when Tend logged it. */
  saidAt: number;
  /** From a signal told in confidence: never quoted. */
  private: boolean;
  contact: Contact | null;
}

/**
 * Which tasks are open and undated as of `asOf` (not snoozed, not suppressed):
 * the one rule the digest's batch and loadUndatedTasks share.
 */
export function undatedTasksWhere(userId: string, kind: TaskKind, asOf: number): SQL | undefined {
  return and(
    eq(tasks.userId, userId),
    eq(tasks.kind, kind),
    eq(tasks.status, "open"),
    isNull(tasks.dueAt),
    or(isNull(tasks.snoozedUntil), lte(tasks.snoozedUntil, asOf)),
    sql`not exists (select 1 from ${suppressions} where ${suppressions.userId} = ${userId} and ${suppressions.subjectKey} = 'task:' || ${tasks.id} and ${suppressions.until} > ${asOf})`,
  );
}

/** Oldest first: at due = NULL the index keeps rows in insertion order, so no sort is needed. */
export const UNDATED_OLDEST_FIRST: SQL = sql`${tasks}.rowid`;

/** Open, undated tasks of one kind, oldest first, not snoozed or suppressed as of `asOf`. */
export async function loadUndatedTasks(
  db: Database,
  userId: string,
  kind: TaskKind,
  asOf: number,
  limit: number,
): Promise<UndatedTaskCandidate[]> {
  const rows = await db
    .select({
      id: tasks.id,
      kind: tasks.kind,
      title: tasks.title,
      saidAt: sql<number>`coalesce(${interactions.occurredAt}, ${tasks.createdAt})`,
      private: signals.private,
      contactId: contacts.id,
      contactName: contacts.name,
      contactAddress: contacts.primaryAddress,
    })
    .from(tasks)
    .leftJoin(contacts, eq(contacts.id, tasks.contactId))
    .leftJoin(signals, eq(signals.id, tasks.signalId))
    .leftJoin(interactions, eq(interactions.id, tasks.interactionId))
    .where(undatedTasksWhere(userId, kind, asOf))
    .orderBy(UNDATED_OLDEST_FIRST)
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    dueAt: null,
    saidAt: row.saidAt,
    private: row.private ?? false,
    contact: row.contactId === null ? null : { id: row.contactId, name: row.contactName, address: row.contactAddress },
  }));
}
