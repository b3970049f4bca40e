// What the fuzzer does to a real message. Each mutation is a plain record
// (so fast-check can generate, shrink and print it) applied by a pure function
// to the message as a byte string. Positions are naturals taken modulo the
// length they index, so a mutation stays valid whatever ran before it.
import * as fc from "fast-check";
import {
  fieldValue,
  findField,
  joinMessage,
  removeFields,
  setField,
  splitMessage,
  utf8,
} from "./raw-message.ts";

const HEADER_NAMES = [
  "From",
  "To",
  "Cc",
  "Subject",
  "Message-ID",
  "Date",
  "Content-Type",
  "Content-Transfer-Encoding",
  "MIME-Version",
  "Authentication-Results",
  "In-Reply-To",
  "References",
  "Reply-To",
  "Auto-Submitted",
] as const;
type HeaderName = (typeof HEADER_NAMES)[number];

const CHARSETS = [
  "utf-8",
  "us-ascii",
  "iso-8859-1",
  "windows-1252",
  "utf-16",
  "utf-16le",
  "utf-32",
  "utf-7",
  "shift_jis",
  "iso-2022-jp",
  "gb18030",
  "koi8-r",
  "x-no-such-charset",
  "",
  "binary",
] as const;

const HTML_TAGS = ["div", "b", "span", "table", "blockquote", "ul", "li", "p", "a", "font"] as const;

/** Headers that make a message automatic (RFC 3834, list headers) when added to one a person wrote. */
const ROBOT_HEADERS = [
  "Auto-Submitted: auto-replied",
  "Auto-Submitted: auto-generated",
  "Precedence: bulk",
  "Precedence: list",
  "List-Id: <founders.lists.example>",
  "List-Unsubscribe: <mailto:leave@lists.example>",
] as const;

export type Mutation =
  | { kind: "flip"; at: number; xor: number; count: number }
  | { kind: "truncate"; at: number }
  | { kind: "duplicate-header"; name: HeaderName; altered: boolean; placement: "before" | "after" | "end" }
  | { kind: "fold-header"; name: HeaderName; at: number; style: "space" | "tab" | "every-space" | "no-whitespace" | "blank-continuation" }
  | { kind: "nest-multipart"; depth: number; closed: boolean }
  | { kind: "nest-html"; depth: number; tag: (typeof HTML_TAGS)[number]; closed: boolean; mode: "html-only" | "inject" }
  | { kind: "huge-field"; target: "subject" | "from-name" | "to-list" | "references" | "message-id" | "header-count" | "body-line"; chars: number }
  | { kind: "charset-lie"; charset: (typeof CHARSETS)[number]; scope: "parts" | "encoded-words" | "both" }
  | { kind: "nul"; at: number; count: number; where: "anywhere" | "subject" | "from" | "body" }
  | { kind: "break-base64"; at: number; style: "junk" | "unpadded" | "cut" | "declare" | "encoded-word" }
  | { kind: "break-qp"; at: number; style: "bad-escape" | "split-utf8" | "dangling-soft-break" | "declare" | "encoded-word" }
  | { kind: "unclosed-boundary"; style: "drop-close" | "wrong-param" | "drop-delimiters" | "empty-param" | "open-quote" }
  | { kind: "automatic"; header: (typeof ROBOT_HEADERS)[number] }
  | { kind: "line-endings"; style: "lf" | "cr" | "lf-from"; at: number };

export type MutationKind = Mutation["kind"];

export const MUTATION_KINDS: readonly MutationKind[] = [
  "flip",
  "truncate",
  "duplicate-header",
  "fold-header",
  "nest-multipart",
  "nest-html",
  "huge-field",
  "charset-lie",
  "nul",
  "break-base64",
  "break-qp",
  "unclosed-boundary",
  "automatic",
  "line-endings",
];

// Up to 2^20: larger than any message the fuzzer builds, yet few steps for the shrinker to halve.
const position = fc.nat({ max: 2 ** 20 });

/** Mostly small, sometimes large, rarely enormous: cheap cases dominate, the costly ones still come. */
function sized(small: number, large: number, enormous: number) {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: small }) },
    { weight: 3, arbitrary: fc.integer({ min: small, max: large }) },
    { weight: 1, arbitrary: fc.integer({ min: large, max: enormous }) },
  );
}

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip"), at: position, xor: fc.integer({ min: 1, max: 255 }), count: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant("truncate"), at: position }),
  fc.record({
    kind: fc.constant("duplicate-header"),
    name: fc.constantFrom(...HEADER_NAMES),
    altered: fc.boolean(),
    placement: fc.constantFrom("before", "after", "end"),
  }),
  fc.record({
    kind: fc.constant("fold-header"),
    name: fc.constantFrom(...HEADER_NAMES),
    at: position,
    style: fc.constantFrom("space", "tab", "every-space", "no-whitespace", "blank-continuation"),
  }),
  fc.record({ kind: fc.constant("nest-multipart"), depth: sized(40, 400, 3000), closed: fc.boolean() }),
  fc.record({
    kind: fc.constant("nest-html"),
    depth: sized(200, 5000, 30_000),
    tag: fc.constantFrom(...HTML_TAGS),
    closed: fc.boolean(),
    mode: fc.constantFrom("html-only", "inject"),
  }),
  fc.record({
    kind: fc.constant("huge-field"),
    target: fc.constantFrom("subject", "from-name", "to-list", "references", "message-id", "header-count", "body-line"),
    chars: sized(5000, 200_000, 1_500_000),
  }),
  fc.record({ kind: fc.constant("charset-lie"), charset: fc.constantFrom(...CHARSETS), scope: fc.constantFrom("parts", "encoded-words", "both") }),
  fc.record({
    kind: fc.constant("nul"),
    at: position,
    count: sized(4, 256, 100_000),
    where: fc.constantFrom("anywhere", "subject", "from", "body"),
  }),
  fc.record({ kind: fc.constant("break-base64"), at: position, style: fc.constantFrom("junk", "unpadded", "cut", "declare", "encoded-word") }),
  fc.record({
    kind: fc.constant("break-qp"),
    at: position,
    style: fc.constantFrom("bad-escape", "split-utf8", "dangling-soft-break", "declare", "encoded-word"),
  }),
  fc.record({
    kind: fc.constant("unclosed-boundary"),
    style: fc.constantFrom("drop-close", "wrong-param", "drop-delimiters", "empty-param", "open-quote"),
  }),
  fc.record({ kind: fc.constant("automatic"), header: fc.constantFrom(...ROBOT_HEADERS) }),
  fc.record({ kind: fc.constant("line-endings"), style: fc.constantFrom("lf", "cr", "lf-from"), at: position }),
);

/** Up to four mutations, applied in order; shrinking drops them one by one (none: the fixture as written). */
export const mutations = fc.array(mutation, { maxLength: 4 });

function insertAt(s: string, at: number, text: string): string {
  return s.slice(0, at) + text + s.slice(at);
}

/** ASCII filler of `chars` characters that reads like prose, with a promise in it for the extractor. */
function prose(chars: number): string {
  const sentence = "Coffee with Ana Lima went well and I'll send her the deck by Friday. ";
  return sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
}

const ALTERED: Record<HeaderName, string> = {
  From: "Mallory <mallory@evil.example>",
  To: "Ana Lima <ana@lumen.studio>, Ben Cho <ben.cho@northwind.vc>",
  Cc: "tend@tend.example",
  Subject: "Re: something else entirely",
  "Message-ID": "<duplicate.0001@evil.example>",
  Date: "Thu, 01 Jan 1970 00:00:00 +0000",
  "Content-Type": 'text/html; charset="utf-16"',
  "Content-Transfer-Encoding": "base64",
  "MIME-Version": "2.0",
  "Authentication-Results": "mx.cloudflare.net; dkim=fail; dmarc=fail (policy=reject) header.from=gmail.com",
  "In-Reply-To": "<digest.2026-11-23.4f7c2a9e@tend.example>",
  References: "<a@one.example> <b@two.example>",
  "Reply-To": "Mallory <mallory@evil.example>",
  "Auto-Submitted": "no",
};

function duplicateHeader(raw: string, m: Extract<Mutation, { kind: "duplicate-header" }>): string {
  const msg = splitMessage(raw);
  const at = findField(msg, m.name);
  const original = at >= 0 ? msg.fields[at] : undefined;
  const copy = m.altered || original === undefined ? `${m.name}: ${ALTERED[m.name]}` : original;
  const fields = [...msg.fields];
  if (m.placement === "end" || at < 0) fields.push(copy);
  else fields.splice(m.placement === "before" ? at : at + 1, 0, copy);
  return joinMessage({ ...msg, fields });
}

function foldHeader(raw: string, m: Extract<Mutation, { kind: "fold-header" }>): string {
  const msg = splitMessage(raw);
  const at = findField(msg, m.name);
  const field = at >= 0 ? msg.fields[at] : undefined;
  if (field === undefined) return raw;
  const colon = field.indexOf(":") + 1;
  const value = field.slice(colon);
  const cut = m.at % (value.length + 1);
  const eol = msg.eol;
  const folded =
    m.style === "every-space"
      ? value.replaceAll(" ", `${eol} `)
      : insertAt(
          value,
          cut,
          { space: `${eol} `, tab: `${eol}\t`, "no-whitespace": eol, "blank-continuation": `${eol} ${eol} ` }[m.style],
        );
  const fields = [...msg.fields];
  fields[at] = field.slice(0, colon) + folded;
  // A fold with no whitespace after it ends the header field: the rest becomes a line of its own.
  return joinMessage({ ...msg, fields: fields.flatMap((f) => f.split(/\r?\n(?![ \t])/)) });
}

function contentFields(raw: string): { rest: ReturnType<typeof splitMessage>; content: string[] } {
  const { message, removed } = removeFields(splitMessage(raw), ["Content-Type", "Content-Transfer-Encoding"]);
  return { rest: message, content: removed.length > 0 ? removed : ['Content-Type: text/plain; charset="UTF-8"'] };
}

function nestMultipart(raw: string, m: Extract<Mutation, { kind: "nest-multipart" }>): string {
  const { rest, content } = contentFields(raw);
  const eol = rest.eol;
  const open: string[] = [];
  const close: string[] = [];
  for (let level = 0; level < m.depth; level++) {
    open.push(`--fz${level}${eol}Content-Type: multipart/mixed; boundary="fz${level + 1}"${eol}${eol}`);
    close.unshift(`${eol}--fz${level}--${eol}`);
  }
  const inner = `--fz${m.depth}${eol}${content.join(eol)}${eol}${eol}${rest.body}${eol}--fz${m.depth}--${eol}`;
  return joinMessage({
    ...rest,
    fields: [...rest.fields, 'Content-Type: multipart/mixed; boundary="fz0"'],
    body: open.join("") + inner + (m.closed ? close.join("") : ""),
    hasBody: true,
  });
}

function nestHtml(raw: string, m: Extract<Mutation, { kind: "nest-html" }>): string {
  const nested = `<${m.tag}>`.repeat(m.depth) + prose(120) + (m.closed ? `</${m.tag}>`.repeat(m.depth) : "");
  const body = /<body[^>]*>/i.exec(raw);
  if (m.mode === "inject" && body) return insertAt(raw, body.index + body[0].length, nested);
  const { rest } = contentFields(raw);
  return joinMessage({
    ...rest,
    fields: [...rest.fields, 'Content-Type: text/html; charset="utf-8"', "Content-Transfer-Encoding: 8bit"],
    body: utf8(`<html><body>${nested}</body></html>`),
    hasBody: true,
  });
}

function hugeField(raw: string, m: Extract<Mutation, { kind: "huge-field" }>): string {
  const msg = splitMessage(raw);
  const from = findField(msg, "From");
  const fromValue = from >= 0 ? fieldValue(msg.fields[from] ?? "") : "";
  const address = /<([^>]*)>/.exec(fromValue)?.[1] ?? fromValue;
  const many = (make: (i: number) => string, sep: string) => {
    const parts: string[] = [];
    let length = 0;
    for (let i = 0; length < m.chars; i++) {
      const part = make(i);
      parts.push(part);
      length += part.length + sep.length;
    }
    return parts.join(sep);
  };
  switch (m.target) {
    case "subject":
      return joinMessage(setField(msg, "Subject", prose(m.chars)));
    case "from-name":
      return joinMessage(setField(msg, "From", `"${prose(m.chars)}" <${address}>`));
    case "to-list":
      return joinMessage(setField(msg, "To", many((i) => `Person ${i} <p${i}@team${i % 97}.example>`, ", ")));
    case "references":
      return joinMessage(setField(msg, "References", many((i) => `<ref.${i}@mail.example>`, `${msg.eol} `)));
    case "message-id":
      return joinMessage(setField(msg, "Message-ID", `<${"x".repeat(m.chars)}@mail.example>`));
    case "header-count":
      return joinMessage({ ...msg, fields: [...msg.fields, ...many((i) => `X-Fuzz-${i}: ${i}`, msg.eol).split(msg.eol)] });
    default: {
      // body-line: into the first text part's body, where the text is read.
      const part = /content-type:\s*text\/plain[^]*?\r?\n\r?\n/i.exec(raw);
      const at = part ? part.index + part[0].length : raw.length - msg.body.length;
      return insertAt(raw, at, `${prose(m.chars)}${msg.eol}`);
    }
  }
}

function charsetLie(raw: string, m: Extract<Mutation, { kind: "charset-lie" }>): string {
  let out = raw;
  if (m.scope !== "encoded-words") out = out.replace(/charset\s*=\s*("?)[^";\s]*\1/gi, `charset="${m.charset}"`);
  if (m.scope !== "parts") out = out.replace(/=\?[^?\s]*\?([QqBb])\?/g, `=?${m.charset}?$1?`);
  return out;
}

function nul(raw: string, m: Extract<Mutation, { kind: "nul" }>): string {
  const zeros = "\0".repeat(m.count);
  const msg = splitMessage(raw);
  if (m.where === "subject" || m.where === "from") {
    const name = m.where === "subject" ? "Subject" : "From";
    const at = findField(msg, name);
    const field = at >= 0 ? msg.fields[at] : undefined;
    if (field === undefined) return raw;
    const fields = [...msg.fields];
    fields[at] = insertAt(field, name.length + 1 + (m.at % (field.length - name.length)), zeros);
    return joinMessage({ ...msg, fields });
  }
  const start = m.where === "body" ? raw.length - msg.body.length : 0;
  return insertAt(raw, start + (m.at % (raw.length - start + 1)), zeros);
}

const BASE64_LINE = /^[A-Za-z0-9+/]{16,}={0,2}$/gm;

function declareEncoding(raw: string, encoding: string, at: number): string {
  const declared = [...raw.matchAll(/(content-transfer-encoding:\s*)([\w-]+)/gi)];
  const pick = declared[at % Math.max(declared.length, 1)];
  if (pick?.index === undefined) return joinMessage(setField(splitMessage(raw), "Content-Transfer-Encoding", encoding));
  const start = pick.index + (pick[1] ?? "").length;
  return raw.slice(0, start) + encoding + raw.slice(start + (pick[2] ?? "").length);
}

function breakBase64(raw: string, m: Extract<Mutation, { kind: "break-base64" }>): string {
  if (m.style === "encoded-word") {
    return joinMessage(setField(splitMessage(raw), "Subject", "=?UTF-8?B?4pyTIGJyb2tlbg?= =?UTF-8?B?*!~\x80?= =?UTF-8?B?SGVsbG8=?="));
  }
  const lines = [...raw.matchAll(BASE64_LINE)];
  const line = lines[m.at % Math.max(lines.length, 1)];
  if (m.style === "declare" || line?.index === undefined) return declareEncoding(raw, "base64", m.at);
  const text = line[0];
  const middle = line.index + Math.floor(text.length / 2);
  switch (m.style) {
    case "junk":
      return insertAt(raw, middle, "!*~\x80\xff ");
    case "unpadded":
      return raw.replace(BASE64_LINE, (l) => l.replace(/=+$/, ""));
    default:
      // cut: leaves a line that is not a whole number of 4-character quanta.
      return raw.slice(0, line.index + text.length - 1 - (m.at % 3)) + raw.slice(line.index + text.length);
  }
}

function breakQp(raw: string, m: Extract<Mutation, { kind: "break-qp" }>): string {
  if (m.style === "encoded-word") {
    return joinMessage(setField(splitMessage(raw), "Subject", "=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=ZZ_=E2=80?= =?UTF-8?Q?=?="));
  }
  if (m.style === "declare") return declareEncoding(raw, "quoted-printable", m.at);
  const body = splitMessage(raw).body;
  const bodyStart = raw.length - body.length;
  // Escapes in the body only: the header block has "=17…" in DKIM tags, which are not quoted-printable.
  const escapes = [...raw.matchAll(/=[0-9A-F]{2}/g)].filter((e) => e.index >= bodyStart);
  const escape = escapes[m.at % Math.max(escapes.length, 1)];
  if (m.style === "dangling-soft-break" || escape?.index === undefined) {
    // A soft line break right before a line end can swallow the boundary line after it.
    const ends = [...body.matchAll(/\r?\n/g)];
    const end = ends[m.at % Math.max(ends.length, 1)];
    return insertAt(raw, bodyStart + (end?.index ?? body.length), "=");
  }
  if (m.style === "bad-escape") return raw.slice(0, escape.index) + "=Z\xe9" + raw.slice(escape.index + 3);
  // Drops the next escape of a multi-byte sequence: an invalid UTF-8 sequence once decoded.
  const next = escape.index + 3;
  return /^=[0-9A-F]{2}/.test(raw.slice(next, next + 3)) ? raw.slice(0, next) + raw.slice(next + 3) : raw.slice(0, escape.index) + raw.slice(next);
}

function unclosedBoundary(raw: string, m: Extract<Mutation, { kind: "unclosed-boundary" }>): string {
  const params = [...raw.matchAll(/boundary\s*=\s*"?([^";\r\n]+)"?/gi)];
  const first = params[0];
  if (!first || first.index === undefined) {
    return nestMultipart(raw, { kind: "nest-multipart", depth: 1, closed: false });
  }
  const boundaries = params.map((p) => p[1] ?? "").filter(Boolean);
  switch (m.style) {
    case "drop-close":
      return boundaries.reduce((out, b) => out.split(`--${b}--`).join(""), raw);
    case "drop-delimiters": {
      const b = first[1] ?? "";
      return raw.split(`--${b}`).join("");
    }
    default: {
      const replacement = { "wrong-param": 'boundary="never-appears-0"', "empty-param": 'boundary=""', "open-quote": `boundary="${first[1] ?? ""}` }[m.style];
      return raw.slice(0, first.index) + replacement + raw.slice(first.index + first[0].length);
    }
  }
}

function automatic(raw: string, m: Extract<Mutation, { kind: "automatic" }>): string {
  const msg = splitMessage(raw);
  const fields = [...msg.fields];
  fields.splice(Math.min(2, fields.length), 0, m.header);
  return joinMessage({ ...msg, fields });
}

function lineEndings(raw: string, m: Extract<Mutation, { kind: "line-endings" }>): string {
  switch (m.style) {
    case "lf":
      return raw.replaceAll("\r\n", "\n");
    case "cr":
      return raw.replaceAll("\r\n", "\r");
    default: {
      const at = m.at % (raw.length + 1);
      return raw.slice(0, at) + raw.slice(at).replaceAll("\r\n", "\n");
    }
  }
}

export function applyMutation(raw: string, m: Mutation): string {
  switch (m.kind) {
    case "flip": {
      if (raw.length === 0) return raw;
      const chars = raw.split("");
      for (let i = 0; i < m.count; i++) {
        const at = (m.at + i * 7919) % chars.length;
        chars[at] = String.fromCharCode((raw.charCodeAt(at) ^ m.xor) & 0xff);
      }
      return chars.join("");
    }
    case "truncate":
      return raw.slice(0, m.at % (raw.length + 1));
    case "duplicate-header":
      return duplicateHeader(raw, m);
    case "fold-header":
      return foldHeader(raw, m);
    case "nest-multipart":
      return nestMultipart(raw, m);
    case "nest-html":
      return nestHtml(raw, m);
    case "huge-field":
      return hugeField(raw, m);
    case "charset-lie":
      return charsetLie(raw, m);
    case "nul":
      return nul(raw, m);
    case "break-base64":
      return breakBase64(raw, m);
    case "break-qp":
      return breakQp(raw, m);
    case "unclosed-boundary":
      return unclosedBoundary(raw, m);
    case "automatic":
      return automatic(raw, m);
    default:
      return lineEndings(raw, m);
  }
}

/** A short label for reports: the kind and the parameter that matters most. */
export function describeMutation(m: Mutation): string {
  switch (m.kind) {
    case "flip":
      return `flip(${m.count} byte${m.count === 1 ? "" : "s"} at ${m.at}, xor ${m.xor})`;
    case "truncate":
      return `truncate(at ${m.at})`;
    case "duplicate-header":
      return `duplicate-header(${m.name}, ${m.altered ? "altered" : "same"}, ${m.placement})`;
    case "fold-header":
      return `fold-header(${m.name}, ${m.style} at ${m.at})`;
    case "nest-multipart":
      return `nest-multipart(depth ${m.depth}, ${m.closed ? "closed" : "unclosed"})`;
    case "nest-html":
      return `nest-html(<${m.tag}> × ${m.depth}, ${m.closed ? "closed" : "unclosed"}, ${m.mode})`;
    case "huge-field":
      return `huge-field(${m.target}, ${m.chars} chars)`;
    case "charset-lie":
      return `charset-lie(${JSON.stringify(m.charset)} in ${m.scope})`;
    case "nul":
      return `nul(${m.count} in ${m.where} at ${m.at})`;
    case "break-base64":
      return `break-base64(${m.style} at ${m.at})`;
    case "break-qp":
      return `break-qp(${m.style} at ${m.at})`;
    case "unclosed-boundary":
      return `unclosed-boundary(${m.style})`;
    case "automatic":
      return `automatic(${m.header})`;
    default:
      return `line-endings(${m.style})`;
  }
}
