// Replies to a digest as mail clients write them: the user's lines on top, the
// digest quoted below in each client's own way. The quoted digest contains reply
// commands too ("reply done 1"), so a quote that leaks through would show.

/** The verdict Cloudflare's MX stamps on mail that passed DMARC for `domain`. */
export function cloudflarePass(domain: string): string {
  return `Authentication-Results: mx.cloudflare.net; dkim=pass header.d=${domain} header.s=s1 header.b=AbCd; dmarc=pass (policy=reject) header.from=${domain}`;
}

export interface ReplyEnvelope {
  from: { name: string; address: string };
  /** Where the reply goes: the digest's Reply-To (tend+r.<token>@…). */
  to: string;
  subject?: string;
  inReplyTo?: string;
}

let counter = 0;
const DIGEST_LINES = [
  "Your week with Tend",
  "",
  "1. Send Ana the deck",
  "   You promised on 20 Nov. Reply done 1, snooze 1 or skip 1.",
  "2. Check in with Ben Okoro",
  "   You last talked 40 days ago. Reply done 2.",
  "",
  "Reply with one command per line, for example:",
  "done 1",
];

function headers(m: ReplyEnvelope, mailer: string, contentType: string): string[] {
  counter += 1;
  const domain = m.from.address.split("@")[1] ?? "example.com";
  return [
    cloudflarePass(domain),
    `From: ${m.from.name} <${m.from.address}>`,
    `To: Tend <${m.to}>`,
    `Subject: ${m.subject ?? "Re: Your week with Tend: 4 suggestions"}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <reply-${counter}-${Date.now()}@${domain}>`,
    ...(m.inReplyTo ? [`In-Reply-To: ${m.inReplyTo}`, `References: ${m.inReplyTo}`] : []),
    mailer,
    "MIME-Version: 1.0",
    contentType,
  ];
}

const crlf = (lines: string[]) => lines.join("\r\n");

/** Gmail on the web: multipart/alternative, "On … wrote:" and a gmail_quote div. */
export function gmailReply(m: ReplyEnvelope, lines: string[]): string {
  const boundary = "000000000000a1b2c3d4e5f6";
  const quoted = DIGEST_LINES.map((line) => `> ${line}`.trimEnd());
  return crlf([
    ...headers(m, "X-Mailer: Gmail", `Content-Type: multipart/alternative; boundary="${boundary}"`),
    "",
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    ...lines,
    "",
    `On Mon, Nov 30, 2026 at 8:00 AM Tend <${m.to}> wrote:`,
    "",
    ...quoted,
    "",
    `--${boundary}`,
    'Content-Type: text/html; charset="UTF-8"',
    "",
    `<div dir="ltr">${lines.map((line) => `<div>${line}</div>`).join("")}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Nov 30, 2026 at 8:00 AM Tend &lt;${m.to}&gt; wrote:<br></div><blockquote class="gmail_quote">${DIGEST_LINES.join("<br>")}</blockquote></div>`,
    `--${boundary}--`,
    "",
  ]);
}

/** Outlook (new, web and mobile): a rule, then a "From: … Sent: …" header block; no ">" quoting. */
export function outlookReply(m: ReplyEnvelope, lines: string[], signature: string[] = []): string {
  return crlf([
    ...headers(m, "X-MS-Has-Attach: ", 'Content-Type: text/plain; charset="us-ascii"'),
    "Content-Transfer-Encoding: 7bit",
    "",
    ...lines,
    "",
    ...signature,
    "________________________________",
    `From: Tend <${m.to}>`,
    "Sent: Monday, November 30, 2026 8:00 AM",
    `To: ${m.from.name} <${m.from.address}>`,
    "Subject: Your week with Tend: 4 suggestions",
    "",
    ...DIGEST_LINES,
    "",
  ]);
}

/** Outlook desktop, classic: "-----Original Message-----", quoted-printable. */
export function outlookClassicReply(m: ReplyEnvelope, lines: string[]): string {
  return crlf([
    ...headers(m, "X-Mailer: Microsoft Outlook 16.0", 'Content-Type: text/plain; charset="utf-8"'),
    "Content-Transfer-Encoding: quoted-printable",
    "",
    ...lines,
    "",
    "-----Original Message-----",
    `From: Tend <${m.to}>=20`,
    "Sent: Monday, 30 November 2026 08:00",
    `To: ${m.from.address}`,
    "Subject: Your week with Tend",
    "",
    ...DIGEST_LINES,
    "",
  ]);
}

/** Apple Mail on the Mac: the sign-off, then "On 30 Nov 2026, at 08:00, … wrote:" and ">" quoting. */
export function appleMailReply(m: ReplyEnvelope, lines: string[]): string {
  return crlf([
    ...headers(m, "X-Mailer: Apple Mail (2.3774.200.91.1.1)", 'Content-Type: text/plain; charset="utf-8"'),
    "Content-Transfer-Encoding: quoted-printable",
    "",
    ...lines,
    "",
    `> On 30 Nov 2026, at 08:00, Tend <${m.to}> wrote:`,
    ">=20",
    ...DIGEST_LINES.map((line) => `> ${line}`.trimEnd()),
    "",
  ]);
}

/** iPhone Mail, top-posted: lines, "Sent from my iPhone", then the quote. */
export function iphoneReply(m: ReplyEnvelope, lines: string[]): string {
  return crlf([
    ...headers(m, "X-Mailer: iPhone Mail (22B91)", 'Content-Type: text/plain; charset="us-ascii"'),
    "Content-Transfer-Encoding: 7bit",
    "",
    ...lines,
    "",
    "Sent from my iPhone",
    "",
    `> On Nov 30, 2026, at 8:00 AM, Tend <${m.to}> wrote:`,
    ">",
    ...DIGEST_LINES.map((line) => `> ${line}`.trimEnd()),
    "",
  ]);
}

/** Outlook on the web, HTML only: the reply in divs, then divRplyFwdMsg with the digest. */
export function htmlOnlyReply(m: ReplyEnvelope, lines: string[]): string {
  const body = lines.map((line) => `<div style="font-family: Aptos, sans-serif; font-size: 12pt;">${line}</div>`).join("");
  return crlf([
    ...headers(m, "X-MS-Exchange-Organization-SCL: 1", 'Content-Type: text/html; charset="utf-8"'),
    "Content-Transfer-Encoding: 8bit",
    "",
    `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body dir="ltr">${body}<div><br></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Tend &lt;${m.to}&gt;<br><b>Sent:</b> Monday, November 30, 2026 8:00 AM<br><b>To:</b> ${m.from.name} &lt;${m.from.address}&gt;<br><b>Subject:</b> Your week with Tend</font><div>&nbsp;</div></div><div>${DIGEST_LINES.join("<br>")}</div></body></html>`,
    "",
  ]);
}

/** iPhone Mail, HTML only: the line, the signature, then the digest in <blockquote type="cite">. */
export function iphoneHtmlReply(m: ReplyEnvelope, lines: string[]): string {
  return crlf([
    ...headers(m, "X-Mailer: iPhone Mail (22B91)", 'Content-Type: text/html; charset="utf-8"'),
    "Content-Transfer-Encoding: 8bit",
    "",
    `<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">${lines.join("<br>")}<br><br><div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">On Nov 30, 2026, at 8:00 AM, Tend &lt;${m.to}&gt; wrote:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">${DIGEST_LINES.join("<br>")}</div></blockquote></body></html>`,
    "",
  ]);
}

/** A plain new mail to Tend (a command), as Gmail sends it. */
export function commandMail(m: ReplyEnvelope & { subject: string }, lines: string[] = []): string {
  return crlf([
    ...headers(m, "X-Mailer: Gmail", 'Content-Type: text/plain; charset="UTF-8"'),
    "",
    ...lines,
    "",
  ]);
}
