import { describe, expect, it } from "vitest";
import { ANA, BEN, buildEmail, DEV, gmailForwardFromDev, SAM, samAddressing, TEND } from "../../test/helpers/build-email.ts";
import { fixtures, USERS } from "../../test/helpers/fixtures.ts";
import { inlineMessage } from "../../test/helpers/mail.ts";
import type { ParsedEmail } from "../model.ts";
import type { Addressing } from "./classify.ts";
import { MAX_NOTE_CHARS } from "./limits.ts";
import { parseEmail } from "./parse-email.ts";
import { defaultSignalExtractor } from "./signal-extractor.ts";
import type { SignalInput } from "./signals/extract-signals.ts";
import { FORWARDED_SEPARATOR, type UnderstandInput, understand } from "./understand.ts";

const LA = "America/Los_Angeles";
const SAM_USER = { ...SAM, timeZone: LA };
// Wednesday 25 November 2026, noon in Los Angeles: after every fixture was sent.
const NOW = Date.UTC(2026, 10, 25, 20);
const CARLA = { name: "Carla Mendes", address: "carla@mendes.design" };

function addressingFor(user: string, envelopeTo = TEND.address): Addressing {
  return { tendAddress: TEND.address, userAddresses: [user], envelopeTo };
}

function read(email: ParsedEmail, overrides: Partial<UnderstandInput> = {}) {
  return understand({ email, addressing: samAddressing(), user: SAM_USER, now: NOW, ...overrides });
}

/** A signal extractor that only records what it was asked to read. */
function recorder() {
  const calls: SignalInput[] = [];
  return { calls, extractSignals: (input: SignalInput) => (calls.push(input), []) };
}

describe("understand: whole messages", () => {
  it("an introduction Sam made with Tend in Cc: the two people introduced, never Sam or Tend", async () => {
    const u = read(await parseEmail(fixtures.gmailIntroCc));
    expect(u.kind).toBe("introduction");
    expect(u.from).toEqual(SAM);
    expect(u.people).toEqual([
      { ...ANA, role: "introduced" },
      { ...BEN, role: "introduced" },
    ]);
    expect(u.introduction).toMatchObject({ introducer: SAM, people: [ANA, BEN], optIn: false });
    expect(u.introduction?.reason).toMatch(/invests in early-stage climate tools/);
    expect(u.occurredAt).toBe(Date.parse("2026-11-23T09:42:05-08:00"));
    // What Sam wrote, without his signature.
    expect(u.text.startsWith("Ana, meet Ben.")).toBe(true);
    expect(u.text).not.toMatch(/^-- ?$/m);
  });

  it("a forwarded introduction of Sam: Ana to thank, Carla introduced, and both texts in the note", async () => {
    const u = read(await parseEmail(fixtures.gmailForwardedIntro));
    expect(u.kind).toBe("introduction");
    expect(u.people).toEqual([
      { ...ANA, role: "introducer" },
      { ...CARLA, role: "introduced" },
    ]);
    expect(u.introduction).toMatchObject({ introducer: ANA, people: [SAM, CARLA], optIn: false });
    expect(u.text).toMatch(/^Ana introduced me to Carla — logging it here\./);
    expect(u.text).toContain(`${FORWARDED_SEPARATOR} from Ana Lima ----------\nHi Sam, hi Carla,`);
  });

  it("a double opt-in: the person asked is introduced, the one named without an address only mentioned", async () => {
    const u = read(await parseEmail(fixtures.gmailDoubleOptIn));
    expect(u.kind).toBe("introduction");
    expect(u.introduction?.optIn).toBe(true);
    expect(u.people).toEqual([
      { ...DEV, role: "introduced" },
      { name: "Ben Cho", address: null, role: "mentioned" },
    ]);
  });

  it("forwarded notes: the forwarded message's people, Priya's words and Dev's read as each author's", async () => {
    const priya = { name: "Priya Natarajan", address: USERS.priya, timeZone: "Europe/London" };
    const { calls, extractSignals } = recorder();
    const u = understand({
      email: await parseEmail(fixtures.outlookForwardedNotes),
      addressing: addressingFor(USERS.priya),
      user: priya,
      now: NOW,
      extractSignals,
    });
    expect(u.kind).toBe("forwarded");
    expect(u.people).toEqual([
      { ...DEV, role: "from" },
      { name: "Farah Haddad", address: "farah@greenloop.org", role: "cc" },
    ]);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ authorIsUser: true, author: { address: USERS.priya }, userName: "Priya Natarajan", timeZone: "Europe/London" });
    expect(calls[0]?.text).toMatch(/^Notes from my call with Dev this afternoon/);
    expect(calls[1]).toMatchObject({ authorIsUser: false, author: DEV, timeZone: "Europe/London" });
    expect(calls[1]?.text).toMatch(/^Hi Priya,/);
    for (const call of calls) {
      expect(call.sentAt.getTime()).toBe(u.occurredAt);
      expect(call.people).toEqual(u.people);
    }
  });

  it("an invite: its attendees, but not the user who organised it", async () => {
    const kim = { name: "Kim Schäfer", address: USERS.kim, timeZone: "Europe/Berlin" };
    const u = understand({ email: await parseEmail(fixtures.thunderbirdInvite), addressing: addressingFor(USERS.kim), user: kim, now: NOW });
    expect(u.kind).toBe("invite");
    expect(u.invite?.start).toBe(Date.UTC(2026, 11, 3, 14));
    expect(u.people).toEqual([
      { name: "Elena Voss", address: "elena.voss@tu-berlin.de", role: "attendee" },
      { name: "Greg", address: "greg@acme-corp.com", role: "attendee" },
    ]);
  });

  it("a thread BCC'd to a reminder address: a follow-up with the person it was to", async () => {
    // It arrives a few seconds after Sam sent it, on Tuesday 24 November at 10:15 in Los Angeles.
    const arrival = Date.UTC(2026, 10, 24, 18, 15, 30);
    const u = read(await parseEmail(fixtures.gmailFollowUp3d), { addressing: samAddressing("tend+3d@tend.example"), now: arrival });
    expect(u.kind).toBe("reminder");
    expect(u.people).toEqual([{ ...DEV, role: "to" }]);
    // Three days later, at 09:00 in Los Angeles.
    expect(u.classification.reminder?.at).toBe(Date.UTC(2026, 10, 27, 17));
  });

  it("notes with a private line: the line is understood, and marked private", async () => {
    const u = read(await parseEmail(fixtures.gmailNotesToTend), { extractSignals: defaultSignalExtractor });
    expect(u.kind).toBe("notes");
    const secret = u.signals.filter((s) => s.private);
    expect(secret).toHaveLength(1);
    expect(secret[0]?.sentence).toMatch(/mother is ill/);
    expect(u.signals.filter((s) => !s.private).map((s) => s.sentence).join(" ")).not.toMatch(/mother/);
  });

  it("a lone #private line above a forwarded introduction: logged, every signal private, no reason quoted", async () => {
    const email = await parseEmail(fixtures.gmailForwardedIntro);
    const u = read({ ...email, text: `#private\n\n${email.text}` }, { extractSignals: defaultSignalExtractor });
    expect(u.kind).toBe("introduction");
    expect(u.introduction).toMatchObject({ introducer: ANA, people: [SAM, CARLA], reason: "" });
    expect(u.signals.length).toBeGreaterThan(0);
    expect(u.signals.every((s) => s.private)).toBe(true);
  });

  it("keeps the #private line in a note cut at MAX_NOTE_CHARS, for the AI reading that reads the note later", () => {
    const long = `${"Ana is hiring a designer. ".repeat(Math.ceil(MAX_NOTE_CHARS / 20))}\n#private`;
    const u = read(buildEmail({ text: long }));
    expect(u.text.length).toBeLessThan(long.length);
    expect(u.text.endsWith("\n#private")).toBe(true);
  });

  it("makes no contact of an address written in confidence", () => {
    const u = read(buildEmail({ text: "Coffee with Ana Lima <ana@lumen.studio>.\nprivate: her therapist is Rui <rui@clinic.example>." }));
    expect(u.people.map((p) => p.address)).toEqual([ANA.address]);
  });
});

describe("understand: people", () => {
  it("names To as to and Cc as cc, and leaves out the user and every form of Tend's address", () => {
    const u = read(buildEmail({ to: [ANA, SAM], cc: [BEN, { name: null, address: "tend+r.x.y@tend.example" }, TEND] }));
    expect(u.kind).toBe("thread");
    expect(u.people).toEqual([
      { ...ANA, role: "to" },
      { ...BEN, role: "cc" },
    ]);
  });

  it("adds people written into the text with their address, and the known contacts the caller found", () => {
    const u = read(
      buildEmail({ text: "Lunch with Ana Lima <ana@lumen.studio>. Write to me at sam.rivera@gmail.com or tend+2w@tend.example." }),
      { knownPeople: [{ name: "Dev Patel", address: DEV.address, role: "mentioned" }] },
    );
    expect(u.people).toEqual([
      { ...ANA, role: "mentioned" },
      { ...DEV, role: "mentioned" },
    ]);
  });

  it("keeps the more telling role and the better name when one person appears twice", () => {
    const u = read(buildEmail({ to: [{ name: null, address: ANA.address }], cc: [TEND], text: "Thanks, Ana Lima (ana@lumen.studio)." }));
    expect(u.people).toEqual([{ ...ANA, role: "to" }]);
  });

  it("reads a forward of the user's own mail as the user's words", () => {
    const { calls, extractSignals } = recorder();
    const text = [
      "Logging this.",
      "",
      "---------- Forwarded message ---------",
      "From: Sam Rivera <sam.rivera@gmail.com>",
      "Date: Mon, Nov 23, 2026 at 9:15 AM",
      "Subject: Deck",
      "To: Dev Patel <dev@patel.io>",
      "",
      "Hi Dev, I'll send you the deck by Friday.",
    ].join("\n");
    const u = read(buildEmail({ subject: "Fwd: Deck", text }), { extractSignals });
    expect(u.kind).toBe("forwarded");
    expect(u.people).toEqual([{ ...DEV, role: "to" }]);
    expect(calls.map((c) => c.authorIsUser)).toEqual([true, true]);
  });
});

describe("understand: time and text", () => {
  it("dates the message by its Date header, never later than its arrival", () => {
    const sent = NOW - 3_600_000;
    expect(read(buildEmail({ date: sent })).occurredAt).toBe(sent);
    // A sender's clock running ahead does not put the message in the future.
    expect(read(buildEmail({ date: NOW + 86_400_000 })).occurredAt).toBe(NOW);
    expect(read(buildEmail({ date: null })).occurredAt).toBe(NOW);
  });

  it("reads dates in the text in the user's zone, across midnight", async () => {
    // 23:30 on Sunday 22 November in Los Angeles, 08:30 on Monday in Berlin.
    const raw = inlineMessage({ date: "Sun, 22 Nov 2026 23:30:00 -0800", messageId: "<late@mail.gmail.com>", body: "Met Dev. I'll send Dev the deck tomorrow." });
    const email = await parseEmail(raw);
    const due = (timeZone: string) =>
      understand({ email, addressing: samAddressing(), user: { ...SAM, timeZone }, now: NOW, extractSignals: defaultSignalExtractor }).signals.find(
        (s) => s.kind === "promise",
      )?.due;
    expect(due(LA)).toBe("2026-11-23");
    expect(due("Europe/Berlin")).toBe("2026-11-24");
  });

  it("takes the user as the author when the From header is unreadable", () => {
    expect(read(buildEmail({ from: null })).from).toEqual(SAM);
  });

  it("keeps only what the author wrote, without the quoted history", () => {
    const text = "Sounds good, see you Friday.\n\nOn Mon, Nov 23, 2026 at 9:15 AM Ana Lima <ana@lumen.studio> wrote:\n> Shall we meet on Friday?\n> I'll bring the deck.";
    const { calls, extractSignals } = recorder();
    const u = read(buildEmail({ to: [ANA], cc: [TEND], subject: "Re: Friday", text }), { extractSignals });
    expect(u.text).toBe("Sounds good, see you Friday.");
    expect(calls.map((c) => c.text)).toEqual(["Sounds good, see you Friday."]);
  });

  it("cuts a very long note, and says it was cut", () => {
    const u = read(buildEmail({ text: "word ".repeat(MAX_NOTE_CHARS) }));
    expect(u.text).toHaveLength(MAX_NOTE_CHARS + 1);
    expect(u.text.endsWith("…")).toBe(true);
  });

  it("reads no signals without an extractor, and nothing from an empty mail", () => {
    const u = read(buildEmail({ subject: "", text: "" }));
    expect(u).toMatchObject({ kind: "notes", people: [], text: "", signals: [], introduction: null, forwarded: null, invite: null });
  });

  it("passes on what the address did not say", () => {
    const u = read(buildEmail(), { addressing: samAddressing("tend+someday@tend.example") });
    expect(u.notUnderstood).toEqual([expect.stringContaining("tend+someday@tend.example does not name a time")]);
  });

  it("an introduction sent to a reminder address stays a follow-up, and keeps the introduction", () => {
    const u = read(
      buildEmail({ to: [ANA, BEN], cc: [{ name: null, address: "tend+2w@tend.example" }], subject: "Ana <> Ben", text: "Ana, meet Ben. Ben, meet Ana. You both care about climate data." }),
      { addressing: samAddressing("tend+2w@tend.example") },
    );
    expect(u.kind).toBe("reminder");
    expect(u.introduction?.people).toEqual([ANA, BEN]);
    expect(u.people.map((p) => p.role)).toEqual(["introduced", "introduced"]);
  });

  // A forward sent to a reminder address keeps its forwarded block, so the
  // original author's promise is never read as the user's.
  it("a forward sent to a reminder address keeps the original author's words theirs", () => {
    const text = gmailForwardFromDev("Remind me.", "Hi Sam, I will send the pricing deck by Friday.");
    const u = read(buildEmail({ subject: "Fwd: Pricing", text }), { addressing: samAddressing("tend+3d@tend.example"), extractSignals: defaultSignalExtractor });
    expect(u.people).toEqual([{ ...DEV, role: "from" }]);
    expect(u.signals.filter((s) => s.aboutUser && s.kind === "promise")).toEqual([]);
  });
});
