// Dates people give as ranges: "the week of 7 December", "early next year",
// "after the holidays", "end of Q1", "by end of Jan", "this summer". Each is a
// chrono parser whose result carries a start and an end, and a tag saying how
// exactly it was said, so a promise "probably the week of 7 December" is not
// late before that week is over, and a digest can say it as it was said.
import type { Parser, ParsingContext } from "chrono-node";
import type { DuePrecision } from "../../model.ts";
import {
  addDays,
  addMonths,
  dateParts,
  endOfMonth,
  type LocalDate,
  localDate,
  startOfMonth,
  startOfWeek,
} from "./local-date.ts";
import type { PhraseReading } from "./phrase-parsers.ts";

/** A range's first and last local days, and how exactly it was said. */
export interface Span {
  start: LocalDate;
  end: LocalDate;
  precision: DuePrecision;
  /** "end of April" means its end whatever the reading: leaving then is on the 30th, not the 21st. */
  at?: "end";
}

/** Tag prefix on every ranged result: the precision follows it. */
export const PRECISION_TAG = "tend/precision/";
/** Tag on a range that means its end ("end of April"). */
export const AT_END_TAG = "tend/at-end";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_PATTERN = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY_PATTERN = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;

function monthNumber(word: string): number | null {
  const index = MONTHS.indexOf(word.toLowerCase().slice(0, 3));
  return index === -1 ? null : index + 1;
}

/** The next `month` (1-12) that has not ended before today, or `year`'s when one is given. */
function monthStart(month: number, today: LocalDate, year: string | undefined, past: boolean): LocalDate {
  if (year) return localDate(Number(year), month, 1);
  const { year: thisYear } = dateParts(today);
  const candidate = localDate(thisYear, month, 1);
  if (past) return candidate > today ? localDate(thisYear - 1, month, 1) : candidate;
  return endOfMonth(candidate) < today ? localDate(thisYear + 1, month, 1) : candidate;
}

/** A day of a month, read forward (a date already a week gone is next year's). */
function dayOfMonth(day: number, month: number, today: LocalDate, year: string | undefined, past: boolean): LocalDate | null {
  const first = monthStart(month, today, year, past);
  if (day < 1 || day > dateParts(endOfMonth(first)).day) return null;
  let date = localDate(dateParts(first).year, month, day);
  // "the week of 30 November", said on 2 December, is this week's, not next year's.
  if (!year && !past && addDays(date, 7) < today) date = localDate(dateParts(date).year + 1, month, day);
  return date;
}

/** "early" / "mid" / "late" part of a period of `days` days starting at `start`. */
function partOf(part: string, start: LocalDate, end: LocalDate): { start: LocalDate; end: LocalDate } {
  const p = part.toLowerCase().replace(/\s+/g, " ");
  const length = Math.round((Date.parse(end) - Date.parse(start)) / 86_400_000) + 1;
  const third = Math.floor(length / 3);
  if (/^(?:early|beginning of|start of|the beginning of|the start of)/.test(p)) return { start, end: addDays(start, third - 1) };
  if (/^(?:mid|middle of|the middle of)/.test(p)) return { start: addDays(start, third), end: addDays(start, 2 * third - 1) };
  return { start: addDays(start, 2 * third), end };
}

function quarterOf(word: string): number {
  const w = word.toLowerCase();
  if (/^q\d$/.test(w)) return Number(w.slice(1));
  return ["first", "second", "third", "fourth"].indexOf(w.split(/\s+/)[0] ?? "") + 1;
}

function endOf(part: string | undefined): { at?: "end" } {
  return part && /end\s+of$/i.test(part.trim()) ? { at: "end" } : {};
}

interface RangePhrase {
  /** Case-insensitive and not global, as chrono wants it. */
  pattern: RegExp;
  span: (match: RegExpMatchArray, reading: PhraseReading) => Span | null;
}

const PART = String.raw`(early|mid|middle\s+of|late|end\s+of|the\s+end\s+of|beginning\s+of|the\s+beginning\s+of|start\s+of|the\s+start\s+of)`;
const SEASONS: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

function yearSpan(year: number, part: string | undefined): Span {
  const whole = { start: localDate(year, 1, 1), end: localDate(year, 12, 31) };
  return part ? { ...partOfYear(part, year), precision: "vague", ...endOf(part) } : { ...whole, precision: "year" };
}

/** Early is January to April, mid May to August, late September to December: thirds people mean. */
function partOfYear(part: string, year: number): { start: LocalDate; end: LocalDate } {
  const p = part.toLowerCase();
  if (/^(?:early|beginning|start|the\s+(?:beginning|start))/.test(p)) return { start: localDate(year, 1, 1), end: localDate(year, 4, 30) };
  if (/^(?:mid|middle|the\s+middle)/.test(p)) return { start: localDate(year, 5, 1), end: localDate(year, 8, 31) };
  return { start: localDate(year, 9, 1), end: localDate(year, 12, 31) };
}

const RANGE_PHRASES: RangePhrase[] = [
  {
    // "the week of 7 December", "week of Dec 7th", "the week of the 7th".
    pattern: new RegExp(
      String.raw`\b(?:the\s+)?week\s+(?:of|beginning|starting|commencing)\s+(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?(?:the\s+)?(?:${DAY_PATTERN}(?:\s+of)?\s+(${MONTH_PATTERN})|(${MONTH_PATTERN})\s+(?:the\s+)?${DAY_PATTERN.replace("(", "(?<d2>")}|${DAY_PATTERN.replace("(", "(?<d3>")}(?![\p{L}\d]))(?:,?\s+(\d{4}))?`,
      "iu",
    ),
    span: (m, { today, past }) => {
      const groups = m.groups ?? {};
      const month = monthNumber(m[2] ?? m[3] ?? "") ?? dateParts(today).month;
      const day = Number(m[1] ?? groups["d2"] ?? groups["d3"]);
      const year = m[m.length - 1] ?? undefined;
      let date = dayOfMonth(day, month, today, year, past);
      // "the week of the 14th", said after the 14th: next month's.
      if (date && !m[2] && !m[3] && addDays(date, 6) < today) date = dayOfMonth(day, month + 1 > 12 ? 1 : month + 1, today, undefined, past);
      if (!date) return null;
      const monday = startOfWeek(date);
      return { start: monday, end: addDays(monday, 4), precision: "week" };
    },
  },
  {
    // "early next year", "late this year", "mid 2027", "end of next year".
    pattern: new RegExp(String.raw`\b${PART}\s+(next\s+year|this\s+year|(\d{4}))\b`, "i"),
    span: (m, { today }) => {
      const thisYear = dateParts(today).year;
      const year = m[3] ? Number(m[3]) : /next/i.test(m[2] ?? "") ? thisYear + 1 : thisYear;
      return yearSpan(year, m[1]);
    },
  },
  {
    // "early January", "mid-March", "by end of Jan", "late May 2027".
    pattern: new RegExp(String.raw`\b(early|mid-?|middle\s+of|late|end\s+of|the\s+end\s+of|beginning\s+of|the\s+beginning\s+of|start\s+of|the\s+start\s+of)\s*(?:(?:the\s+)?month\s+of\s+)?(${MONTH_PATTERN})(?![\p{L}])(?:,?\s+(\d{4}))?`, "iu"),
    span: (m, { today, past }) => {
      const month = monthNumber(m[2] ?? "");
      if (!month) return null;
      const first = monthStart(month, today, m[3], past);
      return { ...partOf(m[1] ?? "", first, endOfMonth(first)), precision: "vague", ...endOf(m[1]) };
    },
  },
  {
    // "end of Q1", "in Q3 2027", "the first quarter".
    pattern: new RegExp(
      String.raw`\b(?:${PART}\s+)?(?:the\s+)?(q[1-4]|(?:first|second|third|fourth)\s+quarter)(?:\s+(?:of\s+)?(\d{4}))?\b`,
      "i",
    ),
    span: (m, { today, past }) => {
      const quarter = quarterOf(m[2] ?? "");
      if (quarter < 1) return null;
      const thisYear = dateParts(today).year;
      let start = localDate(m[3] ? Number(m[3]) : thisYear, quarter * 3 - 2, 1);
      let end = endOfMonth(addMonths(start, 2));
      if (!m[3] && !past && end < today) {
        start = addMonths(start, 12);
        end = endOfMonth(addMonths(start, 2));
      }
      if (!m[1]) return { start, end, precision: "quarter" };
      // "end of Q1" is its last month; "early Q2" its first, "mid Q3" its second.
      const p = m[1].toLowerCase();
      const month = /^(?:early|beginning|start|the\s+(?:beginning|start))/.test(p) ? 0 : /^(?:mid|middle|the\s+middle)/.test(p) ? 1 : 2;
      const first = addMonths(start, month);
      return { start: first, end: endOfMonth(first), precision: "vague", ...endOf(m[1]) };
    },
  },
  {
    // "after the holidays", "in the new year", "over the holidays": the January after them.
    pattern: /\b(?:after|once|past)\s+(?:the\s+)?(?:holidays|christmas\s+break|festive\s+season|new\s+year)\b|\b(?:in|into)\s+the\s+new\s+year\b/i,
    span: (m, { today }) => {
      const year = dateParts(today).year + (dateParts(today).month >= 3 ? 1 : 0);
      // "in the new year" said in January means later this month.
      if (dateParts(today).month < 3) return { start: today, end: endOfMonth(addMonths(startOfMonth(today), 1)), precision: "vague" };
      const start = /new\s+year/i.test(m[0]) && !/after|once|past/i.test(m[0]) ? localDate(year, 1, 1) : localDate(year, 1, 2);
      return { start, end: localDate(year, 1, 31), precision: "vague" };
    },
  },
  {
    // "this summer", "next spring", "in the autumn", "by winter 2027": northern seasons.
    pattern:
      /\b(?:(this|next|early|late|in|by|during|over|until|till|before)\s+)(?:the\s+)?(spring|summer|autumn|fall|winter)(?:\s+(\d{4}))?\b(?!\s+(?:intern|internship|school|camp|party|collection|sale|break)\b)/i,
    span: (m, { today, past }) => {
      const month = SEASONS[(m[2] ?? "").toLowerCase()] ?? 6;
      const qualifier = (m[1] ?? "").toLowerCase();
      let start = m[3] ? localDate(Number(m[3]), month, 1) : localDate(dateParts(today).year, month, 1);
      let end = endOfMonth(addMonths(start, 2));
      if (!m[3]) {
        // The season now under way, or the next one; "next summer" skips the current one.
        if (past) {
          if (start > today) start = addMonths(start, -12);
        } else if (end < today || (qualifier === "next" && start <= today)) start = addMonths(start, 12);
        // Winter that began last December is still this winter in February.
        if (month === 12 && !past && addMonths(start, -12) <= today && endOfMonth(addMonths(start, -10)) >= today && qualifier !== "next") {
          start = addMonths(start, -12);
        }
        end = endOfMonth(addMonths(start, 2));
      }
      if (qualifier === "early" || qualifier === "late") return { ...partOf(qualifier, start, end), precision: "vague" };
      return { start, end, precision: "season" };
    },
  },
  {
    // "next month": all of it, its end the deadline (the single-day phrase keeps the day it reads).
    pattern: /\bnext\s+month\b/i,
    span: (_m, { today }) => {
      const first = addMonths(startOfMonth(today), 1);
      return { start: first, end: endOfMonth(first), precision: "month" };
    },
  },
  {
    pattern: /\bnext\s+week\b(?!end)/i,
    span: (_m, { today }) => {
      const monday = addDays(startOfWeek(today), 7);
      return { start: monday, end: addDays(monday, 4), precision: "week" };
    },
  },
  {
    pattern: /\bnext\s+year\b/i,
    span: (_m, { today }) => yearSpan(dateParts(today).year + 1, undefined),
  },
];

/** The day a range names for a reading: its end for a deadline, its start otherwise. */
export function dayOfSpan(span: Span, mode: PhraseReading["mode"]): LocalDate {
  return mode === "deadline" || span.at === "end" ? span.end : span.start;
}

/** The range phrases as chrono parsers; each result has a start, an end and a precision tag. */
export function rangeParsers(readingOf: (context: ParsingContext) => PhraseReading, tag: string): Parser[] {
  return RANGE_PHRASES.map(({ pattern, span }) => ({
    pattern: () => pattern,
    extract: (context, match) => {
      const reading = readingOf(context);
      const found = span(match, reading);
      if (!found || found.end < found.start) return null;
      // "by end of Jan." at a sentence's end: the phrase is "end of Jan", without the full stop.
      const phrase = match[0].replace(/\.$/, "");
      const result = context.createParsingResult(match.index ?? 0, phrase, dateParts(found.start), dateParts(found.end));
      result.addTag(tag);
      result.addTag(`${PRECISION_TAG}${found.precision}`);
      if (found.at === "end") result.addTag(AT_END_TAG);
      return result;
    },
  }));
}
