// The one wrapper around postal-mime: raw bytes become Tend's ParsedEmail.
import PostalMime, { type Address, type Email } from "postal-mime";
import { isAddress, normalizeAddress } from "../lib/addresses.ts";
import { oneLine, truncateChars, withoutControlCharacters } from "../lib/plain-text.ts";
import type { Mailbox, ParsedEmail } from "../model.ts";
import { htmlToText } from "./html-to-text.ts";
import {
  MAX_HEADERS_BYTES,
  MAX_MIME_NESTING_DEPTH,
  MAX_NAME_CHARS,
  MAX_RFC822_NESTING_DEPTH,
  MAX_SUBJECT_CHARS,
  MAX_TEXT_CHARS,
} from "./limits.ts";

export class UnparseableEmailError extends Error {
  override name = "UnparseableEmailError";
}

/** Mailboxes with an address Tend can store; one whose bytes were not UTF-8 is skipped, not kept garbled. */
function mailboxes(addresses: Address[] | undefined): Mailbox[] {
  const out: Mailbox[] = [];
  for (const entry of addresses ?? []) {
    if (entry.group) out.push(...mailboxes(entry.group));
    else if (entry.address && entry.address.includes("@")) {
      const address = normalizeAddress(entry.address);
      if (!isAddress(address)) continue;
      out.push({ name: truncateChars(oneLine(entry.name).trim(), MAX_NAME_CHARS) || null, address });
    }
  }
  return out;
}

function messageIds(value: string | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g) ?? [];
}

function epoch(date: string | undefined): number | null {
  if (!date) return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? null : ms;
}

function bytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === "string") return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

export async function parseEmail(raw: Uint8Array | string): Promise<ParsedEmail> {
  let email: Email;
  try {
    email = await PostalMime.parse(raw, {
      maxNestingDepth: MAX_MIME_NESTING_DEPTH,
      maxHeadersSize: MAX_HEADERS_BYTES,
      maxRfc822NestingDepth: MAX_RFC822_NESTING_DEPTH,
    });
  } catch (error) {
    throw new UnparseableEmailError(`could not parse the message: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = email.text?.trim() ? email.text : email.html ? htmlToText(email.html) : "";
  return {
    messageId: messageIds(email.messageId)[0] ?? null,
    subject: truncateChars(oneLine(email.subject ?? "").trim(), MAX_SUBJECT_CHARS),
    date: epoch(email.date),
    from: mailboxes(email.from ? [email.from] : undefined)[0] ?? null,
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    replyTo: mailboxes(email.replyTo),
    inReplyTo: messageIds(email.inReplyTo)[0] ?? null,
    references: messageIds(email.references),
    headers: email.headers.map((h) => ({ key: h.key.toLowerCase(), value: h.value })),
    text: truncateChars(withoutControlCharacters(text.replace(/\r\n?/g, "\n")), MAX_TEXT_CHARS),
    htmlOnly: !email.text?.trim() && Boolean(email.html),
    attachments: email.attachments.map((attachment) => ({
      filename: attachment.filename,
      mimeType: attachment.mimeType.toLowerCase(),
      method: attachment.method ?? null,
      content: bytes(attachment.content),
    })),
  };
}

/** Header value by name (first occurrence), or null. */
export function header(parsed: Pick<ParsedEmail, "headers">, name: string): string | null {
  const key = name.toLowerCase();
  return parsed.headers.find((h) => h.key === key)?.value ?? null;
}
