import { describe, expect, it } from "vitest";
import { flattenDeepNesting, HtmlConversionError, htmlToText } from "./html-to-text.ts";
import { MAX_HTML_NESTING_DEPTH } from "./limits.ts";

const DEEP = 20_000;

function nested(open: string, close: string, inner: string, depth = DEEP): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

describe("htmlToText on hostile nesting", () => {
  it("converts 20,000 nested tags of every kind without overflowing, text intact", () => {
    for (const [open, close] of [
      ["<div>", "</div>"],
      ['<a href="https://x.example">', "</a>"],
      ["<table><tr><td>", "</td></tr></table>"],
      ["<ol><li>", "</li></ol>"],
      ["<blockquote>", "</blockquote>"],
      ["<span>", ""],
    ] as const) {
      expect(htmlToText(nested(open, close, "Coffee with Ana Lima today."))).toContain("Coffee with Ana Lima today.");
    }
  });

  it("keeps the text at every level, in order", () => {
    const html = Array.from({ length: DEEP }, (_, i) => `<div>w${i} `).join("") + "</div>".repeat(DEEP);
    const words = htmlToText(html).split(/\s+/);
    expect(words).toHaveLength(DEEP);
    expect(words.every((word, i) => word === `w${i}`)).toBe(true);
  });

  it("is not fooled by closing tags the parser will not see", () => {
    const opens = ["<div><!--</div>-->", '<div title="</div>">', "<div><script></div></script>", "<div><style></div></style>", "<div><textarea></div></textarea>"];
    const texts = opens.map((open) => htmlToText(nested(open, "</div>", "deep words")));
    expect(texts.filter((text) => !text.includes("deep words"))).toEqual([]);
  });

  it("leaves the markup alone below the limit", () => {
    const html = nested("<div><p>", "</p></div>", "<b>Hi</b> <img src=x><br>there", MAX_HTML_NESTING_DEPTH / 2);
    expect(flattenDeepNesting(html, MAX_HTML_NESTING_DEPTH)).toBe(html);
  });

  it("counts elements the parser closes by itself as closed", () => {
    const paragraphs = Array.from({ length: 2 * MAX_HTML_NESTING_DEPTH }, (_, i) => `<p>para ${i}`).join("");
    expect(flattenDeepNesting(paragraphs, MAX_HTML_NESTING_DEPTH)).toBe(paragraphs);
    const rows = `<table>${Array.from({ length: 2 * MAX_HTML_NESTING_DEPTH }, (_, i) => `<tr><td>row ${i}<td>x`).join("")}</table>`;
    expect(flattenDeepNesting(rows, MAX_HTML_NESTING_DEPTH)).toBe(rows);
  });

  it("drops only the tags past the limit, with their closing tags", () => {
    expect(flattenDeepNesting("<div><b><i>deep</i></b> after</div><p>next</p>", 2)).toBe("<div><b>deep</b> after</div><p>next</p>");
    expect(flattenDeepNesting("<div><b><style>p{}</style>x</b></div>", 2)).toBe("<div><b>x</b></div>");
  });

  it("reports a failure inside the converter as an HtmlConversionError", () => {
    const unbounded = Number.MAX_SAFE_INTEGER / 4;
    expect(() => htmlToText(nested("<div>", "</div>", "x"), unbounded)).toThrow(HtmlConversionError);
  });
});
