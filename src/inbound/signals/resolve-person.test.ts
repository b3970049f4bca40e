import { describe, expect, it } from "vitest";
import type { Participant } from "../../model.ts";
import { createPeopleResolver, type PeopleInput, wordIndex } from "./resolve-person.ts";

const ANA: Participant = { name: "Ana Lima", address: "ana@lima.test", role: "attendee" };
const ANA_B: Participant = { name: "Ana Brandt", address: "ana@brandt.test", role: "attendee" };
const BEN: Participant = { name: "Ben Okafor", address: "ben@okafor.test", role: "attendee" };
const NAMELESS: Participant = { name: null, address: "marco.rossi@gmail.test", role: "cc" };
const USER = { name: "Alex Morgan", address: "alex@morgan.test" };

function notes(people: Participant[], userName = "Alex Morgan"): PeopleInput {
  return { authorIsUser: true, author: USER, people, userName };
}

/** The text and the offset of its trigger word, which is always its last word. */
function at(text: string): [string, number] {
  return [text, text.lastIndexOf(" ") + 1];
}

const ana = { type: "person", person: { name: "Ana Lima", address: "ana@lima.test" } };
const ben = { type: "person", person: { name: "Ben Okafor", address: "ben@okafor.test" } };

describe("subjectBefore", () => {
  it("resolves first names, full names and address local parts, in any case", () => {
    const r = createPeopleResolver(notes([ANA, BEN, NAMELESS]));
    expect(r.subjectBefore(...at("ana is hiring"))).toEqual([ana]);
    expect(r.subjectBefore(...at("Ben Okafor is hiring"))).toEqual([ben]);
    expect(r.subjectBefore(...at("marco.rossi is hiring"))).toEqual([
      { type: "person", person: { name: null, address: "marco.rossi@gmail.test" } },
    ]);
    expect(r.subjectBefore(...at("ben's company needs"))).toEqual([ben]);
  });

  it("never guesses between two people of the same first name", () => {
    const r = createPeopleResolver(notes([ANA, ANA_B]));
    expect(r.subjectBefore(...at("Ana is hiring"))).toEqual([{ type: "unresolved" }]);
    expect(r.subjectBefore(...at("Ana Brandt is hiring"))).toEqual([
      { type: "person", person: { name: "Ana Brandt", address: "ana@brandt.test" } },
    ]);
  });

  it("resolves a pronoun only when one person fits", () => {
    expect(createPeopleResolver(notes([ANA])).subjectBefore(...at("she is hiring"))).toEqual([ana]);
    expect(createPeopleResolver(notes([ANA, BEN])).subjectBefore(...at("she is hiring"))).toEqual([{ type: "unresolved" }]);
    expect(createPeopleResolver(notes([ANA, BEN])).subjectBefore(...at("Ana said she is hiring"))).toEqual([ana]);
  });

  it("knows the user by name, and unknown or indefinite subjects", () => {
    const r = createPeopleResolver(notes([BEN], "Sam Patel"));
    expect(r.subjectBefore(...at("Sam will send"))).toEqual([{ type: "user" }]);
    // Someone named but not in the message: a person without an address (a pending contact).
    expect(r.subjectBefore(...at("Lena is hiring"))).toEqual([{ type: "person", person: { name: "Lena", address: null } }]);
    expect(r.subjectBefore(...at("Dev Patel is hiring"))).toEqual([{ type: "person", person: { name: "Dev Patel", address: null } }]);
    expect(r.subjectBefore(...at("Apparently Lumen is hiring"))).toEqual([{ type: "person", person: { name: "Lumen", address: null } }]);
    expect(r.subjectBefore(...at("lena is hiring"))).toEqual([{ type: "unresolved" }]);
    expect(r.subjectBefore(...at("Design is hiring"))).toEqual([{ type: "unresolved" }]);
    expect(r.subjectBefore(...at("anyone who is hiring"))).toEqual([{ type: "nobody" }]);
    expect(r.subjectBefore(...at("a founder who is raising"))).toEqual([{ type: "unresolved" }]);
    expect(r.subjectBefore(...at("- hiring a designer"))).toBeNull();
  });

  it("reads conjoined subjects", () => {
    const r = createPeopleResolver(notes([ANA, BEN]));
    expect(r.subjectBefore(...at("Ana and Ben are both into"))).toEqual([ben, ana]);
  });
});

describe("pronouns by author", () => {
  it("reads I as the author and you as the user in someone else's mail", () => {
    const r = createPeopleResolver({
      authorIsUser: false,
      author: { name: "Ben Okafor", address: "ben@okafor.test" },
      people: [{ ...BEN, role: "from" }, { name: "Alex Morgan", address: "alex@morgan.test", role: "to" }],
      userName: "Alex Morgan",
    });
    expect(r.pronoun("I", "I will send", 0)).toEqual(ben);
    expect(r.pronoun("you", "could you send", 6)).toEqual({ type: "user" });
    // A third person is never the author.
    expect(r.pronoun("she", "she is hiring", 0)).toEqual({ type: "unresolved" });
  });

  it("reads you as the one recipient of the user's mail", () => {
    const r = createPeopleResolver(notes([{ ...ANA, role: "to" }]));
    expect(r.pronoun("you", "congrats to you", 11)).toEqual(ana);
    expect(r.addressedToSomeone).toBe(true);
  });
});

/** The object of the first word of `text` (its verb), to the end of the text. */
function object(r: ReturnType<typeof createPeopleResolver>, text: string, options: { introduction?: boolean } = {}) {
  const verbEnd = text.indexOf(" ");
  return r.objectOf(text, 0, verbEnd, text.length, options);
}

describe("objectOf", () => {
  it("reads a name or pronoun right after the verb, or after to/with/for", () => {
    const r = createPeopleResolver(notes([ANA, BEN]));
    expect(object(r, "send Ana the guide")).toEqual(ana);
    expect(object(r, "send Ben Okafor's team the guide")).toBeNull();
    expect(object(r, "get back to Ben on pricing")).toEqual(ben);
    expect(r.objectOf("follow up with ana", 0, "follow up".length, 18)).toEqual(ana);
    expect(object(r, "send the deck to Ben by Friday")).toEqual(ben);
    expect(object(r, "send the deck by Friday")).toBeNull();
  });

  it("finds the object inside the verb phrase", () => {
    const r = createPeopleResolver(notes([{ ...ANA, role: "to" }]));
    expect(r.objectOf("get you the numbers", 0, "get you".length, 19)).toEqual(ana);
  });

  it("leaves a pronoun that fits two people, and an introduction between two participants, unresolved", () => {
    const r = createPeopleResolver(notes([ANA, BEN]));
    expect(object(r, "send her the notes")).toEqual({ type: "unresolved" });
    expect(object(r, "intro Ana to Ben", { introduction: true })).toEqual({ type: "unresolved" });
    expect(object(r, "intro Ana to our lawyer", { introduction: true })).toEqual(ana);
  });

  it("is the author, or the one recipient, on the other side of 'let's'", () => {
    expect(createPeopleResolver(notes([{ ...ANA, role: "to" }])).otherParty()).toEqual(ana);
    expect(createPeopleResolver(notes([{ ...ANA, role: "to" }, { ...BEN, role: "to" }])).otherParty()).toEqual({ type: "unresolved" });
  });
});

// What the regex wordIndex replaces finds: the key with no letter or digit on either side, read by code point.
function byRegex(text: string, key: string): number {
  return new RegExp(`(?<![\\p{L}\\p{N}])${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u").exec(text)?.index ?? -1;
}

describe("wordIndex", () => {

  it.each([
    ["ana said hi to banana", "ana"],
    ["banana, then ana", "ana"],
    ["ana2 and ana", "ana"],
    ["élodie met léo", "léo"],
    ["zoé, zoë and zoe", "zoe"],
    ["a.b@x.test wrote", "a.b@x.test"],
    ["😀ana 𝒜ana ana", "ana"],
    ["𝐀ben ben", "ben"],
    ["nobody here", "ana"],
    ["x(y) and x(y)z", "x(y)"],
  ])("finds %j's %j where the regex does", (text, key) => {
    expect(wordIndex(text, key)).toBe(byRegex(text, key));
  });
});
