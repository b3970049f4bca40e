// The one wrapper around postal-mime: raw bytes become Tend's ParsedEmail.
import PostalMime, { addressParser, type Address, type Email } from "postal-mime";
import { isAddress, normalizeAddress } from "../lib/addresses.ts";
import { oneLine, truncateChars, withoutControlCharacters } from "../lib/plain-text.ts";
import type { EmailBody, EmailHeaders, Mailbox, ParsedEmail } from "../model.ts";
import { loadInviteReader } from "./invite.ts";
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

// RFC 5322 ids are printable ASCII; anything else (a NUL, 8-bit bytes) would be
// echoed into our replies' In-Reply-To and refused by the sending binding.
function messageIds(value: string | undefined): string[] {
  return value?.match(/<[\x21-\x3b\x3d\x3f-\x7e]+>/g) ?? [];
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

async function postalParse(raw: Uint8Array | string): Promise<Email> {
  try {
    return await PostalMime.parse(raw, {
      maxNestingDepth: MAX_MIME_NESTING_DEPTH,
      maxHeadersSize: MAX_HEADERS_BYTES,
      maxRfc822NestingDepth: MAX_RFC822_NESTING_DEPTH,
    });
  } catch (error) {
    throw new UnparseableEmailError(`could not parse the message: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The header block alone: a stranger or a robot costs Tend this much and no more. */
export function headerBlock(raw: Uint8Array): Uint8Array {
  const text = new TextDecoder("latin1").decode(raw.subarray(0, MAX_HEADERS_BYTES));
  const end = text.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw.subarray(0, MAX_HEADERS_BYTES) : raw.subarray(0, end);
  const block = new Uint8Array(head.byteLength + 4);
  block.set(head);
  block.set([13, 10, 13, 10], head.byteLength);
  return block;
}

function headersOf(email: Email): EmailHeaders {
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
  };
}

/**
 * The HTML part as text. The converter (html-to-text and its HTML parser) is
 * imported only for a message that has no text part: most mail has one and
 * never evaluates it, which a cold Worker would otherwise do first.
 */
async function htmlAsText(html: string): Promise<string> {
  const { htmlToText } = await import("./html-to-text.ts");
  return htmlToText(html);
}

async function bodyOf(email: Email): Promise<EmailBody> {
  const text = email.text?.trim() ? email.text : email.html ? await htmlAsText(email.html) : "";
  const attachments = email.attachments.map((attachment) => ({
    filename: attachment.filename,
    mimeType: attachment.mimeType.toLowerCase(),
    method: attachment.method ?? null,
    content: bytes(attachment.content),
  }));
  await loadInviteReader(attachments);
  return {
    text: truncateChars(withoutControlCharacters(text.replace(/\r\n?/g, "\n")), MAX_TEXT_CHARS),
    htmlOnly: !email.text?.trim() && Boolean(email.html),
    attachments,
  };
}

/** The headers of a message, read from its header block only. */
export async function readHeaders(raw: Uint8Array): Promise<EmailHeaders> {
  return headersOf(await postalParse(headerBlock(raw)));
}

/** The body of a message: its text (HTML converted when there is no text part) and attachments. */
export async function readBody(raw: Uint8Array): Promise<EmailBody> {
  return bodyOf(await postalParse(raw));
}

/** Headers and body in one read, for callers that already trust the message (the inspect CLI). */
export async function parseEmail(raw: Uint8Array | string): Promise<ParsedEmail> {
  const email = await postalParse(raw);
  return { ...headersOf(email), ...(await bodyOf(email)) };
}

/** Header value by name (first occurrence), or null. */
export function header(parsed: Pick<ParsedEmail, "headers">, name: string): string | null {
  const key = name.toLowerCase();
  return parsed.headers.find((h) => h.key === key)?.value ?? null;
}

/** An address-list header value (From:, To:…) as written, before any reading picks one address from it. */
export interface AddressList {
  /** Mailboxes outside any group, in order. */
  mailboxes: Mailbox[];
  /** Groups (`name: a@x, b@y;`), each with its member mailboxes. */
  groups: { name: string; members: Mailbox[] }[];
  /** Entries that name no usable address (a bare phrase, `a@b@c`). */
  malformed: number;
}

/** Reads every entry of an address-list header value, so a caller can insist there is exactly one. */
export function parseAddressList(value: string): AddressList {
  const list: AddressList = { mailboxes: [], groups: [], malformed: 0 };
  const mailbox = (entry: { name: string; address: string }): Mailbox | null => {
    const address = normalizeAddress(entry.address);
    if (isAddress(address)) return { name: entry.name.trim() || null, address };
    list.malformed++;
    return null;
  };
  for (const entry of addressParser(value)) {
    if (entry.group) {
      const members = entry.group.map(mailbox).filter((m): m is Mailbox => m !== null);
      list.groups.push({ name: entry.name, members });
    } else {
      const parsed = mailbox(entry);
      if (parsed) list.mailboxes.push(parsed);
    }
  }
  return list;
}
