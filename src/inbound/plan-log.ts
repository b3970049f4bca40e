// store, the pure half: what one message writes, decided from what it says and
// the contacts it touches. src/db/log-message.ts turns the plan into one batch.
import type { KnownContact } from "../db/contacts.ts";
import type { ContactWrite, LogPlan } from "../db/log-message.ts";
import { learnCadence, nextCheckInAt } from "../domain/cadence.ts";
import { REMINDER_HOUR, writeRecurrence } from "../domain/recurrence.ts";
import { isBareWaitingOn } from "../domain/waiting-on.ts";
import { isLocalDate } from "../lib/time/local-date.ts";
import { atLocalTime } from "../lib/time/zoned.ts";
import { DAY_MS, type DuePrecision, type InteractionKind, type Role, type Signal, type SignalKind, type TaskKind } from "../model.ts";
import type { ReminderTime } from "./reminder-address.ts";
import { nameKeys, nameQuality } from "./people.ts";
import type { Understanding } from "./understand.ts";

/** When to ask "did they connect?" after an introduction, or to thank the introducer. */
export const INTRODUCTION_FOLLOW_UP_DAYS = 14;
/** When to ask again about a double opt-in that may have gone unanswered. */
export const OPT_IN_FOLLOW_UP_DAYS = 7;

// Roles that mean the user and the person were in touch; a mention is not.
const CONTACT_ROLES: ReadonlySet<Role> = new Set(["from", "to", "cc", "introducer", "introduced", "attendee"]);

export interface LogPlanInput {
  userId: string;
  understanding: Understanding;
  reminder: ReminderTime | null;
  existing: readonly KnownContact[];
  keys: string[];
  timeZone: string;
  now: number;
  newId: () => string;
}

function interactionKind(kind: Understanding["kind"]): InteractionKind {
  switch (kind) {
    case "introduction":
    case "forwarded":
    case "invite":
    case "notes":
    case "reminder":
      return kind;
    default:
      return "thread";
  }
}

function localNineAm(date: string, timeZone: string): number | null {
  if (!isLocalDate(date)) return null;
  return atLocalTime(date, REMINDER_HOUR, timeZone);
}

const TASK_FOR_SIGNAL: Partial<Record<SignalKind, TaskKind>> = {
  promise: "promise",
  ask: "ask",
  waiting_on: "waiting_on",
  follow_up: "follow_up",
};

/** When a signal is dated: one day, or a range and how it was said. */
export interface PlannedDue {
  /** signals.due_at: a range's last day for what can be late (a task), its first day for the rest. */
  dueAt: number | null;
  dueStartAt: number | null;
  dueEndAt: number | null;
  duePrecision: DuePrecision | null;
  dueText: string | null;
}

/** A signal's date as stored: nothing nobody said, and a range as the range it was. */
export function plannedDue(signal: Pick<Signal, "kind" | "due" | "dueRange">, timeZone: string): PlannedDue {
  const range = signal.dueRange ?? null;
  if (!range) {
    const dueAt = signal.due ? localNineAm(signal.due, timeZone) : null;
    return { dueAt, dueStartAt: null, dueEndAt: null, duePrecision: dueAt === null ? null : "day", dueText: null };
  }
  const dueStartAt = localNineAm(range.start, timeZone);
  const dueEndAt = localNineAm(range.end, timeZone);
  const canBeLate = TASK_FOR_SIGNAL[signal.kind] !== undefined;
  return { dueAt: canBeLate ? dueEndAt : dueStartAt, dueStartAt, dueEndAt, duePrecision: range.precision, dueText: range.text };
}

/**
 * A bare "waiting on Gus" beside something else this message says Sam waits on
 * from Gus ("I'll send you the signed contract", in the mail forwarded under it)
 * is that same thing, not a second item: one waiting-on per person per thing.
 */
function restatesWaitingOn(signal: Signal, contactId: string | null, found: readonly Signal[], resolve: (person: Signal["person"]) => string | null): boolean {
  if (signal.kind !== "waiting_on" || contactId === null || !isBareWaitingOn(signal.text)) return false;
  return found.some((other) => other !== signal && other.kind === "waiting_on" && !isBareWaitingOn(other.text) && resolve(other.person) === contactId);
}

/** Signals to store and the tasks they imply (promises, asks, waiting on, follow-ups). */
export function planSignals(
  found: readonly Signal[],
  ctx: {
    resolve: (person: Signal["person"]) => string | null;
    occurredAt: number;
    timeZone: string;
    now: number;
    newId: () => string;
  },
): Pick<LogPlan, "signals" | "tasks"> {
  const signals: LogPlan["signals"] = [];
  const tasks: LogPlan["tasks"] = [];
  for (const signal of found) {
    const contactId = ctx.resolve(signal.person);
    if (restatesWaitingOn(signal, contactId, found, ctx.resolve)) continue;
    const id = ctx.newId();
    const due = plannedDue(signal, ctx.timeZone);
    const speaker = signal.speaker ?? null;
    signals.push({
      id,
      contactId,
      aboutUser: signal.aboutUser,
      kind: signal.kind,
      text: signal.text,
      sentence: signal.sentence,
      tag: signal.tag,
      ...due,
      speakerContactId: speaker ? ctx.resolve(speaker) : null,
      speakerName: speaker ? (speaker.name ?? speaker.address) : null,
      tone: signal.kind === "life_event" ? (signal.tone ?? null) : null,
      private: signal.private,
    });
    const taskKind = TASK_FOR_SIGNAL[signal.kind];
    if (!taskKind) continue;
    const dueAt = due.dueAt;
    // Waiting-on items surface in the digest when overdue; the rest also get a reminder on the
    // day. A range reminds on its first day: "the week of 7 December" starts on the 7th.
    const remindOn = due.dueStartAt ?? dueAt;
    const remindAt = remindOn !== null && remindOn > ctx.now && taskKind !== "waiting_on" ? remindOn : null;
    tasks.push({
      id: ctx.newId(),
      kind: taskKind,
      title: signal.text,
      contactId,
      signalId: id,
      // Nobody said when: no due date. The digest ranks it by how long ago it was said.
      dueAt,
      dueStartAt: due.dueStartAt,
      remindAt,
    });
  }
  return { signals, tasks };
}

/** Where a pending contact was named, in words: "your notes with Jon Okafor". */
export function pendingFrom(u: Pick<Understanding, "kind" | "people">): string {
  const others = u.people.filter((p) => CONTACT_ROLES.has(p.role)).flatMap((p) => (p.name ?? p.address ? [p.name ?? p.address ?? ""] : []));
  const names = others.length > 2 ? `${others.slice(0, 2).join(", ")} and others` : others.join(" and ");
  const withWhom = names ? ` with ${names}` : "";
  switch (u.kind) {
    case "notes":
      return `your notes${withWhom}`;
    case "forwarded":
      return `a mail you forwarded${names ? ` (${names})` : ""}`;
    case "invite":
      return `your meeting${withWhom}`;
    default:
      return names ? `your mail with ${names}` : "your mail";
  }
}

function participantKey(p: { name: string | null; address: string | null }): string {
  return p.address ?? `name:${nameKeys(p.name).nameKey ?? ""}`;
}

export function planLog(input: LogPlanInput): LogPlan {
  const { understanding: u, now, newId } = input;
  const byAddress = new Map(input.existing.filter((c) => c.address).map((c) => [c.address, c]));
  const writes = new Map<string, ContactWrite>();
  const contactFor = new Map<string, string>(); // person key → contact id

  const byName = (name: string | null): KnownContact | undefined => {
    const { nameKey, firstNameKey } = nameKeys(name);
    if (!nameKey) return undefined;
    const exact = input.existing.find((c) => c.nameKey === nameKey);
    if (exact) return exact;
    const firsts = input.existing.filter((c) => c.firstNameKey === firstNameKey);
    return nameKey === firstNameKey && firsts.length === 1 ? firsts[0] : undefined;
  };

  // "Dev Patel <dev@…>" arrives after notes named only "Dev": the pending contact gets the address.
  const pendingByName = (name: string | null): KnownContact | undefined => {
    const { nameKey, firstNameKey } = nameKeys(name);
    if (!nameKey) return undefined;
    // One contact may be known twice: named in the text, and found by the mail's header name.
    const pending = [...new Map(input.existing.filter((c) => c.pending === true && c.address === null).map((c) => [c.id, c])).values()];
    const exact = pending.filter((c) => c.nameKey === nameKey);
    if (exact.length === 1) return exact[0];
    const byFirst = pending.filter((c) => c.nameKey !== null && c.nameKey === c.firstNameKey && c.firstNameKey === firstNameKey);
    return exact.length === 0 && byFirst.length === 1 ? byFirst[0] : undefined;
  };

  for (const person of u.people) {
    const pendingMatch = person.address && !byAddress.has(person.address) ? pendingByName(person.name) : undefined;
    const known = person.address ? (byAddress.get(person.address) ?? pendingMatch) : byName(person.name);
    const id = known?.id ?? newId();
    const quality = nameQuality(person.name);
    const keys = nameKeys(person.name);
    const write: ContactWrite = writes.get(id) ?? {
      id,
      isNew: !known,
      address: person.address,
      name: null,
      touch: null,
      ...(pendingMatch ? { settlesPending: true } : {}),
    };
    if (person.name && quality > (known?.nameQuality ?? 0) && quality > (write.name?.quality ?? 0)) {
      write.name = { value: person.name, quality, ...keys };
    }
    if (CONTACT_ROLES.has(person.role) && (known?.lastInteractionAt ?? 0) < u.occurredAt) {
      const learnedCadenceDays = learnCadence(known?.learnedCadenceDays ?? null, known?.lastInteractionAt ?? null, u.occurredAt);
      write.touch = {
        at: u.occurredAt,
        learnedCadenceDays,
        nextCheckInAt: nextCheckInAt({ cadenceDays: known?.cadenceDays ?? null, learnedCadenceDays }, u.occurredAt),
      };
    }
    writes.set(id, write);
    contactFor.set(participantKey(person), id);
  }

  const resolve = (p: Signal["person"]): string | null => {
    if (!p) return null;
    const direct = contactFor.get(participantKey(p));
    if (direct) return direct;
    const { nameKey, firstNameKey } = nameKeys(p.name);
    const planned = u.people.filter((q) => {
      const k = nameKeys(q.name);
      return nameKey !== null && (k.nameKey === nameKey || (nameKey === firstNameKey && k.firstNameKey === firstNameKey));
    });
    return planned.length === 1 && planned[0] ? (contactFor.get(participantKey(planned[0])) ?? null) : null;
  };

  const participants = u.people.flatMap((p) => {
    const contactId = contactFor.get(participantKey(p));
    return contactId ? [{ contactId, role: p.role }] : [];
  });

  // Someone the text names who is no participant ("Dev is hiring", in notes with Jon): a pending
  // contact, so what was said about them surfaces. Not for what was said in confidence.
  const from = pendingFrom(u);
  for (const signal of u.signals) {
    const p = signal.person;
    if (!p?.name || p.address || signal.private || resolve(p)) continue;
    // A first name that someone in the message shares is ambiguous, not someone new.
    const first = nameKeys(p.name).firstNameKey;
    if (u.people.some((q) => nameKeys(q.name).firstNameKey === first)) continue;
    const key = participantKey(p);
    if (contactFor.has(key)) continue;
    const known = byName(p.name);
    const id = known?.id ?? newId();
    if (!known) {
      writes.set(id, { id, isNew: true, address: null, name: { value: p.name, quality: nameQuality(p.name), ...nameKeys(p.name) }, touch: null, pending: { from } });
    }
    contactFor.set(key, id);
    participants.push({ contactId: id, role: "mentioned" });
  }

  let introduction: LogPlan["introduction"] = null;
  if (u.introduction) {
    const intro = u.introduction;
    const userIntroduced = intro.people.some((p) => p.address !== null && p.address === input.understanding.from.address && intro.introducer.address !== p.address);
    const others = intro.people.map(resolve).filter((id): id is string => id !== null);
    const introducerIsUser = intro.introducer.address === u.from.address;
    introduction = {
      id: newId(),
      introducerContactId: introducerIsUser ? null : resolve(intro.introducer),
      personAContactId: others[0] ?? null,
      personBContactId: userIntroduced ? null : (others[1] ?? null),
      reason: intro.reason,
      optIn: intro.optIn,
      followUpAt: u.occurredAt + (intro.optIn ? OPT_IN_FOLLOW_UP_DAYS : INTRODUCTION_FOLLOW_UP_DAYS) * DAY_MS,
    };
  }

  const { signals, tasks } = planSignals(u.signals, { resolve, occurredAt: u.occurredAt, timeZone: input.timeZone, now, newId });

  if (input.reminder) {
    const about = participants.find((p) => p.role === "to") ?? participants[0];
    tasks.push({
      id: newId(),
      kind: "reminder",
      title: u.subject ? `Follow up: ${u.subject}` : "Follow up on this thread",
      contactId: about?.contactId ?? null,
      signalId: null,
      dueAt: input.reminder.at,
      remindAt: input.reminder.at,
      // `tend+3d-keep@`, or a rhythm: a reply on the thread does not cancel it.
      ...(input.reminder.keep || input.reminder.recurrence ? { keepOnReply: true } : {}),
      ...(input.reminder.recurrence ? { recurrence: writeRecurrence(input.reminder.recurrence) } : {}),
    });
  }

  return {
    userId: input.userId,
    keys: input.keys,
    kind: u.kind,
    interaction: {
      id: newId(),
      kind: interactionKind(u.kind),
      subject: u.subject,
      occurredAt: u.occurredAt,
      messageId: u.messageId,
      note: u.text,
    },
    contacts: [...writes.values()],
    participants,
    introduction,
    signals,
    tasks,
    threadMessageId: u.messageId,
    now,
  };
}
