// How long, as people write it: "3d", "2 wks", "a month", "for 3 days",
// "every other week", "monthly". One vocabulary of units and
// counts for follow-up addresses, snoozes, pauses, check-in rhythms and the
// durations inside prose ("in 2 weeks", read by the chrono phrases).
import { addDays, addMonths, type LocalDate } from "./local-date.ts";

export type CalendarUnit = "day" | "week" | "month" | "year";
export type DurationUnit = "hour" | CalendarUnit;
export interface Duration {
  count: number;
  unit: DurationUnit;
}
/** A duration counted on the calendar, not the clock. */
export interface CalendarDuration extends Duration {
  unit: CalendarUnit;
}

export function isCalendarDuration(duration: Duration): duration is CalendarDuration {
  return duration.unit !== "hour";
}

const UNIT_WORDS: Readonly<Record<string, DurationUnit>> = {
  h: "hour", hr: "hour", hrs: "hour", hour: "hour", hours: "hour",
  d: "day", day: "day", days: "day",
  w: "week", wk: "week", wks: "week", week: "week", weeks: "week",
  m: "month", mo: "month", mos: "month", month: "month", months: "month",
  y: "year", yr: "year", yrs: "year", year: "year", years: "year",
};

const COUNT_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, few: 3,
};

/** Count words as a regex alternation, longest first so "a couple of" is not read as "a". */
export const COUNT_WORD_PATTERN = Object.keys(COUNT_WORDS)
  .toSorted((a, b) => b.length - a.length)
  .join("|");

/** The unit a word names ("wks" → week), or null. */
export function durationUnit(word: string): DurationUnit | null {
  return UNIT_WORDS[word.toLowerCase()] ?? null;
}

/** "3" → 3, "a couple of" → 2, "few" → 3; NaN when the text is no count. */
export function durationCount(text: string): number {
  const t = text.toLowerCase().replace(/\s+/g, " ");
  return COUNT_WORDS[t] ?? (/^\d+$/.test(t) ? Number(t) : Number.NaN);
}

export interface DurationGrammar {
  /** The units this place understands: a follow-up address takes hours, a snooze does not. */
  units: readonly DurationUnit[];
  /** Counts in words ("two weeks", "a month") as well as digits. */
  words: boolean;
}

// A count glued to its unit or spaced from it: "3d", "10 days", "a month". Four
// digits is already years of days; longer numbers are typos.
const DURATION = new RegExp(String.raw`^(\d{1,4}|${COUNT_WORD_PATTERN})\s*([a-z]+)$`);

/** The whole of `text` as a duration in one of `grammar.units`, or null. */
export function parseDuration(text: string, grammar: DurationGrammar): Duration | null {
  const match = DURATION.exec(text.trim().toLowerCase().replace(/\s+/g, " "));
  if (!match?.[1] || !match[2]) return null;
  if (!grammar.words && !/^\d/.test(match[1])) return null;
  const unit = durationUnit(match[2]);
  if (unit === null || !grammar.units.includes(unit)) return null;
  return { count: durationCount(match[1]), unit };
}

/** The local day a calendar duration after `day` (months clamp: 31 Jan + 1 month = 28/29 Feb). */
export function addDuration(day: LocalDate, duration: CalendarDuration): LocalDate {
  const { count, unit } = duration;
  if (unit === "day" || unit === "week") return addDays(day, (unit === "week" ? 7 : 1) * count);
  return addMonths(day, (unit === "year" ? 12 : 1) * count);
}

// A rhythm is counted in days; a "month" of check-ins is 30 of them, whatever the month.
const RHYTHM_UNIT_DAYS: Readonly<Record<CalendarUnit, number>> = { day: 1, week: 7, month: 30, year: 365 };
const NAMED_RHYTHM_DAYS: Readonly<Record<string, number>> = {
  daily: 1,
  weekly: 7,
  biweekly: 14,
  fortnightly: 14,
  monthly: 30,
  bimonthly: 61,
  quarterly: 91,
  "twice a year": 183,
  biannually: 183,
  yearly: 365,
  annually: 365,
};
const RHYTHM_GRAMMAR: DurationGrammar = { units: ["day", "week", "month", "year"], words: true };

/** "monthly", "every 2 weeks", "every other week", "6w", "week": days between two occurrences, or null. */
export function rhythmDays(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  const every = t.replace(/^every\s+/, "");
  const named = NAMED_RHYTHM_DAYS[t] ?? NAMED_RHYTHM_DAYS[every];
  if (named) return named;
  const other = /^other\s*(.*)$/.exec(every);
  const duration = other
    ? parseDuration(`2 ${other[1] ?? ""}`, RHYTHM_GRAMMAR)
    : (parseDuration(every, RHYTHM_GRAMMAR) ?? parseDuration(`1 ${every}`, RHYTHM_GRAMMAR));
  return duration && isCalendarDuration(duration) ? duration.count * RHYTHM_UNIT_DAYS[duration.unit] : null;
}
