// schedule: the hourly cron's half that finds users whose local digest time has
// come and enqueues one job each. It only enqueues; the queue does the work.
import { advanceDigestSchedules, type DueUser, findDueUsers, type ScheduleAdvance } from "../db/digest-schedule.ts";
import type { Deps } from "../domain/deps.ts";
import type { DigestJob } from "../domain/jobs.ts";
import { latestDigestAt, nextDigestAt, usableTimeZone } from "../domain/digest-schedule.ts";
import { isoWeekKey } from "../lib/time/iso-week.ts";

/** Users per page; also Queue.sendBatch's limit of 100 messages. */
export const DUE_USERS_PER_PAGE = 100;
/** Pages per run: 10,000 digests an hour. The rest are found next hour, a little late. */
export const MAX_DUE_PAGES_PER_RUN = 100;

export interface DuePlan {
  jobs: DigestJob[];
  advances: ScheduleAdvance[];
}

/** What to enqueue for a page of due users, and where each one's schedule moves. Pure. */
export function planDueDigests(due: readonly DueUser[], now: number): DuePlan {
  const jobs: DigestJob[] = [];
  const advances: ScheduleAdvance[] = [];
  for (const user of due) {
    const schedule = { timeZone: user.timeZone, weekday: user.digestWeekday, hour: user.digestHour };
    advances.push({ userId: user.id, from: user.nextDigestAt, to: nextDigestAt(schedule, now) });
    const paused = user.pausedUntil !== null && user.pausedUntil > now;
    if (paused || user.unsubscribedAt !== null) continue;
    // Normally the time that came due; after missed runs, this week's time.
    const scheduledFor = Math.max(user.nextDigestAt, latestDigestAt(schedule, now));
    jobs.push({ kind: "digest", userId: user.id, scheduledFor, week: isoWeekKey(scheduledFor, usableTimeZone(user.timeZone)) });
  }
  return { jobs, advances };
}


/** Returns how many digests were enqueued. */
export async function enqueueDueDigests(deps: Pick<Deps, "db" | "jobs">, now: number): Promise<number> {
  let enqueued = 0;
  for (let page = 0; page < MAX_DUE_PAGES_PER_RUN; page++) {
    const due = await findDueUsers(deps.db, now, DUE_USERS_PER_PAGE);
    if (due.length === 0) return enqueued;
    const { jobs, advances } = planDueDigests(due, now);
    // Enqueue before advancing: if advancing fails, the next run enqueues
    // again and the week's claim turns the duplicate away. The other order
    // could lose a digest.
    if (jobs.length > 0) await deps.jobs.sendBatch(jobs);
    await advanceDigestSchedules(deps.db, advances);
    enqueued += jobs.length;
    if (due.length < DUE_USERS_PER_PAGE) return enqueued;
  }
  console.warn(`tend: ${enqueued} digests enqueued, more are due; the next run continues`);
  return enqueued;
}
