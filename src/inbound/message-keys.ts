// Identities of a message beyond its Message-ID, so the same mail CC'd to Tend
// and later forwarded to it, or the same notes sent twice, is logged once. A forward has a new Message-ID, so
// the key is what the two copies share: author, subject, day and opening words.
import { addDays } from "../lib/time/local-date.ts";
import { resolveDate, writtenDay } from "../lib/time/text-dates.ts";
import { localDateOf } from "../lib/time/zoned.ts";
import type { Understanding } from "./understand.ts";

/** Characters of normalised text that identify a message's body. */
const FINGERPRINT_CHARS = 160;

export interface MessageKeys {
  /** Keys written when the message is logged. */
  store: string[];
  /** Keys that, when already logged, make this message a duplicate. */
  lookup: string[];
}

function normalizeSubject(subject: string): string {
  return subject
    .replace(/^((re|fwd?|aw|wg|tr|rv|sv|vs)\s*(\[\d+\])?\s*:\s*)+/i, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function fingerprint(text: string, chars: number): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "").slice(0, chars);
}

async function sha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function messageKeys(messageId: string, u: Understanding, timeZone: string): Promise<MessageKeys> {
  const keys: MessageKeys = { store: [messageId], lookup: [messageId] };
  let author: string | null = null;
  let subject = "";
  let day: string | null = null;
  let body = "";
  if (u.forwarded) {
    author = u.forwarded.from?.address ?? null;
    subject = u.forwarded.subject;
    // The forwarding client prints the date in its own zone, often without naming it.
    day = u.forwarded.date
      ? (writtenDay(u.forwarded.date) ?? resolveDate(u.forwarded.date, new Date(u.occurredAt), timeZone, { past: true }))
      : null;
    body = u.forwardedText;
  } else {
    author = u.from.address;
    subject = u.subject;
    day = localDateOf(u.occurredAt, timeZone);
    body = u.text;
  }
  // Notes and invites written to Tend have no other copy to match, only a
  // resend of themselves: the whole text identifies them, so two notes from
  // the same template are not taken for one.
  const whole = u.classification.direct && !u.forwarded;
  const print = fingerprint(body, whole ? Number.POSITIVE_INFINITY : FINGERPRINT_CHARS);
  if (!author || !day || print.length < 20) return keys;
  const hash = await sha256(`${author}\n${normalizeSubject(subject)}\n${print}`);
  keys.store.push(`content:${hash}:${day}`);
  // Either copy's day may be a day off from the other's: zones differ.
  keys.lookup.push(...[-1, 0, 1].map((offset) => `content:${hash}:${addDays(day, offset)}`));
  return keys;
}
