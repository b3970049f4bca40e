// What a signal keeps of how it was said: the range a date was given as, who
// said it, the tone of a life event, and someone named only by name.
import { describe, expect, it } from "vitest";
import type { Participant, Signal } from "../../model.ts";
import { extractSignals, type SignalInput } from "./extract-signals.ts";
import { lifeEventTone } from "./life-events.ts";

const PRIYA = { name: "Priya Natarajan", address: "priya@outlook.test" };
const DEV: Participant = { name: "Dev Patel", address: "dev@patel.test", role: "from" };
const JON: Participant = { name: "Jon Okafor", address: "jon@okafor.test", role: "to" };
// Thursday 19 November 2026, 16:12 in London.
const THURSDAY = new Date("2026-11-19T16:12:00Z");

function read(text: string, extra: Partial<SignalInput> = {}): Signal[] {
  return extractSignals({
    text,
    authorIsUser: true,
    author: PRIYA,
    people: [JON],
    userName: PRIYA.name,
    sentAt: THURSDAY,
    timeZone: "Europe/London",
    ...extra,
  });
}

function fromDev(text: string): Signal[] {
  return read(text, { authorIsUser: false, author: { name: DEV.name, address: DEV.address }, people: [DEV, { ...PRIYA, role: "to" }] });
}

describe("a date said as a range", () => {
  it("keeps Dev's 'probably the week of December 7' whole, due when that week ends", () => {
    const [invite] = fromDev("I'll send you both a beta invite once the new onboarding ships, probably the week of December 7.");
    expect(invite).toMatchObject({ kind: "waiting_on", due: "2026-12-11" });
    expect(invite?.dueRange).toEqual({ start: "2026-12-07", end: "2026-12-11", precision: "week", text: "the week of December 7" });
  });

  it.each([
    ["I'll send Jon the report early next year.", "2027-04-30", "early next year"],
    ["I'll introduce Jon to Mia after the holidays.", "2027-01-31", "after the holidays"],
    ["I'll send Jon the numbers by end of Q1.", "2027-03-31", "end of Q1"],
    ["I'll send Jon the draft by end of Jan.", "2027-01-31", "end of Jan"],
  ])("%s → due %s, the range's end", (text, due, phrase) => {
    const [promise] = read(text);
    expect(promise).toMatchObject({ kind: "promise", due });
    expect(promise?.dueRange?.text).toBe(phrase);
  });

  it("gives an undated promise no date and no range", () => {
    const [promise] = read("I'll send Jon our pitch deck.");
    expect(promise).toMatchObject({ kind: "promise", due: null });
    expect(promise?.dueRange).toBeUndefined();
  });

  it("reads a weekday with its date as that date", () => {
    expect(read("I'll send Jon my comments by Wednesday 9 December.")[0]?.due).toBe("2026-12-09");
    expect(read("I'll send Jon my comments by Wed. 9 Dec. Talk soon.")[0]?.due).toBe("2026-12-09");
  });

  it("quotes the whole sentence, not one cut at an abbreviated month or weekday", () => {
    const text = "I'll send you both a beta invite once the new onboarding ships, probably the week of Dec. 7.";
    const [invite] = fromDev(`${text} Cheers.`);
    expect(invite?.sentence).toBe(text);
    expect(invite?.dueRange?.text).toBe("the week of Dec. 7");
    expect(read("I'll send Jon my comments by Wed. 9 Dec. Talk soon.")[0]?.sentence).toBe("I'll send Jon my comments by Wed. 9 Dec.");
  });
});

describe("who said it", () => {
  it("is nobody but the user in the user's notes, and the author in a forwarded mail", () => {
    expect(read("I'll send Jon the deck by Friday.")[0]?.speaker).toBeUndefined();
    expect(fromDev("I'll send you the beta invite next week.")[0]?.speaker).toEqual({ name: "Dev Patel", address: "dev@patel.test" });
  });
});

describe("the tone of a life event", () => {
  it.each([
    ["Jon's dad passed away last week.", "loss"],
    ["The funeral is on Friday, Jon says.", "loss"],
    ["Jon was laid off on Monday.", "hard"],
    ["Jon has surgery on December 3.", "hard"],
    ["Jon is launching his own studio in January.", "good"],
    ["Jon's wedding is on 12 June.", "good"],
    ["Jon started a new job at Figma.", "good"],
    ["Jon is moving to Porto in June.", "neutral"],
  ])("%s → %s", (text, tone) => {
    const event = read(text).find((s) => s.kind === "life_event");
    expect(event?.tone).toBe(tone);
  });

  it("is careful whenever hard news is in it, good news beside it or not", () => {
    expect(lifeEventTone("her new job starts after the funeral")).toBe("loss");
    expect(lifeEventTone("she was diagnosed with cancer but has a new job")).toBe("hard");
    expect(lifeEventTone("he passed his driving test")).toBe("neutral");
  });
});

describe("someone named only by name", () => {
  it("is a person without an address, so the signal is not lost", () => {
    const signals = read("Dev is hiring a senior designer.");
    expect(signals).toEqual([expect.objectContaining({ kind: "need", person: { name: "Dev", address: null } })]);
  });

  it("is whom 'he' or 'she' stands for after their full name, when no participant fits", () => {
    const carla: Participant = { name: "Carla Mendes", address: "carla@mendes.design", role: "to" };
    const signals = read("I'll also loop in Dev Patel: he's hiring a senior designer and I think you two should talk.", { people: [carla] });
    expect(signals.find((s) => s.kind === "need")?.person).toEqual({ name: "Dev Patel", address: null });
    // Two full names before it: not guessed.
    const two = read("I met Dev Patel and Mia Wong: she's hiring a designer.", { people: [carla] });
    expect(two.find((s) => s.kind === "need")?.person ?? null).toBeNull();
  });

  it("is not a company the sentence only mentions, nor a word that starts a sentence", () => {
    expect(read("She runs growth at Klarna and knows the Nordics.", { people: [{ name: "Jana", address: "jana@x.test", role: "to" }] }).map((s) => s.person?.name ?? null)).not.toContain("Klarna");
    expect(read("Apparently hiring is hard.").map((s) => s.person)).not.toContainEqual({ name: "Apparently", address: null });
  });
});
