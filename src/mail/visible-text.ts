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
  const fragments = email.getFragments().map((fragment) => ({
    content: fragment.getContent(),
    kept: !fragment.isHidden() || (fragment.isQuoted() && !fragment.isSignature()),
  }));
  const kept = keptLines(own.text, fragments) ?? fragments.filter((f) => f.kept).map((f) => f.content).join("\n");
  return kept.replace(/~*$/, "").trim();
}

/**
 * The author's lines with the parser's dropped fragments (signatures) taken out, read from
 * the text itself so the blank lines the parser trims at fragment edges stay where the author
 * put them. Null when the fragments do not line up with the text (the parser rejoins wrapped
 * quote headers); the caller then joins the fragments.
 */
function keptLines(text: string, fragments: { content: string; kept: boolean }[]): string | null {
  const lines = text.split("\n");
  const out: string[] = [];
  let next = 0;
  for (const fragment of fragments) {
    const own = fragment.content.split("\n");
    let blanks = 0;
    while (next < lines.length && (lines[next] ?? "").trim() === "" && (own[0] ?? "").trim() !== "") {
      next++;
      blanks++;
    }
    for (const line of own) {
      if ((lines[next] ?? "").trimEnd() !== line.trimEnd()) return null;
      next++;
    }
    if (!fragment.kept) continue;
    if (out.length > 0) for (let b = 0; b < blanks; b++) out.push("");
    out.push(...own);
  }
  return out.join("\n");
}
