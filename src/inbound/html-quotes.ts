// Quoted history as mail clients mark it in HTML, read from the structure rather than
// the words, so it is found in any language: Gmail's div.gmail_quote, Yahoo's
// div.yahoo_quoted (and Proton's, Zoho's and Front's containers), Outlook's reply header (#divRplyFwdMsg after #appendonsend, or a
// div with a top border holding "From: … Sent: …"). html-to-text.ts renders the
// quote containers as `>` quotes and puts a rule above Outlook's header, so the
// visible-text step drops them like any quoted text. Nothing is deleted here: a
// forwarded message sits in the same containers, and the forward reader needs it
// whole, so a container that opens with a forward marker is left as it is.
import { isForwardMarker } from "../mail/quote-patterns.ts";

/** The part of an htmlparser2 node this file reads. */
export interface HtmlNode {
  type: string;
  data?: string;
  children?: HtmlNode[];
}

/** Characters of a container's text read for a forward marker: clients write it first, above the forwarded header. */
export const MAX_FORWARD_MARKER_SCAN_CHARS = 2_000;
/** Nodes visited looking for it, so a container of a million empty tags costs no more than this. */
export const MAX_FORWARD_MARKER_SCAN_NODES = 500;

/** Containers that hold a reply's quoted history; rendered as `>` quotes unless they hold a forward. */
export const QUOTE_CONTAINER_SELECTORS = ["div.gmail_quote", "div.yahoo_quoted", "div.protonmail_quote", "div.zmail_extra", "div.front-blockquote"];

/** Outlook's reply header: a rule goes above it, so its "From: … Sent: …" lines read as a header block in any language. */
export const OUTLOOK_HEADER_SELECTORS = [
  // Outlook on the web; "x_" prefixed ids when the message quoted was Outlook's too.
  '[id*="divRplyFwdMsg"]',
  '[id*="appendonsend"]',
  // Outlook 2003 and Outlook for Mac.
  "div.OutlookMessageHeader",
  "#MAC_OUTLOOK_ATTRIBUTION_BLOCKQUOTE",
  // Outlook for Windows and Windows Mail: the header sits in a div with a top border.
  'div[style*="border-top:solid"]',
  'div[style*="border-top: solid"]',
  'div[style*="border-top-style: solid"]',
];

/** The first words of a container's text, up to the bounds above, in document order. */
export function leadingText(node: HtmlNode): string {
  const parts: string[] = [];
  let chars = 0;
  let visited = 0;
  const stack: HtmlNode[] = [node];
  while (stack.length > 0 && chars < MAX_FORWARD_MARKER_SCAN_CHARS && visited < MAX_FORWARD_MARKER_SCAN_NODES) {
    const current = stack.pop();
    if (!current) break;
    visited++;
    if (current.type === "text" && current.data) {
      parts.push(current.data);
      chars += current.data.length;
    }
    const children = current.children ?? [];
    for (let i = Math.min(children.length, MAX_FORWARD_MARKER_SCAN_NODES) - 1; i >= 0; i--) {
      const child = children[i];
      if (child) stack.push(child);
    }
  }
  return parts.join("\n").slice(0, MAX_FORWARD_MARKER_SCAN_CHARS);
}

/** The container opens with "---------- Forwarded message ---------" or its like. */
export function holdsForward(node: HtmlNode): boolean {
  return leadingText(node)
    .split("\n")
    .some((line) => isForwardMarker(line));
}
