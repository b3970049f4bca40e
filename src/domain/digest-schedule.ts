// schedule: when a user's weekly digest is due, in their own time zone.
import { isTimeZone, localParts, zonedTimeToUtc } from "../lib/zoned-time.ts";
import { DAY_MS } from "../model.ts";

export interface DigestSchedule {
  /** IANA zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local hour, 0–23. */
  hour: number;
}

export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { timeZone: "UTC", weekday: 1, hour: 8 };

// A week ahead, plus a day for a DST shift and the candidate that is not after `after`.
const SEARCH_DAYS = 9;

/**
 * A zone Intl knows, else UTC: a bad value in one row must not stop the cron
 * for everyone, and a digest at the wrong hour beats no digest.
 */
export function usableTimeZone(timeZone: string): string {
  return isTimeZone(timeZone) ? timeZone : "UTC";
}

/**
 * The first local digest time strictly after `after`, as a UTC instant. A
 * local hour skipped by a DST change (02:00 on spring-forward night) resolves to
 * the first instant after the gap, so that week's digest still goes out.
 */
export function nextDigestAt(schedule: DigestSchedule, after: number): number {
  const timeZone = usableTimeZone(schedule.timeZone);
  const weekday = clampInt(schedule.weekday, 1, 7);
  const hour = clampInt(schedule.hour, 0, 23);
  const today = localParts(after, timeZone);
  // Walk local calendar dates (noon UTC of each date never crosses a date line
  // twice) and take the first matching weekday whose digest time is still ahead.
  const start = Date.UTC(today.year, today.month - 1, today.day, 12);
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const date = new Date(start + offset * DAY_MS);
    const isoWeekday = ((date.getUTCDay() + 6) % 7) + 1;
    if (isoWeekday !== weekday) continue;
    const candidate = zonedTimeToUtc(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour },
      timeZone,
    );
    if (candidate > after) return candidate;
  }
  throw new Error(`no digest time within ${SEARCH_DAYS} days of ${new Date(after).toISOString()}`);
}

/**
 * The latest local digest time at or before `now`. After a missed run (an
 * outage, a restored row) the digest is written for this week, not for the
 * week whose run was missed.
 */
export function latestDigestAt(schedule: DigestSchedule, now: number): number {
  let latest = nextDigestAt(schedule, now - 8 * DAY_MS);
  for (let next = nextDigestAt(schedule, latest); next <= now; next = nextDigestAt(schedule, latest)) latest = next;
  return latest;
}

/** ISO 8601 week ("2026-W48") of an instant in a zone: the key of one digest per user and week. */
export function isoWeekKey(instant: number, timeZone: string): string {
  const local = localParts(instant, usableTimeZone(timeZone));
  const date = Date.UTC(local.year, local.month - 1, local.day);
  // The ISO week belongs to the year of its Thursday.
  const thursday = date + (4 - local.weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

function clampInt(value: number, min: number, max: number): number {
  return Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : min;
}
