// The one wrapper of hono/html. Every value interpolated into `html` is escaped
// unless it was itself built with `html`, so names and notes from untrusted mail
// cannot become markup, and nothing in Tend escapes by hand.
import { html as honoHtml } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

/** Markup built by `html`: safe to interpolate into more markup as it is. */
export type Html = HtmlEscapedString;

/**
 * hono's `html` turns async when a value is a promise. Tend's pages and mail
 * never interpolate one, so a promise here is a bug, not something to await.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const markup = honoHtml(strings, ...values);
  if (markup instanceof Promise) throw new TypeError("tend: an HTML template was given a promise");
  return markup;
}

/** The finished document as a plain string (hono's markup is a String object). */
export function renderHtml(markup: Html): string {
  return markup.toString();
}
