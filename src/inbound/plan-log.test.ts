import { describe, expect, it } from "vitest";
import { ANA, BEN, DEV, SAM } from "../../test/helpers/build-email.ts";
import { buildSignal, buildUnderstanding } from "../../test/helpers/build-understanding.ts";
import type { KnownContact } from "../db/contacts.ts";
import { DEFAULT_CHECK_IN_DAYS } from "../domain/cadence.ts";
import { DAY_MS, HOUR_MS, type Participant, type Signal } from "../model.ts";
import { INTRODUCTION_FOLLOW_UP_DAYS, OPT_IN_FOLLOW_UP_DAYS, type LogPlanInput, planLog, planSignals } from "./plan-log.ts";
import type { Understanding } from "./understand.ts";

// Sam wrote on Wednesday 18 November 2026 at 09:00 in Los Angeles; Tend reads it an hour later.
const OCCURRED = Date.UTC(2026, 10, 18, 17);
const NOW = OCCURRED + HOUR_MS;
const LA = "America/Los_Angeles";
const CARLA = { name: "Carla Mendes", address: "carla@mendes.design" };

function counter(): () => string {
  let n = 0;
  return () => `id${++n}`;
}

function known(id: string, overrides: Partial<KnownContact> = {}): KnownContact {
  return {
    id,
    address: null,
    name: null,
    nameQuality: 0,
    nameKey: null,
    firstNameKey: null,
    lastInteractionAt: null,
    learnedCadenceDays: null,
    cadenceDays: null,
    ...overrides,
  };
}

const ANA_KNOWN = known("ana", {
  address: ANA.address,
  name: "Ana Lima",
  nameQuality: 3,
  nameKey: "ana lima",
  firstNameKey: "ana",
  lastInteractionAt: OCCURRED - 30 * DAY_MS,
});

function plan(understanding: Partial<Understanding>, input: Partial<LogPlanInput> = {}) {
  return planLog({
    userId: "u1",
    understanding: buildUnderstanding({ occurredAt: OCCURRED, ...understanding }),
    reminder: null,
    existing: [],
    keys: ["<m1@mail.gmail.com>"],
    timeZone: LA,
    now: NOW,
    newId: counter(),
    ...input,
  });
}

function person(mailbox: { name: string | null; address: string | null }, role: Participant["role"]): Participant {
  return { ...mailbox, role };
}

/** The contact id the plan gave an address (or, for a name-only person, a name). */
function idOf(p: ReturnType<typeof plan>, who: { name: string | null; address: string | null }): string {
  const found = p.contacts.find((c) => (who.address ? c.address === who.address : c.name?.value === who.name));
  if (!found) throw new Error(`no contact for ${who.address ?? who.name}`);
  return found.id;
}

/** When a promise due on `due` falls, for a user in `timeZone`. */
function dueAt(due: string, timeZone: string): number | null | undefined {
  return plan({ signals: [buildSignal({ due })] }, { timeZone }).signals[0]?.dueAt;
}

describe("planLog: the interaction", () => {
  it("records what happened, when, under the message's keys", () => {
    const p = plan({ kind: "notes", subject: "Coffee", text: "Coffee with Ana.", messageId: "<m1@x>" }, { keys: ["<m1@x>", "content:abc:2026-11-18"] });
    expect(p).toMatchObject({
      userId: "u1",
      keys: ["<m1@x>", "content:abc:2026-11-18"],
      kind: "notes",
      interaction: { id: expect.any(String), kind: "notes", subject: "Coffee", occurredAt: OCCURRED, messageId: "<m1@x>", note: "Coffee with Ana." },
      threadMessageId: "<m1@x>",
      now: NOW,
    });
  });

  it.each(["introduction", "forwarded", "invite", "notes", "thread", "reminder"] as const)("logs a %s as that kind of interaction", (kind) => {
    expect(plan({ kind }).interaction.kind).toBe(kind);
  });

  it("plans nothing else for a message about no one that says nothing", () => {
    const p = plan({ people: [], signals: [], text: "" });
    expect(p).toMatchObject({ contacts: [], participants: [], introduction: null, signals: [], tasks: [] });
  });

  it("gives every row its own id", () => {
    const p = plan({
      people: [person(ANA, "to"), person(BEN, "cc")],
      signals: [buildSignal({ person: ANA, due: "2026-11-20" }), buildSignal({ kind: "need", aboutUser: false, person: BEN, text: "Ben is hiring" })],
    });
    const ids = [p.interaction.id, ...p.contacts.map((c) => c.id), ...p.signals.map((s) => s.id), ...p.tasks.map((t) => t.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("planLog: contacts", () => {
  it("makes a new contact of a new address, named, with a check-in clock started at the message", () => {
    const p = plan({ kind: "thread", people: [person(ANA, "to")] });
    expect(p.contacts).toEqual([
      {
        id: expect.any(String),
        isNew: true,
        address: ANA.address,
        name: { value: "Ana Lima", quality: 3, nameKey: "ana lima", firstNameKey: "ana" },
        touch: { at: OCCURRED, learnedCadenceDays: null, nextCheckInAt: OCCURRED + DEFAULT_CHECK_IN_DAYS * DAY_MS },
      },
    ]);
    expect(p.participants).toEqual([{ contactId: idOf(p, ANA), role: "to" }]);
  });

  it("reuses a known address, learns the rhythm from the gap, and keeps a better stored name", () => {
    const p = plan({ kind: "thread", people: [{ name: "ana", address: ANA.address, role: "to" }] }, { existing: [ANA_KNOWN] });
    expect(p.contacts).toEqual([
      { id: "ana", isNew: false, address: ANA.address, name: null, touch: { at: OCCURRED, learnedCadenceDays: 30, nextCheckInAt: OCCURRED + 30 * DAY_MS } },
    ]);
    expect(p.participants).toEqual([{ contactId: "ana", role: "to" }]);
  });

  it("upgrades a known contact's name only for a better one", () => {
    const greg = known("greg", { address: "greg@acme-corp.com", name: "Greg", nameQuality: 2, nameKey: "greg", firstNameKey: "greg" });
    const p = plan({ people: [{ name: "Greg Miller", address: "greg@acme-corp.com", role: "cc" }] }, { existing: [greg] });
    expect(p.contacts[0]?.name).toEqual({ value: "Greg Miller", quality: 3, nameKey: "greg miller", firstNameKey: "greg" });
  });

  it("blends a learned rhythm with the new gap, and the user's own rhythm sets the next check-in", () => {
    const ben = known("ben", { address: BEN.address, lastInteractionAt: OCCURRED - 30 * DAY_MS, learnedCadenceDays: 21, cadenceDays: 10 });
    const p = plan({ people: [person(BEN, "from")] }, { existing: [ben] });
    // 0.7 × 21 + 0.3 × 30 = 23.7 days.
    expect(p.contacts[0]?.touch).toEqual({ at: OCCURRED, learnedCadenceDays: 24, nextCheckInAt: OCCURRED + 10 * DAY_MS });
  });

  it("does not move anyone's clock back for a message older than their last interaction", () => {
    const later = { ...ANA_KNOWN, lastInteractionAt: OCCURRED + DAY_MS };
    const p = plan({ kind: "forwarded", people: [person(ANA, "from")] }, { existing: [later] });
    expect(p.contacts[0]?.touch).toBeNull();
    expect(p.participants).toEqual([{ contactId: "ana", role: "from" }]);
  });

  it("a mention is not being in touch: no clock for a mentioned person", () => {
    const p = plan({ people: [person({ name: "Ben Cho", address: null }, "mentioned")] });
    expect(p.contacts).toEqual([
      { id: expect.any(String), isNew: true, address: null, name: { value: "Ben Cho", quality: 3, nameKey: "ben cho", firstNameKey: "ben" }, touch: null },
    ]);
    expect(p.participants).toEqual([{ contactId: p.contacts[0]?.id, role: "mentioned" }]);
  });

  it("finds a person without an address by full name, or by a first name only one contact has", () => {
    const ben = known("ben", { name: "Ben Cho", nameQuality: 3, nameKey: "ben cho", firstNameKey: "ben" });
    expect(plan({ people: [person({ name: "Ana Lima", address: null }, "mentioned")] }, { existing: [ANA_KNOWN, ben] }).contacts[0]?.id).toBe("ana");
    expect(plan({ people: [person({ name: "Ben", address: null }, "mentioned")] }, { existing: [ANA_KNOWN, ben] }).contacts[0]?.id).toBe("ben");
  });

  it("does not guess between two contacts with the same first name, nor match a different full name", () => {
    const anaSouza = known("ana2", { name: "Ana Souza", nameQuality: 3, nameKey: "ana souza", firstNameKey: "ana" });
    const shared = plan({ people: [person({ name: "Ana", address: null }, "mentioned")] }, { existing: [ANA_KNOWN, anaSouza] });
    expect(shared.contacts[0]).toMatchObject({ isNew: true, name: { value: "Ana", quality: 2 } });
    const other = plan({ people: [person({ name: "Ana Pereira", address: null }, "mentioned")] }, { existing: [ANA_KNOWN] });
    expect(other.contacts[0]?.isNew).toBe(true);
  });
});

describe("planLog: introductions", () => {
  it("the user introducing two people: no introducer contact, both people, ask in two weeks", () => {
    const p = plan({
      kind: "introduction",
      people: [person(ANA, "introduced"), person(BEN, "introduced")],
      introduction: { introducer: SAM, people: [ANA, BEN], reason: "Ben invests in climate tools.", optIn: false },
    });
    expect(p.introduction).toEqual({
      id: expect.any(String),
      introducerContactId: null,
      personAContactId: idOf(p, ANA),
      personBContactId: idOf(p, BEN),
      reason: "Ben invests in climate tools.",
      optIn: false,
      followUpAt: OCCURRED + INTRODUCTION_FOLLOW_UP_DAYS * DAY_MS,
    });
  });

  it("the user being introduced: the introducer to thank, and the one person they met", () => {
    const p = plan({
      kind: "introduction",
      people: [person(ANA, "introducer"), person(CARLA, "introduced")],
      introduction: { introducer: ANA, people: [SAM, CARLA], reason: "Carla's studio has room from January.", optIn: false },
    });
    expect(p.introduction).toMatchObject({
      introducerContactId: idOf(p, ANA),
      personAContactId: idOf(p, CARLA),
      personBContactId: null,
      followUpAt: OCCURRED + INTRODUCTION_FOLLOW_UP_DAYS * DAY_MS,
    });
  });

  it("a double opt-in: the person asked, the person named without an address, and a check a week later", () => {
    const benByName = { name: "Ben Cho", address: null };
    const p = plan({
      kind: "introduction",
      people: [person(DEV, "introduced"), person(benByName, "mentioned")],
      introduction: { introducer: SAM, people: [DEV, benByName], reason: "Ben invests in tools for climate teams.", optIn: true },
    });
    expect(p.introduction).toMatchObject({
      introducerContactId: null,
      personAContactId: idOf(p, DEV),
      personBContactId: idOf(p, benByName),
      optIn: true,
      followUpAt: OCCURRED + OPT_IN_FOLLOW_UP_DAYS * DAY_MS,
    });
  });
});

describe("planLog: signals and tasks", () => {
  it("ties a signal to its person by address, or by a first name only one person in the message has", () => {
    const p = plan({
      people: [person(ANA, "to"), person(BEN, "cc")],
      signals: [
        buildSignal({ kind: "need", aboutUser: false, person: BEN, text: "Ben is hiring" }),
        buildSignal({ kind: "offer", aboutUser: false, person: { name: "Ana", address: null }, text: "Ana can review decks" }),
        buildSignal({ kind: "interest", aboutUser: false, person: null, text: "#climate", tag: "climate" }),
      ],
    });
    expect(p.signals.map((s) => s.contactId)).toEqual([idOf(p, BEN), idOf(p, ANA), null]);
    expect(p.signals[2]).toMatchObject({ kind: "interest", tag: "climate", aboutUser: false, private: false });
  });

  it("leaves a first name two people in the message share unresolved", () => {
    const anaSouza = { name: "Ana Souza", address: "ana@souza.pt" };
    const p = plan({
      people: [person(ANA, "to"), person(anaSouza, "to")],
      signals: [buildSignal({ kind: "need", aboutUser: false, person: { name: "Ana", address: null }, text: "Ana needs a designer" })],
    });
    expect(p.signals[0]?.contactId).toBeNull();
  });

  it("a promise with a date is due, and reminded, at 09:00 that day in the user's zone", () => {
    const p = plan({ people: [person(ANA, "to")], signals: [buildSignal({ person: ANA, due: "2026-11-20" })] });
    const due = Date.UTC(2026, 10, 20, 17);
    expect(p.signals[0]).toMatchObject({ kind: "promise", aboutUser: true, contactId: idOf(p, ANA), dueAt: due });
    expect(p.tasks).toEqual([
      { id: expect.any(String), kind: "promise", title: "I'll send Ana the hiring guide by Friday.", contactId: idOf(p, ANA), signalId: p.signals[0]?.id, dueAt: due, dueStartAt: null, remindAt: due },
    ]);
  });

  it("a day east of UTC starts the evening before in UTC", () => {
    const p = plan({ signals: [buildSignal({ due: "2026-11-20" })] }, { timeZone: "Pacific/Auckland" });
    // 09:00 on Friday in Auckland (UTC+13) is 20:00 on Thursday in UTC.
    expect(p.signals[0]?.dueAt).toBe(Date.UTC(2026, 10, 19, 20));
  });

  it("keeps 09:00 local across a DST change", () => {
    expect(dueAt("2026-10-31", LA)).toBe(Date.UTC(2026, 9, 31, 16));
    expect(dueAt("2026-11-01", LA)).toBe(Date.UTC(2026, 10, 1, 17));
    expect(dueAt("2027-03-27", "Europe/Berlin")).toBe(Date.UTC(2027, 2, 27, 8));
    expect(dueAt("2027-03-28", "Europe/Berlin")).toBe(Date.UTC(2027, 2, 28, 7));
  });

  it("a task without a date has no due date, and is not reminded: nobody said when", () => {
    const p = plan({ signals: [buildSignal({ kind: "ask", aboutUser: false, text: "Could you intro me to Ben?", due: null })] });
    expect(p.signals[0]).toMatchObject({ dueAt: null, dueStartAt: null, dueEndAt: null, duePrecision: null });
    expect(p.tasks[0]).toMatchObject({ kind: "ask", dueAt: null, remindAt: null });
  });

  it("a range is due at its end, reminded at its start, and kept whole on the signal", () => {
    const dueRange = { start: "2026-12-07", end: "2026-12-11", precision: "week" as const, text: "the week of December 7" };
    const p = plan({ signals: [buildSignal({ due: "2026-12-11", dueRange })] });
    const start = Date.UTC(2026, 11, 7, 17);
    const end = Date.UTC(2026, 11, 11, 17);
    expect(p.signals[0]).toMatchObject({ dueAt: end, dueStartAt: start, dueEndAt: end, duePrecision: "week", dueText: "the week of December 7" });
    expect(p.tasks[0]).toMatchObject({ dueAt: end, dueStartAt: start, remindAt: start });
  });

  it("a life event's range is dated from its start", () => {
    const dueRange = { start: "2027-01-01", end: "2027-04-30", precision: "vague" as const, text: "early next year" };
    const p = plan({ signals: [buildSignal({ kind: "life_event", aboutUser: false, person: ANA, due: "2027-01-01", dueRange, tone: "good" })], people: [person(ANA, "to")] });
    expect(p.signals[0]).toMatchObject({ dueAt: Date.UTC(2027, 0, 1, 17), dueEndAt: Date.UTC(2027, 3, 30, 16), tone: "good" });
    expect(p.tasks).toEqual([]);
  });

  it("stores who said it: a contact when they are one, and their name", () => {
    const p = plan({ people: [person(DEV, "from")], signals: [buildSignal({ kind: "waiting_on", aboutUser: false, person: DEV, speaker: DEV, due: null })] });
    expect(p.signals[0]).toMatchObject({ speakerContactId: idOf(p, DEV), speakerName: DEV.name });
    expect(plan({ signals: [buildSignal({})] }).signals[0]).toMatchObject({ speakerContactId: null, speakerName: null });
  });

  it("a date already past is due but not reminded", () => {
    const p = plan({ signals: [buildSignal({ due: "2026-11-16" })] });
    expect(p.tasks[0]).toMatchObject({ dueAt: Date.UTC(2026, 10, 16, 17), remindAt: null });
  });

  it("a due date that is not a calendar date is no date", () => {
    const p = plan({ signals: [buildSignal({ due: "next week" })] });
    expect(p.signals[0]?.dueAt).toBeNull();
    expect(p.tasks[0]?.dueAt).toBeNull();
  });

  it("waiting on someone surfaces when overdue, never as a reminder", () => {
    const p = plan({ signals: [buildSignal({ kind: "waiting_on", aboutUser: false, person: DEV, text: "Dev sends the beta invite", due: "2026-12-07" })] });
    expect(p.tasks[0]).toMatchObject({ kind: "waiting_on", dueAt: Date.UTC(2026, 11, 7, 17), remindAt: null });
  });

  it("makes tasks of promises, asks, waiting-ons and follow-ups only", () => {
    const kinds = ["promise", "ask", "waiting_on", "follow_up", "need", "offer", "life_event", "interest"] as const;
    const p = plan({ signals: kinds.map((kind) => buildSignal({ kind, text: `a ${kind}` })) });
    expect(p.signals.map((s) => s.kind)).toEqual([...kinds]);
    expect(p.tasks.map((t) => [t.kind, t.signalId])).toEqual(
      p.signals.slice(0, 4).map((s) => [s.kind, s.id]),
    );
  });

  it("stores a private signal as private, with its sentence", () => {
    const secret = "private: Ana's mother is ill, so she's flying back to Lisbon a lot.";
    const p = plan({ signals: [buildSignal({ kind: "life_event", aboutUser: false, text: "Ana's mother is ill", sentence: secret, private: true })] });
    expect(p.signals[0]).toMatchObject({ private: true, sentence: secret, text: "Ana's mother is ill" });
  });
});

describe("planLog: a reminder address", () => {
  const reminder = { at: Date.UTC(2026, 10, 21, 17), label: "3d" };

  it("reminds the user about the thread, with the person it was to", () => {
    const p = plan({ kind: "reminder", subject: "Beta for outside teams?", people: [person(BEN, "cc"), person(DEV, "to")] }, { reminder });
    expect(p.tasks).toEqual([
      { id: expect.any(String), kind: "reminder", title: "Follow up: Beta for outside teams?", contactId: idOf(p, DEV), signalId: null, dueAt: reminder.at, remindAt: reminder.at },
    ]);
  });

  it("falls back to the first person, then to no one, and to a plain title without a subject", () => {
    const cc = plan({ kind: "reminder", subject: "", people: [person(BEN, "cc")] }, { reminder });
    expect(cc.tasks[0]).toMatchObject({ title: "Follow up on this thread", contactId: idOf(cc, BEN) });
    expect(plan({ kind: "reminder", people: [] }, { reminder }).tasks[0]?.contactId).toBeNull();
  });
});

describe("planSignals", () => {
  it("asks the caller who each person is, and dates tasks from when the text was written", () => {
    const asked: Signal["person"][] = [];
    const { signals, tasks } = planSignals([buildSignal({ person: ANA }), buildSignal({ kind: "offer", aboutUser: false, person: null })], {
      resolve: (p) => {
        asked.push(p);
        return p ? "ana" : null;
      },
      occurredAt: OCCURRED,
      timeZone: LA,
      now: NOW,
      newId: counter(),
    });
    expect(asked).toEqual([ANA, null]);
    expect(signals.map((s) => [s.id, s.contactId])).toEqual([["id1", "ana"], ["id3", null]]);
    expect(tasks).toEqual([
      { id: "id2", kind: "promise", title: "I'll send Ana the hiring guide by Friday.", contactId: "ana", signalId: "id1", dueAt: null, dueStartAt: null, remindAt: null },
    ]);
  });
});

describe("planLog: people named only in the text", () => {
  const JON = { name: "Jon Okafor", address: "jon@okafor.test" };
  const devNeed = buildSignal({ kind: "need", aboutUser: false, person: { name: "Dev", address: null }, text: "Dev is hiring a senior designer" });

  it("become pending contacts, with where they were named, so their signals have a person", () => {
    const p = plan({ kind: "notes", people: [person(JON, "to")], signals: [devNeed] });
    const dev = p.contacts.find((c) => c.name?.value === "Dev");
    expect(dev).toMatchObject({ isNew: true, address: null, touch: null, pending: { from: "your notes with Jon Okafor" } });
    expect(p.signals[0]?.contactId).toBe(dev?.id);
    expect(p.participants).toContainEqual({ contactId: dev?.id, role: "mentioned" });
  });

  it("are not made from what was said in confidence, nor from a name someone in the message has", () => {
    expect(plan({ kind: "notes", signals: [{ ...devNeed, private: true }] }).contacts).toEqual([]);
    const shared = plan({ kind: "notes", people: [person({ name: "Dev Rao", address: "dev@rao.test" }, "to")], signals: [devNeed] });
    expect(shared.contacts.map((c) => c.name?.value)).toEqual(["Dev Rao"]);
  });

  it("reuse the pending contact a later note names again", () => {
    const pending = known("dev", { name: "Dev", nameKey: "dev", firstNameKey: "dev", pending: true });
    const p = plan({ kind: "notes", signals: [devNeed] }, { existing: [pending] });
    expect(p.contacts).toEqual([]);
    expect(p.signals[0]?.contactId).toBe("dev");
    expect(p.participants).toEqual([{ contactId: "dev", role: "mentioned" }]);
  });

  it("are settled by a later mail with that name and an address", () => {
    const pending = known("dev", { name: "Dev", nameKey: "dev", firstNameKey: "dev", pending: true });
    const p = plan({ people: [person(DEV, "from")] }, { existing: [pending] });
    expect(p.contacts).toEqual([expect.objectContaining({ id: "dev", isNew: false, address: DEV.address, settlesPending: true })]);
    // Two pending people of that first name: neither is guessed at.
    const other = known("dev2", { name: "Dev", nameKey: "dev", firstNameKey: "dev", pending: true });
    expect(plan({ people: [person(DEV, "from")] }, { existing: [pending, other] }).contacts[0]).toMatchObject({ isNew: true });
  });
});
