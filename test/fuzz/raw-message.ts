// A raw message as a byte string (one char per byte, 0–255), so mutations can
// edit headers with string operations and still hand back the exact bytes,
// 8-bit and NUL included. TextDecoder("latin1") would not do: WHATWG maps it to
// windows-1252, which is not reversible for 0x80–0x9F.

const CHUNK_CHARS = 0x8000;

export function bytesToText(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += CHUNK_CHARS) {
    out += String.fromCharCode(...bytes.subarray(i, i + CHUNK_CHARS));
  }
  return out;
}

export function textToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** UTF-8 text (e.g. HTML written by a mutation) as a byte string. */
export function utf8(text: string): string {
  return bytesToText(new TextEncoder().encode(text));
}

export interface SplitMessage {
  /** Logical header fields of the top-level header block, each with its folded continuation lines. */
  fields: string[];
  /** The line end the header block uses ("\r\n" unless the message was converted). */
  eol: string;
  /** Everything after the blank line that ends the header block ("" when there is none). */
  body: string;
  /** Whether the message had a blank line ending its header block at all. */
  hasBody: boolean;
}

export function splitMessage(raw: string): SplitMessage {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : "";
  const eol = head.includes("\r\n") || !head.includes("\n") ? "\r\n" : "\n";
  const fields: string[] = [];
  for (const line of head.split(/\r?\n/)) {
    const last = fields.length - 1;
    if (/^[ \t]/.test(line) && last >= 0) fields[last] += `${eol}${line}`;
    else fields.push(line);
  }
  return { fields, eol, body, hasBody: match !== null };
}

export function joinMessage(m: SplitMessage): string {
  const head = m.fields.join(m.eol);
  return m.hasBody ? `${head}${m.eol}${m.eol}${m.body}` : head;
}

export function fieldName(field: string): string {
  const colon = field.indexOf(":");
  return colon < 0 ? "" : field.slice(0, colon).trim().toLowerCase();
}

/** The unfolded value of a header field. */
export function fieldValue(field: string): string {
  const colon = field.indexOf(":");
  return colon < 0 ? "" : field.slice(colon + 1).replace(/\r?\n[ \t]/g, " ").trim();
}

export function findField(m: SplitMessage, name: string): number {
  return m.fields.findIndex((f) => fieldName(f) === name.toLowerCase());
}

/** Replaces a field's value (adding the field below the trace headers when absent). */
export function setField(m: SplitMessage, name: string, value: string): SplitMessage {
  const fields = [...m.fields];
  const at = findField(m, name);
  if (at >= 0) fields[at] = `${name}: ${value}`;
  else fields.splice(Math.min(2, fields.length), 0, `${name}: ${value}`);
  return { ...m, fields };
}

export function removeFields(m: SplitMessage, names: readonly string[]): { message: SplitMessage; removed: string[] } {
  const lower = names.map((n) => n.toLowerCase());
  const removed = m.fields.filter((f) => lower.includes(fieldName(f)));
  return { message: { ...m, fields: m.fields.filter((f) => !lower.includes(fieldName(f))) }, removed };
}
