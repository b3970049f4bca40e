// From what Tend knows to what it could suggest this week, each with its reason
// in the other person's terms. Pure: data, `asOf` and the user's zone in.
import type { CheckInCandidate, DigestCandidates, IntroductionCandidate, SignalCandidate, TaskCandidate } from "../db/digest-candidates.ts";
import { formatDay } from "../lib/time/format.ts";
import { localDayDifference } from "../lib/time/zoned.ts";
import { DAY_MS } from "../model.ts";
import type { CandidatePair } from "./match-introductions.ts";
import { ramp, RANKING_WEIGHTS as W } from "./ranking-weights.ts";
import { subjectKey, type Suggestion } from "./suggestion.ts";
import { capitalize, firstName, fullName, isHardLifeEvent, quote, relativeDay, spanInWords } from "./wording.ts";

export interface SuggestInput {
  candidates: DigestCandidates;
  pairs: readonly CandidatePair[];
  asOf: number;
  timeZone: string;
}

interface Clock {
  asOf: number;
  timeZone: string;
}

function day(instant: number, clock: Clock): string {
  return formatDay(instant, clock.timeZone, clock.asOf);
}

function dueText(dueAt: number, clock: Clock): string {
  const days = localDayDifference(clock.asOf, dueAt, clock.timeZone);
  if (days < 0) return `It was due ${day(dueAt, clock)}, ${spanInWords(days)} ago.`;
  if (days === 0) return "It is due today.";
  return `It is due ${day(dueAt, clock)} (${relativeDay(dueAt, clock.asOf, clock.timeZone)}).`;
}

// "I'll send Ana the deck by Friday." → "Send Ana the deck by Friday"
const FIRST_PERSON_PROMISE = /^(i\s*(?:'|’)ll|i will|i shall|i am going to|i'm going to|i’m going to|will)\s+/i;

/** A task's words as a title: one line, no leading "I'll", no closing full stop. */
export function asTitle(text: string): string {
  const line = text.replace(/\s+/g, " ").trim().replace(FIRST_PERSON_PROMISE, "").replace(/[.\s]+$/, "");
  return capitalize(line);
}

export function suggestOwed(task: TaskCandidate, clock: Clock): Suggestion {
  const who = task.contact ? fullName(task.contact) : null;
  const overdueDays = Math.max(0, -localDayDifference(clock.asOf, task.dueAt, clock.timeZone));
  const isPromise = task.kind === "promise";
  const told = isPromise
    ? `You promised ${who ? `${who} ` : ""}on ${day(task.saidAt, clock)}.`
    : `${who ?? "Someone"} asked you on ${day(task.saidAt, clock)}.`;
  // Something told in confidence keeps its words out of the mail.
  let title: string;
  if (task.private) title = isPromise ? `Your promise to ${who ?? "someone"} (told in confidence)` : `What ${who ?? "someone"} asked of you (told in confidence)`;
  else title = isPromise ? asTitle(task.title) : `${who ? `${who} asked` : "Asked of you"}: ${quote(task.title, 90)}`;
  const daysAhead = Math.max(0, localDayDifference(clock.asOf, task.dueAt, clock.timeZone));
  const score =
    task.dueAt <= clock.asOf
      ? W.owed.overdue + ramp(overdueDays, W.owed.overdueGrowth)
      : W.owed.upcoming - ramp(daysAhead, W.owed.upcomingDecline);
  return {
    section: "promises",
    subjectKey: subjectKey.task(task.id),
    contactId: task.contact?.id ?? null,
    people: task.contact ? [task.contact.id] : [],
    title,
    reason: `${told} ${dueText(task.dueAt, clock)}`,
    score,
    dormant: false,
  };
}

export function suggestWaitingOn(task: TaskCandidate, clock: Clock): Suggestion {
  const who = task.contact ? fullName(task.contact) : "someone";
  const overdueDays = Math.max(0, -localDayDifference(clock.asOf, task.dueAt, clock.timeZone));
  return {
    section: "waiting_on",
    subjectKey: subjectKey.task(task.id),
    contactId: task.contact?.id ?? null,
    people: task.contact ? [task.contact.id] : [],
    title: task.private ? `Something you are waiting on from ${who}` : `${capitalize(who)}: ${quote(task.title, 90)}`,
    reason: `You have been waiting since ${day(task.saidAt, clock)}; it was expected ${day(task.dueAt, clock)}${overdueDays > 0 ? `, ${spanInWords(overdueDays)} ago` : ""}. A gentle nudge?`,
    score: W.waitingOn.base + ramp(overdueDays, W.waitingOn.overdueGrowth),
    dormant: false,
  };
}

/** What a person needs or what happened to them, in their terms and with its date. */
function factLine(signal: SignalCandidate, clock: Clock): string {
  const who = firstName(signal.contact);
  const when = day(signal.saidAt, clock);
  if (signal.kind === "life_event" && isHardLifeEvent(signal.text)) {
    return `${who} is going through something hard: ${quote(signal.text)} (${when}). A kind word may help.`;
  }
  if (signal.kind === "need") return `${who} needs: ${quote(signal.text)} (${when}).`;
  return `${who}’s news: ${quote(signal.text)} (${when}).`;
}

export function suggestCheckIn(
  candidate: CheckInCandidate,
  facts: { need: SignalCandidate | null; lifeEvent: SignalCandidate | null },
  clock: Clock,
): Suggestion {
  const { contact } = candidate;
  const lines: string[] = [];
  if (facts.need) lines.push(factLine(facts.need, clock));
  if (facts.lifeEvent) lines.push(factLine(facts.lifeEvent, clock));
  if (candidate.lastInteractionAt !== null) {
    const about = candidate.lastSubject ? `, about ${quote(candidate.lastSubject, 60)}` : "";
    lines.push(`You last talked ${relativeDay(candidate.lastInteractionAt, clock.asOf, clock.timeZone)} (${day(candidate.lastInteractionAt, clock)})${about}.`);
  }
  if (candidate.cadenceDays) lines.push(`You wanted to be in touch every ${spanInWords(candidate.cadenceDays)}.`);
  else if (candidate.learnedCadenceDays) lines.push(`You usually talk every ${spanInWords(candidate.learnedCadenceDays)}.`);

  const silentDays = candidate.lastInteractionAt === null ? Infinity : (clock.asOf - candidate.lastInteractionAt) / DAY_MS;
  const dormant = silentDays > W.checkIn.dormantAfterDays;
  const lapsedDays = (clock.asOf - candidate.nextCheckInAt) / DAY_MS;
  const score =
    W.checkIn.base +
    (facts.need ? W.checkIn.need : 0) +
    (facts.lifeEvent ? W.checkIn.lifeEvent : 0) +
    ramp(candidate.interactionCount, W.checkIn.interactions) +
    (lapsedDays <= W.checkIn.recentlyLapsedDays ? W.checkIn.recentlyLapsed : 0) -
    (dormant ? W.checkIn.dormantPenalty : 0);
  return {
    section: "check_in",
    subjectKey: subjectKey.contact(contact.id),
    contactId: contact.id,
    people: [contact.id],
    title: `Check in with ${fullName(contact)}`,
    reason: lines.join(" ") || `It has been a while since you were in touch with ${firstName(contact)}.`,
    score,
    dormant,
  };
}

export function suggestOfferHelp(need: SignalCandidate, clock: Clock): Suggestion {
  const ageDays = (clock.asOf - need.saidAt) / DAY_MS;
  const { fresh, freshDays, fadeDaysPerPoint, fadeFloor } = W.offerHelp;
  const freshness = ageDays <= freshDays ? 1 : Math.max(fadeFloor, 1 - (ageDays - freshDays) / fadeDaysPerPoint);
  return {
    section: "offer_help",
    subjectKey: subjectKey.signal(need.id),
    contactId: need.contact.id,
    people: [need.contact.id],
    title: `Offer ${fullName(need.contact)} a hand`,
    reason: `${factLine(need, clock)} Do you know someone or something that would help?`,
    score: fresh * freshness,
    dormant: false,
  };
}

export function suggestIntroduction(pair: CandidatePair): Suggestion {
  const a = firstName(pair.a);
  const b = firstName(pair.b);
  let reason: string;
  let score: number;
  switch (pair.basis.kind) {
    case "need_offer":
      reason = `${a} needs ${quote(pair.basis.need.text)}; ${b} offered ${quote(pair.basis.offer.text)}.`;
      score = W.introduction.needOffer;
      break;
    case "need_interest":
      reason = `${a} needs ${quote(pair.basis.need.text)}, and ${b} is into #${pair.basis.tag}.`;
      score = W.introduction.needInterest;
      break;
    case "shared_interest": {
      const tags = pair.basis.tags.map((tag) => `#${tag}`);
      const list = tags.length > 1 ? `${tags.slice(0, -1).join(", ")} and ${tags.at(-1) ?? ""}` : (tags[0] ?? "");
      reason = `${a} and ${b} both care about ${list}.`;
      score = W.introduction.sharedInterest + Math.min(tags.length - 1, W.introduction.maxExtraSharedTags) * W.introduction.perExtraSharedTag;
      break;
    }
  }
  return {
    section: "introductions",
    subjectKey: pair.key,
    contactId: pair.a.id,
    people: [pair.a.id, pair.b.id],
    title: `Introduce ${fullName(pair.a)} and ${fullName(pair.b)}`,
    reason,
    score,
    dormant: false,
    covers: pair.basis.kind === "shared_interest" ? [] : [subjectKey.signal(pair.basis.need.id)],
  };
}

export function suggestCloseLoop(intro: IntroductionCandidate, clock: Clock): Suggestion | null {
  const when = day(intro.madeAt, clock);
  const why = intro.reason ? ` ${capitalize(quote(intro.reason, 100))}` : "";
  const base = { section: "close_loop" as const, subjectKey: subjectKey.introduction(intro.id), score: W.closeLoop, dormant: false };
  const { introducer, personA, personB } = intro;
  if (introducer === null && personA && personB) {
    if (intro.status === "asked") {
      return {
        ...base,
        contactId: personA.id,
        people: [personA.id, personB.id],
        title: `Did ${firstName(personA)} say yes to meeting ${firstName(personB)}?`,
        reason: `You asked ${fullName(personA)} on ${when} about an introduction to ${fullName(personB)}.${why}`,
      };
    }
    return {
      ...base,
      contactId: personA.id,
      people: [personA.id, personB.id],
      title: `Did ${firstName(personA)} and ${firstName(personB)} connect?`,
      reason: `You introduced ${fullName(personA)} and ${fullName(personB)} on ${when}.${why}`,
    };
  }
  if (introducer && personA && personB === null) {
    return {
      ...base,
      contactId: introducer.id,
      people: [introducer.id, personA.id],
      title: `Thank ${firstName(introducer)} for introducing you to ${firstName(personA)}`,
      reason: `${fullName(introducer)} introduced you to ${fullName(personA)} on ${when}. A short thank-you, and how it went, keeps the door open.`,
    };
  }
  // Someone else's introduction the user was only copied on: not the user's loop.
  return null;
}

export function suggestComingUp(event: SignalCandidate, clock: Clock): Suggestion | null {
  if (event.dueAt === null) return null;
  const hard = isHardLifeEvent(event.text);
  const soon = localDayDifference(clock.asOf, event.dueAt, clock.timeZone) <= W.comingUp.soonWithinDays;
  return {
    section: "coming_up",
    subjectKey: subjectKey.signal(event.id),
    contactId: event.contact.id,
    people: [event.contact.id],
    title: `${fullName(event.contact)}: ${event.text.replace(/\s+/g, " ").trim()}`,
    reason: `${day(event.dueAt, clock)} (${relativeDay(event.dueAt, clock.asOf, clock.timeZone)}). ${
      hard ? "A hard time, perhaps: a short, kind note can mean a lot." : `A note to ${firstName(event.contact)} beforehand would be welcome.`
    }`,
    score: (soon ? W.comingUp.soon : W.comingUp.later) + (hard ? W.comingUp.hard : 0),
    dormant: false,
  };
}

function newestByContact(signals: readonly SignalCandidate[]): Map<string, SignalCandidate> {
  const byContact = new Map<string, SignalCandidate>();
  for (const signal of signals) {
    const known = byContact.get(signal.contact.id);
    if (!known || signal.saidAt > known.saidAt) byContact.set(signal.contact.id, signal);
  }
  return byContact;
}

/** Every suggestion the week could hold, unranked. */
export function suggest(input: SuggestInput): Suggestion[] {
  const clock: Clock = { asOf: input.asOf, timeZone: input.timeZone };
  const { candidates } = input;
  const needs = newestByContact(candidates.needs);
  const lifeEvents = newestByContact([...candidates.recentLifeEvents, ...candidates.upcomingLifeEvents]);
  return [
    ...[...candidates.promises, ...candidates.asks].map((task) => suggestOwed(task, clock)),
    ...candidates.checkIns.map((candidate) =>
      suggestCheckIn(
        candidate,
        { need: needs.get(candidate.contact.id) ?? null, lifeEvent: lifeEvents.get(candidate.contact.id) ?? null },
        clock,
      ),
    ),
    ...candidates.needs.map((need) => suggestOfferHelp(need, clock)),
    ...input.pairs.map(suggestIntroduction),
    ...candidates.introductionFollowUps.flatMap((intro) => suggestCloseLoop(intro, clock) ?? []),
    ...candidates.upcomingLifeEvents.flatMap((event) => suggestComingUp(event, clock) ?? []),
    ...candidates.waitingOn.map((task) => suggestWaitingOn(task, clock)),
  ];
}
