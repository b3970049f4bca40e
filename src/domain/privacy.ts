// Privacy, as one rule. What the user tells Tend in confidence is kept (it is
// the user's own data: export returns it, marked private) but its words are
// never quoted in a mail, a page, a digest item or an introduction's reason,
// and never sent to a model. What is private, in the user's terms:
// - a line that starts with `private:` and the rest of its paragraph, up to the
//   next blank line, however the mail client wrapped it;
// - everything in a message with a line of only hashtags among them `#private`,
//   a forwarded message in it included;
// - a sentence with `#private` in it;
// - a note kept by a digest reply (`note 2 …`) with either marker, or written
//   in a reply the rule covers.
// Text enters Tend as a message's sentences (inbound/signals/sentences.ts) and
// as reply lines and notes (actions/parse-commands.ts); both read it here, and
// so does every renderer that shows a stored note. No other module has a regex
// of its own for it.

// A list marker a line may start with ("- ", "1. ", "[ ] "): "- private: …" is still marked.
const LIST_MARKER = String.raw`(?:(?:[-*•·‣–]|\d{1,2}[.)])\s+|(?:[-*]\s*)?\[[ xX]?\]\s*)?`;
const PRIVATE_MARKER = new RegExp(String.raw`^\s*${LIST_MARKER}private\s*:\s*`, "i");
const PRIVATE_TAG = /(^|[^\p{L}\p{N}_])#private(?![\p{L}\p{N}_-])/iu;
const HASHTAG_LINE = new RegExp(String.raw`^\s*${LIST_MARKER}(?:#[\p{L}\p{N}_-]+\s*)+[.!]?\s*$`, "u");
/** What a private note is stored with when the rule covers it but its own words carry no marker. */
const NOTE_MARKER = "#private";

/** The length of a leading `private:` marker (after a list marker, if any), or 0. */
export function privateMarkerLength(line: string): number {
  return PRIVATE_MARKER.exec(line)?.[0].length ?? 0;
}

/** `#private` anywhere in the text, as a tag of its own (not `#privateequity`). */
export function hasPrivateTag(text: string): boolean {
  return PRIVATE_TAG.test(text);
}

/** A line of only hashtags, `#private` among them: it marks the whole message. */
export function isPrivateTagLine(line: string): boolean {
  return HASHTAG_LINE.test(line) && hasPrivateTag(line);
}

export interface TextPrivacy {
  /** A lone `#private` line: all of the text is private, and whatever came with it. */
  whole: boolean;
  /**
   * For each line of the text (split at CRLF, CR or LF): private because a
   * `private:` marker opened its paragraph above it (or on it), or because of `whole`.
   * A `#private` tag inside a sentence is the sentence splitter's to apply.
   */
  lines: boolean[];
}

/** Which lines of a text the markers cover. */
export function readPrivacy(text: string): TextPrivacy {
  const lines = text.split(/\r\n?|\n/);
  let whole = false;
  let inPrivateParagraph = false;
  const marked = lines.map((line) => {
    if (line.trim() === "") {
      inPrivateParagraph = false;
      return false;
    }
    if (isPrivateTagLine(line)) whole = true;
    if (privateMarkerLength(line) > 0) inPrivateParagraph = true;
    return inPrivateParagraph;
  });
  return { whole, lines: whole ? marked.map(() => true) : marked };
}

/** A message marked private as a whole: a forwarded part and anything read from it are private too. */
export function isPrivateMessage(text: string): boolean {
  return readPrivacy(text).whole;
}

/** A short note ("note 2 …", a line or two): private when any marker is in it. */
export function isPrivateNote(text: string): boolean {
  const { whole, lines } = readPrivacy(text);
  return whole || lines.some(Boolean) || hasPrivateTag(text);
}

/** A note the rule covers (by a marker elsewhere in its message), stored with a marker of its own so every reader knows. */
export function markedPrivate(note: string): string {
  return isPrivateNote(note) ? note : `${note} ${NOTE_MARKER}`;
}
