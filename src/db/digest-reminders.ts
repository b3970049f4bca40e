// Reminders that fall due between digests: find, claim before sending, release on failure.
import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import type { TaskKind } from "../model.ts";
import type { Database } from "./client.ts";
import { contacts, signals, tasks, users } from "./schema.ts";

export interface DueReminder {
  taskId: string;
  userId: string;
  kind: TaskKind;
  title: string;
  status: "open" | "done" | "skipped";
  dueAt: number | null;
  remindAt: number;
  createdAt: number;
  threadMessageId: string | null;
  threadSubject: string | null;
  /** The task came from a signal told in confidence: its words are not repeated. */
  private: boolean;
  contactName: string | null;
  contactAddress: string | null;
  user: { email: string; name: string | null; timeZone: string; unsubscribedAt: number | null };
}

/** Reminders due and not yet sent, oldest first, through the partial index tasks_pending_remind. */
export async function findDueReminders(db: Database, now: number, limit: number): Promise<DueReminder[]> {
  // Distinct output names: in batch mode (and the test meter) rows arrive as
  // objects, where two columns called "name" would collapse into one.
  const rows = await db
    .select({
      taskId: tasks.id,
      userId: tasks.userId,
      kind: tasks.kind,
      title: tasks.title,
      status: tasks.status,
      dueAt: tasks.dueAt,
      remindAt: tasks.remindAt,
      createdAt: tasks.createdAt,
      threadMessageId: tasks.threadMessageId,
      threadSubject: tasks.threadSubject,
      private: sql<number | null>`${signals.private}`.as("signal_private"),
      contactName: sql<string | null>`${contacts.name}`.as("contact_name"),
      contactAddress: contacts.primaryAddress,
      userEmail: users.email,
      userName: sql<string | null>`${users.name}`.as("user_name"),
      userTimeZone: users.timeZone,
      userUnsubscribedAt: users.unsubscribedAt,
    })
    .from(tasks)
    .innerJoin(users, eq(users.id, tasks.userId))
    .leftJoin(contacts, eq(contacts.id, tasks.contactId))
    .leftJoin(signals, eq(signals.id, tasks.signalId))
    .where(and(isNull(tasks.remindedAt), lte(tasks.remindAt, now)))
    .orderBy(asc(tasks.remindAt))
    .limit(limit);
  return rows.flatMap((row) =>
    row.remindAt === null
      ? []
      : [
          {
            taskId: row.taskId,
            userId: row.userId,
            kind: row.kind,
            title: row.title,
            status: row.status,
            dueAt: row.dueAt,
            remindAt: row.remindAt,
            createdAt: row.createdAt,
            threadMessageId: row.threadMessageId,
            threadSubject: row.threadSubject,
            private: Boolean(row.private),
            contactName: row.contactName,
            contactAddress: row.contactAddress,
            user: {
              email: row.userEmail,
              name: row.userName,
              timeZone: row.userTimeZone,
              unsubscribedAt: row.userUnsubscribedAt,
            },
          },
        ],
  );
}

/**
 * Marks reminders sent before sending them, in one batch; returns the ids this
 * call claimed. A retried or overlapping cron run claims nothing twice.
 */
export async function claimReminders(db: Database, taskIds: readonly string[], now: number): Promise<Set<string>> {
  const [first, ...rest] = taskIds.map((id) =>
    db
      .update(tasks)
      .set({ remindedAt: now })
      .where(and(eq(tasks.id, id), isNull(tasks.remindedAt)))
      .returning({ id: tasks.id }),
  );
  if (!first) return new Set();
  const results = await db.batch([first, ...rest]);
  return new Set(results.flatMap((claimed) => claimed.map((row) => row.id)));
}

/** Undoes a claim whose mail could not be sent, so the next run tries again. */
export async function releaseReminder(db: Database, taskId: string, claimedAt: number): Promise<void> {
  await db
    .update(tasks)
    .set({ remindedAt: null })
    .where(and(eq(tasks.id, taskId), eq(tasks.remindedAt, claimedAt)));
}
