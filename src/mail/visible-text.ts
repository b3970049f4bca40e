// The one wrapper around email-reply-parser: what the author wrote, without
// quoted history or signature. Quote headers email-reply-parser does not know
// (other languages, Outlook header blocks, wrapped attributions) and client
// taglines are cut first (quoted-history.ts); email-reply-parser then drops what
// is left of `>` quotes and `--` signatures.
import EmailReplyParser from "email-reply-parser";
import { truncateChars } from "../lib/plain-text.ts";
import { ownText } from "./quoted-history.ts";

/**
 * Characters of a message read for its own text. Inbound mail is already cut to
 * this many (MAX_TEXT_CHARS); the bound holds for every other caller too, so the
 * parser's work never depends on how much history a sender pastes below.
 */
export const MAX_VISIBLE_TEXT_CHARS = 100_000;
/** Levels of `>` taken off a message that is quoted as a whole (a reply wrapped in a blockquote); real mail needs one. */
const MAX_UNQUOTE_LEVELS = 2;

const QUOTED_LINE = /^[ \t]*>/;

/** Every line with words in it is quoted: the author's text sits one level down. */
function whollyQuoted(text: string): boolean {
  let quoted = false;
  for (const line of text.split("\n")) {
    if (line.trim() === "" || /^[\s>]*$/.test(line)) continue;
    if (!QUOTED_LINE.test(line)) return false;
    quoted = true;
  }
  return quoted;
}

function unquoteOnce(text: string): string {
  return text.replace(/^[ \t]*> ?/gm, "");
}

export function visibleText(text: string): string {
  let body = truncateChars(text.replace(/\r\n?/g, "\n"), MAX_VISIBLE_TEXT_CHARS);
  for (let level = 0; level < MAX_UNQUOTE_LEVELS && whollyQuoted(body); level++) body = unquoteOnce(body);
  const own = ownText(body);
  // Answers written between the quotes only make sense with them.
  if (own.inline) return own.text.trim();
  const email = new EmailReplyParser().read(own.text);
  if (own.cutBy === null) return email.getVisibleText().trim();
  // Above the quoted history, a `>` quote is one the author chose to keep (talon keeps it too).
  return email
    .getFragments()
    .filter((fragment) => !fragment.isHidden() || (fragment.isQuoted() && !fragment.isSignature()))
    .map((fragment) => fragment.getContent())
    .join("\n")
    .replace(/~*$/, "")
    .trim();
}
