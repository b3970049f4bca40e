// The one wrapper around chrono-node. Dates in text resolve relative to an
// instant, in the user's IANA zone, to a local calendar date (YYYY-MM-DD).
//
// chrono is handed a "wall-clock" reference: an instant whose UTC fields are
// the user's local date and time, with timezone 0. Everything after that is
// calendar arithmetic on local dates, so neither the host's zone nor DST can
// shift a day.
//
// Tend's chrono is the casual English one plus Tend's phrase parsers
// (phrase-parsers.ts) and three refiners: the phrases' results are held aside
// while chrono's own refiners merge and re-resolve its results (they are
// already resolved to a day), chrono's results are read as Tend reads them, and
// then a phrase wins any overlap with chrono's reading of the same words.
import { de, en, fr, type Parser, type ParsingContext, type ParsingOption, type ParsingResult, type Refiner } from "chrono-node";
import { addDays, addMonths, dateParts, endOfMonth, type LocalDate, localDate, startOfMonth } from "./local-date.ts";
import { DUE_PRECISIONS, type DuePrecision } from "../../model.ts";
import { PHRASE_TAG, type PhraseReading, phraseParsers } from "./phrase-parsers.ts";
import { AT_END_TAG, dayOfSpan, PRECISION_TAG, rangeParsers, type Span } from "./range-phrases.ts";
import { localDateOf, wallClock } from "./zoned.ts";

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
  /** The one day the phrase stands for: a range's end for a deadline, its start otherwise. */
  date: LocalDate;
  /** Where the phrase starts in the text, and the phrase itself. */
  index: number;
  text: string;
  /** When the phrase names a range ("the week of 7 December", "in March", "early next year"); absent for one day. */
  range?: Span;
}

interface Reading extends PhraseReading {
  /** Numeric dates are day-first ("3/4" is 3 April). */
  dayFirst: boolean;
}

// One parse's reading, keyed by the option object handed to that parse (the
// parsers and refiners see it as context.option).
const READINGS = new WeakMap<ParsingOption, Reading>();
const HELD_PHRASES = new WeakMap<ParsingContext, ParsingResult[]>();

function readingOf(context: ParsingContext): Reading {
  const reading = READINGS.get(context.option);
  if (!reading) throw new Error("a date parse without a reading: call findDate");
  return reading;
}

/** Day-first numeric dates everywhere but the Americas ("3/4" is 3 April in Berlin). */
function isDayFirst(timeZone: string): boolean {
  return !timeZone.startsWith("America/");
}

const holdPhrases: Refiner = {
  refine: (context, results) => {
    HELD_PHRASES.set(context, results.filter((r) => r.tags().has(PHRASE_TAG)));
    return results.filter((r) => !r.tags().has(PHRASE_TAG));
  },
};

// Words that are also month names: only a date after a preposition.
const AMBIGUOUS_MONTH = /^(may|march|mar|jun|sept?|dec)$/i;
const MONTH_PREPOSITION = /\b(in|by|until|till|before|after|since|from|of|early|mid|late|end of|during|on)\s*$/i;
const NUMERIC_DATE = /^\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?$/;

/** A chrono result as Tend reads it: the local day it names, or null when it names none. */
function chronoDay(context: ParsingContext, result: ParsingResult, reading: Reading): LocalDate | null {
  // Only numeric dates are re-read day-first: en.GB also reads "May 15" as May 2015.
  const dayFirst =
    reading.dayFirst && NUMERIC_DATE.test(result.text)
      ? en.GB.parse(result.text, { instant: context.refDate, timezone: 0 }, context.option)[0]
      : undefined;
  const start = dayFirst?.start ?? result.start;
  // Weekdays and times of day alone are the phrases' business; a time is not a date.
  if (!start.isCertain("month") && !start.isCertain("day")) return null;
  // chrono reads "last day" as yesterday; people mean someone's last day at work.
  if (/^last\s+day$/i.test(result.text.trim())) return null;
  // "15 minutes", "2 hours": how long, not when.
  if (/\b(?:minutes?|mins?|hours?|hrs?|seconds?|secs?)\b/i.test(result.text)) return null;
  const before = context.text.slice(0, result.index);
  if (AMBIGUOUS_MONTH.test(result.text.trim()) && !MONTH_PREPOSITION.test(before)) return null;
  const { today, past } = reading;
  let date = localDate(start.get("year") ?? dateParts(today).year, start.get("month") ?? 1, start.get("day") ?? 1);
  if (!start.isCertain("day")) {
    // chrono sends "in March", said in March, to next year; it means this month.
    if (!past && !start.isCertain("year") && dateParts(date).month === dateParts(today).month && date > today) {
      date = startOfMonth(today);
    }
    if (/\bafter\b[^.,;!?]*$/i.test(before)) date = addMonths(startOfMonth(date), 1);
  } else if (/\bafter\s+(?:the\s+)?$/i.test(before)) {
    date = addDays(date, 1);
  }
  return date;
}

/** A month named without a day ("in March"): all of it. A stated range ("7-11 Dec"): as stated. */
function chronoSpan(result: ParsingResult, day: LocalDate): Span | null {
  const end = result.end;
  if (end?.isCertain("day") && end.isCertain("month")) {
    const last = localDate(end.get("year") ?? dateParts(day).year, end.get("month") ?? 1, end.get("day") ?? 1);
    return last > day ? { start: day, end: last, precision: "vague" } : null;
  }
  if (!result.start.isCertain("day") && result.start.isCertain("month") && day === startOfMonth(day)) {
    return { start: day, end: endOfMonth(day), precision: "month" };
  }
  return null;
}

const readChronoDays: Refiner = {
  refine: (context, results) => {
    const reading = readingOf(context);
    return results.flatMap((result) => {
      const day = chronoDay(context, result, reading);
      if (!day) return [];
      const span = chronoSpan(result, day);
      const read = context.createParsingResult(result.index, result.text, dateParts(day), span ? dateParts(span.end) : undefined);
      if (span) read.addTag(`${PRECISION_TAG}${span.precision}`);
      return [read];
    });
  },
};

function overlaps(a: ParsingResult, b: ParsingResult): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

// "end of day tomorrow", "EOD Friday": a time of day, then the day it is on.
const TIME_OF_DAY = /^(?:eod|cob|end\s+of\s+(?:the\s+)?day|close\s+of\s+business|tonight|tonite|this\s+(?:morning|afternoon|evening))$/i;
const TIME_OF_DAY_GAP = /^\s*(?:on\s+)?$/i;

/** Drops a time of day that the day right after it makes more specific. */
function withoutQualifiedTimes(sorted: ParsingResult[], text: string): ParsingResult[] {
  return sorted.filter((r, i) => {
    const next = sorted.slice(i + 1).find((n) => n.index >= r.index + r.text.length);
    return !(next && TIME_OF_DAY.test(r.text.trim()) && TIME_OF_DAY_GAP.test(text.slice(r.index + r.text.length, next.index)));
  });
}

const preferPhrases: Refiner = {
  refine: (context, results) => {
    const phrases = HELD_PHRASES.get(context) ?? [];
    const chronos = results.filter((r) => !phrases.some((p) => overlaps(p, r)));
    // In text order; at one place the longer reading, and a phrase before chrono's.
    const sorted = [...phrases, ...chronos].toSorted((a, b) => a.index - b.index || b.text.length - a.text.length);
    return withoutQualifiedTimes(sorted, context.text);
  },
};

// chrono runs every parser's pattern over the whole text, and a pattern that finds a stray "a" or "the" is run
// again from there. These parsers cannot match without one of these words (each is in every alternative of
// the parser's pattern, which is case-insensitive like these), so a text without it is not handed to them.
const REQUIRED_WORDS: Record<string, RegExp> = {
  ENWeekdayParser: /sun|mon|tue|wed|thu|fri|sat|week/i,
  ENMonthNameParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENMonthNameLittleEndianParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENMonthNameMiddleEndianParser: /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i,
  ENTimeUnitAgoFormatParser: /ago|before|earlier/i,
};
const NEVER = /(?!)/;

function onlyWith(parser: Parser): Parser {
  const required = REQUIRED_WORDS[parser.constructor.name];
  if (!required) return parser;
  return {
    pattern: (context) => (required.test(context.text) ? parser.pattern(context) : NEVER),
    extract: (context, match) => parser.extract(context, match),
  };
}

const tendChrono = en.casual.clone();
tendChrono.parsers = tendChrono.parsers.map(onlyWith);
tendChrono.parsers.push(...phraseParsers(readingOf), ...rangeParsers(readingOf, PHRASE_TAG));
tendChrono.refiners.unshift(holdPhrases);
tendChrono.refiners.push(readChronoDays, preferPhrases);

// Every phrase either kind of parser reads has a digit or one of these words;
// without one, chrono (the slow part) is not asked.
const DATE_HINT =
  /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|toni|tom|tmr|2mor|yesterday|week|month|year|eo[dwmy]|cob|close\s+of|easter|christmas|xmas|new\s+year|thanksgiving|noon|midnight|morning|afternoon|evening|night|ago|later|next|last|this|day|spring|summer|autumn|fall|winter|quarter/i;

/** Reads date phrases against one instant in one zone; see dateReader. */
export type DateReader = (text: string, options?: DateOptions) => DateMatch | null;

/**
 * findDate for many texts read against the same instant and zone (the
 * sentences of one message): the local date and wall clock, which cost more
 * than a short sentence's parse, are worked out once.
 */
export function dateReader(reference: Date, timeZone: string): DateReader {
  let at: ReadAt | null = null;
  // A message repeats itself (a quoted line, a note's line read again as a sentence): a text read once with
  // the same options is not parsed again. The match is shared, so callers copy before changing it.
  const read = new Map<string, DateMatch | null>();
  return (text, options = {}) => {
    // Most sentences name no date: the zone is only worked out for one that may.
    if (!DATE_HINT.test(text)) return null;
    const key = `${options.mode ?? "deadline"}|${options.past ?? false}|${text}`;
    const known = read.get(key);
    if (known !== undefined) return known;
    at ??= { today: localDateOf(reference.getTime(), timeZone), instant: wallClock(reference.getTime(), timeZone), dayFirst: isDayFirst(timeZone) };
    const match = readDate(text, at, options);
    read.set(key, match);
    return match;
  };
}

/** The first date phrase in `text`, resolved relative to `reference` in `timeZone`. */
export function findDate(text: string, reference: Date, timeZone: string, options: DateOptions = {}): DateMatch | null {
  return dateReader(reference, timeZone)(text, options);
}

/** What a reading needs of its reference instant: the user's local date, wall clock and numeric date order. */
interface ReadAt {
  today: LocalDate;
  instant: Date;
  dayFirst: boolean;
}

function readDate(text: string, at: ReadAt, options: DateOptions): DateMatch | null {
  const past = options.past ?? false;
  const option: ParsingOption = { forwardDate: !past };
  READINGS.set(option, {
    today: at.today,
    mode: options.mode ?? "deadline",
    past,
    dayFirst: at.dayFirst,
  });
  const [first] = tendChrono.parse(text, { instant: at.instant, timezone: 0 }, option);
  if (!first) return null;
  const date = localDate(first.start.get("year") ?? 1970, first.start.get("month") ?? 1, first.start.get("day") ?? 1);
  const end = first.end;
  if (!end) return { date, index: first.index, text: first.text };
  const range: Span = {
    start: date,
    end: localDate(end.get("year") ?? 1970, end.get("month") ?? 1, end.get("day") ?? 1),
    precision: precisionOf(first.tags()),
    ...(first.tags().has(AT_END_TAG) ? { at: "end" as const } : {}),
  };
  // Chrono's own ranges ("in March", "April 1 to May 15") keep the day it reads, their start;
  // Tend's phrases read as a deadline give their last day ("next week" is its Friday).
  const day = first.tags().has(PHRASE_TAG) && !past ? dayOfSpan(range, options.mode ?? "deadline") : date;
  return { date: day, index: first.index, text: first.text, range };
}

function precisionOf(tags: Set<string>): DuePrecision {
  for (const tag of tags) {
    if (!tag.startsWith(PRECISION_TAG)) continue;
    const precision = tag.slice(PRECISION_TAG.length);
    if (isPrecision(precision)) return precision;
  }
  return "vague";
}

function isPrecision(word: string): word is DuePrecision {
  return (DUE_PRECISIONS as readonly string[]).includes(word);
}

/** A forward's date line is one line; a longer one is not a date a client wrote. */
const MAX_DATE_LINE_CHARS = 200;

/** Calendar-date readers for the languages mail clients write a forward's "Date:" line in. */
const CALENDAR_DATE_READERS = [en.strict, de.strict, fr.strict];

/**
 * The day a mail client wrote in a forwarded block's date line ("Thursday,
 * November 19, 2026 4:12 PM", "20. November 2026 um 10:14:33 MEZ", "jeudi 19
 * novembre 2026 10:02"), as written: only a full date counts, so a weekday
 * never moves it, and anything less is null.
 */
export function writtenDay(text: string): LocalDate | null {
  for (const reader of CALENDAR_DATE_READERS) {
    const start = reader.parse(text.slice(0, MAX_DATE_LINE_CHARS))[0]?.start;
    if (start?.isCertain("year") && start.isCertain("month") && start.isCertain("day")) {
      return localDate(start.get("year") ?? 1970, start.get("month") ?? 1, start.get("day") ?? 1);
    }
  }
  return null;
}

/** A date phrase ("by Friday", "in 3 weeks", "May 4") as a local date, or null. */
export function resolveDate(phrase: string, reference: Date, timeZone: string, options: DateOptions = {}): LocalDate | null {
  return findDate(phrase, reference, timeZone, options)?.date ?? null;
}

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
