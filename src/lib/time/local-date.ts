// Calendar days as people name them ("2026-03-12"): no zone, no time of day.
// date-fns does the arithmetic on @date-fns/utc's UTCDate, so neither the
// host's zone nor a DST change can move a day.
import { UTCDate } from "@date-fns/utc";
import {
  addDays as addDaysTo,
  addMonths as addMonthsTo,
  differenceInCalendarDays,
  endOfMonth as lastDayOfMonth,
  formatISO,
  getISODay,
  startOfISOWeek,
  startOfMonth as firstDayOfMonth,
} from "date-fns";

/** A local calendar date, YYYY-MM-DD. */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTCDate of a real day, or null ("2026-02-30" is none). */
function parse(text: string): UTCDate | null {
  const m = LOCAL_DATE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new UTCDate(year, month - 1, day);
  return date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

function toDate(day: LocalDate): UTCDate {
  const date = parse(day);
  if (!date) throw new RangeError(`not a day: ${day}`);
  return date;
}

function fromDate(date: Date): LocalDate {
  return formatISO(date, { representation: "date" });
}

/** The text is one real day, written YYYY-MM-DD ("2026-02-30" is not). */
export function isLocalDate(text: string): boolean {
  return parse(text) !== null;
}

/** The day of a year, month (1-12) and day; out-of-range parts roll over (1 Jan + day 0 = 31 Dec). */
export function localDate(year: number, month: number, day: number): LocalDate {
  return fromDate(new UTCDate(year, month - 1, day));
}

/** Year, month (1-12) and day of a local date. */
export function dateParts(day: LocalDate): { year: number; month: number; day: number } {
  const date = toDate(day);
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

export function addDays(day: LocalDate, days: number): LocalDate {
  return fromDate(addDaysTo(toDate(day), days));
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: LocalDate, months: number): LocalDate {
  return fromDate(addMonthsTo(toDate(day), months));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: LocalDate): number {
  return getISODay(toDate(day));
}

/** Monday of the day's ISO week. */
export function startOfWeek(day: LocalDate): LocalDate {
  return fromDate(startOfISOWeek(toDate(day)));
}

/** "End of this week": Friday, or Sunday once the work week is over. */
export function endOfWorkWeek(day: LocalDate): LocalDate {
  const weekday = isoWeekday(day);
  return addDays(day, weekday <= 5 ? 5 - weekday : 7 - weekday);
}

export function startOfMonth(day: LocalDate): LocalDate {
  return fromDate(firstDayOfMonth(toDate(day)));
}

export function endOfMonth(day: LocalDate): LocalDate {
  return fromDate(lastDayOfMonth(toDate(day)));
}

// Full names, every prefix of three letters or more ("thu", "thur", "thurs"), and "weds".
const WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** "Monday" for 1 … "Sunday" for 7. */
export function weekdayName(weekday: number): string {
  const name = WEEKDAY_NAMES[weekday - 1] ?? "monday";
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** ISO weekday (1 = Monday) a word names ("fri", "Thursday", "weds"), or null. */
export function weekdayNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w === "weds") return 3;
  const index = WEEKDAY_NAMES.findIndex((name) => name === w || (w.length >= 3 && name.startsWith(w)));
  return index < 0 ? null : index + 1;
}
