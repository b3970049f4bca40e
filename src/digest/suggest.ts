// From what Tend knows to what it could suggest this week, each written to the
// user about the other person, with the reason in that person's terms and
// their words, when shown, as a quote that says who said it and when. Pure:
// data, `asOf` and the user's zone in.
import type {
  CheckInCandidate,
  DigestCandidates,
  IntroductionCandidate,
  SignalCandidate,
  Speaker,
  TaskCandidate,
} from "../db/digest-candidates.ts";
import { isOverdue, isRange, type StoredDue } from "../domain/due.ts";
import { askedMoreThanGiven } from "../domain/give-ask.ts";
import { isBareWaitingOn } from "../domain/waiting-on.ts";
import { formatDay } from "../lib/time/format.ts";
import { localDayDifference } from "../lib/time/zoned.ts";
import { type Contact, DAY_MS } from "../model.ts";
import type { CandidatePair } from "./match-introductions.ts";
import { ramp, RANKING_WEIGHTS as W } from "./ranking-weights.ts";
import { subjectKey, type Suggestion } from "./suggestion.ts";
import { eventTone, type Tone } from "./tone.ts";
import { askAction, contactWordsToTend, namedSubject, promiseAction, theirPromiseAction, userWordsToTend } from "./voice.ts";
import { agoInWords, attributedQuote, capitalize, firstName, fullName, quote, relativeDay, spanInWords } from "./wording.ts";

export interface SuggestInput {
  candidates: DigestCandidates;
  pairs: readonly CandidatePair[];
  asOf: number;
  timeZone: string;
}

export interface Clock {
  asOf: number;
  timeZone: string;
}

/** Longest part of a headline taken from someone's words; the rest is in the quote. */
const MAX_CLAUSE_CHARS = 90;

function day(instant: number, clock: Clock): string {
  return formatDay(instant, clock.timeZone, clock.asOf);
}

/** "Fri 27 Nov (in 3 days)", "Mon 23 Nov (yesterday)". */
function dayAndDistance(instant: number, clock: Clock): string {
  return `${day(instant, clock)} (${relativeDay(instant, clock.asOf, clock.timeZone)})`;
}

function daysSince(instant: number, clock: Clock): number {
  return -localDayDifference(clock.asOf, instant, clock.timeZone);
}

// Words that start a sentence but not a name: only these lose their capital inside a headline.
const LOWERABLE = /^(?:she|he|they|her|his|their|its|it|the|a|an|has|is|was|will|would|looking|hiring|raising|moving|starting|getting|you|your|some|any|birthday|wedding|knee|surgery|funeral)\b/i;

function lowerFirst(text: string): string {
  return LOWERABLE.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, " ").trim().replace(/[.!\s]+$/, "");
  if (line.length <= MAX_CLAUSE_CHARS) return line;
  const cut = line.slice(0, MAX_CLAUSE_CHARS - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_CLAUSE_CHARS / 2)).replace(/[\s,;:.-]+$/, "")}…`;
}

/** Someone's words in Tend's voice, or null when the rewrite is unsure (the quote then says it). */
function inTendVoice(text: string, speaker: Speaker): string | null {
  return speaker.kind === "user" ? userWordsToTend(text) : contactWordsToTend(text);
}

function quoteOf(text: string | null, speaker: Speaker, saidAt: number, clock: Clock): string | null {
  if (!text) return null;
  const source = speaker.kind === "user" ? { kind: "user" as const } : { kind: "person" as const, person: speaker.contact };
  return attributedQuote(source, saidAt, text, clock.timeZone, clock.asOf);
}

/** A headline: "Carla Mendes — what", or the clause alone when it is about nobody in particular. */
function headline(contact: Contact | null, clause: string): string {
  return contact ? `${fullName(contact)} — ${clause}` : capitalize(clause);
}

function mergeAs(contact: Contact | null, clause: string): { merge?: { name: string; clause: string } } {
  return contact ? { merge: { name: fullName(contact), clause } } : {};
}

interface DueState {
  /** Words for the headline: "due Fri 27 Nov", "was due Wed 25 Nov", "due between Mon 7 and Sun 13 Dec". */
  words: string;
  /** Local days past the end of the due day or range; 0 when not overdue. */
  overdueDays: number;
}

/**
 * A stored due date (src/domain/due.ts) in words: a range as it was said ("due
 * the week of December 7"), never overdue inside it; a day as "due Fri 27 Nov".
 * `dueAt` is when it is late: a day, or a range's last day.
 */
export function dueState(due: StoredDue & { dueAt: number }, clock: Clock): DueState {
  const overdueDays = isOverdue(due, clock.asOf, clock.timeZone) ? Math.max(1, daysSince(due.dueAt, clock)) : 0;
  if (isRange(due) && due.dueStartAt !== null && due.dueStartAt !== undefined) {
    const span = due.dueText ?? `between ${day(due.dueStartAt, clock)} and ${day(due.dueAt, clock)}`;
    return { words: overdueDays > 0 ? `was due ${span}, ended ${spanInWords(overdueDays)} ago` : `due ${span}`, overdueDays };
  }
  if (overdueDays > 0) return { words: `was due ${day(due.dueAt, clock)}, ${spanInWords(overdueDays)} ago`, overdueDays };
  return { words: `due ${dayAndDistance(due.dueAt, clock)}`, overdueDays };
}

/** A promise the user made, or something asked of them, with the date someone said. */
export function suggestOwed(task: TaskCandidate, clock: Clock): Suggestion {
  if (task.dueAt === null) return suggestUndated(task, clock);
  const { contact } = task;
  const who = contact ? firstName(contact) : "someone";
  const due = dueState({ ...task, dueAt: task.dueAt }, clock);
  const isPromise = task.kind === "promise";
  let clause: string;
  if (task.private) clause = isPromise ? "a promise told in confidence" : "something asked of you in confidence";
  else if (isPromise) clause = `you said you'd ${clip(promiseAction(task.title) ?? "do something")}`;
  else clause = `asked you ${clip(askAction(task.title) ?? "for something")}`;
  clause = `${clause}; ${due.words}`;
  const said = day(task.saidAt, clock);
  const reason = isPromise
    ? due.overdueDays > 0
      ? `You promised ${who} on ${said}. If it will be late, a short note with a new date keeps your word.`
      : `You promised ${who} on ${said}.`
    : `${capitalize(who)} asked on ${said}.`;
  const daysAhead = Math.max(0, localDayDifference(clock.asOf, task.dueStartAt ?? task.dueAt, clock.timeZone));
  // Past its last instant it ranks as overdue, even on the day itself (the label waits for a whole day).
  const pastDue = task.dueAt <= clock.asOf;
  const score = pastDue
    ? W.owed.overdue + ramp(due.overdueDays, W.owed.overdueGrowth)
    : W.owed.upcoming - ramp(daysAhead, W.owed.upcomingDecline);
  return {
    section: "promises",
    subjectKey: subjectKey.task(task.id),
    contactId: contact?.id ?? null,
    people: contact ? [contact.id] : [],
    title: headline(contact, clause),
    reason,
    quote: task.private ? null : quoteOf(task.sentence ?? task.title, task.speaker, task.saidAt, clock),
    ...mergeAs(contact, clause),
    when: task.dueAt,
    score,
    dormant: false,
  };
}

/** A promise or ask with no date: never late, never given one; ranked by how long it has waited. */
export function suggestUndated(task: TaskCandidate, clock: Clock): Suggestion {
  const { contact } = task;
  const who = contact ? firstName(contact) : "someone";
  const age = daysSince(task.saidAt, clock);
  const ago = agoInWords(age);
  let clause: string;
  if (task.kind === "promise") {
    const action = task.private ? null : promiseAction(task.title);
    clause = action ? `${ago} you told ${who} you'd ${clip(action)}` : `${ago} you made ${who} a promise`;
  } else {
    const action = task.private ? null : askAction(task.title);
    clause = action ? `${ago} ${who} asked you ${clip(action)}` : `${ago} ${who} asked you for something`;
  }
  return {
    section: "promises",
    subjectKey: subjectKey.task(task.id),
    contactId: contact?.id ?? null,
    people: contact ? [contact.id] : [],
    title: headline(contact, clause),
    reason:
      task.kind === "promise"
        ? "No date was set, so it is not late; doing it, or saying when, keeps your word."
        : "No date was set; a short answer, even “not now”, keeps the door open.",
    quote: task.private ? null : quoteOf(task.sentence ?? task.title, task.speaker, task.saidAt, clock),
    ...mergeAs(contact, clause),
    when: null,
    score: W.undated.base + ramp(age, W.undated.ageGrowth),
    dormant: false,
  };
}

export function suggestWaitingOn(task: TaskCandidate, clock: Clock): Suggestion {
  const { contact } = task;
  const who = contact ? firstName(contact) : "someone";
  const due = task.dueAt === null ? null : dueState({ ...task, dueAt: task.dueAt }, clock);
  const overdueDays = due?.overdueDays ?? 0;
  const action = task.private || task.speaker.kind === "user" ? null : theirPromiseAction(task.title);
  const clause = task.private
    ? `something you are waiting on from ${who}`
    : `you're waiting on ${contact ? "them" : "someone"}${action ? ` to ${clip(action)}` : ""}`;
  const expected = due ? ` It ${due.words.replace(/^due/, "is expected").replace(/^was due/, "was expected")}.` : "";
  return {
    section: "waiting_on",
    subjectKey: subjectKey.task(task.id),
    contactId: contact?.id ?? null,
    people: contact ? [contact.id] : [],
    title: headline(contact, clause),
    reason: `Since ${day(task.saidAt, clock)}.${expected}${overdueDays > 0 ? " A gentle nudge?" : ""}`,
    quote: task.private ? null : quoteOf(task.sentence ?? task.title, task.speaker, task.saidAt, clock),
    ...mergeAs(contact, clause),
    when: task.dueAt,
    score: W.waitingOn.base + ramp(overdueDays, W.waitingOn.overdueGrowth),
    dormant: false,
  };
}

// "send you the signed contract" → "the signed contract": what is awaited, when the verb only hands it over.
const HANDED_OVER = /^(?:send|share|forward|give|bring|return|email|mail|pass)\s+(?:you\s+|it\s+to\s+you\s+)?(?:over\s+)?(.+)$/i;

/**
 * A waiting-on nobody dated: it surfaces by age, gently, once it has waited
 * `undatedAfterDays`; never overdue, never a nudge. Null while it is recent.
 */
export function suggestUndatedWaitingOn(task: TaskCandidate, clock: Clock): Suggestion | null {
  const age = daysSince(task.saidAt, clock);
  if (task.dueAt !== null || age < W.waitingOn.undatedAfterDays) return null;
  const { contact } = task;
  const who = contact ? firstName(contact) : "someone";
  const action = task.private || task.speaker.kind === "user" ? null : theirPromiseAction(task.title);
  const what = action ? (HANDED_OVER.exec(action)?.[1] ?? `to ${action}`) : null;
  const clause = `you've been waiting on ${who} since ${day(task.saidAt, clock)}${what ? ` (${clip(what)})` : ""}`;
  return {
    section: "waiting_on",
    subjectKey: subjectKey.task(task.id),
    contactId: contact?.id ?? null,
    people: contact ? [contact.id] : [],
    title: headline(contact, clause),
    reason: "No date was set, so nothing is late; a friendly word, if it still matters, is enough.",
    quote: task.private ? null : quoteOf(task.sentence ?? task.title, task.speaker, task.saidAt, clock),
    ...mergeAs(contact, clause),
    when: null,
    score: W.waitingOn.base + ramp(age, W.waitingOn.undatedAgeGrowth),
    dormant: false,
  };
}

/** What someone needs or went through, in Tend's words, with the person named: "Dev is hiring a senior designer". */
function factSentence(signal: SignalCandidate): string | null {
  const voiced = inTendVoice(signal.text, signal.speaker);
  return voiced ? clip(namedSubject(voiced, firstName(signal.contact))) : null;
}

export interface CheckInFacts {
  need: SignalCandidate | null;
  lifeEvent: SignalCandidate | null;
  /** The last thing they asked of the user, still open. */
  ask?: TaskCandidate | null;
}

export function suggestCheckIn(candidate: CheckInCandidate, facts: CheckInFacts, clock: Clock): Suggestion {
  const { contact } = candidate;
  const who = firstName(contact);
  // Why now, in their terms: their news, their need, their last ask; the rhythm only when there is nothing else.
  let reason: string;
  let quoted: string | null = null;
  const fact = facts.lifeEvent ?? facts.need;
  if (fact) {
    const sentence = factSentence(fact);
    const hard = fact === facts.lifeEvent && eventTone(fact.text, fact.tone) !== "good";
    // "Their last news: Eve just started…", or "Eve's last news: started…" when the words name no one.
    const named = sentence?.startsWith(who) ?? false;
    const lead = fact === facts.lifeEvent ? (hard ? "Hard news" : named ? "Their last news" : `${who}'s last news`) : named ? "Still open" : `Still open for ${who}`;
    reason = sentence ? `${lead}: ${sentence}.` : `${fact === facts.lifeEvent ? "They shared news" : "They mentioned a need"} on ${day(fact.saidAt, clock)}.`;
    if (hard) reason += " A kind word, with no agenda, may help.";
    quoted = quoteOf(fact.sentence, fact.speaker, fact.saidAt, clock);
  } else if (facts.ask) {
    const action = askAction(facts.ask.title);
    reason = action ? `${capitalize(who)} asked you ${action}.` : `${capitalize(who)} asked you something on ${day(facts.ask.saidAt, clock)}.`;
    quoted = quoteOf(facts.ask.sentence ?? facts.ask.title, facts.ask.speaker, facts.ask.saidAt, clock);
  } else if (candidate.lastInteractionAt !== null && candidate.lastSubject) {
    reason = `You last wrote ${relativeDay(candidate.lastInteractionAt, clock.asOf, clock.timeZone)}, about ${quote(candidate.lastSubject, 60)}.`;
  } else if (candidate.cadenceDays) {
    reason = `You wanted to be in touch every ${spanInWords(candidate.cadenceDays)}.`;
  } else if (candidate.learnedCadenceDays) {
    reason = `You usually talk every ${spanInWords(candidate.learnedCadenceDays)}.`;
  } else {
    reason = `It has been a while since you were in touch with ${who}.`;
  }

  const silentDays = candidate.lastInteractionAt === null ? Infinity : (clock.asOf - candidate.lastInteractionAt) / DAY_MS;
  const clause =
    candidate.lastInteractionAt === null
      ? "time to check in"
      : `time to check in (last in touch ${agoInWords(daysSince(candidate.lastInteractionAt, clock))})`;
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
    title: headline(contact, clause),
    reason,
    quote: quoted,
    ...mergeAs(contact, clause),
    when: null,
    score,
    dormant,
  };
}

/** A person known only by name, with where they were named: "Dev (from your notes with Jon Okafor)". */
function namedAs(signal: SignalCandidate): string {
  return signal.pendingFrom ? `${fullName(signal.contact)} (from ${signal.pendingFrom})` : fullName(signal.contact);
}

/**
 * The part of a sentence about this person, when it starts with someone else:
 * "Ben invests in climate founders and Ana is raising her seed round" → "Ana is
 * raising her seed round". Unchanged when no later clause starts with their name.
 */
function partAbout(text: string, first: string): string {
  if (!first || text.toLowerCase().startsWith(`${first.toLowerCase()} `)) return text;
  const at = new RegExp(`(?:[,;]\\s*|\\s(?:and|but|while)\\s+)(${escapeRegExp(first)}\\s.*)$`, "i").exec(text);
  return at?.[1] ?? text;
}

export function suggestOfferHelp(need: SignalCandidate, clock: Clock): Suggestion {
  const ageDays = (clock.asOf - need.saidAt) / DAY_MS;
  const { fresh, freshDays, fadeDaysPerPoint, fadeFloor } = W.offerHelp;
  const freshness = ageDays <= freshDays ? 1 : Math.max(fadeFloor, 1 - (ageDays - freshDays) / fadeDaysPerPoint);
  const said = inTendVoice(need.text, need.speaker);
  const voiced = said === null ? null : partAbout(said, firstName(need.contact));
  const clause = voiced ? `${lowerFirst(clip(voiced))}: do you know someone who could help?` : "needs a hand: do you know someone who could help?";
  // "Dev is hiring…" reads as one sentence after the name, not "Dev — Dev is hiring…".
  const first = firstName(need.contact);
  const rest = voiced?.toLowerCase().startsWith(`${first.toLowerCase()} `) ? voiced.slice(first.length + 1) : null;
  const title = rest ? `${namedAs(need)} ${clip(rest)}: do you know someone who could help?` : `${namedAs(need)} — ${clause}`;
  return {
    section: "offer_help",
    subjectKey: subjectKey.signal(need.id),
    contactId: need.contact.id,
    people: [need.contact.id],
    title,
    reason: "Help offered before it is asked for is the kind people remember.",
    quote: quoteOf(need.sentence, need.speaker, need.saidAt, clock),
    ...mergeAs(need.contact, clause),
    when: null,
    score: fresh * freshness + (need.ledger ? ramp(askedMoreThanGiven(need.ledger), W.offerHelp.askedMore) : 0),
    dormant: false,
  };
}

function signalInWords(signal: SignalCandidate): string {
  const who = firstName(signal.contact);
  const sentence = factSentence(signal);
  if (!sentence) return `${who} mentioned something`;
  return sentence.startsWith(who) ? sentence : `${who}: ${sentence}`;
}

export function suggestIntroduction(pair: CandidatePair, clock: Clock): Suggestion {
  let reason: string;
  let quoted: string | null = null;
  let score: number;
  switch (pair.basis.kind) {
    case "need_offer":
      reason = `${signalInWords(pair.basis.need)}; ${signalInWords(pair.basis.offer)}.`;
      quoted = quoteOf(pair.basis.need.sentence, pair.basis.need.speaker, pair.basis.need.saidAt, clock);
      score = W.introduction.needOffer;
      break;
    case "need_interest":
      reason = `${signalInWords(pair.basis.need)}, and ${firstName(pair.b)} is into #${pair.basis.tag}.`;
      quoted = quoteOf(pair.basis.need.sentence, pair.basis.need.speaker, pair.basis.need.saidAt, clock);
      score = W.introduction.needInterest;
      break;
    case "shared_interest": {
      const tags = pair.basis.tags.map((tag) => `#${tag}`);
      const list = tags.length > 1 ? `${tags.slice(0, -1).join(", ")} and ${tags.at(-1) ?? ""}` : (tags[0] ?? "");
      reason = `${firstName(pair.a)} and ${firstName(pair.b)} both care about ${list}.`;
      score = W.introduction.sharedInterest + Math.min(tags.length - 1, W.introduction.maxExtraSharedTags) * W.introduction.perExtraSharedTag;
      break;
    }
  }
  return {
    section: "introductions",
    subjectKey: pair.key,
    contactId: pair.a.id,
    people: [pair.a.id, pair.b.id],
    title: `Introduce ${fullName(pair.a)} and ${fullName(pair.b)}?`,
    reason,
    quote: quoted,
    score,
    dormant: false,
    covers: pair.basis.kind === "shared_interest" ? [] : [subjectKey.signal(pair.basis.need.id)],
  };
}

export function suggestCloseLoop(intro: IntroductionCandidate, clock: Clock): Suggestion | null {
  const when = day(intro.madeAt, clock);
  const why = intro.reason ? ` Why: ${lowerFirst(clip(contactWordsToTend(intro.reason) ?? "see the introduction"))}.` : "";
  const base = { section: "close_loop" as const, subjectKey: subjectKey.introduction(intro.id), score: W.closeLoop, dormant: false, when: null };
  const { introducer, personA, personB } = intro;
  if (introducer === null && personA && personB) {
    // About two people: named together, as the thread's own items are (suggest-introduction-progress.ts).
    const title =
      intro.status === "asked"
        ? `Did ${firstName(personA)} say yes to meeting ${firstName(personB)}?`
        : `Did ${firstName(personA)} and ${firstName(personB)} connect?`;
    return {
      ...base,
      contactId: personA.id,
      people: [personA.id, personB.id],
      title,
      reason:
        intro.status === "asked"
          ? `You asked ${firstName(personA)} on ${when} about an introduction to ${firstName(personB)}.${why}`
          : `You introduced them on ${when}.${why}`,
    };
  }
  if (introducer && personA && personB === null) {
    const clause = `thank them for introducing you to ${fullName(personA)}`;
    return {
      ...base,
      contactId: introducer.id,
      people: [introducer.id, personA.id],
      title: `Thank ${firstName(introducer)} for introducing you to ${firstName(personA)}`,
      reason: `${fullName(introducer)} introduced you to ${fullName(personA)} on ${when}. A short thank-you, and how it went, keeps the door open.`,
      ...mergeAs(introducer, clause),
    };
  }
  // Someone else's introduction the user was only copied on: not the user's loop.
  return null;
}

// "Her birthday is December 14" → "her birthday"; "Knee surgery on the 4th" → "knee surgery": the date is said by Tend.
const STATED_DATE =
  /\s+(?:is|was|will be|on|in|at)?\s*(?:on\s+)?(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?(?:\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*)?|tomorrow|today|next \w+)\b.*$/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The event, short and in Tend's voice, without the date its sentence gave (Tend gives it, exactly). */
function eventPhrase(event: SignalCandidate): string {
  const voiced = inTendVoice(event.text, event.speaker) ?? "an event";
  const undated = voiced.replace(STATED_DATE, "").trim() || voiced;
  const names = [fullName(event.contact), firstName(event.contact)].map(escapeRegExp).join("|");
  // "Leo Brandt (leo@…) has knee surgery" → "knee surgery": the headline names Leo already.
  const aboutThem = undated
    .replace(new RegExp(`^(?:${names})(?:'s|’s)?(?:\\s*\\([^)]*\\))?[:,]?\\s+`, "i"), "")
    .replace(/^(?:she|he|they)\s+/i, "")
    .replace(/^(?:has|had|is having|will have|'s having)\s+(?:(?:her|his|their|a|an)\s+)?/i, "")
    .replace(/^(?:her|his|their)\s+/i, "");
  return lowerFirst(clip(aboutThem || undated));
}

const BEFORE: Record<Tone, string> = {
  good: "A note beforehand would be welcome.",
  hard: "A kind word beforehand may help; no need to ask for details.",
  loss: "A short note to say you are thinking of them.",
};

/** Before a dated event: a gentle heads-up. */
export function suggestComingUp(event: SignalCandidate, clock: Clock): Suggestion | null {
  if (event.dueAt === null) return null;
  const tone = eventTone(event.text, event.tone);
  const soon = localDayDifference(clock.asOf, event.dueAt, clock.timeZone) <= W.comingUp.soonWithinDays;
  // A range is said as it was said ("the week of December 7"), never as a day nobody named.
  const range = isRange(event) && event.dueText ? event.dueText : null;
  const clause = range ? `${eventPhrase(event)} ${range}` : `${eventPhrase(event)} ${day(event.dueAt, clock)} (${relativeDay(event.dueAt, clock.asOf, clock.timeZone)})`;
  return {
    section: "coming_up",
    subjectKey: subjectKey.signal(event.id),
    contactId: event.contact.id,
    people: [event.contact.id],
    title: headline(event.contact, clause),
    reason: BEFORE[tone],
    quote: quoteOf(event.sentence, event.speaker, event.saidAt, clock),
    ...mergeAs(event.contact, clause),
    when: event.dueAt,
    // Before next week's digest: this week or never. Later ones can wait a week.
    dated: soon,
    score: (soon ? W.comingUp.soon : W.comingUp.later) + (tone === "good" ? 0 : W.comingUp.hard),
    dormant: false,
  };
}

/** After a dated event: one "how did it go?", warm for good news, careful for hard news, never cheerful about a loss. */
export function suggestAfterEvent(event: SignalCandidate, clock: Clock): Suggestion | null {
  if (event.dueAt === null) return null;
  // A range ("the week of December 7") is asked about once it is over, not on its first day.
  if (isRange(event) && !isOverdue(event, clock.asOf, clock.timeZone)) return null;
  const who = firstName(event.contact);
  const tone = eventTone(event.text, event.tone);
  const what = eventPhrase(event);
  const when = isRange(event) && event.dueText ? event.dueText : day(event.dueAt, clock);
  const words: Record<Tone, { clause: string; reason: string }> = {
    good: { clause: `${what} was ${when}: ask how it went`, reason: `${who} will be glad you remembered.` },
    hard: { clause: `${what} was ${when}: ask how they are`, reason: `A gentle note, with no need to reply, asking how ${who} is doing.` },
    loss: {
      clause: `thinking of them: ${what} was ${when}`,
      reason: `A short, kind note to say you are thinking of ${who}. No need to ask how it went.`,
    },
  };
  const { clause, reason } = words[tone];
  return {
    section: "coming_up",
    subjectKey: subjectKey.after(event.id),
    contactId: event.contact.id,
    people: [event.contact.id],
    title: headline(event.contact, clause),
    reason,
    quote: quoteOf(event.sentence, event.speaker, event.saidAt, clock),
    ...mergeAs(event.contact, clause),
    when: event.dueAt,
    dated: true,
    score: W.afterEvent.base + (tone === "good" ? 0 : W.afterEvent.hard),
    dormant: false,
  };
}

/** Someone did what the user was waiting on: one thank-you. */
export function suggestThanks(task: TaskCandidate, clock: Clock): Suggestion | null {
  const { contact } = task;
  if (!contact || task.completedAt === null) return null;
  const clause = "came through on what you were waiting for: say thank you";
  return {
    section: "close_loop",
    subjectKey: subjectKey.thanks(task.id),
    contactId: contact.id,
    people: [contact.id],
    title: headline(contact, clause),
    reason: `You had been waiting since ${day(task.saidAt, clock)}; it was done ${day(task.completedAt, clock)}. A short thank-you goes a long way.`,
    quote: task.private ? null : quoteOf(task.sentence ?? task.title, task.speaker, task.saidAt, clock),
    ...mergeAs(contact, clause),
    when: null,
    score: W.thanks,
    dormant: false,
  };
}

/** A promise the user kept, a while ago: ask once how it turned out. */
export function suggestOutcome(task: TaskCandidate, clock: Clock): Suggestion | null {
  const { contact } = task;
  if (!contact || task.completedAt === null) return null;
  const action = task.private ? null : promiseAction(task.title);
  const clause = "how did your help turn out?";
  return {
    section: "close_loop",
    subjectKey: subjectKey.outcome(task.id),
    contactId: contact.id,
    people: [contact.id],
    title: headline(contact, clause),
    reason: `${action ? `You said you'd ${clip(action)}, and` : "You kept your word to them;"} it was done ${day(task.completedAt, clock)}. Ask once how it went; reply with “note” to keep the answer.`,
    ...mergeAs(contact, clause),
    when: null,
    score: W.outcome,
    dormant: false,
  };
}

function newestByContact<T extends { saidAt: number }>(items: readonly T[], contactOf: (item: T) => Contact | null): Map<string, T> {
  const byContact = new Map<string, T>();
  for (const item of items) {
    const contact = contactOf(item);
    if (!contact) continue;
    const known = byContact.get(contact.id);
    if (!known || item.saidAt > known.saidAt) byContact.set(contact.id, item);
  }
  return byContact;
}

function bySignal(signal: SignalCandidate): Contact {
  return signal.contact;
}

/**
 * Undated waiting-ons, without a bare "Waiting on Gus." when something else
 * the user waits on (or just got) from Gus is known: one waiting-on per person per thing.
 */
function distinctUndatedWaitingOn(candidates: DigestCandidates): TaskCandidate[] {
  const all = [...candidates.waitingOn, ...candidates.undatedWaitingOn, ...candidates.resolvedWaitingOn];
  return candidates.undatedWaitingOn.filter(
    (task) =>
      !isBareWaitingOn(task.title) ||
      !all.some((other) => other.id !== task.id && other.contact !== null && other.contact.id === task.contact?.id && !isBareWaitingOn(other.title)),
  );
}

/** Every suggestion the week could hold, unranked. */
export function suggest(input: SuggestInput): Suggestion[] {
  const clock: Clock = { asOf: input.asOf, timeZone: input.timeZone };
  const { candidates } = input;
  const needs = newestByContact(candidates.needs, bySignal);
  const lifeEvents = newestByContact([...candidates.recentLifeEvents, ...candidates.upcomingLifeEvents], bySignal);
  const asks = newestByContact(
    [...candidates.asks, ...candidates.undatedOwed.filter((task) => task.kind === "ask")],
    (task) => task.contact,
  );
  return [
    ...[...candidates.promises, ...candidates.asks].map((task) => suggestOwed(task, clock)),
    ...candidates.undatedOwed.map((task) => suggestUndated(task, clock)),
    ...candidates.checkIns.map((candidate) =>
      suggestCheckIn(
        candidate,
        {
          need: needs.get(candidate.contact.id) ?? null,
          lifeEvent: lifeEvents.get(candidate.contact.id) ?? null,
          ask: asks.get(candidate.contact.id) ?? null,
        },
        clock,
      ),
    ),
    ...candidates.needs.map((need) => suggestOfferHelp(need, clock)),
    ...input.pairs.map((pair) => suggestIntroduction(pair, clock)),
    ...candidates.introductionFollowUps.flatMap((intro) => suggestCloseLoop(intro, clock) ?? []),
    ...candidates.upcomingLifeEvents.flatMap((event) => suggestComingUp(event, clock) ?? []),
    ...candidates.pastLifeEvents.flatMap((event) => suggestAfterEvent(event, clock) ?? []),
    ...candidates.waitingOn.map((task) => suggestWaitingOn(task, clock)),
    ...distinctUndatedWaitingOn(candidates).flatMap((task) => suggestUndatedWaitingOn(task, clock) ?? []),
    ...candidates.resolvedWaitingOn.flatMap((task) => suggestThanks(task, clock) ?? []),
    ...candidates.keptPromises.flatMap((task) => suggestOutcome(task, clock) ?? []),
  ];
}
