// Local days for snoozes and pauses, on top of the product's one chrono wrapper
// (src/lib/dates.ts) and Intl zone helpers.
import { addDays, addMonths, findDate, type LocalDate, localDateOf } from "../lib/dates.ts";
import { formatDay as formatInstantDay } from "../lib/format-date.ts";
import { zonedTimeToUtc } from "../lib/zoned-time.ts";

/**
 * The local day `text` names, read forward from `now` in `timeZone` ("March 3"
 * is the next March 3, "next week" its Monday). Null unless the whole text is
 * one date: "after the launch" is not guessed at.
 */
export function parseLocalDay(text: string, now: number, timeZone: string): LocalDate | null {
  const wanted = text.trim();
  if (!wanted) return null;
  const match = findDate(wanted, new Date(now), timeZone, { mode: "start" });
  return match && match.index === 0 && match.text.trim().length === wanted.length ? match.date : null;
}

/** The user's today plus whole months, then days. */
export function localDayAfter(now: number, timeZone: string, offset: { days?: number; months?: number }): LocalDate {
  return addDays(addMonths(localDateOf(new Date(now), timeZone), offset.months ?? 0), offset.days ?? 0);
}

function utcMidnight(day: LocalDate): number {
  const [year, month, date] = day.split("-").map(Number);
  if (year === undefined || month === undefined || date === undefined) throw new RangeError(`not a day: ${day}`);
  return Date.UTC(year, month - 1, date);
}

/** Whole days from the user's today to `day` (negative when it is past). */
export function daysUntil(day: LocalDate, now: number, timeZone: string): number {
  return Math.round((utcMidnight(day) - utcMidnight(localDateOf(new Date(now), timeZone))) / 86_400_000);
}

/** The first instant of a local day in `timeZone`. */
export function startOfDay(day: LocalDate, timeZone: string): number {
  const midnight = new Date(utcMidnight(day));
  return zonedTimeToUtc(
    { year: midnight.getUTCFullYear(), month: midnight.getUTCMonth() + 1, day: midnight.getUTCDate(), hour: 0 },
    timeZone,
  );
}

/** "Thu 3 Dec" (with the year when it is not this year) for a local day. */
export function formatDay(day: LocalDate, timeZone: string, now: number): string {
  return formatInstantDay(startOfDay(day, timeZone), timeZone, now);
}
