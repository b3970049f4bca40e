// Recurring reminders (tend+everymonday@, tend+every2w@, tend+monthly@,
// tend+every1st@): the rhythm a subaddress names, and its next occurrence on
// the user's calendar. Occurrences are local days at a local hour, so a DST
// change moves the UTC instant, never the wall-clock time. Pure.
import { addDays, addMonths, dateParts, endOfMonth, isoWeekday, localDate, type LocalDate, startOfMonth, weekdayName, weekdayNumber } from "../lib/time/local-date.ts";
import { atLocalTime, localDateOf } from "../lib/time/zoned.ts";

/** Local hour at which a reminder for a day (not an hour) is sent, one-off or recurring. */
export const REMINDER_HOUR = 9;

export type Recurrence =
  /** Every `count` days (weeks are 7 days each). */
  | { every: "days"; count: number }
  /** Every week on one ISO weekday (1 = Monday). */
  | { every: "weekday"; weekday: number }
  /** Every `count` months on day `day` of the month (clamped to the month's last day). */
  | { every: "months"; count: number; day: number };

/** The longest rhythm an address may name: a reminder less often than yearly is a one-off (tend+2027-01-15@). */
export const MAX_RECURRENCE_DAYS = 366;
const MAX_RECURRENCE_MONTHS = 12;
/** Occurrences skipped at most when the cron catches up after an outage; beyond, the rhythm restarts from now. */
const MAX_CATCH_UP_STEPS = 400;

const NAMED: Readonly<Record<string, (today: LocalDate) => Recurrence>> = {
  daily: () => ({ every: "days", count: 1 }),
  everyday: () => ({ every: "days", count: 1 }),
  weekly: () => ({ every: "days", count: 7 }),
  everyweek: () => ({ every: "days", count: 7 }),
  biweekly: () => ({ every: "days", count: 14 }),
  fortnightly: () => ({ every: "days", count: 14 }),
  everyotherweek: () => ({ every: "days", count: 14 }),
  monthly: (today) => ({ every: "months", count: 1, day: dateParts(today).day }),
  everymonth: (today) => ({ every: "months", count: 1, day: dateParts(today).day }),
  quarterly: (today) => ({ every: "months", count: 3, day: dateParts(today).day }),
  yearly: (today) => ({ every: "months", count: 12, day: dateParts(today).day }),
  annually: (today) => ({ every: "months", count: 12, day: dateParts(today).day }),
  everyyear: (today) => ({ every: "months", count: 12, day: dateParts(today).day }),
};

const UNIT_DAYS: Readonly<Record<string, number>> = { d: 1, day: 1, days: 1, w: 7, wk: 7, wks: 7, week: 7, weeks: 7 };
const UNIT_MONTHS: Readonly<Record<string, number>> = { m: 1, mo: 1, month: 1, months: 1, y: 12, yr: 12, year: 12, years: 12 };

function valid(rule: Recurrence): Recurrence | null {
  if (rule.every === "days") return rule.count >= 1 && rule.count <= MAX_RECURRENCE_DAYS ? rule : null;
  if (rule.every === "months") return rule.count >= 1 && rule.count <= MAX_RECURRENCE_MONTHS && rule.day >= 1 && rule.day <= 31 ? rule : null;
  return rule.weekday >= 1 && rule.weekday <= 7 ? rule : null;
}

/**
 * The rhythm a subaddress tag names, anchored on `today` (the user's local day
 * the request was made), or null when the tag is not a recurring one.
 * "every1st" is the 1st of each month; "everymonday" each Monday; "every2w"
 * every two weeks from today; "monthly" this day of each month.
 */
export function parseRecurrence(tag: string, today: LocalDate): Recurrence | null {
  const t = tag.trim().toLowerCase().replaceAll("-", "");
  const named = NAMED[t];
  if (named) return valid(named(today));
  const rest = /^every(.+)$/.exec(t)?.[1];
  if (!rest) return null;
  const nth = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(rest);
  if (nth?.[1]) return valid({ every: "months", count: 1, day: Number(nth[1]) });
  const counted = /^(\d{1,3})([a-z]+)$/.exec(rest);
  if (counted?.[1] && counted[2]) {
    const count = Number(counted[1]);
    const days = UNIT_DAYS[counted[2]];
    if (days !== undefined) return valid({ every: "days", count: count * days });
    const months = UNIT_MONTHS[counted[2]];
    if (months !== undefined) return valid({ every: "months", count: count * months, day: dateParts(today).day });
    return null;
  }
  // "everymonday", "everymon", "everyweds"; a plural ("everymondays") reads the same.
  const weekday = weekdayNumber(rest) ?? weekdayNumber(rest.replace(/s$/, ""));
  return weekday === null ? null : { every: "weekday", weekday };
}

/** Day `day` of the month that `anyDay` is in, clamped to its last day. */
function dayOfMonth(anyDay: LocalDate, day: number): LocalDate {
  const first = startOfMonth(anyDay);
  const { year, month } = dateParts(first);
  const last = dateParts(endOfMonth(first)).day;
  return localDate(year, month, Math.min(day, last));
}

/** The first occurrence strictly after local day `after`. */
function occurrenceAfter(rule: Recurrence, after: LocalDate): LocalDate {
  if (rule.every === "days") return addDays(after, rule.count);
  if (rule.every === "weekday") return addDays(after, ((rule.weekday - isoWeekday(after) + 6) % 7) + 1);
  // This month's day when it is still ahead (every1st asked on the 25th is next month's 1st).
  const thisMonth = dayOfMonth(after, rule.day);
  if (rule.count === 1 && thisMonth > after) return thisMonth;
  return dayOfMonth(addMonths(startOfMonth(after), rule.count), rule.day);
}

/** The first occurrence after the request, at `hour` local: never the day the user asked. */
export function firstOccurrence(rule: Recurrence, now: number, timeZone: string, hour: number): number {
  return atLocalTime(occurrenceAfter(rule, localDateOf(now, timeZone)), hour, timeZone);
}

/**
 * The occurrence after the one at `previous`, and after `now`: a rhythm counts
 * from its own days, so a late cron run does not shift it, and occurrences
 * missed during an outage are skipped, not sent in a burst.
 */
export function nextOccurrence(rule: Recurrence, previous: number, now: number, timeZone: string, hour: number): number {
  let day = localDateOf(previous, timeZone);
  for (let step = 0; step < MAX_CATCH_UP_STEPS; step++) {
    day = occurrenceAfter(rule, day);
    const at = atLocalTime(day, hour, timeZone);
    if (at > now) return at;
  }
  return firstOccurrence(rule, now, timeZone, hour);
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

/** "every Monday", "every 2 weeks", "every month on the 1st", for a person to read. */
export function describeRecurrence(rule: Recurrence): string {
  if (rule.every === "days") {
    if (rule.count === 1) return "every day";
    if (rule.count % 7 === 0) return rule.count === 7 ? "every week" : `every ${rule.count / 7} weeks`;
    return `every ${rule.count} days`;
  }
  if (rule.every === "weekday") return `every ${weekdayName(rule.weekday)}`;
  const on = rule.day >= 29 ? `on the ${ordinal(rule.day)} (or the month's last day)` : `on the ${ordinal(rule.day)}`;
  if (rule.count === 12) return `every year, ${on}`;
  return rule.count === 1 ? `every month ${on}` : `every ${rule.count} months ${on}`;
}

/** A rule as stored in recurring_reminders.rule. */
export function writeRecurrence(rule: Recurrence): string {
  return JSON.stringify(rule);
}

/** A stored rule read back; null when the row holds something this version does not know. */
export function readRecurrence(json: string): Recurrence | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const v = new Map<string, unknown>(Object.entries(value));
  const int = (key: string): number | null => {
    const x = v.get(key);
    return typeof x === "number" && Number.isInteger(x) ? x : null;
  };
  const count = int("count");
  const day = int("day");
  const weekday = int("weekday");
  const every = v.get("every");
  if (every === "days" && count !== null) return valid({ every: "days", count });
  if (every === "months" && count !== null && day !== null) return valid({ every: "months", count, day });
  if (every === "weekday" && weekday !== null) return valid({ every: "weekday", weekday });
  return null;
}
