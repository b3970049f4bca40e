// A reply from a person on a user's thread who is not a user: their turn on
// that thread, logged on the timeline of each user whose thread it continues,
// each in its own batch. What they wrote is read as theirs (what they ask of
// the user, promise the user, need, offer or tell) and moves the thread on
// (src/inbound/thread-progress.ts); it is never read as commands or
// corrections, and Tend never writes to them.
import type { KnownContact } from "../db/contacts.ts";
import { type ContactWrite, type LogPlan, logMessage } from "../db/log-message.ts";
import { findIntroductionProgress } from "../db/introduction-progress.ts";
import { loadThreadState, threadEffectStatements } from "../db/thread-progress.ts";
import type { User } from "../db/users.ts";
import type { Deps } from "../domain/deps.ts";
import { learnCadence, nextCheckInAt } from "../domain/cadence.ts";
import { usableTimeZone } from "../domain/digest-schedule.ts";
import { sendMail } from "../domain/outbox.ts";
import { newId } from "../lib/ids.ts";
import { visibleText } from "../mail/visible-text.ts";
import type { Mailbox, ParsedEmail, Participant, Signal } from "../model.ts";
import { addresseeOf } from "./addressee.ts";
import { threadMessageIds } from "./admit.ts";
import { isTendAddress } from "./classify.ts";
import { MAX_NOTE_CHARS } from "./limits.ts";
import { collectPeople, nameKeys, nameQuality, withRole } from "./people.ts";
import { planSignals } from "./plan-log.ts";
import { defaultSignalExtractor } from "./signal-extractor.ts";
import type { SignalExtractor } from "./understand.ts";
import { composeSaidYes } from "./thread-notice.ts";
import { planThreadProgress, type ThreadEvent } from "./thread-progress.ts";

/** The kind recorded for a participant's reply in processed_messages. */
export const PARTICIPANT_REPLY_KIND = "participant_reply";

export type ParticipantOutcome = { status: "participant"; logged: string[]; events: (ThreadEvent & { userId: string })[] };

export interface ParticipantReplyInput {
  users: readonly User[];
  sender: Mailbox;
  email: ParsedEmail;
  messageKey: string;
}

/** What a participant's reply asks of the user, or promises them. */
const TO_THE_USER: ReadonlySet<Signal["kind"]> = new Set(["ask", "waiting_on"]);

/** Each address's contact on the user's timeline: known already, or created by this reply. */
function contactIdsByAddress(existing: readonly KnownContact[], writes: readonly ContactWrite[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const contact of [...existing, ...writes]) if (contact.address) ids.set(contact.address, contact.id);
  return ids;
}

/** The people on the reply as one user's timeline sees them: never the user, never Tend. */
export function replyPeople(input: { sender: Mailbox; email: ParsedEmail; userAddress: string; tendAddress: string }): Participant[] {
  const { sender, email } = input;
  return collectPeople([...withRole([sender], "from"), ...withRole(email.to, "to"), ...withRole(email.cc, "cc")], {
    isExcluded: (address) => address === input.userAddress || isTendAddress(address, input.tendAddress),
  });
}

export interface ParticipantPlanInput {
  userId: string;
  people: readonly Participant[];
  sender: Mailbox;
  email: ParsedEmail;
  messageKey: string;
  existing: readonly KnownContact[];
  /** The user's zone: dates in what the participant wrote are read in it. */
  timeZone: string;
  userName: string | null;
  now: number;
  newId: () => string;
  extractSignals?: SignalExtractor;
}

/**
 * The pure half: one interaction of kind "thread" with everyone on the reply.
 * Only the author's clock restarts: Ana answering Sam is Sam and Ana in touch,
 * not Sam and everyone Ana copied.
 */
export function planParticipantReply(input: ParticipantPlanInput): LogPlan {
  const { email, now } = input;
  const occurredAt = email.date !== null && email.date <= now ? email.date : now;
  const byAddress = new Map(input.existing.map((c) => [c.address, c]));
  const contacts: ContactWrite[] = [];
  const participants: LogPlan["participants"] = [];
  for (const person of input.people) {
    if (!person.address) continue;
    const known = byAddress.get(person.address);
    const quality = nameQuality(person.name);
    const write: ContactWrite = { id: known?.id ?? input.newId(), isNew: !known, address: person.address, name: null, touch: null };
    if (person.name && quality > (known?.nameQuality ?? 0)) write.name = { value: person.name, quality, ...nameKeys(person.name) };
    if (person.address === input.sender.address && (known?.lastInteractionAt ?? 0) < occurredAt) {
      const learnedCadenceDays = learnCadence(known?.learnedCadenceDays ?? null, known?.lastInteractionAt ?? null, occurredAt);
      write.touch = {
        at: occurredAt,
        learnedCadenceDays,
        nextCheckInAt: nextCheckInAt({ cadenceDays: known?.cadenceDays ?? null, learnedCadenceDays }, occurredAt),
      };
    }
    if (write.isNew || write.name || write.touch) contacts.push(write);
    participants.push({ contactId: write.id, role: person.role });
  }
  const note = visibleText(email.text);
  const contactOf = contactIdsByAddress(input.existing, contacts);
  const resolve = (person: Signal["person"]): string | null => {
    if (!person) return null;
    if (person.address) return contactOf.get(person.address) ?? null;
    const { nameKey, firstNameKey } = nameKeys(person.name);
    const named = input.people.filter((p) => {
      const keys = nameKeys(p.name);
      return nameKey !== null && (keys.nameKey === nameKey || (nameKey === firstNameKey && keys.firstNameKey === firstNameKey));
    });
    return named.length === 1 && named[0]?.address ? (contactOf.get(named[0].address) ?? null) : null;
  };
  // The author's words, as theirs: their asks of the user become the user's to answer, their promises what the user waits on.
  const found = (input.extractSignals ?? defaultSignalExtractor)({
    text: note,
    authorIsUser: false,
    author: input.sender,
    people: [...input.people],
    userName: input.userName,
    sentAt: new Date(occurredAt),
    timeZone: input.timeZone,
  });
  // On a thread the author may turn to someone else ("Ana, would Tuesday work?"): that ask or promise is theirs, not the user's.
  const user = { name: input.userName };
  const onThread = [user, ...input.people.filter((p) => p.address !== input.sender.address)];
  const theUsers = found.filter((s) => {
    if (!TO_THE_USER.has(s.kind)) return true;
    const addressee = addresseeOf(note, s.sentence, onThread);
    return addressee === null || addressee === user;
  });
  const { signals, tasks } = planSignals(theUsers, { resolve, occurredAt, timeZone: input.timeZone, now, newId: input.newId });
  return {
    userId: input.userId,
    keys: [input.messageKey],
    kind: PARTICIPANT_REPLY_KIND,
    interaction: {
      id: input.newId(),
      kind: "thread",
      subject: email.subject,
      occurredAt,
      messageId: email.messageId,
      note: note.length > MAX_NOTE_CHARS ? `${note.slice(0, MAX_NOTE_CHARS)}…` : note,
    },
    contacts,
    participants,
    introduction: null,
    signals,
    tasks,
    threadMessageId: email.messageId,
    now,
  };
}

/** The user asked to hear of a yes the same day (`set yes-mail on`): a short mail to them alone. */
async function tellSaidYes(deps: Deps, user: User, events: readonly ThreadEvent[], inReplyTo: string | null, now: number): Promise<void> {
  for (const event of events) {
    const progress = await findIntroductionProgress(deps.db, user.id, event.introductionId);
    const mail = progress
      ? composeSaidYes({ progress, user: { id: user.id, address: user.email, name: user.name }, tend: { name: "Tend", address: deps.config.tendAddress }, inReplyTo })
      : null;
    if (mail) await sendMail({ ...deps, now }, mail);
  }
}

/**
 * Logs the reply for each user, each reading and writing only that user's rows:
 * one batch of reads (the reply's contacts and its thread's state) and one
 * batch of writes per user.
 */
export async function logParticipantReply(input: ParticipantReplyInput, deps: Deps, now: number): Promise<ParticipantOutcome> {
  const logged: string[] = [];
  const events: ParticipantOutcome["events"] = [];
  const threadIds = threadMessageIds(input.email);
  for (const user of input.users) {
    const timeZone = usableTimeZone(user.timeZone);
    const people = replyPeople({ sender: input.sender, email: input.email, userAddress: user.email, tendAddress: deps.config.tendAddress });
    const addresses = people.flatMap((p) => (p.address ? [p.address] : []));
    const state = await loadThreadState(deps.db, { userId: user.id, sender: input.sender.address, addresses, threadIds });
    const plan = planParticipantReply({
      userId: user.id,
      people,
      sender: input.sender,
      email: input.email,
      messageKey: input.messageKey,
      existing: state.existing,
      timeZone,
      userName: user.name,
      now,
      newId,
    });
    const contactOf = contactIdsByAddress(state.existing, plan.contacts);
    const senderContactId = contactOf.get(input.sender.address);
    const progress = senderContactId
      ? planThreadProgress({
          state,
          sender: input.sender,
          senderContactId,
          addressedTo: new Set(people.filter((p) => p.role !== "from").flatMap((p) => (p.address ? (contactOf.get(p.address) ?? []) : []))),
          userAddressed: [...input.email.to, ...input.email.cc].some((m) => m.address === user.email),
          text: plan.interaction.note,
          occurredAt: plan.interaction.occurredAt,
          timeZone,
          now,
        })
      : { effects: null, events: [] };
    const effects = progress.effects ? threadEffectStatements(deps.db, user.id, progress.effects, now) : [];
    if ((await logMessage(deps.db, plan, effects)) === "stored") {
      logged.push(plan.interaction.id);
      events.push(...progress.events.map((event) => ({ ...event, userId: user.id })));
      if (user.optInMail) await tellSaidYes(deps, user, progress.events, input.email.messageId, now);
    }
  }
  return { status: "participant", logged, events };
}
