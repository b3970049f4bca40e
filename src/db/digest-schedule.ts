// The cron's reads and writes on users: who is due, and when they are due next.
import { and, asc, eq, lte } from "drizzle-orm";
import type { Database } from "./client.ts";
import { users } from "./schema.ts";

export interface DueUser {
  id: string;
  timeZone: string;
  digestWeekday: number;
  digestHour: number;
  /** The local digest time that came due, as a UTC instant. */
  nextDigestAt: number;
  pausedUntil: number | null;
  unsubscribedAt: number | null;
}

/** Users whose digest time has come, oldest first, through users_next_digest. */
export async function findDueUsers(db: Database, now: number, limit: number): Promise<DueUser[]> {
  const rows = await db
    .select({
      id: users.id,
      timeZone: users.timeZone,
      digestWeekday: users.digestWeekday,
      digestHour: users.digestHour,
      nextDigestAt: users.nextDigestAt,
      pausedUntil: users.pausedUntil,
      unsubscribedAt: users.unsubscribedAt,
    })
    .from(users)
    .where(lte(users.nextDigestAt, now))
    .orderBy(asc(users.nextDigestAt))
    .limit(limit);
  return rows.flatMap((row) => (row.nextDigestAt === null ? [] : [{ ...row, nextDigestAt: row.nextDigestAt }]));
}

export interface ScheduleAdvance {
  userId: string;
  /** The value read; a concurrent change (a new schedule, another cron run) wins. */
  from: number;
  to: number;
}

/** Moves each user to their next digest time, in one batch. */
export async function advanceDigestSchedules(db: Database, advances: readonly ScheduleAdvance[]): Promise<void> {
  const [first, ...rest] = advances.map((advance) =>
    db
      .update(users)
      .set({ nextDigestAt: advance.to })
      .where(and(eq(users.id, advance.userId), eq(users.nextDigestAt, advance.from))),
  );
  if (!first) return;
  await db.batch([first, ...rest]);
}
