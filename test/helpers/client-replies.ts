// Replies to mail Tend sent, as mail clients write them: the user's lines on
// top, then the mail quoted below in each client's own way. The quoted mail is
// the one the test just received from Tend, parsed back with postal-mime, so a
// reply quotes exactly what Tend sends today. A digest repeats reply commands
// under every item ("Reply: done 1 · snooze 1 2w · skip 1 …") and in its help,
// so a quote that leaked into the commands would show.
import type { Address, Email } from "postal-mime";
import { quotedPrintable } from "../../scripts/fixtures/quoted-printable.ts";
import { HOUR_MS } from "../../src/model.ts";

/** The verdict Cloudflare's MX stamps on mail that passed DMARC for `domain`. */
export function cloudflarePass(domain: string): string {
  return `Authentication-Results: mx.cloudflare.net; dkim=pass header.d=${domain} header.s=s1 header.b=AbCd; dmarc=pass (policy=reject) header.from=${domain}`;
}

export interface Sender {
  name: string;
  address: string;
}

/** A mail Tend sent, as the test received it. */
export interface Received {
  parsed: Email;
}

export interface ReplyOptions {
  /** Where the reply goes. Default: the quoted mail's Reply-To, else its From. */
  to?: string;
  /** Default: "Re: " and the quoted mail's subject. */
  subject?: string;
  /** When the user writes the reply. Default: an hour after the quoted mail's Date. */
  at?: number;
  /** The user's zone, for the attribution line's time. Default: UTC, as the test users have. */
  timeZone?: string;
}

let counter = 0;

const mailbox = (address: Address | undefined) =>
  address?.address ? { name: address.name || address.address, address: address.address } : { name: "Tend", address: "tend@tend.example" };

/** What every client writes the same way: who, to whom, when, and which mail this answers. */
function replyHeaders(quoted: Received, from: Sender, options: ReplyOptions, client: string[]) {
  counter += 1;
  const { parsed } = quoted;
  const sentAt = Date.parse(parsed.date ?? "");
  if (Number.isNaN(sentAt)) throw new Error("the quoted mail has no Date");
  const at = options.at ?? sentAt + HOUR_MS;
  const to = options.to ?? parsed.replyTo?.[0]?.address ?? mailbox(parsed.from).address;
  const domain = from.address.split("@")[1] ?? "example.com";
  const inReplyTo = parsed.messageId ? [`In-Reply-To: ${parsed.messageId}`, `References: ${parsed.messageId}`] : [];
  return {
    to,
    lines: [
      cloudflarePass(domain),
      `From: ${from.name} <${from.address}>`,
      `To: Tend <${to}>`,
      `Subject: ${options.subject ?? `Re: ${parsed.subject ?? ""}`}`,
      `Date: ${new Date(at).toUTCString()}`,
      `Message-ID: <reply-${counter}@${domain}>`,
      ...inReplyTo,
      ...client,
      "MIME-Version: 1.0",
    ],
    sentAt,
  };
}

/** The pieces of the quoted mail's send time that the clients' attribution lines use. */
function when(at: number, timeZone: string) {
  const part = (options: Intl.DateTimeFormatOptions, type: Intl.DateTimeFormatPartTypes) =>
    new Intl.DateTimeFormat("en-US", { timeZone, ...options }).formatToParts(at).find((p) => p.type === type)?.value ?? "";
  return {
    weekday: part({ weekday: "long" }, "weekday"),
    wkd: part({ weekday: "short" }, "weekday"),
    month: part({ month: "long" }, "month"),
    mon: part({ month: "short" }, "month"),
    day: part({ day: "numeric" }, "day"),
    year: part({ year: "numeric" }, "year"),
    clock12: `${part({ hour: "numeric", hour12: true }, "hour")}:${part({ minute: "2-digit" }, "minute").padStart(2, "0")} ${part({ hour: "numeric", hour12: true }, "dayPeriod")}`,
    clock24: `${part({ hour: "2-digit", hourCycle: "h23" }, "hour")}:${part({ minute: "2-digit" }, "minute").padStart(2, "0")}`,
  };
}

export const crlf = (lines: string[]) => lines.join("\r\n");
const escapeText = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** UTF-8 text as quoted-printable with CRLF line ends. */
export function utf8QuotedPrintable(text: string): string {
  let octets = "";
  for (const byte of new TextEncoder().encode(text)) octets += String.fromCharCode(byte);
  return quotedPrintable(octets);
}

/** UTF-8 text as base64 in 76-column lines, with LF line ends inside as in the Outlook fixtures. */
export function utf8Base64(text: string): string {
  let octets = "";
  for (const byte of new TextEncoder().encode(text)) octets += String.fromCharCode(byte);
  return (btoa(octets).match(/.{1,76}/g) ?? []).join("\r\n");
}

/** The quoted mail's text; a mail with HTML only would be quoted from its text rendering, which Tend always sends. */
const textOf = (quoted: Received) => (quoted.parsed.text ?? "").replace(/\n+$/, "");

/** What a client embeds when it quotes HTML: the inside of the quoted mail's <body>, or its text as lines. */
function htmlBodyOf(quoted: Received): string {
  const { html } = quoted.parsed;
  if (!html) return textOf(quoted).split("\n").map(escapeText).join("<br>");
  return html.match(/<body[^>]*>([\s\S]*)<\/body>/i)?.[1] ?? html;
}

/** Gmail on the web: multipart/alternative; "On … wrote:" unquoted, then "> " (a bare ">" on empty lines); a gmail_quote blockquote in HTML. */
export function gmailReply(quoted: Received, from: Sender, lines: string[], options: ReplyOptions = {}): string {
  const { lines: headers, sentAt } = replyHeaders(quoted, from, options, []);
  const boundary = `000000000000${String(counter).padStart(4, "0")}a1b2c3d4e5f6`;
  const original = mailbox(quoted.parsed.from);
  const t = when(sentAt, options.timeZone ?? "UTC");
  const date = `${t.wkd}, ${t.mon} ${t.day}, ${t.year} at ${t.clock12}`;
  const plain = [
    ...lines,
    "",
    `On ${date} ${original.name} <${original.address}> wrote:`,
    "",
    ...textOf(quoted)
      .split("\n")
      .map((line) => (line === "" ? ">" : `> ${line}`)),
    "",
  ].join("\n");
  const html = `<div dir="ltr">${lines.map((line) => `<div>${line === "" ? "<br>" : escapeText(line)}</div>`).join("")}</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On ${date} ${escapeText(original.name)} &lt;<a href="mailto:${original.address}">${original.address}</a>&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">${htmlBodyOf(quoted)}</blockquote></div>\n`;
  return crlf([
    ...headers,
    ...gmailAlternative(boundary, plain, html),
  ]);
}

/** Gmail's multipart/alternative: the Content-Type line, then text and HTML parts, both UTF-8 quoted-printable. */
export function gmailAlternative(boundary: string, plain: string, html: string): string[] {
  return [
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    utf8QuotedPrintable(plain),
    `--${boundary}`,
    'Content-Type: text/html; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    utf8QuotedPrintable(html),
    `--${boundary}--`,
    "",
  ];
}

/** Outlook on the web and the new Outlook: the sign-off, 32 underscores and a "From: … Sent: …" block, then the mail unquoted. */
export function outlookReply(quoted: Received, from: Sender, lines: string[], signature: string[] = [], options: ReplyOptions = {}): string {
  const { lines: headers, sentAt } = replyHeaders(quoted, from, options, ["X-MS-Has-Attach: "]);
  const original = mailbox(quoted.parsed.from);
  const t = when(sentAt, options.timeZone ?? "UTC");
  const plain = [
    ...lines,
    "",
    ...signature,
    "________________________________",
    `From: ${original.name} <${original.address}>`,
    `Sent: ${t.weekday}, ${t.month} ${t.day}, ${t.year} ${t.clock12}`,
    `To: ${from.name} <${from.address}>`,
    `Subject: ${quoted.parsed.subject ?? ""}`,
    "",
    textOf(quoted),
    "",
  ].join("\n");
  return crlf([...headers, 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: base64", "", utf8Base64(plain), ""]);
}

/** Outlook for Windows, classic: "-----Original Message-----" and the mail unquoted, in quoted-printable. */
export function outlookClassicReply(quoted: Received, from: Sender, lines: string[], options: ReplyOptions = {}): string {
  const { lines: headers, sentAt } = replyHeaders(quoted, from, options, ["X-Mailer: Microsoft Outlook 16.0"]);
  const original = mailbox(quoted.parsed.from);
  const t = when(sentAt, options.timeZone ?? "UTC");
  const plain = [
    ...lines,
    "",
    "-----Original Message-----",
    `From: ${original.name} <${original.address}> `,
    `Sent: ${t.weekday}, ${t.day} ${t.month} ${t.year} ${t.clock24}`,
    `To: ${from.address}`,
    `Subject: ${quoted.parsed.subject ?? ""}`,
    "",
    textOf(quoted),
    "",
  ].join("\n");
  return crlf([...headers, 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: quoted-printable", "", utf8QuotedPrintable(plain)]);
}

/** Apple Mail on the Mac: the lines, then "> On 30 Nov 2026, at 08:00, … wrote:" and "> " before every line, empty ones too. */
export function appleMailReply(quoted: Received, from: Sender, lines: string[], options: ReplyOptions = {}): string {
  const { lines: headers, sentAt } = replyHeaders(quoted, from, options, ["X-Mailer: Apple Mail (2.3864.100.1.1.5)"]);
  const original = mailbox(quoted.parsed.from);
  const t = when(sentAt, options.timeZone ?? "UTC");
  const quote = [`On ${t.day} ${t.mon} ${t.year}, at ${t.clock24}, ${original.name} <${original.address}> wrote:`, "", ...textOf(quoted).split("\n")];
  const plain = [...lines, "", ...quote.map((line) => `> ${line}`), ""].join("\n");
  return crlf([...headers, 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: quoted-printable", "", utf8QuotedPrintable(plain)]);
}

/** iPhone Mail, top-posted: the lines, "Sent from my iPhone", then "> On Nov 30, 2026, at 8:00 AM, … wrote:" and "> " quoting. */
export function iphoneReply(quoted: Received, from: Sender, lines: string[], options: ReplyOptions = {}): string {
  const { lines: headers, sentAt } = replyHeaders(quoted, from, options, ["X-Mailer: iPhone Mail (23B85)"]);
  const original = mailbox(quoted.parsed.from);
  const t = when(sentAt, options.timeZone ?? "UTC");
  const quote = [`On ${t.mon} ${t.day}, ${t.year}, at ${t.clock12}, ${original.name} <${original.address}> wrote:`, "", ...textOf(quoted).split("\n")];
  const plain = [...lines, "", "Sent from my iPhone", "", ...quote.map((line) => `> ${line}`), ""].join("\n");
  return crlf([...headers, 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: quoted-printable", "", utf8QuotedPrintable(plain)]);
}

/** Outlook on the web, HTML only: the lines in divs, a rule and divRplyFwdMsg, then the quoted mail's HTML body. */
export function htmlOnlyReply(quoted: Received, from: Sender, lines: string[], options: ReplyOptions = {}): string {
  const { lines: headers, sentAt } = replyHeaders(quoted, from, options, ["X-MS-Exchange-Organization-SCL: 1"]);
  const original = mailbox(quoted.parsed.from);
  const t = when(sentAt, options.timeZone ?? "UTC");
  const compose = lines
    .map((line) => `<div style="font-family: Aptos, sans-serif; font-size: 12pt;">${line === "" ? "<br>" : escapeText(line)}</div>`)
    .join("");
  const block = [
    `<b>From:</b> ${escapeText(`${original.name} <${original.address}>`)}`,
    `<b>Sent:</b> ${t.weekday}, ${t.month} ${t.day}, ${t.year} ${t.clock12}`,
    `<b>To:</b> ${escapeText(`${from.name} <${from.address}>`)}`,
    `<b>Subject:</b> ${escapeText(quoted.parsed.subject ?? "")}`,
  ].join("<br>");
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body dir="ltr">${compose}<div><br></div><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">${block}</font><div>&nbsp;</div></div><div>${htmlBodyOf(quoted)}</div></body></html>`;
  return crlf([...headers, 'Content-Type: text/html; charset="utf-8"', "Content-Transfer-Encoding: 8bit", "", html, ""]);
}

/** iPhone Mail in HTML: the lines, the signature, the attribution cited, then the quoted mail in <blockquote type="cite">. */
export function iphoneHtmlReply(quoted: Received, from: Sender, lines: string[], options: ReplyOptions = {}): string {
  const { lines: headers, sentAt } = replyHeaders(quoted, from, options, ["X-Mailer: iPhone Mail (23B85)"]);
  const original = mailbox(quoted.parsed.from);
  const t = when(sentAt, options.timeZone ?? "UTC");
  const attribution = `On ${t.mon} ${t.day}, ${t.year}, at ${t.clock12}, ${escapeText(`${original.name} <${original.address}>`)} wrote:`;
  const html = `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">${lines.map((line) => `<div dir="ltr">${escapeText(line)}</div>`).join("")}<div dir="ltr"><br id="lineBreakAtBeginningOfSignature"><div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">${attribution}<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">${htmlBodyOf(quoted)}</div></blockquote></div></body></html>`;
  return crlf([...headers, 'Content-Type: text/html; charset="utf-8"', "Content-Transfer-Encoding: 8bit", "", html, ""]);
}

/** A new mail to Tend (a command), as Gmail sends it; `at` is when the user writes it. */
export function commandMail(m: { from: Sender; to: string; subject: string; at: number }, lines: string[] = []): string {
  counter += 1;
  const domain = m.from.address.split("@")[1] ?? "example.com";
  return crlf([
    cloudflarePass(domain),
    `From: ${m.from.name} <${m.from.address}>`,
    `To: Tend <${m.to}>`,
    `Subject: ${m.subject}`,
    `Date: ${new Date(m.at).toUTCString()}`,
    `Message-ID: <command-${counter}@${domain}>`,
    "X-Mailer: Gmail",
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    ...lines,
    "",
  ]);
}
