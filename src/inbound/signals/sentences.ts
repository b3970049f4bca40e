// The one sentence splitter: what a person wrote, in sentences, the way people
// write: hard-wrapped mail, bullet notes, "Ana: …" labels, "private:" lines and
// hashtags. It splits text as written (typographic quotes and spaces split as
// their ASCII twins would), so a caller that quotes a sentence back keeps the
// author's characters; the signal detectors fold the text first (foldQuotes).
// Which sentences are private is the privacy rule's (domain/privacy.ts).
import { hasPrivateTag, privateMarkerLength, readPrivacy } from "../../domain/privacy.ts";

export interface Sentence {
  /** The sentence as written (without a bullet marker). */
  text: string;
  /** Without the "private:" marker and the line label: the part to read. */
  body: string;
  /** Without the "private:" marker only: the part to read when the label names nobody. */
  plain: string;
  /** "Ana" in "Ana: hiring a designer", "todo" for a checkbox; shared by the line's sentences. */
  label: string | null;
  /** Told in confidence (domain/privacy.ts): kept, never quoted nor sent to a model. */
  private: boolean;
  /** A line of only hashtags: it tags the whole note, not the sentence before it. */
  tagsNote: boolean;
}

// Mail clients wrap at 72-78 columns; a shorter line ended on purpose.
const WRAPPED_LINE_MIN_CHARS = 60;
const LABEL_MAX_WORDS = 4;
/**
 * Characters of one sentence read at a time. Real sentences are a few hundred
 * characters; a pasted wall of text without punctuation would make the
 * per-trigger subject scan quadratic, so it is read in clause-sized pieces.
 */
export const MAX_SENTENCE_CHARS = 1_000;

const BULLET = /^\s*(?:[-*•·‣–]|\d{1,2}[.)])\s+/;
const CHECKBOX = /^\s*(?:[-*]\s*)?\[[ xX]?\]\s*/;
const LABEL = /^([\p{L}][\p{L}\p{N} \u00a0\u2009\u202f.'’‘`´&/-]{0,40}?)\s*(?::|\s[-–—]\s)\s*(?=\S)/u;
const HASHTAGS_ONLY = /^(?:\s*#[\p{L}\p{N}_-]+)+\s*[.!]?\s*$/u;
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|prof|st|approx|inc|ltd|co|jr|sr|a\.m|p\.m|u\.s|no)\.$/i;
const SENTENCE_END = /[.!?…]+["“”„'’‘`´)\]]*\s+/g;
// "the week of Dec. 7", "by Wed. 9 Dec.": a month or weekday cut short, with the date going on after it.
const DATE_ABBREVIATION = /\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|mon|tues?|wed|thu|thurs?|fri|sat|sun)\.$/i;
const DATE_GOES_ON = /^\s+(?:\d|the\s+\d)/;

/** Folds typographic quotes and spaces to ASCII, keeping every offset. */
export function foldQuotes(text: string): string {
  return text.replace(/[’‘`´]/g, "'").replace(/[“”„]/g, '"').replace(/[\u00a0\u2009\u202f]/g, " ");
}

function isStructuredLine(line: string): boolean {
  return BULLET.test(line) || CHECKBOX.test(line) || privateMarkerLength(line) > 0 || LABEL.test(line);
}

interface LogicalLine {
  text: string;
  /** Inside a `private:` paragraph: a wrapped line is never joined across a blank line, so its first line decides. */
  private: boolean;
}

/** Joins lines a mail client wrapped back into the lines the author wrote. */
function logicalLines(text: string): LogicalLine[] {
  const privateLines = readPrivacy(text).lines;
  const out: LogicalLine[] = [];
  let previousRaw = "";
  for (const [index, raw] of text.replace(/\r\n?/g, "\n").split("\n").entries()) {
    const line = raw.trimEnd();
    const last = out.at(-1);
    const continues =
      last !== undefined &&
      line.trim() !== "" &&
      previousRaw.length >= WRAPPED_LINE_MIN_CHARS &&
      !/[.!?:]$/.test(previousRaw) &&
      !isStructuredLine(line);
    if (continues) last.text = `${last.text} ${line.trim()}`;
    else out.push({ text: line, private: privateLines[index] ?? false });
    previousRaw = line;
  }
  return out.filter((line) => line.text.trim() !== "");
}

/** A run-on longer than MAX_SENTENCE_CHARS, cut at clause breaks (or spaces) into pieces that fit. */
function pieces(sentence: string): string[] {
  if (sentence.length <= MAX_SENTENCE_CHARS) return [sentence];
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE_CHARS) {
    const window = rest.slice(0, MAX_SENTENCE_CHARS);
    const clause = Math.max(window.lastIndexOf(", "), window.lastIndexOf("; "), window.lastIndexOf(" and "));
    const cut = clause > MAX_SENTENCE_CHARS / 4 ? clause + 1 : window.lastIndexOf(" ") > 0 ? window.lastIndexOf(" ") : MAX_SENTENCE_CHARS;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

function splitLine(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(line); m; m = SENTENCE_END.exec(line)) {
    const end = m.index + m[0].trimEnd().length;
    if (ABBREVIATION.test(line.slice(start, end))) continue;
    if (DATE_ABBREVIATION.test(line.slice(start, end)) && DATE_GOES_ON.test(line.slice(end))) continue;
    parts.push(line.slice(start, end));
    start = m.index + m[0].length;
  }
  if (start < line.length) parts.push(line.slice(start));
  // A trailing "#climate #private" belongs to the sentence before it.
  const merged: string[] = [];
  for (const part of parts.flatMap(pieces).map((p) => p.trim()).filter(Boolean)) {
    const previous = merged.length - 1;
    if (HASHTAGS_ONLY.test(part) && previous >= 0) merged[previous] = `${merged[previous] ?? ""} ${part}`;
    else merged.push(part);
  }
  return merged;
}

/**
 * `options.private`: all of the text is private, whatever its own lines say (a
 * forwarded message below the user's lone `#private` line).
 */
export function splitSentences(text: string, options: { private?: boolean } = {}): Sentence[] {
  const sentences: Sentence[] = [];
  for (const logical of logicalLines(text)) {
    const rawLine = logical.text;
    const checkbox = CHECKBOX.exec(rawLine);
    const line = rawLine.slice(checkbox ? checkbox[0].length : (BULLET.exec(rawLine)?.[0].length ?? 0)).trim();
    const linePrivate = options.private === true || logical.private;
    if (HASHTAGS_ONLY.test(line)) {
      // A line of only hashtags tags the note (a lone "#private" marks all of it: readPrivacy).
      sentences.push({ text: line, body: line, plain: line, label: null, private: linePrivate || hasPrivateTag(line), tagsNote: true });
      continue;
    }
    const privateLength = privateMarkerLength(line);
    const afterPrivate = line.slice(privateLength);
    const labelMatch = checkbox ? null : LABEL.exec(afterPrivate);
    const labelText = labelMatch?.[1]?.trim() ?? null;
    const label = checkbox
      ? "todo"
      : labelText && labelText.split(/\s+/).length <= LABEL_MAX_WORDS
        ? labelText
        : null;
    const labelLength = label && labelMatch ? labelMatch[0].length : 0;
    const parts = splitLine(afterPrivate);
    for (const [index, part] of parts.entries()) {
      const body = index === 0 ? part.slice(labelLength) : part;
      sentences.push({
        text: index === 0 ? line.slice(0, privateLength) + part : part,
        body: body.trim(),
        plain: part,
        label,
        private: linePrivate || privateLength > 0 || hasPrivateTag(part),
        tagsNote: false,
      });
    }
  }
  return sentences;
}

/** The sentences of a text that may be quoted, one per line: what is left when the private ones are taken out. */
export function publicText(text: string, options: { private?: boolean } = {}): string {
  return splitSentences(text, options)
    .filter((sentence) => !sentence.private)
    .map((sentence) => sentence.text)
    .join("\n");
}
