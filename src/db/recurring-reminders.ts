// Recurring reminders: the rule beside a reminder task, moved on after each send
// and ended by "stop".
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "./client.ts";
import { recurringReminders, tasks } from "./schema.ts";

/** The stored rule of each recurring task among `taskIds` (one query, however many are due). */
export async function findRecurrences(db: Database, taskIds: readonly string[]): Promise<Map<string, string>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .select({ taskId: recurringReminders.taskId, rule: recurringReminders.rule })
    .from(recurringReminders)
    .where(inArray(recurringReminders.taskId, [...taskIds]));
  return new Map(rows.map((row) => [row.taskId, row.rule]));
}

/**
 * Moves a sent recurring reminder to its next occurrence and releases its
 * claim, only while the claim is the one this run made: a task stopped or
 * claimed again meanwhile is left alone.
 */
export async function rescheduleReminder(db: Database, taskId: string, claimedAt: number, nextAt: number): Promise<void> {
  await db
    .update(tasks)
    .set({ remindAt: nextAt, dueAt: nextAt, remindedAt: null })
    .where(and(eq(tasks.id, taskId), eq(tasks.remindedAt, claimedAt), eq(tasks.status, "open")));
}

/** Ends a user's recurring reminder: no further occurrence is sent. Returns whether one was running. */
export async function stopRecurring(db: Database, userId: string, taskId: string, now: number): Promise<boolean> {
  const [removed] = await db.batch([
    db
      .delete(recurringReminders)
      .where(and(eq(recurringReminders.taskId, taskId), eq(recurringReminders.userId, userId)))
      .returning({ taskId: recurringReminders.taskId }),
    db
      .update(tasks)
      .set({ status: "done", completedAt: now, remindAt: null })
      .where(and(eq(tasks.id, taskId), eq(tasks.userId, userId), eq(tasks.kind, "reminder"), eq(tasks.status, "open"))),
  ]);
  return removed.length > 0;
}

/** A user's running recurring reminders, at most this many listed. */
export const MAX_RECURRING_LISTED = 40;

export interface RecurringReminder {
  taskId: string;
  title: string;
  rule: string;
  nextAt: number | null;
}

export async function listRecurring(db: Database, userId: string): Promise<RecurringReminder[]> {
  return db
    .select({ taskId: tasks.id, title: tasks.title, rule: recurringReminders.rule, nextAt: tasks.remindAt })
    .from(recurringReminders)
    .innerJoin(tasks, eq(tasks.id, recurringReminders.taskId))
    .where(and(eq(recurringReminders.userId, userId), eq(tasks.status, "open")))
    .orderBy(asc(tasks.remindAt))
    .limit(MAX_RECURRING_LISTED);
}
