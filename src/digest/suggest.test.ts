import { describe, expect, it } from "vitest";
import type { CheckInCandidate, DigestCandidates, SignalCandidate, TaskCandidate } from "../db/digest-candidates.ts";
import { DAY_MS } from "../model.ts";
import { suggest, suggestCheckIn, suggestCloseLoop, suggestComingUp, suggestOwed } from "./suggest.ts";

const asOf = Date.parse("2026-11-30T07:00:00Z");
const clock = { asOf, timeZone: "Europe/Berlin" };
const ana = { id: "ana", name: "Ana Lima", address: "ana@lima.example" };
const ben = { id: "ben", name: "Ben Cho", address: "ben@cho.example" };

const task = (extra: Partial<TaskCandidate>): TaskCandidate => ({
  id: "t1",
  kind: "promise",
  title: "send the deck",
  dueAt: asOf - 3 * DAY_MS,
  saidAt: asOf - 10 * DAY_MS,
  private: false,
  contact: ana,
  ...extra,
});
const signal = (extra: Partial<SignalCandidate>): SignalCandidate => ({
  id: "s1",
  kind: "need",
  text: "hiring a designer",
  tag: null,
  dueAt: null,
  saidAt: asOf - 5 * DAY_MS,
  contact: ana,
  ...extra,
});
const checkIn = (extra: Partial<CheckInCandidate>): CheckInCandidate => ({
  contact: ana,
  lastInteractionAt: asOf - 70 * DAY_MS,
  nextCheckInAt: asOf - 10 * DAY_MS,
  interactionCount: 4,
  cadenceDays: null,
  learnedCadenceDays: null,
  lastSubject: "Coffee?",
  ...extra,
});

describe("suggest", () => {
  it("puts overdue promises above ones merely due soon, and says when", () => {
    const overdue = suggestOwed(task({}), clock);
    const soon = suggestOwed(task({ dueAt: asOf + 2 * DAY_MS }), clock);
    expect(overdue.score).toBeGreaterThan(soon.score);
    expect(overdue.reason).toBe("You promised Ana Lima on Fri 20 Nov. It was due Fri 27 Nov, 3 days ago.");
    expect(soon.reason).toBe("You promised Ana Lima on Fri 20 Nov. It is due Wed 2 Dec (in 2 days).");
    const ask = suggestOwed(task({ kind: "ask", title: "Could you read my draft?" }), clock);
    expect(ask.title).toBe("Ana Lima asked: “Could you read my draft?”");
    expect(ask.reason).toMatch(/^Ana Lima asked you on Fri 20 Nov\./);
    expect(suggestOwed(task({ title: "I’ll send Ana the deck by Friday.\n" }), clock).title).toBe("Send Ana the deck by Friday");
  });

  it("keeps words told in confidence out of a promise's title", () => {
    const item = suggestOwed(task({ private: true, title: "lend her money for the lawyer" }), clock);
    expect(item.title).toBe("Your promise to Ana Lima (told in confidence)");
    expect(JSON.stringify(item)).not.toContain("lawyer");
  });

  it("explains a check-in in the other person's terms", () => {
    const item = suggestCheckIn(checkIn({ learnedCadenceDays: 21 }), { need: signal({}), lifeEvent: null }, clock);
    expect(item.title).toBe("Check in with Ana Lima");
    expect(item.reason).toBe(
      "Ana needs: “hiring a designer” (Wed 25 Nov). You last talked 2 months ago (Mon 21 Sep), about “Coffee?”. You usually talk every 3 weeks.",
    );
    expect(item.dormant).toBe(false);
  });

  it("is gentle about hard news and flags long silence as dormant", () => {
    const item = suggestCheckIn(
      checkIn({ lastInteractionAt: asOf - 800 * DAY_MS }),
      { need: null, lifeEvent: signal({ kind: "life_event", text: "her father passed away" }) },
      clock,
    );
    expect(item.reason).toContain("Ana is going through something hard: “her father passed away”");
    expect(item.dormant).toBe(true);
    const soon = suggestComingUp(signal({ kind: "life_event", text: "knee surgery", dueAt: asOf + 3 * DAY_MS }), clock);
    expect(soon?.reason).toBe("Thu 3 Dec (in 3 days). A hard time, perhaps: a short, kind note can mean a lot.");
  });

  it("asks whether an introduction took, or reminds to thank the introducer", () => {
    const base = { id: "n1", status: "made" as const, optIn: false, reason: null, followUpAt: asOf, madeAt: asOf - 14 * DAY_MS };
    expect(suggestCloseLoop({ ...base, introducer: null, personA: ana, personB: ben }, clock)?.title).toBe("Did Ana and Ben connect?");
    expect(suggestCloseLoop({ ...base, introducer: ben, personA: ana, personB: null }, clock)?.title).toBe(
      "Thank Ben for introducing you to Ana",
    );
    expect(suggestCloseLoop({ ...base, introducer: ben, personA: ana, personB: { ...ana, id: "x" } }, clock)).toBeNull();
  });

  it("uses a person's need in their check-in and offers help for every need", () => {
    const candidates: DigestCandidates = {
      user: null,
      existing: null,
      promises: [],
      asks: [],
      waitingOn: [],
      checkIns: [checkIn({})],
      needs: [signal({})],
      offers: [],
      interests: [],
      upcomingLifeEvents: [],
      recentLifeEvents: [],
      introductionFollowUps: [],
      recentlyShown: [],
    };
    const items = suggest({ candidates, pairs: [], asOf, timeZone: "Europe/Berlin" });
    expect(items.map((i) => i.section)).toEqual(["check_in", "offer_help"]);
    expect(items[0]?.reason).toContain("hiring a designer");
  });
});
