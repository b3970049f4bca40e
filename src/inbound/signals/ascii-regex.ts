// The detectors' patterns are case-insensitive Unicode regexes (/iu), and V8
// runs `\b` under /iu as a lookaround over a case-folded class at every
// position: 10-20× slower than the same pattern without /u. On ASCII text the
// two read alike, so an ASCII sentence is read with a twin compiled without
// /u; anything else keeps the pattern as written.
//
// Why the twin matches exactly what the pattern matches on ASCII text:
// - /i without /u folds with toUpperCase, /iu with simple case folding; on
//   ASCII characters both pair a-z with A-Z, and the only non-ASCII characters
//   that fold to ASCII under /iu (ſ U+017F, K U+212A) make a pattern keep no twin.
// - \w, \b, \d, \s, `.` and classes differ only on non-ASCII characters.
// - \p{L}, \p{Lu}, \p{Ll}, \p{N} become their ASCII members (\p{Lu} under /i
//   matches either case, as [A-Z] does under /i). Any other property, \P,
//   \u escapes and astral characters make a pattern keep no twin.
// - A pattern valid under /u escapes only syntax characters, which mean the
//   same without /u.

// No UTF-16 unit above 0x7f: ASCII only, control characters included.
const ASCII_TEXT = /^[^\u0080-\uffff]*$/;
const PROPERTY = /^\\p\{(L|Lu|Ll|N)\}/;
const ASCII_MEMBERS: Record<string, string> = { L: "A-Za-z", Lu: "A-Z", Ll: "a-z", N: "0-9" };
// Non-ASCII characters that fold to an ASCII one under /iu only, and surrogates (astral characters).
const FOLDS_TO_ASCII = /[\u017f\u212a\ud800-\udfff]/;

/** The twin's source, or null when the pattern uses something the twin could not read alike. */
function asciiSource(source: string): string | null {
  if (FOLDS_TO_ASCII.test(source)) return null;
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") {
      const property = PROPERTY.exec(source.slice(i));
      if (property) {
        const members = ASCII_MEMBERS[property[1] ?? ""] ?? "";
        out += inClass ? members : `[${members}]`;
        i += property[0].length - 1;
        continue;
      }
      const next = source[i + 1] ?? "";
      // \p{…} beyond the four above, \P, \u and \k (named backreferences) stay as written.
      if (/[pPuk]/.test(next)) return null;
      out += char + next;
      i++;
      continue;
    }
    if (char === "[") inClass = true;
    else if (char === "]") inClass = false;
    out += char;
  }
  return out;
}

const twins = new WeakMap<RegExp, RegExp>();

/**
 * The regex to run on `text`: for ASCII text (`ascii`, from `isAsciiText`) a
 * /u pattern's faster twin without /u, which matches the same; else `pattern`.
 */
export function forText(pattern: RegExp, ascii: boolean): RegExp {
  if (!ascii || !pattern.unicode) return pattern;
  let twin = twins.get(pattern);
  if (!twin) {
    const source = asciiSource(pattern.source);
    twin = source === null ? pattern : new RegExp(source, pattern.flags.replace("u", ""));
    twins.set(pattern, twin);
  }
  return twin;
}

export function isAsciiText(text: string): boolean {
  return ASCII_TEXT.test(text);
}
