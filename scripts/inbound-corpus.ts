// The mail `npm run bench:inbound` and `npm run load` send through Tend's
// inbound steps: the committed fixtures, public eval texts wrapped as the mail
// a user would send, and generated messages that stress one dimension each
// (text size, HTML, recipients, an invite, a long quote). Everything is
// deterministic: the same bytes on every run and machine.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const ROOT = path.resolve(import.meta.dirname, "..");
const CRLF = "\r\n";
export const TEND_ADDRESS = "tend@tend.example";
export const CORPUS_USER = "sam.rivera@gmail.com";

export interface CorpusMessage {
  name: string;
  /** Where it came from: fixture, eval set or generator. */
  source: "fixture" | "eval" | "generated";
  bytes: Uint8Array;
  envelope: { from: string; to: string };
}

/** A small deterministic generator (mulberry32), so every run builds the same text. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Sentences of the kinds Tend reads (promises, needs, offers, asks, dates,
// interests) mixed with plain ones, so the extractor does its real work.
const SENTENCES = [
  "I'll send Ana the pitch deck by Friday.",
  "Ben is hiring a senior designer for the Berlin office.",
  "Carla said her daughter starts university in Montréal next September.",
  "We talked about #climate and supply chains for most of the hour.",
  "Could you introduce me to someone at Greenloop?",
  "Dev is happy to make intros to investors in Amsterdam.",
  "The coffee at the station was better than I expected.",
  "Farah needs a fractional CFO from the spring.",
  "Let me know by the end of next week whether the beta opens in December.",
  "I promised to review Elena's draft before the 10th.",
  "Greg is waiting on the calibration data from the Düsseldorf plant.",
  "Nothing else came up; the rest was small talk about the weather.",
  "Ana's birthday is on December 14, and she will be in New York on the 9th.",
  "I said I'd ask Farah whether Greenloop can help with the audit.",
  "Kim mentioned that the pilot moved to Köln because of the permits.",
  "Sam will write to both of them this week if they are up for it.",
];

/** About `chars` characters of prose in paragraphs, lines wrapped at 76 columns. */
export function prose(chars: number, seed: number): string {
  const next = random(seed);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(next() * 4);
    for (let i = 0; i < count; i++) sentences.push(SENTENCES[Math.floor(next() * SENTENCES.length)] ?? "");
    const paragraph = wrap(sentences.join(" "), 76);
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join("\n\n").slice(0, chars);
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("\n");
}

export interface Draft {
  from?: string;
  fromName?: string;
  to?: string[];
  cc?: string[];
  subject?: string;
  messageId: string;
  date?: string;
  extraHeaders?: string[];
  /** A whole body with its Content-Type headers; otherwise `text` as one UTF-8 text/plain part. */
  contentHeaders?: string[];
  body: string;
}

/** A message as Email Routing hands it over: Cloudflare's trace and authentication headers first, CRLF line ends. */
export function compose(draft: Draft): Uint8Array {
  const from = draft.from ?? CORPUS_USER;
  const domain = from.split("@")[1] ?? "example.com";
  const headers = [
    `Received: from mail.${domain} by mx.cloudflare.net (Mx) with ESMTPS for <${TEND_ADDRESS}>; ${draft.date ?? "Wed, 25 Nov 2026 10:00:00 +0000"}`,
    `Authentication-Results: mx.cloudflare.net; dkim=pass header.d=${domain}; dmarc=pass header.from=${domain}; spf=pass smtp.mailfrom=${from}`,
    `From: ${draft.fromName ?? "Sam Rivera"} <${from}>`,
    `To: ${(draft.to ?? [TEND_ADDRESS]).join(`,${CRLF} `)}`,
    ...(draft.cc && draft.cc.length > 0 ? [`Cc: ${draft.cc.join(`,${CRLF} `)}`] : []),
    `Subject: ${draft.subject ?? "Notes"}`,
    `Date: ${draft.date ?? "Wed, 25 Nov 2026 10:00:00 +0000"}`,
    `Message-ID: ${draft.messageId}`,
    "MIME-Version: 1.0",
    ...(draft.extraHeaders ?? []),
    ...(draft.contentHeaders ?? ['Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: 8bit"]),
  ];
  return new TextEncoder().encode(`${headers.join(CRLF)}${CRLF}${CRLF}${draft.body.replace(/\r?\n/g, CRLF)}${CRLF}`);
}

/** The committed fixtures, with the envelope each was delivered with (see test/fixtures/README.md). */
export function fixtureMessages(): CorpusMessage[] {
  const dir = path.join(ROOT, "test", "fixtures");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".eml"))
    .toSorted()
    .map((file) => {
      const bytes = readFileSync(path.join(dir, file));
      const head = new TextDecoder("latin1").decode(bytes.subarray(0, 8192));
      const from = /^From:.*?<?([^<>\s]+@[^<>\s]+?)>?\s*$/im.exec(head)?.[1]?.toLowerCase() ?? CORPUS_USER;
      const to = /for <([^>]+)>/.exec(head)?.[1] ?? TEND_ADDRESS;
      return { name: file, source: "fixture" as const, bytes: new Uint8Array(bytes), envelope: { from, to } };
    });
}

const HTML_PART = ['Content-Type: text/html; charset="UTF-8"', "Content-Transfer-Encoding: 8bit"];

function jsonLines(file: string): Record<string, unknown>[] {
  return readFileSync(path.join(ROOT, "eval", "public", file), "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => z.record(z.string(), z.unknown()).parse(JSON.parse(line)));
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** The public eval texts (replies, introductions, meeting notes), each wrapped as a user's mail to Tend. */
export function evalMessages(): CorpusMessage[] {
  const out: CorpusMessage[] = [];
  const envelope = { from: CORPUS_USER, to: TEND_ADDRESS };
  for (const [i, entry] of jsonLines("replies.jsonl").entries()) {
    const html = text(entry["html"]);
    const body = html || text(entry["text"]);
    if (!body) continue;
    const bytes = compose({
      messageId: `<eval.reply.${i}@bench.example>`,
      to: ["Carla Mendes <carla@mendes.design>"],
      cc: [TEND_ADDRESS],
      subject: "Re: the draft",
      body,
      ...(html ? { contentHeaders: HTML_PART } : {}),
    });
    out.push({ name: `replies/${text(entry["id"])}`, source: "eval", bytes, envelope });
  }
  for (const [i, entry] of jsonLines("introductions.jsonl").entries()) {
    const body = text(entry["body"]);
    if (!body) continue;
    const bytes = compose({
      messageId: `<eval.intro.${i}@bench.example>`,
      to: ["Ana Lima <ana@lumen.studio>", "Ben Cho <ben.cho@northwind.vc>"],
      cc: [TEND_ADDRESS],
      subject: text(entry["subject"]) || "Intro",
      body,
    });
    out.push({ name: `introductions/${text(entry["id"])}`, source: "eval", bytes, envelope });
  }
  for (const [i, entry] of jsonLines("notes.jsonl").entries()) {
    const body = text(entry["text"]);
    if (!body) continue;
    const bytes = compose({ messageId: `<eval.notes.${i}@bench.example>`, subject: "Meeting notes", body });
    out.push({ name: `notes/${text(entry["id"])}`, source: "eval", bytes, envelope });
  }
  return out;
}

const KIB = 1024;

/** Plain-text notes to Tend with about `bytes` of text. */
export function textMessage(bytes: number, seed: number, messageId = `<text.${bytes}.${seed}@bench.example>`): Uint8Array {
  return compose({ messageId, subject: "Notes from the week", body: prose(bytes, seed) });
}

/** A reply CC'ing Tend: a few lines of its own, then `bytes` of quoted history, as a long thread ends up. */
export function quotedReply(bytes: number, seed: number): Uint8Array {
  const quoted = prose(bytes, seed)
    .split("\n")
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");
  const body = `${prose(600, seed + 1)}\n\nOn Tue, Nov 24, 2026 at 9:12 AM Carla Mendes <carla@mendes.design> wrote:\n${quoted}`;
  return compose({
    messageId: `<quoted.${bytes}.${seed}@bench.example>`,
    to: ["Carla Mendes <carla@mendes.design>"],
    cc: [TEND_ADDRESS],
    subject: "Re: the draft",
    body,
  });
}

/** HTML-only notes of about `bytes`, in the nested tables newsletters and Outlook write. */
export function htmlMessage(bytes: number, seed: number): Uint8Array {
  const paragraphs = prose(bytes * 0.6, seed).split("\n\n");
  const html = `<html><head><style>p{margin:0}</style></head><body><table><tr><td><div>${paragraphs
    .map((p) => `<p class="MsoNormal"><span style="font-family:Calibri">${p.replace(/\n/g, " ")}</span></p><p>&nbsp;</p>`)
    .join("\n")}</div></td></tr></table></body></html>`;
  return compose({ messageId: `<html.${bytes}.${seed}@bench.example>`, subject: "Call notes", body: html, contentHeaders: HTML_PART });
}

/** HTML built to be deep: `depth` nested elements around the text (a recursive walker's worst case). */
export function deepHtmlMessage(depth: number, seed: number): Uint8Array {
  const html = `<html><body>${"<div><span>".repeat(depth)}${prose(2000, seed)}${"</span></div>".repeat(depth)}</body></html>`;
  return compose({ messageId: `<deep.${depth}.${seed}@bench.example>`, subject: "Deep", body: html, contentHeaders: HTML_PART });
}

/** A thread mail to `count` people, Tend in Cc. */
export function manyRecipients(count: number, seed: number): Uint8Array {
  const to = Array.from({ length: count }, (_, i) => `Person ${i} <person${i}@company${i % 37}.example>`);
  return compose({ messageId: `<many.${count}.${seed}@bench.example>`, to, cc: [TEND_ADDRESS], subject: "Kickoff", body: prose(1500, seed) });
}

/** A calendar invite with `attendees` attendees: a text part plus the same event as text/calendar and invite.ics. */
export function inviteMessage(attendees: number, seed: number): Uint8Array {
  const people = Array.from(
    { length: attendees },
    (_, i) => `ATTENDEE;CN=Person ${i};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:person${i}@company${i % 11}.example`,
  );
  const ics = [
    "BEGIN:VCALENDAR",
    "PRODID:-//Bench//Tend//EN",
    "VERSION:2.0",
    "METHOD:REQUEST",
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    `UID:bench-${seed}@tend.example`,
    "DTSTAMP:20261125T100000Z",
    "DTSTART;TZID=Europe/Berlin:20261203T150000",
    "DTEND;TZID=Europe/Berlin:20261203T160000",
    "SUMMARY:Sensor pilot kickoff",
    `ORGANIZER;CN=Sam Rivera:mailto:${CORPUS_USER}`,
    ...people,
    "END:VEVENT",
    "END:VCALENDAR",
  ].join(CRLF);
  const base64 = Buffer.from(ics, "utf8").toString("base64").replace(/.{76}/g, `$&${CRLF}`);
  const boundary = `bench-${seed}`;
  const body = [
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    prose(800, seed),
    `--${boundary}`,
    'Content-Type: text/calendar; charset="UTF-8"; method=REQUEST',
    "",
    ics,
    `--${boundary}`,
    'Content-Type: application/ics; name="invite.ics"',
    'Content-Disposition: attachment; filename="invite.ics"',
    "Content-Transfer-Encoding: base64",
    "",
    base64,
    `--${boundary}--`,
  ].join(CRLF);
  return compose({
    messageId: `<invite.${attendees}.${seed}@bench.example>`,
    subject: "Invitation: Sensor pilot kickoff",
    body,
    contentHeaders: [`Content-Type: multipart/mixed; boundary="${boundary}"`],
  });
}

/** The generated stress set, each named by what it stresses. */
export function generatedMessages(): CorpusMessage[] {
  const envelope = { from: CORPUS_USER, to: TEND_ADDRESS };
  const make = (name: string, bytes: Uint8Array): CorpusMessage => ({ name, source: "generated", bytes, envelope });
  return [
    make("text 10 KB", textMessage(10 * KIB, 1)),
    make("text 100 KB", textMessage(100 * KIB, 2)),
    // Just under the raw-bytes cap, so all of it is read as Email Routing would hand it over.
    make("text 1 MiB", textMessage(KIB * KIB - 2 * KIB, 3)),
    make("reply, 760 KB quote", quotedReply(760 * KIB, 4)),
    make("HTML-only 20 KB", htmlMessage(20 * KIB, 5)),
    make("HTML-only 500 KB", htmlMessage(500 * KIB, 6)),
    make("HTML 5,000 deep", deepHtmlMessage(5000, 7)),
    make("500 recipients", manyRecipients(500, 8)),
    make("invite, 200 attendees", inviteMessage(200, 9)),
    make("invite, 3 attendees", inviteMessage(3, 10)),
  ];
}
