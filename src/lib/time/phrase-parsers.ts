// Tend's own date phrases, as chrono parsers: the shorthand of notes and mail
// ("tmrw", "EOD Friday", "in 2wks", "by the 20th", "after easter") and the
// readings chrono's casual parsers get wrong for us (a bare weekday that names
// today means next week's; "next week" is a deadline's Friday or a plan's Monday).
// Each parser resolves its phrase to a local day against the reading of one parse.
import type { Parser, ParsingContext } from "chrono-node";
import { addDuration, COUNT_WORD_PATTERN, durationCount, durationUnit, isCalendarDuration } from "./durations.ts";
import {
  addDays,
  addMonths,
  dateParts,
  endOfMonth,
  endOfWorkWeek,
  isoWeekday,
  type LocalDate,
  localDate,
  startOfMonth,
  startOfWeek,
  weekdayNumber,
} from "./local-date.ts";

/** What one parse reads phrases against. */
export interface PhraseReading {
  /** The user's local date at the reference instant. */
  today: LocalDate;
  /** "deadline" reads a period as its end, "start" as its beginning. */
  mode: "deadline" | "start";
  /** The text speaks of the past: resolve backwards. */
  past: boolean;
}

/** The tag on every result a Tend phrase parser makes. */
export const PHRASE_TAG = "tend/phrase";

type Resolve = (match: RegExpMatchArray, reading: PhraseReading) => LocalDate | null;
interface Phrase {
  /** Case-insensitive and not global: chrono runs it on the rest of the text after each match. */
  pattern: RegExp;
  resolve: Resolve;
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

function weekdayPhrase(qualifier: string | undefined, day: string | undefined, reading: PhraseReading): LocalDate {
  return resolveWeekday(qualifier?.toLowerCase().replace("coming", "this"), weekdayNumber(day ?? "") ?? 1, reading.today, reading.past);
}

/** `count` `unit`s after today, for the units prose uses. */
function later(today: LocalDate, count: string | undefined, unit: string | undefined): LocalDate | null {
  const duration = { count: durationCount(count ?? ""), unit: durationUnit(unit ?? "") ?? "day" };
  return isCalendarDuration(duration) ? addDuration(today, duration) : null;
}

/** Western Easter Sunday (anonymous Gregorian algorithm; date-fns has no holidays). */
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
  return localDate(year, month, day);
}

function holiday(name: string, year: number): LocalDate {
  if (name === "easter") return easterSunday(year);
  if (name === "christmas" || name === "xmas") return localDate(year, 12, 25);
  if (name === "thanksgiving") {
    // The fourth Thursday of November.
    const first = localDate(year, 11, 1);
    return addDays(first, ((4 - isoWeekday(first) + 7) % 7) + 21);
  }
  return localDate(year + 1, 1, 1);
}

const MONTH_WORD = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
// "Wednesday 9 December", "Wed, Dec 9", "Friday the 11th": the date given wins over
// the nearest such weekday, so the weekday alone is not read (chrono reads the whole).
const WITH_DATE = String.raw`(?!\.?,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+${MONTH_WORD}(?![a-z])|\.?,?\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b|\.?,?\s+${MONTH_WORD}\s+\d{1,2}\b)`;

// Units in prose: no lone "m" or "y" ("3m" is as likely minutes or millions) and no hours (a time, not a day).
const PROSE_UNITS = "days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?";

const PHRASES: Phrase[] = [
  {
    pattern: /\b(?:the\s+)?day\s+after\s+(?:tomorrow|tmrw)\b/i,
    resolve: (_m, { today }) => addDays(today, 2),
  },
  {
    pattern: /\b(?:tomorrow|tmrw|tmrow|tmr|tomorow|tommorow|tommorrow|2morrow|2moro)\b/i,
    resolve: (_m, { today }) => addDays(today, 1),
  },
  {
    pattern: /\b(?:today|tonight|tonite|this\s+(?:morning|afternoon|evening)|eod|end\s+of\s+(?:the\s+)?day|cob|close\s+of\s+business)\b/i,
    resolve: (_m, { today }) => today,
  },
  {
    pattern: /\byesterday\b/i,
    resolve: (_m, { today }) => addDays(today, -1),
  },
  {
    // Bare "next week" is a range (range-phrases.ts); its end is the same Friday.
    pattern: /\b(?:by\s+)?(?:the\s+)?end\s+of\s+next\s+week\b/i,
    resolve: (_m, { today }) => addDays(startOfWeek(today), 11),
  },
  {
    pattern: /\b(early|mid|middle\s+of|late|later)\s+next\s+week\b/i,
    resolve: (m, { today }) => {
      const part = (m[1] ?? "").toLowerCase();
      const offset = part === "early" ? 8 : part.startsWith("mid") ? 9 : 11;
      return addDays(startOfWeek(today), offset);
    },
  },
  {
    pattern: /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:work\s*)?week|eow|this\s+week|later\s+this\s+week)\b/i,
    resolve: (m, { today, mode }) => (mode === "deadline" || /end|eow/i.test(m[0]) ? endOfWorkWeek(today) : today),
  },
  {
    pattern: /\bnext\s+weekend\b/i,
    resolve: (_m, { today, mode }) => addDays(startOfWeek(today), mode === "deadline" ? 13 : 12),
  },
  {
    pattern: /\b(?:this|over\s+the|on\s+the|at\s+the)\s+weekend\b/i,
    resolve: (_m, { today, mode }) => {
      const saturday = addDays(startOfWeek(today), 5);
      if (mode === "deadline") return addDays(saturday, 1);
      return saturday < today ? today : saturday;
    },
  },
  {
    pattern: /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|eom|this\s+month|later\s+this\s+month)\b/i,
    resolve: (m, { today, mode }) => (mode === "deadline" || /end|eom/i.test(m[0]) ? endOfMonth(today) : today),
  },
  {
    // Bare "next month" is a range (range-phrases.ts).
    pattern: /\b(?:the\s+)?end\s+of\s+next\s+month\b/i,
    resolve: (_m, { today }) => endOfMonth(addMonths(startOfMonth(today), 1)),
  },
  {
    pattern: /\b(?:(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?year|eoy|later\s+this\s+year)\b/i,
    resolve: (_m, { today }) => localDate(dateParts(today).year, 12, 31),
  },
  {
    pattern: new RegExp(String.raw`\b(?:in|within)\s+(?:the\s+next\s+)?(\d+|${COUNT_WORD_PATTERN})\s*(${PROSE_UNITS})\b`, "i"),
    resolve: (m, { today }) => later(today, m[1], m[2]),
  },
  {
    pattern: new RegExp(String.raw`\b(\d+)\s*(${PROSE_UNITS})\s+from\s+(?:now|today)\b`, "i"),
    resolve: (m, { today }) => later(today, m[1], m[2]),
  },
  {
    // "in 2wks", "3w" in shorthand notes; a bare number needs the short unit glued on.
    pattern: /\b(?:in\s+)?(\d+)(wks?|w|d|mos?)\b/i,
    resolve: (m, { today }) => later(today, m[1], m[2]),
  },
  {
    pattern: new RegExp(String.raw`\b(?:(next|this|last|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!'s|’s)${WITH_DATE}`, "i"),
    resolve: (m, reading) => weekdayPhrase(m[1], m[2], reading),
  },
  {
    // "before Friday's board meeting" looks ahead; "from Tuesday's session" does not.
    pattern:
      /(?<=\b(?:by|before|until|till|for|after|ahead\s+of|prior\s+to|in\s+time\s+for)\s+)(?:(next|this|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?='s|’s)/i,
    resolve: (m, reading) => weekdayPhrase(m[1], m[2], reading),
  },
  {
    // Abbreviations are ordinary words too ("we sat down"), so they need a preposition.
    pattern: new RegExp(String.raw`\b(?:by|on|until|till|before|from|after|this|next|coming)\s+(mon|tues?|weds?|thu|thurs?|fri|sat|sun)\b\.?(?!'s|’s)${WITH_DATE}`, "i"),
    resolve: (m, reading) => weekdayPhrase(/^(next|this|coming)/i.exec(m[0])?.[0], m[1], reading),
  },
  {
    // "by the 20th": the next such day of the month (today counts).
    pattern: /\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+of\b)(?!\s+(?!at\b|and\b|if\b|or\b|so\b|then\b|please\b|for\b|to\b)[a-z])/i,
    resolve: (m, { today, past }) => {
      const day = Number(m[1]);
      if (day < 1 || day > 31) return null;
      for (let step = 0; step < 3; step++) {
        const month = addMonths(startOfMonth(today), past ? -step : step);
        if (day > dateParts(endOfMonth(month)).day) continue;
        const { year, month: monthNumber } = dateParts(month);
        const candidate = localDate(year, monthNumber, day);
        if (past ? candidate <= today : candidate >= today) return candidate;
      }
      return null;
    },
  },
  {
    pattern: /\b(easter|christmas|xmas|new\s+year'?s?(?:\s+day)?|thanksgiving)\b/i,
    resolve: (m, { today, past }) => {
      const name = (m[1] ?? "").toLowerCase();
      const year = dateParts(today).year;
      const thisYear = holiday(name, year);
      if (past) return thisYear <= today ? thisYear : holiday(name, year - 1);
      return thisYear >= today ? thisYear : holiday(name, year + 1);
    },
  },
];

/** Tend's phrases as chrono parsers; `readingOf` gives each parse its today, mode and direction. */
export function phraseParsers(readingOf: (context: ParsingContext) => PhraseReading): Parser[] {
  return PHRASES.map(({ pattern, resolve }) => ({
    pattern: () => pattern,
    extract: (context, match) => {
      let date = resolve(match, readingOf(context));
      if (!date) return null;
      // "after Friday" is the day after it.
      if (/\bafter\s+$/i.test(context.text.slice(0, match.index ?? 0))) date = addDays(date, 1);
      return context.createParsingComponents(dateParts(date)).addTag(PHRASE_TAG);
    },
  }));
}
