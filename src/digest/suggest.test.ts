import { describe, expect, it } from "vitest";
import type { CheckInCandidate, DigestCandidates, SignalCandidate, TaskCandidate } from "../db/digest-candidates.ts";
import { DAY_MS } from "../model.ts";
import {
  suggest,
  suggestAfterEvent,
  suggestCheckIn,
  suggestCloseLoop,
  suggestComingUp,
  suggestOfferHelp,
  suggestOwed,
  suggestThanks,
  suggestWaitingOn,
} from "./suggest.ts";

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
  dueStartAt: null,
  duePrecision: null,
  dueText: null,
  sentence: null,
  speaker: { kind: "user" },
  completedAt: null,
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
  sentence: "She is hiring a designer.",
  dueStartAt: null,
  dueEndAt: null,
  duePrecision: null,
  dueText: null,
  pendingFrom: null,
  tone: null,
  speaker: { kind: "user" },
  ...extra,
});
/** A give-first ledger with Ana: favours the user asked of her, promises they made her. */
const ledger = (favours: number, promised: number) => ({
  contactId: ana.id,
  gave: { promised, kept: 0, introductions: 0, answered: 0 },
  asked: { favours, introductions: 0 },
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

/** Tend's own words in an item: its title and reason (the quote line is the speaker's). */
const ownWords = (item: { title: string; reason: string }) => `${item.title} ${item.reason}`.replace(/“[^”]*”/g, " ");
const FIRST_PERSON = /\b(I|me|my|mine|we|us|our|I'm|I'll|I'd|I've|we're|we'll)\b/i;

const past = (text: string) => suggestAfterEvent(signal({ kind: "life_event", text, dueAt: asOf - 3 * DAY_MS }), clock);

describe("suggest", () => {
  it("writes a dated promise in the user's terms and quotes the words with who and when", () => {
    const overdue = suggestOwed(task({ title: "I’ll send you my comments by Wednesday.", sentence: "I’ll send you my comments by Wednesday." }), clock);
    const soon = suggestOwed(task({ dueAt: asOf + 2 * DAY_MS }), clock);
    expect(overdue.score).toBeGreaterThan(soon.score);
    expect(overdue.title).toBe("Ana Lima — you said you'd send them your comments by Wednesday; was due Fri 27 Nov, 3 days ago");
    expect(overdue.quote).toBe("You wrote, Fri 20 Nov: “I’ll send you my comments by Wednesday”");
    expect(ownWords(overdue)).not.toMatch(FIRST_PERSON);
    expect(soon.title).toContain("due Wed 2 Dec (in 2 days)");
  });

  it("says clearly who asked what", () => {
    const dev = { id: "dev", name: "Dev Patel", address: "dev@patel.io" };
    const ask = suggestOwed(
      task({ kind: "ask", title: "If you know anyone, I'd love an intro to a designer.", contact: dev, speaker: { kind: "contact", contact: dev } }),
      clock,
    );
    expect(ask.title).toBe("Dev Patel — asked you for an intro to a designer; was due Fri 27 Nov, 3 days ago");
    expect(ask.quote).toMatch(/^Dev, Fri 20 Nov: “If you know anyone, I'd love an intro to a designer”$/);
    expect(ownWords(ask)).not.toMatch(FIRST_PERSON);
  });

  it("never gives an undated promise a due date, and ranks it by age", () => {
    const fresh = suggestOwed(task({ dueAt: null, title: "I'll send you our pitch deck.", saidAt: asOf - 3 * DAY_MS }), clock);
    const old = suggestOwed(task({ dueAt: null, title: "I'll send you our pitch deck.", saidAt: asOf - 21 * DAY_MS }), clock);
    expect(old.title).toBe("Ana Lima — three weeks ago you told Ana you'd send them your pitch deck");
    expect(`${old.title} ${old.reason}`).not.toMatch(/\bdue\b|overdue|late,/i);
    expect(old.score).toBeGreaterThan(fresh.score);
  });

  it("never calls something overdue inside its range, and does after it", () => {
    // As stored: due_at is the range's last day, due_start_at its first.
    const range = { dueStartAt: asOf - 2 * DAY_MS, dueAt: asOf + 4 * DAY_MS, duePrecision: "week" as const, dueText: null };
    const inside = suggestOwed(task(range), clock);
    expect(inside.title).toContain("due between Sat 28 Nov and Fri 4 Dec");
    expect(inside.title).not.toMatch(/was due|ago/);
    const said = suggestOwed(task({ ...range, dueText: "the week of November 30" }), clock);
    expect(said.title).toContain("due the week of November 30");
    const after = suggestOwed(task({ dueStartAt: asOf - 9 * DAY_MS, dueAt: asOf - 2 * DAY_MS, duePrecision: "week" }), clock);
    expect(after.title).toContain("was due between");
    const waiting = suggestWaitingOn(task({ kind: "waiting_on", ...range }), clock);
    expect(`${waiting.title} ${waiting.reason}`).not.toMatch(/nudge|was expected/);
  });

  it("keeps words told in confidence out of a promise", () => {
    const item = suggestOwed(task({ private: true, title: "lend her money for the lawyer", sentence: "lend her money for the lawyer" }), clock);
    expect(item.title).toBe("Ana Lima — a promise told in confidence; was due Fri 27 Nov, 3 days ago");
    expect(JSON.stringify(item)).not.toContain("lawyer");
  });

  it("explains a check-in in the other person's terms, with the rhythm only as a fallback", () => {
    const withNeed = suggestCheckIn(checkIn({ learnedCadenceDays: 21 }), { need: signal({ text: "She's hiring a designer" }), lifeEvent: null }, clock);
    expect(withNeed.reason).toBe("Still open: Ana is hiring a designer.");
    expect(withNeed.reason).not.toContain("usually");
    const bare = suggestCheckIn(checkIn({ learnedCadenceDays: 21, lastSubject: null }), { need: null, lifeEvent: null }, clock);
    expect(bare.reason).toBe("You usually talk every 3 weeks.");
  });

  it("is gentle about hard news and flags long silence as dormant", () => {
    const item = suggestCheckIn(
      checkIn({ lastInteractionAt: asOf - 800 * DAY_MS }),
      { need: null, lifeEvent: signal({ kind: "life_event", text: "Her father passed away" }) },
      clock,
    );
    expect(item.reason).toBe("Hard news: Ana's father passed away. A kind word, with no agenda, may help.");
    expect(item.dormant).toBe(true);
    const soon = suggestComingUp(signal({ kind: "life_event", text: "knee surgery", dueAt: asOf + 3 * DAY_MS }), clock);
    expect(soon?.title).toBe("Ana Lima — knee surgery Thu 3 Dec (in 3 days)");
    expect(soon?.reason).toBe("A kind word beforehand may help; no need to ask for details.");
  });

  it("asks how it went after an event: warmly, carefully, or not at all after a loss", () => {
    expect(past("Her product launch is on November 27")?.title).toBe("Ana Lima — product launch was Fri 27 Nov: ask how it went");
    expect(past("Knee surgery on the 27th")?.title).toBe("Ana Lima — knee surgery was Fri 27 Nov: ask how they are");
    const funeral = past("The funeral is on November 27");
    expect(funeral?.title).toBe("Ana Lima — thinking of them: the funeral was Fri 27 Nov");
    expect(`${funeral?.title} ${funeral?.reason}`).not.toMatch(/: ask how|glad|congrat|!/i);
    expect(past("The funeral is on November 27")?.dated).toBe(true);
  });

  it("suggests one thank-you after a waiting-on came through", () => {
    const item = suggestThanks(task({ kind: "waiting_on", completedAt: asOf - DAY_MS }), clock);
    expect(item?.subjectKey).toBe("thanks:task:t1");
    expect(item?.title).toContain("say thank you");
    expect(suggestThanks(task({ kind: "waiting_on" }), clock)).toBeNull();
  });

  it("offers help with the part of a sentence about the person, not someone else's", () => {
    const item = suggestOfferHelp(signal({ text: "Ben invests in climate founders and Ana is raising her seed round" }), clock);
    expect(item.title).toBe("Ana Lima is raising her seed round: do you know someone who could help?");
  });

  it("lifts offering help to someone the user asked more of than they gave, and never says so", () => {
    const even = suggestOfferHelp(signal({ ledger: ledger(2, 2) }), clock);
    const owed = suggestOfferHelp(signal({ ledger: ledger(4, 1) }), clock);
    expect(owed.score).toBeGreaterThan(even.score);
    expect(even.score).toBe(suggestOfferHelp(signal({}), clock).score);
    expect(owed.title).toBe(even.title);
    expect(`${owed.title} ${owed.reason}`).not.toMatch(/score|\d|you(?:'ve)? asked/i);
  });

  it("asks how a range went only once it is over", () => {
    const range = { kind: "life_event" as const, text: "Ana's conference", dueStartAt: asOf - 3 * DAY_MS, dueAt: asOf - 3 * DAY_MS, duePrecision: "week" as const, dueText: "the week of November 23" };
    expect(suggestAfterEvent(signal({ ...range, dueEndAt: asOf + 2 * DAY_MS }), clock)).toBeNull();
    expect(suggestAfterEvent(signal({ ...range, dueEndAt: asOf - DAY_MS }), clock)?.title).toContain("was the week of November 23");
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
      undatedOwed: [],
      undatedWaitingOn: [],
      pastLifeEvents: [],
      resolvedWaitingOn: [],
      keptPromises: [],
      recentlyShown: [],
    };
    const items = suggest({ candidates, pairs: [], asOf, timeZone: "Europe/Berlin" });
    expect(items.map((i) => i.section)).toEqual(["check_in", "offer_help"]);
    expect(items[0]?.reason).toContain("hiring a designer");
  });
});
