// The actions' one use of chrono-node: a date the user wrote, as a local day.
// (src/lib/dates.ts will be the product's chrono wrapper; switch over when it lands.)
import * as chrono from "chrono-node";
import { localParts, zoneOffset } from "../lib/zoned-time.ts";

/**
 * The local day (YYYY-MM-DD, in `timeZone`) that `text` names, read forward from
 * `now` ("March 3" is the next March 3). Null unless the whole text is one date:
 * "after the launch" is not guessed at.
 */
export function parseLocalDay(text: string, now: number, timeZone: string): string | null {
  const wanted = text.trim();
  if (!wanted) return null;
  // chrono reads the reference as UTC; shift it so its wall clock is the user's.
  const reference = new Date(now + zoneOffset(now, timeZone));
  const [result, ...more] = chrono.parse(wanted, { instant: reference, timezone: 0 }, { forwardDate: true });
  if (!result || more.length > 0 || result.index !== 0 || result.text.length !== wanted.length) return null;
  const year = result.start.get("year");
  const month = result.start.get("month");
  const day = result.start.get("day");
  if (year === null || month === null || day === null) return null;
  return isoDay(year, month, day);
}

export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Today in the user's zone, plus `days` (and `months`, clamped to the month's end). */
export function localDayAfter(now: number, timeZone: string, offset: { days?: number; months?: number }): string {
  const today = localParts(now, timeZone);
  const months = offset.months ?? 0;
  const firstOfMonth = new Date(Date.UTC(today.year, today.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth() + 1, 0)).getUTCDate();
  const date = new Date(
    Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth(), Math.min(today.day, lastDay)) +
      (offset.days ?? 0) * 86_400_000,
  );
  return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Whole days from the user's today to `day` (negative when it is past). */
export function daysUntil(day: string, now: number, timeZone: string): number {
  const today = localParts(now, timeZone);
  const [year, month, date] = day.split("-").map(Number);
  if (year === undefined || month === undefined || date === undefined) return Number.NaN;
  return Math.round((Date.UTC(year, month - 1, date) - Date.UTC(today.year, today.month - 1, today.day)) / 86_400_000);
}
