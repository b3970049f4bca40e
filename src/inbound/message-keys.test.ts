import { describe, expect, it } from "vitest";
import { samAddressing } from "../../test/helpers/build-email.ts";
import { buildUnderstanding } from "../../test/helpers/build-understanding.ts";
import { fixtures, USERS } from "../../test/helpers/fixtures.ts";
import { inlineMessage } from "../../test/helpers/mail.ts";
import { DAY_MS } from "../model.ts";
import { type MessageKeys, messageKeys } from "./message-keys.ts";
import { parseEmail } from "./parse-email.ts";
import { type Understanding, understand } from "./understand.ts";

const LA = "America/Los_Angeles";
const SAM_USER = { name: "Sam Rivera", address: USERS.sam, timeZone: LA };
const BODY = [
  "Hi Ana,",
  "",
  "As promised, here is how we ran engineering interviews at Tidewater: one take-home, one pairing session, no puzzles.",
  "I'll send the full hiring guide by Friday.",
  "",
  "Sam",
].join("\r\n");

/** Reads a raw message the way the pipeline does, as Sam in Los Angeles. */
async function understood(
  raw: string | Uint8Array,
  now: number,
  user: { name: string | null; address: string; timeZone: string } = SAM_USER,
  addressing = samAddressing(),
) {
  return understand({ email: await parseEmail(raw), addressing, user, now });
}

/** Sam's mail to Ana with Tend in Cc, sent at `date`. */
function ccCopy(date: string, body = BODY, subject = "Hiring guide"): string {
  return inlineMessage({ to: "Ana Lima <ana@lumen.studio>", cc: "tend@tend.example", subject, date, messageId: "<cc-copy@mail.gmail.com>", body });
}

/** The same mail, forwarded by Sam to Tend later; `header` is the forwarded block's Date line as the client wrote it. */
function forwardedCopy(header: string, sentAt: string, body = BODY, subject = "Hiring guide"): string {
  return inlineMessage({
    subject: `Fwd: ${subject}`,
    date: sentAt,
    messageId: "<forwarded-copy@mail.gmail.com>",
    body: [
      "For the record.",
      "",
      "---------- Forwarded message ---------",
      "From: Sam Rivera <sam.rivera@gmail.com>",
      `Date: ${header}`,
      `Subject: ${subject}`,
      "To: Ana Lima <ana@lumen.studio>",
      "Cc: tend@tend.example",
      "",
      "",
      body,
    ].join("\r\n"),
  });
}

function contentKeys(keys: MessageKeys): string[] {
  return keys.store.filter((key) => key.startsWith("content:"));
}

/** True when logging `first` makes `second` a duplicate. */
function isDuplicate(first: MessageKeys, second: MessageKeys): boolean {
  return first.store.some((key) => second.lookup.includes(key));
}

function notes(text: string): Understanding {
  return buildUnderstanding({ kind: "notes", text });
}

async function storedKeys(u: Understanding): Promise<string[]> {
  return (await messageKeys("<m>", u, LA)).store;
}

const WEDNESDAY_9AM = Date.UTC(2026, 10, 18, 17);

describe("messageKeys", () => {
  it("stores the message id and one content key for the author, subject, body and the user's day", async () => {
    const u = await understood(ccCopy("Wed, 18 Nov 2026 09:00:00 -0800"), WEDNESDAY_9AM + DAY_MS);
    const keys = await messageKeys("<cc-copy@mail.gmail.com>", u, LA);
    expect(keys.store).toHaveLength(2);
    expect(keys.store[0]).toBe("<cc-copy@mail.gmail.com>");
    expect(keys.store[1]).toMatch(/^content:[0-9a-f]{32}:2026-11-18$/);
    const hash = keys.store[1]?.split(":")[1];
    // Either copy's day may be a day off: the lookup spans the day before and after.
    expect(keys.lookup).toEqual([
      "<cc-copy@mail.gmail.com>",
      `content:${hash}:2026-11-17`,
      `content:${hash}:2026-11-18`,
      `content:${hash}:2026-11-19`,
    ]);
  });

  it("makes a CC'd message and its later forward to Tend duplicates of each other, whichever comes first", async () => {
    const cc = await messageKeys("<cc>", await understood(ccCopy("Wed, 18 Nov 2026 09:00:00 -0800"), WEDNESDAY_9AM), LA);
    const forward = await messageKeys(
      "<fwd>",
      await understood(forwardedCopy("Wed, Nov 18, 2026 at 9:00 AM", "Thu, 19 Nov 2026 08:00:00 -0800"), WEDNESDAY_9AM + DAY_MS),
      LA,
    );
    expect(isDuplicate(cc, forward)).toBe(true);
    expect(isDuplicate(forward, cc)).toBe(true);
  });

  it("takes the user's day, not UTC's, for a message sent late in the evening", async () => {
    // 23:30 on Wednesday in Los Angeles is Thursday in UTC; the forward prints Wednesday.
    const lateEvening = "Wed, 18 Nov 2026 23:30:00 -0800";
    const cc = await messageKeys("<cc>", await understood(ccCopy(lateEvening), Date.UTC(2026, 10, 19, 8)), LA);
    expect(contentKeys(cc)[0]).toMatch(/:2026-11-18$/);
    const forward = await messageKeys(
      "<fwd>",
      await understood(forwardedCopy("Wed, Nov 18, 2026 at 11:30 PM", "Fri, 20 Nov 2026 08:00:00 -0800"), Date.UTC(2026, 10, 20, 16)),
      LA,
    );
    expect(contentKeys(forward)[0]).toMatch(/:2026-11-18$/);
    expect(isDuplicate(cc, forward)).toBe(true);
  });

  it("still matches when the forwarding client printed the date in another zone, a day later", async () => {
    const cc = await messageKeys("<cc>", await understood(ccCopy("Wed, 18 Nov 2026 23:30:00 -0800"), Date.UTC(2026, 10, 19, 8)), LA);
    // The same instant, as a client set to Berlin prints it.
    const forward = await messageKeys(
      "<fwd>",
      await understood(forwardedCopy("Thu, Nov 19, 2026 at 8:30 AM", "Fri, 20 Nov 2026 08:00:00 -0800"), Date.UTC(2026, 10, 20, 16)),
      LA,
    );
    expect(contentKeys(forward)[0]).toMatch(/:2026-11-19$/);
    expect(isDuplicate(cc, forward)).toBe(true);
  });

  it("ignores reply and forward prefixes, case, spacing and punctuation", async () => {
    const a = buildUnderstanding({ kind: "thread", subject: "Re: Hiring guide", text: "I'll send the full hiring guide by Friday, promise!", occurredAt: WEDNESDAY_9AM });
    const b = buildUnderstanding({ kind: "thread", subject: "AW:  RE: hiring   Guide", text: "i'll send the full\nhiring guide by friday — promise", occurredAt: WEDNESDAY_9AM });
    expect(isDuplicate(await messageKeys("<a>", a, LA), await messageKeys("<b>", b, LA))).toBe(true);
  });

  it("tells apart a different message from the same author, subject and day", async () => {
    const cc = await messageKeys("<cc>", await understood(ccCopy("Wed, 18 Nov 2026 09:00:00 -0800"), WEDNESDAY_9AM), LA);
    const other = BODY.replace("one take-home, one pairing session", "two take-homes and a panel");
    const second = await messageKeys("<cc2>", await understood(ccCopy("Wed, 18 Nov 2026 15:00:00 -0800", other), WEDNESDAY_9AM + DAY_MS), LA);
    expect(isDuplicate(cc, second)).toBe(false);
  });

  it("tells apart the same words under another subject, from another author, or days apart", async () => {
    const base = { kind: "thread" as const, subject: "Hiring guide", text: "I'll send the full hiring guide by Friday, promise!", occurredAt: WEDNESDAY_9AM };
    let n = 0;
    // Each copy has its own Message-ID, so only the content can make it a duplicate.
    const keys = (overrides: Parameters<typeof buildUnderstanding>[0]) => messageKeys(`<m${++n}>`, buildUnderstanding({ ...base, ...overrides }), LA);
    const original = await keys({});
    expect(isDuplicate(original, await keys({ subject: "Interview guide" }))).toBe(false);
    expect(isDuplicate(original, await keys({ from: { name: "Ana Lima", address: "ana@lumen.studio" } }))).toBe(false);
    expect(isDuplicate(original, await keys({ occurredAt: WEDNESDAY_9AM + 2 * DAY_MS }))).toBe(false);
    expect(isDuplicate(original, await keys({ occurredAt: WEDNESDAY_9AM + DAY_MS }))).toBe(true);
  });

  it("reads only the forwarded message's own words, not the note above it", async () => {
    const now = WEDNESDAY_9AM + DAY_MS;
    const withNote = await understood(forwardedCopy("Wed, Nov 18, 2026 at 9:00 AM", "Thu, 19 Nov 2026 08:00:00 -0800"), now);
    const otherNote = await understood(
      forwardedCopy("Wed, Nov 18, 2026 at 9:00 AM", "Thu, 19 Nov 2026 08:00:00 -0800").replace("For the record.", "Logging this one, it matters."),
      now,
    );
    expect(contentKeys(await messageKeys("<a>", withNote, LA))).toEqual(contentKeys(await messageKeys("<b>", otherNote, LA)));
  });

  it("keeps only the message id for a body too short to tell, or a forward without a date", async () => {
    const long = "Coffee with Ana at Blue Bottle; she is hiring her first engineer.";
    expect(await storedKeys(buildUnderstanding({ kind: "thread", text: "Thanks, Ana!" }))).toEqual(["<m>"]);
    const undated = { from: { name: null, address: "ana@lumen.studio" }, to: [], cc: [], subject: "Hiring", date: null, note: "", body: long };
    expect(await storedKeys(buildUnderstanding({ kind: "forwarded", forwarded: undated }))).toEqual(["<m>"]);
    expect(await storedKeys(buildUnderstanding({ kind: "forwarded", forwarded: { ...undated, from: null, date: "Wed, Nov 18, 2026 at 9:00 AM" } }))).toEqual(["<m>"]);
  });

  it("identifies notes and invites written to Tend by their whole text, so a resend is a duplicate and a note from the same template is not", async () => {
    const opening = "Weekly 1:1, same template as always: agenda first, then actions, then anything else worth noting down. ";
    const [a, again, other] = await Promise.all([
      messageKeys("<a>", notes(`${opening}Ana is hiring.`), "UTC"),
      messageKeys("<b>", notes(`${opening}Ana is hiring.`), "UTC"),
      messageKeys("<c>", notes(`${opening}Ben is raising.`), "UTC"),
    ]);
    expect(contentKeys(a)).toHaveLength(1);
    expect(again.lookup).toEqual(expect.arrayContaining(contentKeys(a)));
    expect(other.lookup).not.toEqual(expect.arrayContaining(contentKeys(a)));
    expect(contentKeys(await messageKeys("<i>", buildUnderstanding({ kind: "invite", text: `${opening}Kickoff.` }), "UTC"))).toHaveLength(1);
  });

  it("reads Outlook's long English date of a message forwarded days later, in the user's zone", async () => {
    const forwarded = {
      from: { name: "Dev Patel", address: "dev@patel.io" },
      to: [],
      cc: [],
      subject: "Notes from today",
      date: "Thursday, November 19, 2026 4:12 PM",
      note: "",
      body: "Thanks for making time today. Patel.io moves to usage-based pricing in Q1.",
    };
    const u = buildUnderstanding({ kind: "forwarded", forwarded, forwardedText: forwarded.body, occurredAt: Date.UTC(2026, 10, 23, 9) });
    expect(contentKeys(await messageKeys("<m>", u, "Europe/London"))).toEqual([expect.stringMatching(/^content:[0-9a-f]{32}:2026-11-19$/)]);
  });

  // Outlook writes "Thursday, November 19, 2026 4:12 PM": read as a relative
  // phrase, a weekday that is today would mean last week.
  it("reads Outlook's long English date of a message forwarded the same day as that day", async () => {
    const priya = { name: "Priya Natarajan", address: USERS.priya, timeZone: "Europe/London" };
    const u = await understood(fixtures.outlookForwardedNotes, Date.UTC(2026, 10, 20, 12), priya, {
      tendAddress: "tend@tend.example",
      userAddresses: [USERS.priya],
      envelopeTo: "tend@tend.example",
    });
    expect(contentKeys(await messageKeys("<m>", u, "Europe/London"))).toEqual([expect.stringMatching(/^content:[0-9a-f]{32}:2026-11-19$/)]);
  });

  // Apple Mail in German writes "20. November 2026 um 10:14:33 MEZ".
  it("reads the German Apple Mail date of a forwarded block as that day", async () => {
    const jon = { name: "Jon Okafor", address: USERS.jon, timeZone: "Europe/Berlin" };
    const u = await understood(fixtures.appleMailForwardGerman, Date.UTC(2026, 10, 21, 12), jon, {
      tendAddress: "tend@tend.example",
      userAddresses: [USERS.jon],
      envelopeTo: "tend@tend.example",
    });
    expect(contentKeys(await messageKeys("<m>", u, "Europe/Berlin"))).toEqual([expect.stringMatching(/:2026-11-20$/)]);
  });

  // French Outlook writes "jeudi 19 novembre 2026 10:02".
  it("reads the French Outlook date of a forwarded block as that day", async () => {
    const priya = { name: "Priya Natarajan", address: USERS.priya, timeZone: "Europe/London" };
    const u = await understood(fixtures.outlookForwardFrench, Date.UTC(2026, 10, 20, 12), priya, {
      tendAddress: "tend@tend.example",
      userAddresses: [USERS.priya],
      envelopeTo: "tend@tend.example",
    });
    expect(contentKeys(await messageKeys("<m>", u, "Europe/London"))).toEqual([expect.stringMatching(/:2026-11-19$/)]);
  });
});
