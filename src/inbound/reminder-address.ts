// tend+3d@, tend+2w@, tend+friday@, tend+2026-01-15@: "remind me then";
// tend+everymonday@, tend+every2w@, tend+monthly@, tend+every1st@: "remind me at that rhythm".
import { firstOccurrence, parseRecurrence, type Recurrence, REMINDER_HOUR } from "../domain/recurrence.ts";
import { addDuration, type DurationGrammar, isCalendarDuration, parseDuration } from "../lib/time/durations.ts";
import {
  addDays,
  addMonths,
  isLocalDate,
  isoWeekday,
  type LocalDate,
  startOfMonth,
  startOfWeek,
  weekdayNumber,
} from "../lib/time/local-date.ts";
import { atLocalTime, localDateOf } from "../lib/time/zoned.ts";
import { DAY_MS, HOUR_MS } from "../model.ts";

/** The furthest ahead a follow-up address may point. */
export const MAX_REMINDER_DAYS = 3 * 366;

// An address has no spaces, so counts are digits: "3d", "2w", "4h", "1m".
const TAG_DURATION: DurationGrammar = { units: ["hour", "day", "week", "month"], words: false };

export interface ReminderTime {
  /** UTC instant of the reminder. */
  at: number;
  /** The tag as the user wrote it. */
  label: string;
  /** `tend+3d-keep@`: the reminder fires even when someone replies on the thread first. */
  keep?: boolean;
  /** The rhythm of a recurring reminder; `at` is its first occurrence. Absent for a one-off. */
  recurrence?: Recurrence;
}

/** Written after the time, it keeps a reminder that a reply on its thread would otherwise cancel. */
export const KEEP_SUFFIX = "-keep";

/** The local day a tag names ("tomorrow", "nextweek", "fri", "2027-01-15"), or null. */
function namedDay(tag: string, today: LocalDate): LocalDate | null {
  if (isLocalDate(tag)) return tag;
  if (tag === "tomorrow") return addDays(today, 1);
  if (tag === "nextweek" || tag === "next-week") return addDays(startOfWeek(today), 7);
  if (tag === "nextmonth" || tag === "next-month") return addMonths(startOfMonth(today), 1);
  const weekday = weekdayNumber(tag);
  // The next such weekday, never today.
  return weekday === null ? null : addDays(today, ((weekday - isoWeekday(today) + 6) % 7) + 1);
}

function reminderAt(tag: string, now: number, timeZone: string): number | null {
  const duration = parseDuration(tag, TAG_DURATION);
  // Hours from now, rounded up to the hourly schedule.
  if (duration && !isCalendarDuration(duration)) return Math.ceil((now + duration.count * HOUR_MS) / HOUR_MS) * HOUR_MS;
  const today = localDateOf(now, timeZone);
  const day = duration ? addDuration(today, duration) : namedDay(tag, today);
  return day === null ? null : atLocalTime(day, REMINDER_HOUR, timeZone);
}

/** Reads a subaddress tag as a time after `now`, in the user's zone; null when it is not one. */
export function reminderTime(tag: string, now: number, timeZone: string): ReminderTime | null {
  const spec = tag.trim().toLowerCase();
  const keep = spec.endsWith(KEEP_SUFFIX);
  const when = keep ? spec.slice(0, -KEEP_SUFFIX.length) : spec;
  const recurrence = parseRecurrence(when, localDateOf(now, timeZone));
  const at = recurrence ? firstOccurrence(recurrence, now, timeZone, REMINDER_HOUR) : reminderAt(when, now, timeZone);
  if (at === null || at <= now || at - now > MAX_REMINDER_DAYS * DAY_MS) return null;
  return { at, label: tag, ...(keep ? { keep } : {}), ...(recurrence ? { recurrence } : {}) };
}
