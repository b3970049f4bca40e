// The one wrapper around chrono-node. Dates in text resolve relative to an
// instant, in the user's IANA zone, to a local calendar date (YYYY-MM-DD).
//
// chrono is handed a "wall-clock" reference: an instant whose UTC fields are
// the user's local date and time, with timezone 0. Everything after that is
// plain calendar arithmetic on UTC fields, so neither the host's zone nor DST
// can shift a day.
import * as chrono from "chrono-node";
import { localParts } from "./zoned-time.ts";

/** A local calendar date, YYYY-MM-DD. */
export type LocalDate = string;

export interface DateOptions {
  /**
   * "deadline" reads a period as its end ("next week" is Friday of next
   * week); "start" reads it as its beginning (Monday of next week).
   */
  mode?: "deadline" | "start";
  /** The text speaks of the past ("started on Monday"): resolve backwards. */
  past?: boolean;
}

export interface DateMatch {
  date: LocalDate;
  /** Where the phrase starts in the text, and the phrase itself. */
  index: number;
  text: string;
}

const DAY_MS = 86_400_000;

function toUtcMs(date: LocalDate): number {
  const [y, m, d] = date.split("-").map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function ymd(year: number, month: number, day: number): LocalDate {
  return fromUtcMs(Date.UTC(year, month - 1, day));
}

/** The user's calendar date at an instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const p = localParts(instant.getTime(), timeZone);
  return ymd(p.year, p.month, p.day);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const d = new Date(toUtcMs(date));
  const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return ymd(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(d.getUTCDate(), last));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function startOfWeek(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** "End of this week": Friday, or Sunday once the work week is over. */
export function endOfWeek(date: LocalDate): LocalDate {
  const weekday = isoWeekday(date);
  return addDays(date, weekday <= 5 ? 5 - weekday : 7 - weekday);
}

export function startOfMonth(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

export function endOfMonth(date: LocalDate): LocalDate {
  return addDays(addMonths(startOfMonth(date), 1), -1);
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((8 * b + 13) / 25)) / 3) + 15) % 30;
  const i = Math.floor(c / 4);
  const l = (32 + 2 * (b % 4) + 2 * i - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

const WEEKDAY_NUMBERS: Record<string, number> = {
  mon: 1, monday: 1,
  tue: 2, tues: 2, tuesday: 2,
  wed: 3, weds: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5,
  sat: 6, saturday: 6,
  sun: 7, sunday: 7,
};

const UNIT_WORDS = "days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?";
const COUNT_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, few: 3,
};

function addUnits(date: LocalDate, count: number, unit: string): LocalDate {
  if (/^(d|days?)$/.test(unit)) return addDays(date, count);
  if (/^(w|wks?|weeks?)$/.test(unit)) return addDays(date, 7 * count);
  if (/^(mos?|months?)$/.test(unit)) return addMonths(date, count);
  return addMonths(date, 12 * count);
}

interface Rule {
  pattern: RegExp;
  resolve: (match: RegExpExecArray, today: LocalDate, options: Required<DateOptions>) => LocalDate | null;
}

/** Weekday resolution, with the choices the tests pin down. */
function resolveWeekday(qualifier: string | undefined, target: number, today: LocalDate, past: boolean): LocalDate {
  const current = isoWeekday(today);
  if (qualifier === "next") return addDays(startOfWeek(today), 7 + target - 1);
  if (qualifier === "last") return addDays(startOfWeek(today), -7 + target - 1);
  if (qualifier === "this") {
    const inWeek = addDays(startOfWeek(today), target - 1);
    return inWeek >= today ? inWeek : addDays(inWeek, 7);
  }
  if (past) return addDays(today, -(((current - target + 7) % 7) || 7));
  // A bare weekday that names today means next week's: people say "today" for today.
  return addDays(today, ((target - current + 7) % 7) || 7);
}

const RULES: Rule[] = [
  {
    pattern: /\b(?:the\s+)?day\s+after\s+(?:tomorrow|tmrw)\b/gi,
    resolve: (_m, today) => addDays(today, 2),
  },
  {
    pattern: /\b(?:tomorrow|tmrw|tmrow|tmr|tomorow|tommorow|tommorrow|2morrow|2moro)\b/gi,
    resolve: (_m, today) => addDays(today, 1),
  },
  {
    pattern: /\b(?:today|tonight|tonite|this\s+(?:morning|afternoon|evening)|eod|end\s+of\s+(?:the\s+)?day|cob|close\s+of\s+business)\b/gi,
    resolve: (_m, today) => today,
  },
  {
    pattern: /\byesterday\b/gi,
    resolve: (_m, today) => addDays(today, -1),
  },
  {
    pattern: /\b(?:(?:by\s+)?(?:the\s+)?end\s+of\s+next\s+week|next\s+week)\b/gi,
    resolve: (m, today, o) =>
      o.mode === "deadline" || /end/i.test(m[0])
        ? addDays(startOfWeek(today), 11)
        : addDays(startOfWeek(today), 7),
  },
  {
    pattern: /\b(early|mid|middle\s+of|late|later)\s+next\s+week\b/gi,
    resolve: (m, today) => {
      const part = (m[1] ?? "").toLowerCase();
      const offset = part === "early" ? 8 : part.startsWith("mid") ? 9 : 11;
      return addDays(startOfWeek(today), offset);
    },
  },
  {
    pattern: /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:work\s*)?week|eow|this\s+week|later\s+this\s+week)\b/gi,
    resolve: (m, today, o) => (o.mode === "deadline" || /end|eow/i.test(m[0]) ? endOfWeek(today) : today),
  },
  {
    pattern: /\bnext\s+weekend\b/gi,
    resolve: (_m, today, o) => addDays(startOfWeek(today), o.mode === "deadline" ? 13 : 12),
  },
  {
    pattern: /\b(?:this|over\s+the|on\s+the|at\s+the)\s+weekend\b/gi,
    resolve: (_m, today, o) => {
      const saturday = addDays(startOfWeek(today), 5);
      if (o.mode === "deadline") return addDays(saturday, 1);
      return saturday < today ? today : saturday;
    },
  },
  {
    pattern: /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|eom|this\s+month|later\s+this\s+month)\b/gi,
    resolve: (m, today, o) => (o.mode === "deadline" || /end|eom/i.test(m[0]) ? endOfMonth(today) : today),
  },
  {
    pattern: /\b(?:(?:the\s+)?end\s+of\s+next\s+month|next\s+month)\b/gi,
    resolve: (m, today, o) => {
      const first = addMonths(startOfMonth(today), 1);
      return o.mode === "deadline" || /end/i.test(m[0]) ? endOfMonth(first) : first;
    },
  },
  {
    pattern: /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year|eoy|later\s+this\s+year)\b/gi,
    resolve: (_m, today) => `${today.slice(0, 4)}-12-31`,
  },
  {
    pattern: /\bnext\s+year\b/gi,
    resolve: (_m, today, o) => {
      const year = Number(today.slice(0, 4)) + 1;
      return o.mode === "deadline" ? `${year}-12-31` : `${year}-01-01`;
    },
  },
  {
    pattern: new RegExp(
      String.raw`\b(?:in|within)\s+(?:the\s+next\s+)?(\d+|a couple of|a couple|couple of|a few|few|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s*(${UNIT_WORDS})\b`,
      "gi",
    ),
    resolve: (m, today) => addUnits(today, COUNT_WORDS[(m[1] ?? "").toLowerCase()] ?? Number(m[1]), (m[2] ?? "").toLowerCase()),
  },
  {
    pattern: new RegExp(String.raw`\b(\d+)\s*(${UNIT_WORDS})\s+from\s+(?:now|today)\b`, "gi"),
    resolve: (m, today) => addUnits(today, Number(m[1]), (m[2] ?? "").toLowerCase()),
  },
  {
    // "in 2wks", "3w" in shorthand notes; a bare number needs the short unit glued on.
    pattern: /\b(?:in\s+)?(\d+)(wks?|w|d|mos?)\b/gi,
    resolve: (m, today) => addUnits(today, Number(m[1]), (m[2] ?? "").toLowerCase()),
  },
  {
    pattern: /\b(?:(next|this|last|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!'s|’s)/gi,
    resolve: (m, today, o) =>
      resolveWeekday(m[1]?.toLowerCase().replace("coming", "this"), WEEKDAY_NUMBERS[(m[2] ?? "").toLowerCase()] ?? 1, today, o.past),
  },
  {
    // "before Friday's board meeting" looks ahead; "from Tuesday's session" does not.
    pattern:
      /(?<=\b(?:by|before|until|till|for|after|ahead\s+of|prior\s+to|in\s+time\s+for)\s+)(?:(next|this|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?='s|’s)/gi,
    resolve: (m, today, o) =>
      resolveWeekday(m[1]?.toLowerCase().replace("coming", "this"), WEEKDAY_NUMBERS[(m[2] ?? "").toLowerCase()] ?? 1, today, o.past),
  },
  {
    // Abbreviations are ordinary words too ("we sat down"), so they need a preposition.
    pattern: /\b(?:by|on|until|till|before|from|after|this|next|coming)\s+(mon|tues?|weds?|thu|thurs?|fri|sat|sun)\b\.?(?!'s|’s)/gi,
    resolve: (m, today, o) => {
      const qualifier = /^(next|this|coming)/i.exec(m[0])?.[0].toLowerCase().replace("coming", "this");
      return resolveWeekday(qualifier, WEEKDAY_NUMBERS[(m[1] ?? "").toLowerCase()] ?? 1, today, o.past);
    },
  },
  {
    // "by the 20th": the next such day of the month (today counts).
    pattern: /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)(?!\s+(?!at\b|and\b|if\b|or\b|so\b|then\b|please\b|for\b|to\b)[a-z])/gi,
    resolve: (m, today, o) => {
      const day = Number(m[1]);
      if (day < 1 || day > 31) return null;
      for (let step = 0; step < 3; step++) {
        const month = addMonths(startOfMonth(today), o.past ? -step : step);
        if (day > Number(endOfMonth(month).slice(8))) continue;
        const candidate = `${month.slice(0, 8)}${String(day).padStart(2, "0")}`;
        if (o.past ? candidate <= today : candidate >= today) return candidate;
      }
      return null;
    },
  },
  {
    pattern: /\b(easter|christmas|xmas|new\s+year'?s?(?:\s+day)?|thanksgiving)\b/gi,
    resolve: (m, today, o) => {
      const name = (m[1] ?? "").toLowerCase();
      const year = Number(today.slice(0, 4));
      const on = (y: number): LocalDate => {
        if (name === "easter") return easterSunday(y);
        if (name === "christmas" || name === "xmas") return `${y}-12-25`;
        if (name === "thanksgiving") {
          const first = ymd(y, 11, 1);
          return addDays(first, ((4 - isoWeekday(first) + 7) % 7) + 21);
        }
        return `${y + 1}-01-01`;
      };
      const thisYear = on(year);
      if (o.past) return thisYear <= today ? thisYear : on(year - 1);
      return thisYear >= today ? thisYear : on(year + 1);
    },
  },
];

// Words that are also month names: only a date after a preposition.
const AMBIGUOUS_MONTH = /^(may|march|mar|jun|sept?|dec)$/i;
const MONTH_PREPOSITION = /\b(in|by|until|till|before|after|since|from|of|early|mid|late|end of|during|on)\s*$/i;

const NUMERIC_DATE = /^\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?$/;

/** Day-first numeric dates everywhere but the Americas ("3/4" is 3 April in Berlin). */
function isDayFirst(timeZone: string): boolean {
  return !timeZone.startsWith("America/");
}

interface Candidate {
  date: LocalDate;
  index: number;
  text: string;
}

function chronoCandidates(text: string, wallClock: Date, today: LocalDate, timeZone: string, options: Required<DateOptions>): Candidate[] {
  const reference = { instant: wallClock, timezone: 0 };
  const parseOptions = { forwardDate: !options.past };
  const out: Candidate[] = [];
  for (const casual of chrono.en.casual.parse(text, reference, parseOptions)) {
    // Only numeric dates are re-read day-first: en.GB also reads "May 15" as May 2015.
    const dayFirst = isDayFirst(timeZone) && NUMERIC_DATE.test(casual.text)
      ? chrono.en.GB.parse(casual.text, reference, parseOptions)[0]
      : undefined;
    const start = dayFirst?.start ?? casual.start;
    // Weekdays and times of day alone are ours; a time is not a date.
    if (!start.isCertain("month") && !start.isCertain("day")) continue;
    // chrono reads "last day" as yesterday; people mean someone's last day at work.
    if (/^last\s+day$/i.test(casual.text.trim())) continue;
    // "15 minutes", "2 hours": how long, not when.
    if (/\b(?:minutes?|mins?|hours?|hrs?|seconds?|secs?)\b/i.test(casual.text)) continue;
    const before = text.slice(0, casual.index);
    if (AMBIGUOUS_MONTH.test(casual.text.trim()) && !MONTH_PREPOSITION.test(before)) continue;
    const year = start.get("year") ?? Number(today.slice(0, 4));
    const month = start.get("month") ?? 1;
    let date = ymd(year, month, start.get("day") ?? 1);
    if (!start.isCertain("day")) {
      // chrono sends "in March", said in March, to next year; it means this month.
      if (!options.past && !start.isCertain("year") && date.slice(5, 7) === today.slice(5, 7) && date > today) {
        date = startOfMonth(today);
      }
      if (/\bafter\b[^.,;!?]*$/i.test(before)) date = addMonths(startOfMonth(date), 1);
    } else if (/\bafter\s+(?:the\s+)?$/i.test(before)) {
      date = addDays(date, 1);
    }
    out.push({ date, index: casual.index, text: casual.text });
  }
  return out;
}

function ruleCandidates(text: string, today: LocalDate, options: Required<DateOptions>): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      let date = rule.resolve(m, today, options);
      if (!date) continue;
      if (/\bafter\s+$/i.test(text.slice(0, m.index))) date = addDays(date, 1);
      out.push({ date, index: m.index, text: m[0] });
    }
  }
  return out;
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

// "end of day tomorrow", "EOD Friday": a time of day, then the day it is on.
const TIME_OF_DAY = /^(?:eod|cob|end\s+of\s+(?:the\s+)?day|close\s+of\s+business|tonight|tonite|this\s+(?:morning|afternoon|evening))$/i;
const TIME_OF_DAY_GAP = /^\s*(?:on\s+)?$/i;

/** Drops a time of day that the day right after it makes more specific. */
function withoutQualifiedTimes(sorted: Candidate[], text: string): Candidate[] {
  return sorted.filter((c, i) => {
    const next = sorted.slice(i + 1).find((n) => n.index >= c.index + c.text.length);
    return !(
      next &&
      TIME_OF_DAY.test(c.text.trim()) &&
      TIME_OF_DAY_GAP.test(text.slice(c.index + c.text.length, next.index))
    );
  });
}

// Every phrase either parser reads has a digit or one of these words; without
// one, chrono (the slow part) is not asked.
const DATE_HINT =
  /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|toni|tom|tmr|2mor|yesterday|week|month|year|eo[dwmy]|cob|close\s+of|easter|christmas|xmas|new\s+year|thanksgiving|noon|midnight|morning|afternoon|evening|night|ago|later|next|last|this|day/i;

/** The first date phrase in `text`, resolved relative to `reference` in `timeZone`. */
export function findDate(text: string, reference: Date, timeZone: string, options: DateOptions = {}): DateMatch | null {
  if (!DATE_HINT.test(text)) return null;
  const resolved: Required<DateOptions> = { mode: options.mode ?? "deadline", past: options.past ?? false };
  const p = localParts(reference.getTime(), timeZone);
  const today = ymd(p.year, p.month, p.day);
  const wallClock = new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
  const ours = ruleCandidates(text, today, resolved);
  const theirs = chronoCandidates(text, wallClock, today, timeZone, resolved).filter(
    (c) => !ours.some((o) => overlaps(o, c)),
  );
  const sorted = [...ours, ...theirs].toSorted((a, b) => a.index - b.index || b.text.length - a.text.length);
  const first = withoutQualifiedTimes(sorted, text)[0];
  return first ? { date: first.date, index: first.index, text: first.text } : null;
}

/** A date phrase ("by Friday", "in 3 weeks", "May 4") as a local date, or null. */
export function resolveDate(phrase: string, reference: Date, timeZone: string, options: DateOptions = {}): LocalDate | null {
  return findDate(phrase, reference, timeZone, options)?.date ?? null;
}
