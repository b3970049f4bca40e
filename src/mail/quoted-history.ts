// Where a reply's quoted history begins, read line by line in the reply's text: an
// attribution line ("On … wrote:", "Am … schrieb:", "W dniu … napisał:", "… 写道："),
// an Outlook header block ("From: … Sent: …", "Von: … Gesendet: …"), an
// "-----Original Message-----" line, or a client's tagline ("Sent from my iPhone").
// Everything from there on is someone else's words or the client's, not the author's.
import {
  isAttribution,
  isAttributionWithoutColon,
  isBareAttribution,
  isForwardMarker,
  isFromHeaderLine,
  isGenericHeaderLine,
  isHeaderBlockStart,
  isHeaderLine,
  isListFooterLine,
  isLooseAttribution,
  isOneLineHeader,
  isOriginalMessageLine,
  isRuledTitle,
  isSeparatorLine,
  isDateNameAddress,
  isTagline,
  mayOpenAttribution,
  midLineAttribution,
  opensAttribution,
} from "./quote-patterns.ts";

/** Characters of one line read as a possible header; real attribution and header lines are far shorter, longer lines are prose. */
export const MAX_HEADER_LINE_CHARS = 400;
/** Lines joined to read one wrapped attribution ("…schrieb Company Questions\n<questions@company.com>:"); clients wrap it over two, rarely three. */
export const MAX_ATTRIBUTION_LINES = 3;
/** Lines after a header block's first line in which a second header line must appear (a wrapped address can sit between). */
export const HEADER_BLOCK_WINDOW_LINES = 6;
/** A quoted line at least this long, followed at once by an unquoted line, was wrapped by a client; the unquoted line is not an inline answer. */
export const WRAPPED_QUOTE_MIN_CHARS = 60;

export type QuoteStartKind = "attribution" | "header-block" | "original-message" | "tagline" | "list-footer";

export interface OwnText {
  /** The author's own lines, before the quoted history (all of it when there is none). */
  text: string;
  /** What started the quoted history, or null when none was found. */
  cutBy: QuoteStartKind | null;
  /** The author answered between quoted lines; the caller keeps the quotes as they are. */
  inline: boolean;
}

/** Counts lines and characters read, so a test can check the work grows linearly with the input. */
export interface ScanMeter {
  chars: number;
}

const isBlank = (line: string) => line.trim() === "";
const isQuoted = (line: string) => /^\s*>/.test(line);

/**
 * A quoted message's header block opens at `i`: a sender or date line and a second
 * header line close below it. A block that opens with a date must name a sender or
 * an address too, so notes headed "Date: … / Subject: …" stay the author's.
 */
function headerBlockAt(lines: string[], i: number, meter?: ScanMeter): boolean {
  const line = lines[i] ?? "";
  if (!isHeaderBlockStart(line)) return false;
  if (isOneLineHeader(line)) return true;
  let sender = isFromHeaderLine(line) || line.includes("@");
  let second = false;
  const end = Math.min(lines.length, i + 1 + HEADER_BLOCK_WINDOW_LINES);
  for (let j = i + 1; j < end; j++) {
    const next = lines[j] ?? "";
    if (meter) meter.chars += next.length;
    if (next.length > MAX_HEADER_LINE_CHARS) break;
    if (isHeaderLine(next)) second = true;
    if (isFromHeaderLine(next) || next.includes("@")) sender = true;
    if (second && sender) return true;
  }
  return false;
}

/** Header lines in any language a rule must have below it to open a quoted header (Outlook: From, Sent, To, Subject). */
export const GENERIC_HEADER_MIN_LINES = 3;

/** A rule with "Key: value" lines below it, the first naming an address: Outlook's header in a language not listed. */
function ruledHeaderAt(lines: string[], i: number, meter?: ScanMeter): boolean {
  const rule = lines[i] ?? "";
  if (!isSeparatorLine(rule) && !isRuledTitle(rule)) return false;
  let j = nextContent(lines, i);
  if (j < 0) return false;
  let address = false;
  for (let k = 0; k < GENERIC_HEADER_MIN_LINES; k++, j++) {
    const line = lines[j] ?? "";
    if (meter) meter.chars += line.length;
    if (line.length > MAX_HEADER_LINE_CHARS || !isGenericHeaderLine(line)) return false;
    if (k < 2 && line.includes("@")) address = true;
  }
  return address;
}

/** Lines below a rule in which a list server's footer names itself ("riak-users mailing list", "…/listinfo/…"). */
export const LIST_FOOTER_WINDOW_LINES = 3;

function listFooterAt(lines: string[], i: number, meter?: ScanMeter): boolean {
  if (!isSeparatorLine(lines[i] ?? "")) return false;
  const end = Math.min(lines.length, i + 1 + LIST_FOOTER_WINDOW_LINES);
  for (let j = i + 1; j < end; j++) {
    const line = lines[j] ?? "";
    if (meter) meter.chars += line.length;
    if (isListFooterLine(line)) return true;
  }
  return false;
}

/** Lines ending in a colon that name an address, with quoted lines right below: an attribution in any language. */
function looseAttributionAt(lines: string[], i: number, meter?: ScanMeter): boolean {
  let joined = "";
  for (let k = 0; k < MAX_ATTRIBUTION_LINES && i + k < lines.length; k++) {
    const line = (lines[i + k] ?? "").trim();
    if (line === "" || isQuoted(line)) return false;
    joined = k === 0 ? line : `${joined} ${line}`;
    if (joined.length > MAX_HEADER_LINE_CHARS) return false;
    if (meter) meter.chars += line.length;
    if (isLooseAttribution(joined)) {
      const quotedBelow = isQuoted(lines[nextContent(lines, i + k)] ?? "");
      return quotedBelow && (k === 0 || mayOpenAttribution(lines[i] ?? ""));
    }
  }
  return false;
}

/** How many lines (from `i`) an attribution spans, or 0 when none starts there. */
function attributionLength(lines: string[], i: number, meter?: ScanMeter): number {
  let joined = "";
  for (let k = 0; k < MAX_ATTRIBUTION_LINES && i + k < lines.length; k++) {
    const line = (lines[i + k] ?? "").trim();
    // Clients wrap an attribution mid-phrase; a line that ends a sentence ends the author's text.
    if (k > 0 && (line === "" || isQuoted(line) || /[.!?。]$/u.test(joined))) return 0;
    joined = k === 0 ? line : `${joined} ${line}`;
    if (joined.length > MAX_HEADER_LINE_CHARS) return 0;
    if (meter) meter.chars += line.length;
    if (isAttribution(joined)) return k + 1;
  }
  return 0;
}

function attributionAt(lines: string[], i: number, meter?: ScanMeter): boolean {
  const length = attributionLength(lines, i, meter);
  if (length <= 1) return length === 1;
  // A wrapped attribution opens on a line with a date, an address or an opening word;
  // a line of the author's just above an attribution is not part of it.
  const line = lines[i] ?? "";
  const next = lines[i + 1] ?? "";
  const nextLength = attributionLength(lines, i + 1, meter);
  return mayOpenAttribution(line) && nextLength !== 1 && !(nextLength > 1 && opensAttribution(next));
}

/** Index of the previous non-blank line, or -1. */
function previousContent(lines: string[], i: number): number {
  let j = i - 1;
  while (j >= 0 && isBlank(lines[j] ?? "")) j--;
  return j;
}

/** Words, not the tail of a wrapped link: inline answers are sentences. */
function isProse(line: string): boolean {
  return !line.includes("://") && /\p{L}/u.test(line) && /\S\s+\S/u.test(line);
}

/** Index of the next non-blank line after `i`, or -1. */
function nextContent(lines: string[], i: number): number {
  let j = i + 1;
  while (j < lines.length && isBlank(lines[j] ?? "")) j++;
  return j < lines.length ? j : -1;
}

/** Answers written between quoted lines after `start` (-1: from the top): quoted, then the author's own line, then quoted again. */
function answersInline(lines: string[], start: number, meter?: ScanMeter): boolean {
  let quotedSeen = false;
  let answered = false;
  let previous = "";
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j] ?? "";
    if (meter) meter.chars += line.length;
    if (isQuoted(line)) {
      if (answered) return true;
      quotedSeen = true;
    } else if (quotedSeen && !isBlank(line)) {
      const wrapped = isQuoted(previous) && previous.trim().length >= WRAPPED_QUOTE_MIN_CHARS;
      if (!wrapped && isProse(line) && !isSeparatorLine(line) && !isTagline(line)) answered = true;
    }
    previous = line;
  }
  return false;
}

/** The start of quoted history in `lines`: its line index (a rule drawn above it included) and kind. */
export interface QuoteStart {
  line: number;
  /** Where on `line` the quote starts: 0, or after the author's words ("reply On Wed, … wrote:"). */
  column: number;
  kind: QuoteStartKind;
}

/** Index of the last line with words that is not quoted, or -1: a bare "Ana wrote:" must have only quotes below it. */
function lastUnquotedLine(lines: string[], meter?: ScanMeter): number {
  for (let j = lines.length - 1; j >= 0; j--) {
    const line = lines[j] ?? "";
    if (meter) meter.chars += line.length;
    if (!isBlank(line) && !isQuoted(line)) return j;
  }
  return -1;
}

export function findQuoteStart(lines: string[], meter?: ScanMeter): QuoteStart | null {
  let hasContent = false;
  // Computed on the first bare "… wrote:" line only, so the scan stays linear.
  let lastUnquoted: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (meter) meter.chars += line.length;
    if (isBlank(line)) continue;
    if (line.length > MAX_HEADER_LINE_CHARS) {
      hasContent = true;
      continue;
    }
    // A forwarded message is kept whole: its header block is the forward's, not a quote.
    if (isForwardMarker(line)) return null;
    let kind: QuoteStartKind | null = null;
    if (isOriginalMessageLine(line)) kind = "original-message";
    else if (headerBlockAt(lines, i, meter)) kind = "header-block";
    else if (attributionAt(lines, i, meter)) kind = "attribution";
    else if ((isDateNameAddress(line) || isAttributionWithoutColon(line)) && isQuoted(lines[nextContent(lines, i)] ?? "")) kind = "attribution";
    else if (ruledHeaderAt(lines, i, meter)) kind = "header-block";
    else if (looseAttributionAt(lines, i, meter)) kind = "attribution";
    else if (hasContent && isBareAttribution(line) && isQuoted(lines[nextContent(lines, i)] ?? "")) {
      lastUnquoted ??= lastUnquotedLine(lines, meter);
      if (lastUnquoted <= i) kind = "attribution";
    }
    else if (hasContent && isTagline(line)) kind = "tagline";
    else if (hasContent && listFooterAt(lines, i, meter)) kind = "list-footer";
    if (kind === null) {
      const midLine = midLineAttribution(line);
      if (midLine > 0) return { line: i, column: midLine, kind: "attribution" };
      if (!isQuoted(line) && !isSeparatorLine(line)) hasContent = true;
      continue;
    }
    // "reply On Wed, … wrote:": the author's words share the line.
    const column = kind === "attribution" ? midLineAttribution(line) : -1;
    if (column > 0) return { line: i, column, kind };
    if (!hasContent) {
      // The message opens with a header of its own (a pasted or self-quoted header): skip the block, read on.
      while (i + 1 < lines.length && !isBlank(lines[i + 1] ?? "")) i++;
      continue;
    }
    // Rules and titles the client drew above it go with it (HTML conversion can leave two).
    let top = i;
    for (let before = previousContent(lines, top); before >= 0; before = previousContent(lines, top)) {
      const above = lines[before] ?? "";
      if (!(isSeparatorLine(above) || isOriginalMessageLine(above) || (kind === "header-block" && isRuledTitle(above)))) break;
      top = before;
    }
    return { line: top, column: 0, kind };
  }
  return null;
}

/** The author's own text of a reply: what precedes its quoted history. */
export function ownText(text: string, meter?: ScanMeter): OwnText {
  const lines = text.split("\n");
  const start = findQuoteStart(lines, meter);
  // Answers between quotes with no attribution above them ("> question / answer / > question / answer").
  if (!start) return { text, cutBy: null, inline: answersInline(lines, -1, meter) };
  if (start.kind === "attribution" && answersInline(lines, start.line, meter)) return { text, cutBy: null, inline: true };
  const own = lines.slice(0, start.line);
  if (start.column > 0) own.push((lines[start.line] ?? "").slice(0, start.column));
  return { text: own.join("\n"), cutBy: start.kind, inline: false };
}
