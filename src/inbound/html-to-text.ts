// The one wrapper around html-to-text, for HTML-only mail.
import { convert } from "html-to-text";

export function htmlToText(html: string): string {
  const text = convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "head", format: "skip" },
    ],
  });
  // Word-generated HTML leaves runs of empty paragraphs.
  return text.replace(/\n{3,}/g, "\n\n").trim();
}
