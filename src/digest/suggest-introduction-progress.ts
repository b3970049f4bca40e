// Digest items for introductions that moved on their thread (pure): someone
// said yes to an introduction the user asked about (a ready-to-send draft), and
// two people who connected (ask how it went; thank whoever introduced the user).
// Replaces the "did they connect?" item for these: the thread already answered it.
import type { IntroductionProgress } from "../db/introduction-progress.ts";
import { introductionDraft } from "../domain/introduction-draft.ts";
import { formatDay } from "../lib/time/format.ts";
import { RANKING_WEIGHTS as W } from "./ranking-weights.ts";
import { subjectKey, type Suggestion } from "./suggestion.ts";
import { capitalize, firstName, fullName, quote } from "./wording.ts";

interface Clock {
  asOf: number;
  timeZone: string;
}

// A yes waits on the user alone, and goes stale: above closing other loops.
const SAID_YES_SCORE = W.closeLoop + 0.1;

export function suggestIntroductionProgress(progress: IntroductionProgress, user: { name: string | null }, clock: Clock): Suggestion | null {
  const day = (instant: number) => formatDay(instant, clock.timeZone, clock.asOf);
  const { introducer, personA, personB } = progress;
  const base = { subjectKey: subjectKey.introduction(progress.id), dormant: false };
  const why = progress.reason ? ` You wrote: ${capitalize(quote(progress.reason, 160))}` : "";
  if (progress.status === "accepted" && personA && personB) {
    const draft = introductionDraft({ asked: personA, other: personB, reason: progress.reason, userName: user.name });
    const missing = personB.address ? "" : ` Add ${firstName(personB)}’s address before sending.`;
    return {
      ...base,
      section: "introductions",
      contactId: personA.id,
      people: [personA.id, personB.id],
      title: `${firstName(personA)} said yes: introduce them`,
      reason: `You asked ${fullName(personA)} on ${day(progress.madeAt)} about meeting ${fullName(personB)}; ${firstName(personA)} said yes on ${day(progress.movedAt)}.${why} A draft to send from your own account:${missing} ${draft.mailto}`,
      score: SAID_YES_SCORE,
    };
  }
  if (progress.status !== "connected" || !personA) return null;
  if (introducer === null && personB) {
    return {
      ...base,
      section: "close_loop",
      contactId: personA.id,
      people: [personA.id, personB.id],
      title: `Ask ${firstName(personA)} and ${firstName(personB)} how it went`,
      reason: `You introduced them on ${day(progress.madeAt)} and they connected ${day(progress.movedAt) === day(progress.madeAt) ? "the same day" : `on ${day(progress.movedAt)}`}. A short note to each, asking how it went, closes the loop.`,
      score: W.closeLoop,
    };
  }
  if (introducer && personB === null) {
    return {
      ...base,
      section: "close_loop",
      contactId: introducer.id,
      people: [introducer.id, personA.id],
      title: `Thank ${firstName(introducer)} for introducing you to ${firstName(personA)}`,
      reason: `${fullName(introducer)} introduced you to ${fullName(personA)} on ${day(progress.madeAt)}, and you two connected on ${day(progress.movedAt)}. A thank-you, and how it went, keeps the door open.`,
      score: W.closeLoop,
    };
  }
  return null;
}
