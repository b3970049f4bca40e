// Reply-all messages from people on a user's thread who are not users, as Gmail,
// Outlook and Apple Mail write them: the author's lines on top, the quoted
// history below in each client's own way, and the thread headers each client
// sets (In-Reply-To the quoted mail, References its References plus its id).
// The quoted mail is one the test delivered first (a fixture parsed back with
// postal-mime), so the reply's headers point at a Message-ID Tend stored.
import PostalMime, { type Address, type Email } from "postal-mime";
import { HOUR_MS } from "../../src/model.ts";
import { cloudflarePass, crlf, gmailAlternative, utf8Base64, utf8QuotedPrintable } from "./client-replies.ts";

export interface Person {
  name: string;
  address: string;
}

export interface ThreadReplyOptions {
  /** The Authentication-Results line Cloudflare's MX stamps. Default: DMARC passed for the author's domain. */
  authentication?: string;
  /** When the author writes. Default: three hours after the quoted mail's Date. */
  at?: number;
  messageId?: string;
  /** Replace the thread headers (e.g. to show a reply that names no known thread). */
  thread?: { inReplyTo: string | null; references: string[] };
}

export async function parseQuoted(raw: Uint8Array | string): Promise<Email> {
  return PostalMime.parse(raw);
}

let counter = 0;

const format = (m: { name?: string; address?: string }) => (m.name ? `${m.name} <${m.address ?? ""}>` : (m.address ?? ""));
const flat = (list: Address[] | undefined) => (list ?? []).flatMap((a) => ("group" in a && a.group ? a.group : [a]));

/** Reply-all's recipients: the quoted mail's author and its To in To, its Cc (Tend among them) in Cc, never the replier. */
function replyAll(quoted: Email, from: Person) {
  const mine = (a: { address?: string }) => a.address?.toLowerCase() === from.address.toLowerCase();
  const to = [quoted.from, ...flat(quoted.to)].filter((a): a is Address => a !== undefined && !mine(a));
  const cc = flat(quoted.cc).filter((a) => !mine(a));
  return { to: to.map(format).join(", "), cc: cc.map(format).join(", ") };
}

function headers(quoted: Email, from: Person, options: ThreadReplyOptions, client: string[]) {
  counter += 1;
  const sentAt = Date.parse(quoted.date ?? "");
  if (Number.isNaN(sentAt)) throw new Error("the quoted mail has no Date");
  const at = options.at ?? sentAt + 3 * HOUR_MS;
  const domain = from.address.split("@")[1] ?? "example.com";
  const references = quoted.references?.split(/\s+/).filter(Boolean) ?? [];
  const thread = options.thread ?? { inReplyTo: quoted.messageId ?? null, references: quoted.messageId ? [...references, quoted.messageId] : references };
  const { to, cc } = replyAll(quoted, from);
  return {
    sentAt,
    lines: [
      options.authentication ?? cloudflarePass(domain),
      `From: ${from.name} <${from.address}>`,
      `To: ${to}`,
      ...(cc ? [`Cc: ${cc}`] : []),
      `Subject: Re: ${quoted.subject ?? ""}`,
      `Date: ${new Date(at).toUTCString()}`,
      `Message-ID: ${options.messageId ?? `<thread-reply-${counter}@${domain}>`}`,
      ...(thread.inReplyTo ? [`In-Reply-To: ${thread.inReplyTo}`] : []),
      ...(thread.references.length > 0 ? [`References: ${thread.references.join(" ")}`] : []),
      ...client,
    ],
  };
}

const textOf = (quoted: Email) => (quoted.text ?? "").replace(/\n+$/, "");
const author = (quoted: Email) => ({ name: quoted.from?.name || quoted.from?.address || "", address: quoted.from?.address ?? "" });
const utc = (at: number, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-US", { timeZone: "UTC", ...options }).format(at);

/** Gmail on the web, reply-all: multipart/alternative, "On … wrote:" then "> " quoting, and a gmail_quote blockquote. */
export function gmailReplyAll(quoted: Email, from: Person, lines: string[], options: ThreadReplyOptions = {}): string {
  const { lines: head, sentAt } = headers(quoted, from, options, []);
  const boundary = `0000000000007a${String(counter).padStart(4, "0")}b5c6d7e8`;
  const original = author(quoted);
  const date = `${utc(sentAt, { weekday: "short" })}, ${utc(sentAt, { month: "short", day: "numeric", year: "numeric" })} at ${utc(sentAt, { hour: "numeric", minute: "2-digit" })}`;
  const attribution = `On ${date} ${original.name} <${original.address}> wrote:`;
  const plain = [...lines, "", attribution, "", ...textOf(quoted).split("\n").map((l) => (l === "" ? ">" : `> ${l}`)), ""].join("\n");
  const html = `<div dir="ltr">${lines.map((l) => `<div>${l || "<br>"}</div>`).join("")}</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">${attribution.replace("<", "&lt;").replace(">", "&gt;")}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${quoted.html ?? textOf(quoted)}</blockquote></div>\n`;
  return crlf([
    ...head,
    "MIME-Version: 1.0",
    ...gmailAlternative(boundary, plain, html),
  ]);
}

/** Outlook on the web / new Outlook, reply-all: base64 text, 32 underscores and a From/Sent/To/Cc/Subject block, the mail unquoted. */
export function outlookReplyAll(quoted: Email, from: Person, lines: string[], options: ThreadReplyOptions = {}): string {
  const { lines: head, sentAt } = headers(quoted, from, options, ["Thread-Topic: " + (quoted.subject ?? ""), "X-MS-Has-Attach: ", "X-MS-TNEF-Correlator: "]);
  const original = author(quoted);
  const plain = [
    ...lines,
    "",
    "________________________________",
    `From: ${original.name} <${original.address}>`,
    `Sent: ${utc(sentAt, { weekday: "long", month: "long", day: "numeric", year: "numeric" })} ${utc(sentAt, { hour: "numeric", minute: "2-digit" })}`,
    `To: ${flat(quoted.to).map(format).join("; ")}`,
    ...(quoted.cc ? [`Cc: ${flat(quoted.cc).map(format).join("; ")}`] : []),
    `Subject: ${quoted.subject ?? ""}`,
    "",
    textOf(quoted),
    "",
  ].join("\n");
  return crlf([...head, "MIME-Version: 1.0", 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: base64", "", utf8Base64(plain), ""]);
}

/** Apple Mail (macOS), reply-all: unquoted Apple-Mail boundary, "On 23 Nov 2026, at 17:42, … wrote:" and "> " quoting. */
export function appleMailReplyAll(quoted: Email, from: Person, lines: string[], options: ThreadReplyOptions = {}): string {
  const { lines: head, sentAt } = headers(quoted, from, options, ["X-Mailer: Apple Mail (2.3826.400.131.1.6)"]);
  const boundary = `Apple-Mail=_${String(counter).padStart(8, "0")}-4C1B-4E6A-9F0D-2B7A1C3E5D8F`;
  const original = author(quoted);
  const attribution = `On ${utc(sentAt, { day: "numeric" })} ${utc(sentAt, { month: "short" })} ${utc(sentAt, { year: "numeric" })}, at ${utc(sentAt, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" })}, ${original.name} <${original.address}> wrote:`;
  const plain = [...lines, "", attribution, "", ...textOf(quoted).split("\n").map((l) => `> ${l}`), ""].join("\n");
  const html = `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word;">${lines.map((l) => `<div>${l || "<br>"}</div>`).join("")}<div><br><blockquote type="cite"><div>${attribution.replace("<", "&lt;").replace(">", "&gt;")}</div><br>${quoted.html ?? textOf(quoted)}</blockquote></div></body></html>`;
  return crlf([
    ...head,
    "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.400.131.1.6\\))",
    `Content-Type: multipart/alternative; boundary=${boundary}`,
    "",
    "",
    `--${boundary}`,
    "Content-Transfer-Encoding: quoted-printable",
    "Content-Type: text/plain;",
    "\tcharset=utf-8",
    "",
    utf8QuotedPrintable(plain),
    `--${boundary}`,
    "Content-Transfer-Encoding: quoted-printable",
    "Content-Type: text/html;",
    "\tcharset=utf-8",
    "",
    utf8QuotedPrintable(html),
    `--${boundary}--`,
    "",
  ]);
}
