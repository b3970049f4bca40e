// The one wrapper around mimetext: Tend's OutgoingMail becomes raw MIME.
import { type MIMEMessage, Mailbox as MimeMailbox, createMimeMessage } from "mimetext/browser";
import { oneLine, withoutControlCharacters } from "../lib/plain-text.ts";
import type { Mailbox, OutboundKind } from "../model.ts";

export interface Attachment {
  filename: string;
  contentType: string;
  /** Base64 of the bytes. */
  base64: string;
}

/** Everything Tend sends, before it becomes MIME. */
export interface OutgoingMail {
  kind: OutboundKind;
  userId: string | null;
  from: Mailbox;
  to: Mailbox;
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  inReplyTo?: string | null;
  references?: readonly string[];
  /** Extra headers, e.g. List-Unsubscribe. Auto-Submitted is always set. */
  headers?: Readonly<Record<string, string>>;
  attachments?: readonly Attachment[];
}

export interface BuiltMessage {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  raw: string;
}

/** `<id@domain>` with the domain of the sender, as RFC 5322 recommends. */
export function makeMessageId(id: string, fromAddress: string): string {
  return `<${id}@${fromAddress.split("@").pop() ?? "localhost"}>`;
}

/** RFC 5322 2.1.1: a line MUST be at most 998 octets and SHOULD be at most 78. */
export const MAX_LINE_OCTETS = 998;
const FOLD_AT_CHARS = 78;
/**
 * UTF-8 bytes per encoded word: 39 bytes are 52 base64 characters, a 64-character
 * word, inside RFC 2047's 75 and short enough to follow "Subject: " on a 78-character line.
 */
const ENCODED_WORD_BYTES = 39;
/** RFC 2045 6.7: encoded lines of quoted-printable are at most 76 characters. */
const QP_LINE_CHARS = 76;
/** RFC 2045 6.8: base64 lines are at most 76 characters. */
const BASE64_LINE_CHARS = 76;
/**
 * Ids kept in References. A long thread's list grows by one id per message and
 * would grow without bound; RFC 5322 3.6.4 lets a reply keep the first and the
 * last ones, which is what clients thread on.
 */
export const MAX_REFERENCES = 20;

/** A msg-id that can go in a header: printable ASCII, and short enough for one line. */
function isSendableMessageId(id: string): boolean {
  return /^<[\x21-\x3b\x3d\x3f-\x7e]+>$/.test(id) && id.length <= MAX_LINE_OCTETS - "In-Reply-To: ".length;
}

/** The thread's first id and its latest ones, ending with the message answered. */
function referencesFor(references: readonly string[], inReplyTo: string): string[] {
  const ids = [...references, inReplyTo].filter(isSendableMessageId);
  const unique = ids.filter((id, index) => ids.lastIndexOf(id) === index);
  if (unique.length <= MAX_REFERENCES) return unique;
  return [...unique.slice(0, 1), ...unique.slice(-(MAX_REFERENCES - 1))];
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** RFC 2047 encoded words, each holding whole characters, so any text fits a header and folds. */
function encodedWords(text: string): string[] {
  const encoder = new TextEncoder();
  const words: string[] = [];
  let chunk: number[] = [];
  for (const char of text) {
    const bytes = encoder.encode(char);
    if (chunk.length + bytes.length > ENCODED_WORD_BYTES) {
      words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0 || words.length === 0) words.push(`=?UTF-8?B?${base64(Uint8Array.from(chunk))}?=`);
  return words;
}

/**
 * A header value folded between tokens (RFC 5322 2.2.3): lines of at most 78
 * characters where tokens allow. The first token always stays beside the name.
 */
function foldHeader(name: string, tokens: readonly string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  tokens.forEach((token, index) => {
    if (index > 0 && line.length + 1 + token.length > FOLD_AT_CHARS) {
      lines.push(line);
      line = "";
    }
    line += ` ${token}`;
  });
  lines.push(line);
  // mimetext writes "Name: value"; what follows the name is the folded value.
  return lines.join("\r\n").slice(name.length + 2);
}

function mailboxTokens(mailbox: { name: string | null; address: string }): string[] {
  return mailbox.name ? [...encodedWords(mailbox.name), `<${mailbox.address}>`] : [mailbox.address];
}

/** RFC 2045 quoted-printable of UTF-8 text, with CRLF line ends and soft breaks within 76 characters. */
function quotedPrintable(text: string): string {
  const encoder = new TextEncoder();
  const out: string[] = [];
  for (const line of text.replace(/\r\n?/g, "\n").split("\n")) {
    const bytes = encoder.encode(line);
    let current = "";
    bytes.forEach((byte, index) => {
      const last = index === bytes.length - 1;
      // A line's leading "." is encoded too: some relays still treat a lone "." as the end of the message.
      const leadingDot = byte === 46 && current === "";
      const literal = (byte >= 33 && byte <= 126 && byte !== 61 && !leadingDot) || ((byte === 32 || byte === 9) && !last);
      const token = literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, "0")}`;
      // Room for the "=" of a soft break.
      if (current.length + token.length > QP_LINE_CHARS - 1) {
        out.push(`${current}=`);
        current = "";
      }
      current += token;
    });
    out.push(current);
  }
  return out.join("\r\n");
}

function wrapBase64(data: string): string {
  return (data.replace(/\s+/g, "").match(new RegExp(`.{1,${BASE64_LINE_CHARS}}`, "g")) ?? []).join("\r\n");
}

/**
 * mimetext writes a Subject as one encoded word and a mailbox name as one, and
 * its custom headers as given: none of them folded, so a long subject or thread
 * gave lines over RFC 5322's 998 octets. Tend folds every header itself and has
 * mimetext write the folded value unchanged.
 */
function setFolded(msg: MIMEMessage, name: string, value: string | MimeMailbox, tokens: readonly string[]): void {
  const folded = foldHeader(name, tokens);
  const field = msg.headers.set(name, value);
  field.dump = () => folded;
}

function mimeMailbox(mailbox: { name: string | null; address: string }, type: "From" | "To"): MimeMailbox {
  return new MimeMailbox(mailbox.name ? { name: mailbox.name, addr: mailbox.address } : mailbox.address, { type });
}

function cleanedMailbox(mailbox: Mailbox): Mailbox {
  return { ...mailbox, name: mailbox.name === null ? null : oneLine(mailbox.name) };
}

/** What Tend sends never carries control characters, whatever a stored row or an echoed line holds. */
function cleaned(mail: OutgoingMail): OutgoingMail {
  return {
    ...mail,
    from: cleanedMailbox(mail.from),
    to: cleanedMailbox(mail.to),
    subject: oneLine(mail.subject),
    text: withoutControlCharacters(mail.text.replace(/\r\n?/g, "\n")),
    ...(mail.html === undefined ? {} : { html: withoutControlCharacters(mail.html.replace(/\r\n?/g, "\n")) }),
  };
}

export function buildMime(original: OutgoingMail, messageId: string, date: Date): BuiltMessage {
  const mail = cleaned(original);
  const msg = createMimeMessage();
  setFolded(msg, "From", mimeMailbox(mail.from, "From"), mailboxTokens(mail.from));
  setFolded(msg, "To", mimeMailbox(mail.to, "To"), mailboxTokens(mail.to));
  setFolded(msg, "Subject", mail.subject, encodedWords(mail.subject));
  msg.setHeader("Message-ID", messageId);
  msg.setHeader("Date", date.toUTCString().replace("GMT", "+0000"));
  // Everything Tend sends is machine-made; well-behaved robots will not answer it.
  msg.setHeader("Auto-Submitted", "auto-generated");
  if (mail.replyTo) setFolded(msg, "Reply-To", new MimeMailbox(mail.replyTo), [mail.replyTo]);
  if (mail.inReplyTo && isSendableMessageId(mail.inReplyTo)) {
    msg.setHeader("In-Reply-To", mail.inReplyTo);
    const references = referencesFor(mail.references ?? [], mail.inReplyTo);
    setFolded(msg, "References", references.join(" "), references);
  }
  for (const [name, value] of Object.entries(mail.headers ?? {})) setFolded(msg, name, value, value.trim().split(/\s+/));
  msg.addMessage({ contentType: "text/plain", data: quotedPrintable(mail.text), encoding: "quoted-printable" });
  if (mail.html) msg.addMessage({ contentType: "text/html", data: quotedPrintable(mail.html), encoding: "quoted-printable" });
  for (const attachment of mail.attachments ?? []) {
    msg.addAttachment({
      filename: attachment.filename,
      contentType: attachment.contentType,
      data: wrapBase64(attachment.base64),
    });
  }
  return {
    messageId,
    from: mail.from.address,
    to: mail.to.address,
    subject: mail.subject,
    raw: msg.asRaw(),
  };
}
