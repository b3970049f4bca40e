// store, the pure half: what one message writes, decided from what it says and
// the contacts it touches. src/db/log-message.ts turns the plan into one batch.
import type { KnownContact } from "../db/contacts.ts";
import type { ContactWrite, LogPlan } from "../db/log-message.ts";
import { learnCadence, nextCheckInAt } from "../domain/cadence.ts";
import { REMINDER_HOUR, writeRecurrence } from "../domain/recurrence.ts";
import { isLocalDate } from "../lib/time/local-date.ts";
import { atLocalTime } from "../lib/time/zoned.ts";
import { DAY_MS, type InteractionKind, type Role, type Signal, type SignalKind, type TaskKind } from "../model.ts";
import type { ReminderTime } from "./reminder-address.ts";
import { nameKeys, nameQuality } from "./people.ts";
import type { Understanding } from "./understand.ts";

/** When to ask "did they connect?" after an introduction, or to thank the introducer. */
export const INTRODUCTION_FOLLOW_UP_DAYS = 14;
/** When to ask again about a double opt-in that may have gone unanswered. */
export const OPT_IN_FOLLOW_UP_DAYS = 7;
/** Due date for a promise or ask that states none. */
export const DEFAULT_TASK_DUE_DAYS = 7;

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
    const id = ctx.newId();
    const contactId = ctx.resolve(signal.person);
    const dueAt = signal.due ? localNineAm(signal.due, ctx.timeZone) : null;
    signals.push({
      id,
      contactId,
      aboutUser: signal.aboutUser,
      kind: signal.kind,
      text: signal.text,
      sentence: signal.sentence,
      tag: signal.tag,
      dueAt,
      private: signal.private,
    });
    const taskKind = TASK_FOR_SIGNAL[signal.kind];
    if (!taskKind) continue;
    // Waiting-on items surface in the digest when overdue; the rest also get a reminder on the day.
    const remindAt = dueAt !== null && dueAt > ctx.now && taskKind !== "waiting_on" ? dueAt : null;
    tasks.push({
      id: ctx.newId(),
      kind: taskKind,
      title: signal.text,
      contactId,
      signalId: id,
      dueAt: dueAt ?? ctx.occurredAt + DEFAULT_TASK_DUE_DAYS * DAY_MS,
      remindAt,
    });
  }
  return { signals, tasks };
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

  for (const person of u.people) {
    const known = person.address ? byAddress.get(person.address) : byName(person.name);
    const id = known?.id ?? newId();
    const quality = nameQuality(person.name);
    const keys = nameKeys(person.name);
    const write: ContactWrite = writes.get(id) ?? {
      id,
      isNew: !known,
      address: person.address,
      name: null,
      touch: null,
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
