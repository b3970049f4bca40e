// The one wrapper around html-to-text, for HTML-only mail.
import { compile, type FormatCallback } from "html-to-text";
import { holdsForward, OUTLOOK_HEADER_SELECTORS, QUOTE_CONTAINER_SELECTORS } from "./html-quotes.ts";
import { MAX_HTML_NESTING_DEPTH } from "./limits.ts";

/** The HTML part could not be turned into text; the caller tells the user it could not read the message. */
export class HtmlConversionError extends Error {
  override name = "HtmlConversionError";
}

// The tables below mirror htmlparser2's (which html-to-text parses with), so the
// depth counted here is the depth of the tree html-to-text will walk.

/** Elements that never contain anything, so never deepen the tree. */
const VOID_ELEMENTS = new Set([
  "area", "base", "basefont", "br", "col", "command", "embed", "frame", "hr", "img",
  "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr",
]);

/** Elements whose content is read as text up to their closing tag, never as tags. */
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "title", "textarea", "xmp"]);

const P = ["p"];
const FORM = ["input", "option", "optgroup", "select", "button", "datalist", "textarea"];
/** Opening one of these closes the listed elements if one is the innermost open element (`<li>` after `<li>`). */
const OPEN_IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>(
  Object.entries({
    tr: ["tr", "th", "td"], th: ["th"], td: ["thead", "th", "td"], body: ["head", "link", "script"], li: ["li"],
    p: P, h1: P, h2: P, h3: P, h4: P, h5: P, h6: P,
    select: FORM, input: FORM, output: FORM, button: FORM, datalist: FORM, textarea: FORM,
    option: ["option"], optgroup: ["optgroup", "option"], dd: ["dd", "dt"], dt: ["dd", "dt"],
    address: P, article: P, aside: P, blockquote: P, details: P, div: P, dl: P, fieldset: P, figcaption: P,
    figure: P, footer: P, form: P, header: P, hr: P, main: P, nav: P, ol: P, pre: P, section: P, table: P, ul: P,
    rt: ["rt", "rp"], rp: ["rt", "rp"], tbody: ["thead", "tbody"], tfoot: ["thead", "tbody"],
  }).map(([name, closes]) => [name, new Set(closes)]),
);

const TAG_NAME_START = /[a-z]/i;
const TAG_NAME_END = /[\s/>]/;

/** Index just past the `>` that ends an opening tag, skipping quoted attribute values; the end when none does. */
function openingTagEnd(html: string, from: number): number {
  let i = from;
  while (i < html.length) {
    const char = html[i];
    if (char === ">") return i + 1;
    i++;
    if (char !== "=") continue;
    while (i < html.length && /\s/.test(html.charAt(i))) i++;
    const quote = html.charAt(i);
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close < 0) return html.length;
      i = close + 1;
    }
  }
  return html.length;
}

function bump(counts: Map<string, number>, name: string, by: number): void {
  counts.set(name, (counts.get(name) ?? 0) + by);
}

/**
 * Drops the tags that would open an element deeper than `maxDepth`, and their
 * closing tags, keeping every word of text. One pass, linear in the input.
 */
export function flattenDeepNesting(html: string, maxDepth: number): string {
  const out: string[] = [];
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const droppedCount = new Map<string, number>();
  const pop = () => {
    const name = stack.pop();
    if (name !== undefined) bump(openCount, name, -1);
    return name;
  };

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    const next = html.charAt(lt + 1);
    if (html.startsWith("<!--", lt) || next === "!" || next === "?") {
      const [terminator, from] = html.startsWith("<!--", lt) ? ["-->", lt + 4] : [">", lt + 2];
      const end = html.indexOf(terminator, from);
      i = end < 0 ? html.length : end + terminator.length;
      out.push(html.slice(lt, i));
      continue;
    }
    const closing = next === "/";
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!TAG_NAME_START.test(html.charAt(nameStart))) {
      out.push("<");
      i = lt + 1;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < html.length && !TAG_NAME_END.test(html.charAt(nameEnd))) nameEnd++;
    const name = html.slice(nameStart, nameEnd).toLowerCase();

    if (closing) {
      const end = html.indexOf(">", nameEnd);
      i = end < 0 ? html.length : end + 1;
      if (droppedCount.get(name)) {
        bump(droppedCount, name, -1);
        continue;
      }
      if (openCount.get(name)) while (pop() !== name);
      out.push(html.slice(lt, i));
      continue;
    }

    i = openingTagEnd(html, nameEnd);
    const closes = OPEN_IMPLIES_CLOSE.get(name) ?? new Set<string>();
    while (closes.has(stack[stack.length - 1] ?? "")) pop();
    let kept = true;
    if (VOID_ELEMENTS.has(name)) out.push(html.slice(lt, i));
    else if (stack.length < maxDepth) {
      stack.push(name);
      bump(openCount, name, 1);
      out.push(html.slice(lt, i));
    } else {
      kept = false;
      bump(droppedCount, name, 1);
    }
    if (RAW_TEXT_ELEMENTS.has(name)) {
      // Read to the closing tag as the parser will; a dropped script's or style's text is dropped with it.
      const closeTag = new RegExp(`</${name}`, "gi");
      closeTag.lastIndex = i;
      const end = closeTag.exec(html)?.index ?? html.length;
      if (kept) out.push(html.slice(i, end));
      i = end;
    }
  }
  return out.join("");
}

/** A rule line as html-to-text draws `<hr>`, so a header block below it reads as one. */
const RULE = "-".repeat(40);

/** A reply's quoted history in a client's container: `>` quotes, as html-to-text renders a blockquote. A forward stays plain. */
const replyQuote: FormatCallback = (elem, walk, builder) => {
  if (holdsForward(elem)) {
    builder.openBlock({ leadingLineBreaks: 1 });
    walk(elem.children, builder);
    builder.closeBlock({ trailingLineBreaks: 1 });
    return;
  }
  builder.openBlock({ leadingLineBreaks: 2, reservedLineLength: 2 });
  walk(elem.children, builder);
  builder.closeBlock({
    trailingLineBreaks: 2,
    blockTransform: (text) =>
      text
        .replace(/^\n+|\n+$/g, "")
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n"),
  });
};

/** Outlook's reply header: a rule above it, as Outlook on the web draws one. */
const outlookHeader: FormatCallback = (elem, walk, builder) => {
  builder.openBlock({ leadingLineBreaks: 2 });
  builder.addInline(RULE);
  builder.closeBlock({ trailingLineBreaks: 1 });
  builder.openBlock({ leadingLineBreaks: 1 });
  walk(elem.children, builder);
  builder.closeBlock({ trailingLineBreaks: 1 });
};

// Compiling the options (selectors, formatters) costs more than converting most
// mail; each depth's converter is compiled on first use and kept (it holds no state between calls).
const converters = new Map<number, (html: string) => string>();

function converterFor(maxNestingDepth: number): (html: string) => string {
  let converter = converters.get(maxNestingDepth);
  if (!converter) {
    converter = compile({
      wordwrap: false,
      // A backstop, should the scan above read some markup differently from the
      // parser: what lies deeper is left out rather than overflow the stack.
      limits: { maxDepth: 2 * maxNestingDepth, ellipsis: "…" },
      selectors: [
        { selector: "a", options: { ignoreHref: true } },
        { selector: "img", format: "skip" },
        { selector: "style", format: "skip" },
        { selector: "head", format: "skip" },
        // Headings as the author wrote them ("Next steps"), not shouted.
        ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
        ...QUOTE_CONTAINER_SELECTORS.map((selector) => ({ selector, format: "replyQuote" })),
        ...OUTLOOK_HEADER_SELECTORS.map((selector) => ({ selector, format: "outlookHeader" })),
      ],
      formatters: { replyQuote, outlookHeader },
    });
    converters.set(maxNestingDepth, converter);
  }
  return converter;
}

export function htmlToText(html: string, maxNestingDepth = MAX_HTML_NESTING_DEPTH): string {
  let text: string;
  try {
    text = converterFor(maxNestingDepth)(flattenDeepNesting(html, maxNestingDepth));
  } catch (error) {
    throw new HtmlConversionError(`could not read the HTML part: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  // Word-generated HTML leaves runs of empty paragraphs.
  return text.replace(/\n{3,}/g, "\n\n").trim();
}
