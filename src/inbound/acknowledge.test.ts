import { describe, expect, it } from "vitest";
import { ANA, BEN, DEV, SAM, TEND } from "../../test/helpers/build-email.ts";
import { buildSignal, buildUnderstanding } from "../../test/helpers/build-understanding.ts";
import { HOUR_MS, type Participant } from "../model.ts";
import { composeAcknowledgement, composeNotice } from "./acknowledge.ts";
import type { ReminderTime } from "./reminder-address.ts";
import { planLog } from "./plan-log.ts";
import type { Understanding } from "./understand.ts";

// Sam wrote on Wednesday 18 November 2026 at 09:00 in Los Angeles; Tend answers an hour later.
const OCCURRED = Date.UTC(2026, 10, 18, 17);
const NOW = OCCURRED + HOUR_MS;
const LA = "America/Los_Angeles";
const USER = { id: "u1", address: SAM.address, name: SAM.name, timeZone: LA };
const REPLY_TO = "tend+n.i1.0a1b2c3d4e5f@tend.example";
const CARLA = { name: "Carla Mendes", address: "carla@mendes.design" };
const SECRET = "Ana's mother is ill";

function acknowledge(
  overrides: Partial<Understanding>,
  options: { reminder?: ReminderTime; truncated?: boolean; replyTo?: string | null; timeZone?: string; now?: number } = {},
) {
  const understanding = buildUnderstanding({ occurredAt: OCCURRED, ...overrides });
  const timeZone = options.timeZone ?? LA;
  const now = options.now ?? NOW;
  let n = 0;
  const plan = planLog({
    userId: USER.id,
    understanding,
    reminder: options.reminder ?? null,
    existing: [],
    keys: ["<m1@mail.gmail.com>"],
    timeZone,
    now,
    newId: () => `id${++n}`,
  });
  return composeAcknowledgement({
    understanding,
    plan,
    user: { ...USER, timeZone },
    tend: TEND,
    replyTo: options.replyTo === undefined ? REPLY_TO : options.replyTo,
    truncated: options.truncated ?? false,
    now,
  });
}

function person(mailbox: { name: string | null; address: string | null }, role: Participant["role"]): Participant {
  return { ...mailbox, role };
}

describe("composeAcknowledgement", () => {
  it("says what was logged, about whom, numbers what it understood, and how to correct it", () => {
    const mail = acknowledge({
      subject: "Coffee with Ana",
      people: [person(ANA, "mentioned"), person({ name: "Ben Cho", address: null }, "mentioned"), person({ name: null, address: "rui@lumen.studio" }, "mentioned")],
      signals: [
        buildSignal({ person: ANA, due: "2026-11-20" }),
        buildSignal({ kind: "need", aboutUser: false, person: { name: "Ben Cho", address: null }, text: "Ben is hiring a designer" }),
        buildSignal({ kind: "interest", aboutUser: false, text: "#climate", tag: "climate" }),
      ],
    });
    expect(mail.text).toBe(
      [
        "Logged your notes from Wed 18 Nov.",
        "People: Ana Lima <ana@lumen.studio>, Ben Cho, rui@lumen.studio.",
        "",
        "What I understood:",
        "1. You promised (Ana Lima): I'll send Ana the hiring guide by Friday. — by Fri 20 Nov",
        "2. Need (Ben Cho): Ben is hiring a designer",
        "3. Interest: #climate",
        "I'll remind you on Fri 20 Nov: I'll send Ana the hiring guide by Friday.",
        "",
        "If I got one wrong, reply “wrong 2” (its number). Anything else you write back is kept as a note.",
        "",
        "— Tend",
      ].join("\n"),
    );
  });

  it("is a threaded reply to the user, from Tend, that corrections can answer", () => {
    const mail = acknowledge({ subject: "Coffee with Ana", messageId: "<m1@mail.gmail.com>" });
    expect(mail).toMatchObject({
      kind: "acknowledgement",
      userId: "u1",
      from: TEND,
      to: { name: SAM.name, address: SAM.address },
      replyTo: REPLY_TO,
      subject: "Re: Coffee with Ana",
      inReplyTo: "<m1@mail.gmail.com>",
      references: [],
    });
    expect(acknowledge({}, { replyTo: null })).not.toHaveProperty("replyTo");
  });

  it("does not stack reply prefixes, and names a subjectless message", () => {
    expect(acknowledge({ subject: "RE: Pricing" }).subject).toBe("RE: Pricing");
    expect(acknowledge({ subject: "" }).subject).toBe("Logged by Tend");
  });

  it.each([
    ["notes", "Logged your notes from Wed 18 Nov."],
    ["forwarded", "Logged the forwarded message from Wed 18 Nov."],
    ["invite", "Logged the invite from Wed 18 Nov."],
    ["reminder", "Logged this thread from Wed 18 Nov."],
  ] as const)("names a %s for what it is", (kind, first) => {
    expect(acknowledge({ kind }).text.split("\n")[0]).toBe(first);
  });

  it("never quotes a private signal, only says it was kept", () => {
    const mail = acknowledge({
      signals: [
        buildSignal({ kind: "life_event", aboutUser: false, person: ANA, text: SECRET, sentence: `private: ${SECRET}, so she flies to Lisbon a lot.`, private: true }),
      ],
    });
    expect(mail.text).toContain("1. Life event (Ana Lima): kept private; not quoted here or in digests");
    expect(mail.text).not.toContain("mother");
    expect(mail.text).not.toContain("Lisbon");
  });

  // The "I'll remind you on …" line would print the task's title, which
  // planSignals copies from the signal's text.
  it("does not quote a private promise in its reminder line either", () => {
    const mail = acknowledge({
      signals: [buildSignal({ text: "I'll call Ana's mother's oncologist friend by Friday.", due: "2026-11-20", private: true })],
    });
    expect(mail.text).toContain("1. You promised: kept private; not quoted here or in digests — by Fri 20 Nov");
    expect(mail.text).toContain("I'll remind you on Fri 20 Nov: something you noted in confidence");
    expect(mail.text).not.toContain("oncologist");
  });

  it("writes days in the user's zone: late evening in Los Angeles is already tomorrow in UTC", () => {
    // 22:00 on Wednesday in Los Angeles, 06:00 on Thursday in UTC.
    const lateEvening = Date.UTC(2026, 10, 19, 6);
    const options = { now: lateEvening + HOUR_MS };
    const signals = [buildSignal({ due: "2026-11-20" })];
    const text = acknowledge({ occurredAt: lateEvening, signals }, options).text;
    expect(text.split("\n")[0]).toBe("Logged your notes from Wed 18 Nov.");
    expect(text).toContain("1. You promised: I'll send Ana the hiring guide by Friday. — by Fri 20 Nov");
    expect(acknowledge({ occurredAt: lateEvening }, { ...options, timeZone: "UTC" }).text.split("\n")[0]).toBe("Logged your notes from Thu 19 Nov.");
  });

  it("writes the year of a date in another year", () => {
    const mail = acknowledge({ signals: [buildSignal({ due: "2027-01-05" })] });
    expect(mail.text).toContain("— by Tue 5 Jan 2027");
    expect(mail.text).toContain("I'll remind you on Tue 5 Jan 2027: ");
  });

  it("does not promise a reminder for a date already past, nor for waiting on someone", () => {
    const mail = acknowledge({
      signals: [
        buildSignal({ due: "2026-11-16", text: "I'll send the deck by Monday." }),
        buildSignal({ kind: "waiting_on", aboutUser: false, person: DEV, text: "Dev sends the beta invite", due: "2026-12-07" }),
      ],
    });
    expect(mail.text).toContain("1. You promised: I'll send the deck by Monday. — by Mon 16 Nov");
    expect(mail.text).toContain("2. Waiting on (Dev Patel): Dev sends the beta invite — by Mon 7 Dec");
    expect(mail.text).not.toContain("I'll remind you");
  });

  it("tells when a reminder address will bring the thread back, at what local time", () => {
    const reminder = { at: Date.UTC(2026, 10, 21, 17), label: "3d" };
    const mail = acknowledge({ kind: "reminder", subject: "Beta?", people: [person(DEV, "to")] }, { reminder });
    expect(mail.text).toContain("\n\nI'll remind you about this thread on Sat 21 Nov, 09:00 (America/Los_Angeles).");
    // The day clocks went back: still 09:00 on the user's clock.
    const overDst = acknowledge({ kind: "reminder", occurredAt: Date.UTC(2026, 9, 29, 16) }, { reminder: { at: Date.UTC(2026, 10, 1, 17), label: "sunday" }, now: Date.UTC(2026, 9, 29, 17) });
    expect(overDst.text).toContain("I'll remind you about this thread on Sun 1 Nov, 09:00 (America/Los_Angeles).");
  });

  it("says nothing about corrections when it understood nothing to correct", () => {
    const mail = acknowledge({ people: [person(ANA, "to")], signals: [] });
    expect(mail.text).not.toContain("What I understood");
    expect(mail.text).not.toContain("wrong");
    expect(mail.text).toBe(["Logged your notes from Wed 18 Nov.", "People: Ana Lima <ana@lumen.studio>.", "", "— Tend"].join("\n"));
  });

  it("lists what it did not understand, and that a large message was cut", () => {
    const problem = "The address tend+someday@tend.example does not name a time I understand (try +3d, +2w, +friday or +2027-01-15), so I set no reminder.";
    const mail = acknowledge({ notUnderstood: [problem] }, { truncated: true });
    expect(mail.text).toContain(
      [
        "Not understood:",
        `- ${problem}`,
        "- Your message was larger than 1 MiB, so I read only its first part; attachments beyond it were skipped.",
      ].join("\n"),
    );
  });

  describe("introductions", () => {
    it("the user introduced two people: when it will ask whether they connected, and why", () => {
      const mail = acknowledge({
        kind: "introduction",
        people: [person(ANA, "introduced"), person(BEN, "introduced")],
        introduction: { introducer: SAM, people: [ANA, BEN], reason: "Ben invests in climate tools.", optIn: false },
      });
      expect(mail.text).toContain("Logged the introduction from Wed 18 Nov.");
      expect(mail.text).toContain("\n\nYou introduced Ana Lima and Ben Cho. On Wed 2 Dec I'll ask whether they connected.\nWhy: “Ben invests in climate tools.”");
    });

    it("someone introduced the user: whom to thank, and when", () => {
      const mail = acknowledge({
        kind: "introduction",
        people: [person(ANA, "introducer"), person(CARLA, "introduced")],
        introduction: { introducer: ANA, people: [SAM, CARLA], reason: "", optIn: false },
      });
      expect(mail.text).toContain("Ana Lima introduced you to Carla Mendes. On Wed 2 Dec I'll remind you to tell Ana Lima how it went.");
      expect(mail.text).not.toContain("Why:");
    });

    it("a double opt-in: whom the user asked, about whom, and a check a week later", () => {
      const benByName = { name: "Ben Cho", address: null };
      const mail = acknowledge({
        kind: "introduction",
        people: [person(DEV, "introduced"), person(benByName, "mentioned")],
        introduction: { introducer: SAM, people: [DEV, benByName], reason: "Ben invests in tools for climate teams.", optIn: true },
      });
      expect(mail.text).toContain("You asked Dev Patel about an introduction to Ben Cho. I'll check on Wed 25 Nov whether to make it.");
    });
  });
});

describe("composeNotice", () => {
  it("says why nothing was logged, and that nothing was kept", () => {
    const mail = composeNotice({
      user: { id: "u1", address: SAM.address, name: SAM.name },
      tend: TEND,
      subject: "",
      inReplyTo: "<m9@mail.gmail.com>",
      problems: ["I found no people and no text in it."],
    });
    expect(mail).toEqual({
      kind: "notice",
      userId: "u1",
      from: TEND,
      to: { name: SAM.name, address: SAM.address },
      subject: "Logged by Tend",
      text: [
        "I could not log this message:",
        "- I found no people and no text in it.",
        "",
        "Nothing from it was stored. Forward notes, CC me on an introduction, or write “help” to see what I understand.",
        "",
        "— Tend",
      ].join("\n"),
      inReplyTo: "<m9@mail.gmail.com>",
    });
  });

  it("answers in the thread it was sent in", () => {
    const mail = composeNotice({ user: { id: "u1", address: SAM.address, name: null }, tend: TEND, subject: "Re: Pricing", inReplyTo: null, problems: [] });
    expect(mail.subject).toBe("Re: Pricing");
    expect(mail.to).toEqual({ name: null, address: SAM.address });
  });
});

