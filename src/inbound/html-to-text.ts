// The one wrapper around html-to-text, for HTML-only mail.
import { convert } from "html-to-text";

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "head", format: "skip" },
    ],
  });
}
