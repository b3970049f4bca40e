// schedule: when a user's weekly digest is due, in their own time zone.
import { addDays, isoWeekday, type LocalDate } from "../lib/time/local-date.ts";
import { atLocalTime, isTimeZone, localDateOf } from "../lib/time/zoned.ts";

export interface DigestSchedule {
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local hour, 0–23. */
  hour: number;
}

export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { timeZone: "UTC", weekday: 1, hour: 8 };

/**
 * A zone Intl knows, else UTC: a bad value in one row must not stop the cron
 * for everyone, and a digest at the wrong hour beats no digest.
 */
export function usableTimeZone(timeZone: string): string {
  return isTimeZone(timeZone) ? timeZone : "UTC";
}

function clampInt(value: number, min: number, max: number): number {
  return Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : min;
}

/** The digest time on a local day. */
function digestTimeOn(day: LocalDate, schedule: DigestSchedule): number {
  return atLocalTime(day, clampInt(schedule.hour, 0, 23), usableTimeZone(schedule.timeZone));
}

/**
 * The first local digest time strictly after `after`, as a UTC instant. A
 * local hour skipped by a DST change (02:00 on spring-forward night) resolves to
 * the first instant after the gap, so that week's digest still goes out.
 */
export function nextDigestAt(schedule: DigestSchedule, after: number): number {
  const today = localDateOf(after, usableTimeZone(schedule.timeZone));
  // This week's digest day, today included; once today's digest time has passed, next week's.
  const day = addDays(today, (clampInt(schedule.weekday, 1, 7) - isoWeekday(today) + 7) % 7);
  const candidate = digestTimeOn(day, schedule);
  return candidate > after ? candidate : digestTimeOn(addDays(day, 7), schedule);
}

/**
 * The latest local digest time at or before `now`. After a missed run (an
 * outage, a restored row) the digest is written for this week, not for the
 * week whose run was missed.
 */
export function latestDigestAt(schedule: DigestSchedule, now: number): number {
  const next = nextDigestAt(schedule, now);
  return digestTimeOn(addDays(localDateOf(next, usableTimeZone(schedule.timeZone)), -7), schedule);
}
