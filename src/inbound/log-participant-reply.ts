// A reply from a person on a user's thread who is not a user: their turn on
// that thread, logged on the timeline of each user whose thread it continues,
// each in its own batch. Nothing else happens: a participant's text is never
// read as commands or corrections, and Tend never writes to them.
import { findContactsByAddress, type KnownContact } from "../db/contacts.ts";
import { type ContactWrite, type LogPlan, logMessage } from "../db/log-message.ts";
import type { User } from "../db/users.ts";
import type { Deps } from "../domain/deps.ts";
import { learnCadence, nextCheckInAt } from "../domain/cadence.ts";
import { newId } from "../lib/ids.ts";
import { visibleText } from "../mail/visible-text.ts";
import type { Mailbox, ParsedEmail, Participant } from "../model.ts";
import { isTendAddress } from "./classify.ts";
import { MAX_NOTE_CHARS } from "./limits.ts";
import { collectPeople, nameKeys, nameQuality, withRole } from "./people.ts";

/** The kind recorded for a participant's reply in processed_messages. */
export const PARTICIPANT_REPLY_KIND = "participant_reply";

export type ParticipantOutcome = { status: "participant"; logged: string[] };

export interface ParticipantReplyInput {
  users: readonly User[];
  sender: Mailbox;
  email: ParsedEmail;
  messageKey: string;
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
  now: number;
  newId: () => string;
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
    signals: [],
    tasks: [],
    threadMessageId: email.messageId,
    now,
  };
}

/** Logs the reply for each user, each reading and writing only that user's rows: two queries per user. */
export async function logParticipantReply(input: ParticipantReplyInput, deps: Deps, now: number): Promise<ParticipantOutcome> {
  const logged: string[] = [];
  for (const user of input.users) {
    const people = replyPeople({ sender: input.sender, email: input.email, userAddress: user.email, tendAddress: deps.config.tendAddress });
    const addresses = people.flatMap((p) => (p.address ? [p.address] : []));
    const existing = await findContactsByAddress(deps.db, user.id, addresses);
    const plan = planParticipantReply({ userId: user.id, people, sender: input.sender, email: input.email, messageKey: input.messageKey, existing, now, newId });
    if ((await logMessage(deps.db, plan)) === "stored") logged.push(plan.interaction.id);
  }
  return { status: "participant", logged };
}
