import { describe, expect, it } from "vitest";
import type { SignalCandidate } from "../db/digest-candidates.ts";
import type { TagHolder } from "../db/digest-matches.ts";
import { candidatePairs, keywords, openPairs, planMatchLookups } from "./match-introductions.ts";

const person = (id: string) => ({ id, name: id.toUpperCase(), address: null });
const signal = (id: string, contactId: string, kind: SignalCandidate["kind"], text: string, tag: string | null = null): SignalCandidate => ({
  id,
  kind,
  text,
  tag,
  sentence: text,
  dueAt: null,
  dueStartAt: null,
  dueEndAt: null,
  duePrecision: null,
  dueText: null,
  pendingFrom: null,
  tone: null,
  speaker: { kind: "user" },
  saidAt: 0,
  contact: person(contactId),
});
const holder = (contactId: string, tag: string): TagHolder => ({ signalId: `s-${contactId}-${tag}`, tag, contact: person(contactId) });

describe("keywords", () => {
  it("keeps content words and plain stems, drops filler", () => {
    const words = keywords("Looking for a product designer to help with hiring");
    expect(words).toEqual(expect.arrayContaining(["product", "designer", "design", "hiring", "hire"]));
    expect(words).not.toContain("looking");
    expect(words).not.toContain("help");
  });
});

describe("candidatePairs", () => {
  const ana = signal("n1", "ana", "need", "hiring a product designer");
  const lookups = planMatchLookups([ana], [signal("i1", "ivan", "interest", "#climate", "climate")]);

  it("plans lookups from the few most recent needs and interest tags", () => {
    expect(lookups.needTags).toEqual(expect.arrayContaining(["designer", "design"]));
    expect(lookups.interestTags).toEqual(["climate"]);
  });

  it("pairs a need with an offer, then with an interest, then people who share tags", () => {
    const pairs = candidatePairs({
      lookups,
      offers: [signal("o1", "ben", "offer", "happy to review design portfolios"), signal("o2", "cem", "offer", "can lend a van")],
      needTagHolders: [holder("dora", "design"), holder("ana", "design")],
      interestHolders: [[holder("ivan", "climate"), holder("jo", "climate")]],
    });
    expect(pairs.map((p) => [p.a.id, p.b.id, p.basis.kind])).toEqual([
      ["ana", "ben", "need_offer"],
      ["ana", "dora", "need_interest"],
      ["ivan", "jo", "shared_interest"],
    ]);
  });

  it("never suggests a pair already introduced, in either order, or one the user set aside", () => {
    const pairs = candidatePairs({
      lookups,
      offers: [signal("o1", "ben", "offer", "design reviews")],
      needTagHolders: [holder("dora", "design")],
      interestHolders: [[holder("ivan", "climate"), holder("jo", "climate")]],
    });
    const open = openPairs(pairs, { introduced: [["ben", "ana"]], suppressed: new Set(["pair:ivan:jo"]) });
    expect(open.map((p) => p.key)).toEqual(["pair:ana:dora"]);
  });
});
