// Holds RANKING_WEIGHTS to the order its comments promise, through the real
// suggest steps at the edges of each kind (the best case of the lower kind
// against the worst case of the higher), so a later tweak of a number or a
// formula that breaks a promise fails here.
import { describe, expect, it } from "vitest";
import type { SignalCandidate } from "../db/digest-candidates.ts";
import { DAY_MS, type Contact } from "../model.ts";
import type { PairBasis } from "./match-introductions.ts";
import { RANKING_WEIGHTS } from "./ranking-weights.ts";
import {
  suggestCheckIn,
  suggestCloseLoop,
  suggestComingUp,
  suggestIntroduction,
  suggestOfferHelp,
  suggestOwed,
  suggestWaitingOn,
} from "./suggest.ts";

const asOf = Date.parse("2026-11-30T07:00:00Z");
const clock = { asOf, timeZone: "Europe/Berlin" };
const HOUR_MS = 3_600_000;
const ana: Contact = { id: "ana", name: "Ana Lima", address: "ana@lima.example" };
const ben: Contact = { id: "ben", name: "Ben Cho", address: "ben@cho.example" };

function said(kind: SignalCandidate["kind"], text: string, ageDays: number, dueAt: number | null = null): SignalCandidate {
  return { id: `${kind}-${text}`, kind, text, sentence: text, tag: null, dueAt, dueStartAt: null, dueEndAt: null, duePrecision: null, dueText: null, pendingFrom: null, tone: null, saidAt: asOf - ageDays * DAY_MS, contact: ana, speaker: { kind: "user" } };
}
const NEED = said("need", "a designer for her startup", 1);
const HARD_NEWS = said("life_event", "her father passed away", 3);

function owed(kind: "promise" | "waiting_on", dueAt: number): number {
  const task = {
    id: `${kind}-${dueAt}`,
    kind,
    title: "send the deck",
    dueAt,
    dueStartAt: null,
    duePrecision: null,
    dueText: null,
    saidAt: asOf - 40 * DAY_MS,
    private: false,
    contact: ana,
    sentence: null,
    speaker: { kind: "user" as const },
    completedAt: null,
  };
  return kind === "promise" ? suggestOwed(task, clock).score : suggestWaitingOn(task, clock).score;
}

function checkIn(options: { need?: boolean; news?: boolean; interactions: number; lapsedDaysAgo: number; silentDays: number }): number {
  const candidate = {
    contact: ana,
    lastInteractionAt: asOf - options.silentDays * DAY_MS,
    nextCheckInAt: asOf - options.lapsedDaysAgo * DAY_MS,
    interactionCount: options.interactions,
    cadenceDays: null,
    learnedCadenceDays: null,
    lastSubject: null,
  };
  return suggestCheckIn(candidate, { need: options.need ? NEED : null, lifeEvent: options.news ? HARD_NEWS : null }, clock).score;
}
// A check-in at its most and least pressing, given what it carries.
const bestCheckIn = (facts: { need?: boolean; news?: boolean }) => checkIn({ ...facts, interactions: 1000, lapsedDaysAgo: 0, silentDays: 30 });
const worstCheckIn = (facts: { need?: boolean; news?: boolean }) => checkIn({ ...facts, interactions: 0, lapsedDaysAgo: 20, silentDays: 30 });

function comingUp(text: string, inDays: number): number {
  const score = suggestComingUp(said("life_event", text, 0, asOf + inDays * DAY_MS), clock)?.score;
  if (score === undefined) throw new Error("a dated event is always suggested");
  return score;
}

const introduction = (basis: PairBasis) => suggestIntroduction({ key: "pair:ana:ben", a: ana, b: ben, basis }, clock).score;
const offerHelp = (ageDays: number) => suggestOfferHelp(said("need", "a designer", ageDays), clock).score;
const closeLoop =
  suggestCloseLoop(
    { id: "n1", status: "made", optIn: false, reason: null, followUpAt: asOf, madeAt: asOf - 14 * DAY_MS, introducer: null, personA: ana, personB: ben },
    clock,
  )?.score ?? Number.NaN;

// The edges of each kind.
const overdueLeast = owed("promise", asOf);
const overdueMost = owed("promise", asOf - 400 * DAY_MS);
const upcomingMost = owed("promise", asOf + HOUR_MS);
const upcomingLeast = owed("promise", asOf + 400 * DAY_MS);
const waitingOnMost = owed("waiting_on", asOf - 400 * DAY_MS);
const plainCheckInMost = bestCheckIn({});
const offerHelpFresh = offerHelp(1);
const introductionMost = Math.max(
  introduction({ kind: "need_offer", need: NEED, offer: NEED }),
  introduction({ kind: "need_interest", need: NEED, tag: "design" }),
  introduction({ kind: "shared_interest", tags: ["a", "b", "c", "d", "e", "f"] }),
);

describe("RANKING_WEIGHTS", () => {
  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(RANKING_WEIGHTS)).toBe(true);
    expect(Object.isFrozen(RANKING_WEIGHTS.checkIn)).toBe(true);
    expect(Object.isFrozen(RANKING_WEIGHTS.owed.overdueGrowth)).toBe(true);
  });

  it("keeps every score on the 0–1 scale ranking compares across sections", () => {
    for (const score of [overdueMost, upcomingLeast, bestCheckIn({ need: true, news: true }), offerHelp(10_000), closeLoop, comingUp("surgery", 1)]) {
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(RANKING_WEIGHTS.repeatPenalty).toBeGreaterThan(0);
    expect(RANKING_WEIGHTS.repeatPenalty).toBeLessThan(1);
  });

  describe("keep promises first", () => {
    it("puts any overdue promise above any promise not yet due, the longest overdue highest", () => {
      expect(overdueLeast).toBeGreaterThan(upcomingMost);
      expect(overdueMost).toBeGreaterThan(owed("promise", asOf - 3 * DAY_MS));
      expect(owed("promise", asOf + 2 * DAY_MS)).toBeGreaterThan(owed("promise", asOf + 9 * DAY_MS));
    });

    it("puts any overdue promise above every date ahead and every check-in with one reason", () => {
      for (const score of [comingUp("surgery", 1), comingUp("wedding", 1), bestCheckIn({ need: true }), bestCheckIn({ news: true })]) {
        expect(overdueLeast).toBeGreaterThan(score);
      }
    });

    it("puts any promise, however far off, above closing a loop, offering help, introductions, nudges and plain check-ins", () => {
      for (const score of [closeLoop, offerHelpFresh, introductionMost, waitingOnMost, plainCheckInMost]) {
        expect(upcomingLeast).toBeGreaterThan(score);
      }
    });
  });

  describe("offer help before asking", () => {
    it("puts a fresh offer of help above any nudge about what the user is owed and any plain check-in", () => {
      expect(offerHelpFresh).toBeGreaterThan(waitingOnMost);
      expect(offerHelpFresh).toBeGreaterThan(plainCheckInMost);
    });

    it("lifts a check-in more for a need the user can help with than for news", () => {
      expect(worstCheckIn({ need: true })).toBeGreaterThan(worstCheckIn({ news: true }));
      expect(worstCheckIn({ news: true })).toBeGreaterThan(worstCheckIn({}));
    });

    it("lets an old need fade, but never below its floor", () => {
      expect(offerHelp(60)).toBeLessThan(offerHelpFresh);
      expect(offerHelp(10_000)).toBeCloseTo(offerHelpFresh * RANKING_WEIGHTS.offerHelp.fadeFloor, 10);
    });
  });

  describe("hard life events, gently", () => {
    it("puts a hard event a little above a happy one at the same distance, never above an overdue promise", () => {
      expect(comingUp("surgery", 2)).toBeGreaterThan(comingUp("wedding", 2));
      expect(comingUp("surgery", 30)).toBeGreaterThan(comingUp("wedding", 30));
      expect(comingUp("surgery", 30)).toBeLessThan(comingUp("wedding", 2));
      expect(comingUp("surgery", 1)).toBeLessThan(overdueLeast);
    });
  });

  describe("connect aligned people", () => {
    it("puts an introduction that answers a need above any on shared interests alone, however many", () => {
      const needOffer = introduction({ kind: "need_offer", need: NEED, offer: NEED });
      const needInterest = introduction({ kind: "need_interest", need: NEED, tag: "design" });
      const sharedMost = introduction({ kind: "shared_interest", tags: ["a", "b", "c", "d", "e", "f"] });
      expect(needOffer).toBeGreaterThan(needInterest);
      expect(needInterest).toBeGreaterThan(sharedMost);
      expect(sharedMost).toBeGreaterThan(introduction({ kind: "shared_interest", tags: ["a"] }));
    });

    it("closes a loop before opening a new one", () => {
      expect(closeLoop).toBeGreaterThan(introductionMost);
    });
  });

  describe("no flood of the long-silent", () => {
    it("never lets a dormant tie outrank someone current with nothing more to say", () => {
      const dormantMost = checkIn({ interactions: 1000, lapsedDaysAgo: 0, silentDays: RANKING_WEIGHTS.checkIn.dormantAfterDays + 1 });
      expect(dormantMost).toBeLessThan(worstCheckIn({}));
    });
  });
});
