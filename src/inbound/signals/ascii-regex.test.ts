import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forText, isAsciiText } from "./ascii-regex.ts";

// Shapes the detectors use: \b under /iu, \p{L} in and out of classes, a
// case-sensitive \p{Lu}, lookbehind and lookahead, non-ASCII literals.
const PATTERNS = [
  /\bgraduat(?:es|ed|ing|ion)\b|\blaid\s+off\b/giu,
  /\bknows?\s+(?:[\p{L}\p{N}$&'.-]+\s+){1,6}?(?:inside\s+out|really\s+well)/giu,
  /\b(?:[Ll]eaving|[Qq]uitting)\s+(?=\p{Lu}[\p{L}&.-]+)/gu,
  /(?<!\babout\s+)\b(?:joined|joins)\s+(?!(?:the|a|us)\b)\p{L}/giu,
  /\b(?:café|bakery)\b|[—–]\s*done/giu,
  /\bneeds?\s+(?:\d+|two)\s+(?!(?:days?|weeks?)\b)\p{Ll}/giu,
];

const WORDS = ["graduated", "Laid", "off", "knows", "pricing", "inside", "out", "really", "well", "Leaving", "leaving", "Figma", "figma", "joined", "Joins", "about", "the", "us", "needs", "two", "2", "days", "AEs", "cafe", "bakery", "done", "-", "K", "s", "S", "_"];
const asciiText = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: fc.constantFrom(..." .,'!-\n\tabcKSsz09_$&()".split("")) })), { maxLength: 12 }).map((parts) => parts.join(" "));

function matches(pattern: RegExp, text: string): [number, string][] {
  const out: [number, string][] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push([m.index, m[0]]);
    if (m[0] === "") pattern.lastIndex++;
  }
  return out;
}

describe("forText", () => {
  it("reads ASCII text with a twin that matches exactly what the /u pattern matches", () => {
    for (const pattern of PATTERNS) expect(forText(pattern, true).unicode).toBe(false);
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(isAsciiText(text)).toBe(true);
        for (const pattern of PATTERNS) expect(matches(forText(pattern, true), text)).toEqual(matches(pattern, text));
      }),
      { numRuns: 400, seed: 14 },
    );
  });

  it("keeps the pattern as written for other text, and for patterns the twin could not read alike", () => {
    expect(isAsciiText("Café with Zoë — Tuesday")).toBe(false);
    expect(forText(PATTERNS[0] ?? /x/u, false)).toBe(PATTERNS[0]);
    for (const pattern of [/\P{L}/gu, /\p{Script=Greek}/u, /\u{1F600}/u, /ſ/iu, /(?<n>a)\k<n>/u]) expect(forText(pattern, true)).toBe(pattern);
  });
});
