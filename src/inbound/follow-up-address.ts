// tend+3d@, tend+2w@, tend+friday@, tend+2026-01-15@: "remind me then".
import { DAY_MS, HOUR_MS } from "../model.ts";
import { localParts, zonedTimeToUtc } from "../lib/zoned-time.ts";

/** Local hour at which a reminder for a day (not an hour) is sent. */
export const REMINDER_HOUR = 9;
/** The furthest ahead a follow-up address may point. */
export const MAX_FOLLOW_UP_DAYS = 3 * 366;

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const UNIT_DAYS: Record<string, number> = { d: 1, day: 1, days: 1, w: 7, wk: 7, week: 7, weeks: 7 };

function weekdayIndex(tag: string): number {
  const index = WEEKDAYS.findIndex((day) => tag === day || (tag.length >= 3 && day.startsWith(tag)));
  return index < 0 ? -1 : index + 1;
}

export interface FollowUpTime {
  /** UTC instant of the reminder. */
  at: number;
  /** The tag as the user wrote it. */
  label: string;
}

/** Reads a subaddress tag as a time after `now`, in the user's zone; null when it is not one. */
export function followUpTime(tag: string, now: number, timeZone: string): FollowUpTime | null {
  const t = tag.trim().toLowerCase();
  const today = localParts(now, timeZone);
  const onDay = (daysAhead: number): number => {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day) + daysAhead * DAY_MS);
    return zonedTimeToUtc(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: REMINDER_HOUR },
      timeZone,
    );
  };
  let at: number | null = null;

  const duration = t.match(/^(\d{1,4})\s*(h|hr|hrs|hours?|d|days?|w|wk|weeks?|m|mo|months?)$/);
  const iso = t.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (duration?.[1] && duration[2]) {
    const n = Number(duration[1]);
    const unit = duration[2];
    if (unit.startsWith("h")) at = Math.ceil((now + n * HOUR_MS) / HOUR_MS) * HOUR_MS;
    else if (unit.startsWith("m")) {
      const month = new Date(Date.UTC(today.year, today.month - 1 + n, today.day));
      at = zonedTimeToUtc(
        { year: month.getUTCFullYear(), month: month.getUTCMonth() + 1, day: month.getUTCDate(), hour: REMINDER_HOUR },
        timeZone,
      );
    } else at = onDay(n * (UNIT_DAYS[unit] ?? 1));
  } else if (iso?.[1] && iso[2] && iso[3]) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
    at = zonedTimeToUtc({ year, month, day, hour: REMINDER_HOUR }, timeZone);
  } else if (t === "tomorrow") at = onDay(1);
  else if (t === "nextweek" || t === "next-week") at = onDay(8 - today.weekday);
  else if (t === "nextmonth" || t === "next-month") {
    at = zonedTimeToUtc({ year: today.year + (today.month === 12 ? 1 : 0), month: (today.month % 12) + 1, day: 1, hour: REMINDER_HOUR }, timeZone);
  } else {
    const weekday = weekdayIndex(t);
    if (weekday > 0) at = onDay(((weekday - today.weekday + 6) % 7) + 1);
  }
  if (at === null || at <= now || at - now > MAX_FOLLOW_UP_DAYS * DAY_MS) return null;
  return { at, label: tag };
}
