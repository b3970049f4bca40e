// Words and dates for the digest, in the user's time zone. Pure.
import { localDayDifference } from "../lib/time/zoned.ts";
import { formatDay } from "../lib/time/format.ts";
import type { Person } from "../model.ts";

/** Longest quote of what someone said; a digest line should stay a line. */
export const MAX_QUOTE_CHARS = 140;

/** "Ana Lima", else the address, else "someone". */
export function fullName(person: Person | null): string {
  return person?.name?.trim() || person?.address || "someone";
}

/** "Ana" of "Ana Lima"; the address when there is no name. */
export function firstName(person: Person | null): string {
  const name = person?.name?.trim();
  if (!name) return person?.address || "someone";
  return name.split(/\s+/)[0] ?? name;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/** A span of days in words: "3 days", "2 weeks", "4 months", "over a year". */
export function spanInWords(days: number): string {
  const d = Math.abs(days);
  if (d < 14) return plural(d, "day");
  if (d < 60) return plural(Math.round(d / 7), "week");
  if (d < 365) return plural(Math.round(d / 30), "month");
  if (d < 730) return "over a year";
  return `${Math.floor(d / 365)} years`;
}

/** "today", "tomorrow", "in 5 days", "yesterday", "3 weeks ago". */
export function relativeDay(instant: number, asOf: number, timeZone: string): string {
  const days = localDayDifference(asOf, instant, timeZone);
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${spanInWords(days)}` : `${spanInWords(days)} ago`;
}

/** What someone said, on one line, shortened at a word, in curly quotes. */
export function quote(text: string, maxChars: number = MAX_QUOTE_CHARS): string {
  // A closing full stop belongs to the sentence around the quote, not inside it.
  const line = text.replace(/\s+/g, " ").trim().replace(/^["“”']+|["“”']+$/g, "").replace(/(?<!\.)\.$/, "");
  if (line.length <= maxChars) return `“${line}”`;
  const cut = line.slice(0, maxChars - 1);
  const atWord = cut.lastIndexOf(" ") > maxChars / 2 ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
  return `“${atWord.replace(/[\s,;:.-]+$/, "")}…”`;
}

export function capitalize(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

const SMALL_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** How long ago, as a person says it: "yesterday", "four days ago", "three weeks ago", "two months ago". */
function say(count: number, unit: string): string {
  return `${SMALL_NUMBERS[count] ?? String(count)} ${unit}${count === 1 ? "" : "s"} ago`;
}

export function agoInWords(days: number): string {
  const d = Math.max(0, Math.round(days));
  if (d === 0) return "today";
  if (d === 1) return "yesterday";
  if (d < 14) return say(d, "day");
  if (d < 60) return say(Math.round(d / 7), "week");
  if (d < 365) return say(Math.round(d / 30), "month");
  return d < 730 ? "over a year ago" : `${Math.floor(d / 365)} years ago`;
}

/** Who said something, as a quote line names them: "Carla", or "Your notes" for the user's own words. */
export type QuoteSource = { kind: "user" } | { kind: "person"; person: Person | null };

/** A quote with who said it and when: `Carla, Tue 24 Nov: “…”`. */
export function attributedQuote(source: QuoteSource, saidAt: number, text: string, timeZone: string, asOf: number, maxChars: number = MAX_QUOTE_CHARS): string {
  const who = source.kind === "user" ? "You wrote" : firstName(source.person);
  return `${who}, ${formatDay(saidAt, timeZone, asOf)}: ${quote(text, maxChars)}`;
}

// Events where a cheerful "congrats!" would hurt. Matched on whole words.
const HARD_EVENT =
  /\b(passed away|died|death|funeral|bereave\w*|grie(f|ving)|loss|lost (her|his|their) (job|mother|father|mum|mom|dad|partner|husband|wife|baby)|laid off|layoffs?|redundan\w*|fired|surgery|operation|hospital\w*|diagnos\w*|cancer|chemo\w*|illness|sick|divorce\w*|separat\w*|miscarriage|burn ?out)\b/i;

/** A life event that calls for gentleness rather than congratulations. */
export function isHardLifeEvent(text: string): boolean {
  return HARD_EVENT.test(text);
}
