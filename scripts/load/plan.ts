// What `npm run load` sends, and what each message must leave in D1: ordinary
// mail from the users (threads CC'ing Tend, notes, forwards, introductions,
// invites), copies of some of it (the same Message-ID redelivered, and the
// same content under a new Message-ID), and hostile mail. Deterministic for a
// given `now`, so a failure can be replayed.
import { compose, inviteMessage, prose, random, TEND_ADDRESS } from "../inbound-corpus.ts";

export const LOAD_DOMAIN = "load.example";

/**
 * What D1 must show afterwards for a group of messages (an original and its copies):
 * - `logged`: exactly one interaction, under one of the group's Message-IDs;
 * - `at_most_once`: hostile mail from a user: no more than one interaction or processed row, whatever Tend made of it;
 * - `nothing`: no interaction and no processed row (strangers, robots).
 */
export type Expectation = "logged" | "at_most_once" | "nothing";

export interface PlannedMessage {
  /** Index of the logical message its copies share. */
  group: number;
  label: string;
  messageId: string;
  bytes: Uint8Array;
  envelope: { from: string; to: string };
  /** The status the local email endpoint must answer: 200, or 400 when Tend refuses it. */
  expectStatus: 200 | 400;
}

export interface LoadPlan {
  users: string[];
  messages: PlannedMessage[];
  groups: { expectation: Expectation; user: string | null; label: string }[];
}

export interface PlanOptions {
  messages: number;
  users: number;
  /** Share of `messages` that are copies of others. */
  duplicateShare: number;
  /** Share of `messages` that are hostile. */
  hostileShare: number;
  now: number;
  seed: number;
}

const CONTACTS = [
  "Ana Lima <ana@lumen.studio>",
  "Ben Cho <ben.cho@northwind.vc>",
  "Carla Mendes <carla@mendes.design>",
  "Dev Patel <dev@patel.io>",
  "Elena Voss <elena.voss@tu-berlin.de>",
  "Farah Haddad <farah@greenloop.org>",
];

const firstName = (mailbox: string): string => mailbox.split(" ")[0] ?? "";

function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace("GMT", "+0000");
}

function pick<T>(items: readonly T[], next: () => number): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** The ordinary mail a user sends, kind by share: threads, notes, forwards, introductions, invites. */
function ordinary(i: number, user: string, now: number, next: () => number): { label: string; messageId: string; bytes: Uint8Array } {
  const messageId = `<load.${i}.${Math.floor(next() * 1e9)}@${LOAD_DOMAIN}>`;
  // Distinct opening words: Tend recognises a copy by them, so two planned messages must never look alike.
  const opening = `Load message ${i}.`;
  const date = rfc2822(now - (i + 1) * 60_000);
  const from = user;
  const fromName = `User ${user.split("@")[0] ?? ""}`;
  const roll = next();
  if (roll < 0.5) {
    const to = [pick(CONTACTS, next), pick(CONTACTS, next)];
    const body = `${opening} ${prose(500 + Math.floor(next() * 3000), i)}`;
    return { label: "thread", messageId, bytes: compose({ from, fromName, messageId, date, to, cc: [TEND_ADDRESS], subject: `Catching up ${i}`, body }) };
  }
  if (roll < 0.75) {
    const body = `${opening} ${prose(300 + Math.floor(next() * 4000), i)}`;
    return { label: "notes", messageId, bytes: compose({ from, fromName, messageId, date, subject: `Notes ${i}`, body }) };
  }
  if (roll < 0.87) {
    const body = [
      opening,
      "",
      "---------- Forwarded message ---------",
      "From: Dev Patel <dev@patel.io>",
      `Date: ${new Date(now - (i + 2) * 3_600_000).toUTCString()}`,
      `Subject: Pricing ${i}`,
      `To: ${fromName} <${user}>`,
      "",
      `Hi, message ${i} here. ${prose(400 + Math.floor(next() * 1500), i + 1)}`,
    ].join("\n");
    return { label: "forward", messageId, bytes: compose({ from, fromName, messageId, date, subject: `Fwd: Pricing ${i}`, body }) };
  }
  if (roll < 0.97) {
    const [a, b] = [CONTACTS[i % CONTACTS.length] ?? "", CONTACTS[(i + 1) % CONTACTS.length] ?? ""];
    const body = `${firstName(a)}, meet ${firstName(b)}. ${opening} ${firstName(b)} is hiring a designer and ${firstName(a)} knows the field well. I'll let you two take it from here.\n\n${prose(300, i)}`;
    return { label: "introduction", messageId, bytes: compose({ from, fromName, messageId, date, to: [a, b], cc: [TEND_ADDRESS], subject: `Intro: ${firstName(a)} <> ${firstName(b)} (${i})`, body }) };
  }
  // The generator's invite, re-addressed: its own Message-ID, this user as sender.
  const invite = new TextDecoder().decode(inviteMessage(3 + (i % 5), i));
  const bytes = new TextEncoder().encode(
    invite
      .replace(/^Message-ID: .*$/m, `Message-ID: ${messageId}`)
      .replace(/^From: .*$/m, `From: ${fromName} <${user}>`)
      .replace(/sam\.rivera@gmail\.com/g, user)
      .replace(/^Subject: .*$/m, `Subject: Invitation: Kickoff ${i}`)
      .replace("Content-Type: text/plain; charset=\"UTF-8\"\r\n\r\n", `Content-Type: text/plain; charset="UTF-8"\r\n\r\n${opening} `),
  );
  return { label: "invite", messageId, bytes };
}

/** Mail built to hurt: strangers, robots, and users' mail with a hostile shape. */
function hostile(i: number, users: readonly string[], now: number, next: () => number): { label: string; messageId: string; bytes: Uint8Array; envelopeFrom: string; expectation: Expectation; expectStatus: 200 | 400 } {
  const messageId = `<hostile.${i}.${Math.floor(next() * 1e9)}@${LOAD_DOMAIN}>`;
  const date = rfc2822(now - (i + 1) * 30_000);
  const user = pick(users, next);
  const kind = i % 6;
  if (kind === 0) {
    const from = `stranger${i}@elsewhere.example`;
    return { label: "stranger", messageId, envelopeFrom: from, expectation: "nothing", expectStatus: 400, bytes: compose({ from, fromName: "Stranger", messageId, date, subject: "Hello", body: prose(800, i) }) };
  }
  if (kind === 1) {
    const bytes = compose({ from: user, messageId, date, subject: "Automatic reply: away", extraHeaders: ["Auto-Submitted: auto-replied"], body: "I'm away until Monday. I'll reply when I'm back." });
    return { label: "auto-reply", messageId, envelopeFrom: user, expectation: "nothing", expectStatus: 200, bytes };
  }
  if (kind === 2) {
    const html = `<html><body>${"<div><table><tr><td>".repeat(3000)}Load hostile ${i}. ${prose(500, i)}${"</td></tr></table></div>".repeat(3000)}</body></html>`;
    const bytes = compose({ from: user, messageId, date, subject: `Deep ${i}`, body: html, contentHeaders: ['Content-Type: text/html; charset="UTF-8"'] });
    return { label: "deep HTML", messageId, envelopeFrom: user, expectation: "at_most_once", expectStatus: 200, bytes };
  }
  if (kind === 3) {
    // Past MAX_RAW_BYTES: only the first MiB is read.
    const bytes = compose({ from: user, messageId, date, subject: `Huge ${i}`, body: `Load hostile ${i}. ${prose(1536 * 1024, i)}` });
    return { label: "1.5 MiB", messageId, envelopeFrom: user, expectation: "at_most_once", expectStatus: 200, bytes };
  }
  if (kind === 4) {
    // Near MAX_HEADERS_BYTES in bytes; kept under the local endpoint's own cap on the number of headers.
    const junk = Array.from({ length: 1000 }, (_, k) => `X-Junk-${k}: ${"x".repeat(240)}`);
    const bytes = compose({ from: user, messageId, date, subject: `Headers ${i}`, extraHeaders: junk, body: `Load hostile ${i}. ${prose(500, i)}` });
    return { label: "header flood", messageId, envelopeFrom: user, expectation: "at_most_once", expectStatus: 200, bytes };
  }
  const to = Array.from({ length: 800 }, (_, k) => `Person ${k} <p${k}.${i}@company${k % 50}.example>`);
  const bytes = compose({ from: user, messageId, date, to, cc: [TEND_ADDRESS], subject: `All hands ${i}`, body: `Load hostile ${i}. ${prose(1000, i)}` });
  return { label: "800 recipients", messageId, envelopeFrom: user, expectation: "at_most_once", expectStatus: 200, bytes };
}

/** The same bytes under another Message-ID: a client that sent the mail twice. */
function withNewMessageId(bytes: Uint8Array, messageId: string): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  return new TextEncoder().encode(text.replace(/^Message-ID: .*$/m, `Message-ID: ${messageId}`));
}

export function planLoad(options: PlanOptions): LoadPlan {
  const next = random(options.seed);
  const users = Array.from({ length: options.users }, (_, i) => `user${String(i + 1).padStart(2, "0")}@${LOAD_DOMAIN}`);
  const hostileCount = Math.round(options.messages * options.hostileShare);
  const duplicateCount = Math.round(options.messages * options.duplicateShare);
  const originals = options.messages - hostileCount - duplicateCount;
  const plan: LoadPlan = { users, messages: [], groups: [] };

  for (let i = 0; i < originals; i++) {
    const user = users[i % users.length] ?? "";
    const message = ordinary(i, user, options.now, next);
    plan.groups.push({ expectation: "logged", user, label: message.label });
    plan.messages.push({ group: i, ...message, envelope: { from: user, to: TEND_ADDRESS }, expectStatus: 200 });
  }
  for (let d = 0; d < duplicateCount; d++) {
    const original = plan.messages[Math.floor(next() * originals)];
    if (!original) continue;
    // Half redelivered as they were, half resent under a new Message-ID.
    if (d % 2 === 0) plan.messages.push({ ...original, label: `${original.label} (same Message-ID)` });
    else {
      const messageId = `<load.copy.${d}@${LOAD_DOMAIN}>`;
      plan.messages.push({ ...original, label: `${original.label} (new Message-ID)`, messageId, bytes: withNewMessageId(original.bytes, messageId) });
    }
  }
  for (let h = 0; h < hostileCount; h++) {
    const message = hostile(h, users, options.now, next);
    const group = plan.groups.length;
    plan.groups.push({ expectation: message.expectation, user: users.includes(message.envelopeFrom) ? message.envelopeFrom : null, label: message.label });
    plan.messages.push({
      group,
      label: message.label,
      messageId: message.messageId,
      bytes: message.bytes,
      envelope: { from: message.envelopeFrom, to: TEND_ADDRESS },
      expectStatus: message.expectStatus,
    });
  }
  // Copies and hostile mail arrive among the rest, some at the same moment as their original.
  for (let i = plan.messages.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const [a, b] = [plan.messages[i], plan.messages[j]];
    if (a && b) [plan.messages[i], plan.messages[j]] = [b, a];
  }
  return plan;
}
