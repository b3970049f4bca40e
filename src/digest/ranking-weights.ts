// Every number that decides what the week's digest puts first. Scores run from
// 0 to 1 and are compared across sections, so each value below is set against
// the others; ranking-weights.test.ts holds them to the order these comments
// promise. The values behind the order: keep promises first, offer help
// before asking for it, meet hard life events gently, connect people whose
// needs, offers and interests align, and never let the long-silent flood a week.

/**
 * A score that grows with a count, by one point per `perPoint` of it, and stops
 * growing at `upTo`: bonus = min(count, upTo) / perPoint.
 */
export interface Ramp {
  readonly upTo: number;
  readonly perPoint: number;
}

export function ramp(count: number, r: Ramp): number {
  return Math.min(count, r.upTo) / r.perPoint;
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (typeof inner === "object" && inner !== null) deepFreeze(inner);
  return Object.freeze(value);
}

export const RANKING_WEIGHTS = deepFreeze({
  /** Promises the user made and asks made of them: trust is built by keeping one's word. */
  owed: {
    /** Overdue starts above every other kind of suggestion except a check-in carrying both a need and news. */
    overdue: 0.9,
    /** The longest overdue at the top: +0.01 every 3 days, for a month (to 1.0, the top of the scale). */
    overdueGrowth: { upTo: 30, perPoint: 300 },
    /** Not yet due: just below anything overdue, still above closing a loop, offering help, introductions, nudges and plain check-ins. */
    upcoming: 0.85,
    /** What falls due soonest comes first: −0.01 for each day ahead, for two weeks (to 0.71). */
    upcomingDecline: { upTo: 14, perPoint: 100 },
  },

  /** What someone else promised the user: a nudge is a kind of asking, so it waits behind the user's own promises and behind offering help. */
  waitingOn: {
    base: 0.5,
    /** The longer it is overdue, the more a gentle nudge is due: +0.1 over two weeks (to 0.6). */
    overdueGrowth: { upTo: 14, perPoint: 140 },
    /** Nobody said when: it surfaces only after this many days of waiting, and is never overdue. */
    undatedAfterDays: 7,
    /** Undated, it ages like an undated promise, but from the waiting-on base: +0.1 over six weeks (to 0.6), never above a nudge that is due. */
    undatedAgeGrowth: { upTo: 42, perPoint: 420 },
  },

  /** Staying in touch with someone the user's rhythm says is due. */
  checkIn: {
    /** A check-in with nothing more to say sits below every promise and below a fresh offer of help. */
    base: 0.45,
    /** They need something: the user can offer help before asking for anything (the largest lift). */
    need: 0.2,
    /** Their news, good or hard: worth a kind word, but less pressing than a need the user can help with. */
    lifeEvent: 0.15,
    /** A tie the user has invested in: +0.005 per interaction, up to 20 of them (+0.1). */
    interactions: { upTo: 20, perPoint: 200 },
    /** Lapsed within this many days: the moment is still natural, so a small lift. */
    recentlyLapsedDays: 14,
    recentlyLapsed: 0.05,
    /** Not in touch for this long: a dormant tie (rank.ts lets only a few into a week). */
    dormantAfterDays: 365,
    /** Larger than the interactions and recent-lapse lifts together, so a dormant tie never outranks someone current with nothing more to say. */
    dormantPenalty: 0.2,
  },

  /** Offer a hand with someone's need: help offered before it is asked for. */
  offerHelp: {
    /** Fresh, it outranks any plain check-in and any nudge about what the user is owed. */
    fresh: 0.62,
    /** A need this recent is fresh. */
    freshDays: 14,
    /** After that its weight fades by a 120th a day... */
    fadeDaysPerPoint: 120,
    /** ...down to this share of `fresh` (reached after 86 days): an old need may still be open. */
    fadeFloor: 0.4,
    /**
     * Give first: someone the user asked more of than they gave is lifted by a
     * point per 20 things beyond (up to three): past a fresh need of someone
     * even with the user, never past an overdue promise.
     */
    askedMore: { upTo: 3, perPoint: 20 },
  },

  /** Introductions: connect people whose needs, offers and interests align. */
  introduction: {
    /** One person needs what the other offered: the most useful introduction. */
    needOffer: 0.6,
    /** One person's need matches the other's interest. */
    needInterest: 0.52,
    /** Shared interests alone: below any introduction that answers a need, however many interests are shared. */
    sharedInterest: 0.35,
    perExtraSharedTag: 0.08,
    maxExtraSharedTags: 2,
  },

  /** Did an introduction take; thank whoever introduced the user: close one loop before opening another (above any new introduction). */
  closeLoop: 0.7,

  /** A dated life event ahead. */
  comingUp: {
    /** Within a week, a note beforehand is timely. */
    soonWithinDays: 7,
    soon: 0.75,
    later: 0.55,
    /** A hard event comes a little higher, so a kind note is not missed; gently, never above an overdue promise. */
    hard: 0.1,
  },

  /** A promise or ask nobody dated: never late, but it ages; the oldest first. */
  undated: {
    /** Fresh, just below a dated promise that is due soon. */
    base: 0.6,
    /** +0.01 every 3 days, for six weeks (to 0.74): "three weeks ago you told Carla…" should not sink. */
    ageGrowth: { upTo: 42, perPoint: 300 },
  },

  /** After a dated event: one "how did it go?" (or, for hard news, "how are they?"). */
  afterEvent: {
    /** As timely as a heads-up before an event soon. */
    base: 0.72,
    /** Hard news or a loss: a kind word matters more than anything routine. */
    hard: 0.1,
  },

  /** Someone did what the user was waiting on: one thank-you, while it is fresh. */
  thanks: 0.66,

  /** A promise kept a while ago: ask once how it turned out (a loop, like an introduction's). */
  outcome: 0.5,

  /** Shown in a recent digest and left alone: its score is multiplied by this so something else gets a turn (promises are exempt). */
  repeatPenalty: 0.5,
} as const);
