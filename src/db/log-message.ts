// store: one message's plan written as one db.batch, so nothing is ever half-written.
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "./client.ts";
import type { DuePrecision, InteractionKind, LifeEventTone, Role, SignalKind, TaskKind } from "../model.ts";
import {
  contactAddresses,
  contacts,
  interactionParticipants,
  interactions,
  introductions,
  processedMessages,
  recurringReminders,
  signals,
  tasks,
} from "./schema.ts";

/** What one message writes: planned by inbound/plan-log.ts, written here as one batch. */
export interface ContactWrite {
  id: string;
  isNew: boolean;
  address: string | null;
  /** Set when the name is new or better than the stored one. */
  name: { value: string; quality: number; nameKey: string | null; firstNameKey: string | null } | null;
  /** Set when this message is an interaction with the person that moves their clock. */
  touch: { at: number; learnedCadenceDays: number | null; nextCheckInAt: number } | null;
  /** A new contact named in the text with no address yet, and where ("your notes with Jon"). */
  pending?: { from: string } | null;
  /** An existing pending contact that this message's address settles: it gets the address. */
  settlesPending?: boolean;
}

export interface LogPlan {
  userId: string;
  /** Message-ID and other identities of the message; any one already logged makes it a duplicate. */
  keys: string[];
  kind: string;
  interaction: { id: string; kind: InteractionKind; subject: string; occurredAt: number; messageId: string | null; note: string };
  contacts: ContactWrite[];
  participants: { contactId: string; role: Role }[];
  introduction: {
    id: string;
    introducerContactId: string | null;
    personAContactId: string | null;
    personBContactId: string | null;
    reason: string;
    optIn: boolean;
    followUpAt: number;
  } | null;
  signals: {
    id: string;
    contactId: string | null;
    aboutUser: boolean;
    kind: SignalKind;
    text: string;
    sentence: string;
    tag: string | null;
    dueAt: number | null;
    dueStartAt: number | null;
    dueEndAt: number | null;
    duePrecision: DuePrecision | null;
    dueText: string | null;
    speakerContactId: string | null;
    speakerName: string | null;
    tone: LifeEventTone | null;
    private: boolean;
  }[];
  tasks: {
    id: string;
    kind: TaskKind;
    title: string;
    contactId: string | null;
    signalId: string | null;
    dueAt: number | null;
    /** A range's first day, when the due date is a range's last. */
    dueStartAt?: number | null;
    remindAt: number | null;
    /** A reminder by address that a reply on its thread does not cancel. */
    keepOnReply?: boolean;
    /** A recurring reminder's rule, as stored (domain/recurrence.ts). */
    recurrence?: string;
  }[];
  threadMessageId: string | null;
  now: number;
}


export async function alreadyLogged(db: Database, userId: string, keys: readonly string[]): Promise<boolean> {
  if (keys.length === 0) return false;
  const rows = await db
    .select({ key: processedMessages.messageId })
    .from(processedMessages)
    .where(and(eq(processedMessages.userId, userId), inArray(processedMessages.messageId, [...keys])))
    .limit(1);
  return rows.length > 0;
}

/** Records a message that logs nothing (a command, an unreadable note) so a redelivery is not answered twice. */
export async function markProcessed(db: Database, userId: string, key: string, kind: string, now: number): Promise<boolean> {
  const inserted = await db
    .insert(processedMessages)
    .values({ userId, messageId: key, kind, interactionId: null, receivedAt: now })
    .onConflictDoNothing()
    .returning({ key: processedMessages.messageId });
  return inserted.length > 0;
}

function errorText(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : "";
  return error instanceof Error ? `${error.message} ${cause}` : String(error);
}

function isUniqueViolation(error: unknown): boolean {
  return /UNIQUE constraint failed: processed_messages/i.test(errorText(error));
}

/** logMessage failed because another message added one of its new contacts' addresses first; nothing was written. */
export function isNewContactTaken(error: unknown): boolean {
  return /UNIQUE constraint failed: contact_addresses/i.test(errorText(error));
}

/**
 * `effects`: statements a message's arrival sets off on rows already there (a
 * reply that resolves a waiting-on item), written in the same batch so a
 * redelivery can neither repeat nor half-apply them.
 */
export async function logMessage(db: Database, plan: LogPlan, effects: readonly BatchItem<"sqlite">[] = []): Promise<"stored" | "duplicate"> {
  const { userId, now, interaction } = plan;
  const statements: BatchItem<"sqlite">[] = plan.keys.map((key) =>
    db.insert(processedMessages).values({ userId, messageId: key, kind: plan.kind, interactionId: interaction.id, receivedAt: now }),
  );
  statements.push(db.insert(interactions).values({ ...interaction, userId, createdAt: now }));

  for (const contact of plan.contacts) {
    if (contact.isNew) {
      statements.push(
        db.insert(contacts).values({
          id: contact.id,
          userId,
          name: contact.name?.value ?? null,
          nameQuality: contact.name?.quality ?? 0,
          nameKey: contact.name?.nameKey ?? null,
          firstNameKey: contact.name?.firstNameKey ?? null,
          primaryAddress: contact.address,
          lastInteractionAt: contact.touch?.at ?? null,
          learnedCadenceDays: contact.touch?.learnedCadenceDays ?? null,
          interactionCount: contact.touch ? 1 : 0,
          nextCheckInAt: contact.touch?.nextCheckInAt ?? null,
          pending: Boolean(contact.pending),
          pendingFrom: contact.pending?.from ?? null,
          createdAt: now,
        }),
      );
      if (contact.address) {
        statements.push(db.insert(contactAddresses).values({ userId, address: contact.address, contactId: contact.id }));
      }
      continue;
    }
    if (contact.settlesPending && contact.address) {
      statements.push(
        db
          .update(contacts)
          .set({ primaryAddress: contact.address, pending: false })
          .where(and(eq(contacts.id, contact.id), eq(contacts.userId, userId), eq(contacts.pending, true))),
        db.insert(contactAddresses).values({ userId, address: contact.address, contactId: contact.id }).onConflictDoNothing(),
      );
    }
    if (contact.name) {
      statements.push(
        db
          .update(contacts)
          .set({
            name: contact.name.value,
            nameQuality: contact.name.quality,
            nameKey: contact.name.nameKey,
            firstNameKey: contact.name.firstNameKey,
          })
          .where(and(eq(contacts.id, contact.id), eq(contacts.userId, userId), lt(contacts.nameQuality, contact.name.quality))),
      );
    }
    if (contact.touch) {
      const { at, learnedCadenceDays, nextCheckInAt } = contact.touch;
      statements.push(
        db
          .update(contacts)
          .set({
            lastInteractionAt: at,
            learnedCadenceDays,
            interactionCount: sql`${contacts.interactionCount} + 1`,
            nextCheckInAt,
          })
          .where(
            and(
              eq(contacts.id, contact.id),
              eq(contacts.userId, userId),
              sql`coalesce(${contacts.lastInteractionAt}, 0) < ${at}`,
            ),
          ),
      );
    }
  }

  const seen = new Set<string>();
  for (const participant of plan.participants) {
    const key = `${participant.contactId}:${participant.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    statements.push(
      db.insert(interactionParticipants).values({
        interactionId: interaction.id,
        contactId: participant.contactId,
        userId,
        role: participant.role,
        occurredAt: interaction.occurredAt,
      }),
    );
  }

  if (plan.introduction) {
    const intro = plan.introduction;
    statements.push(
      db.insert(introductions).values({
        ...intro,
        userId,
        interactionId: interaction.id,
        status: intro.optIn ? "asked" : "made",
        createdAt: now,
      }),
    );
  }
  for (const signal of plan.signals) {
    statements.push(db.insert(signals).values({ ...signal, userId, interactionId: interaction.id, createdAt: now }));
  }
  for (const { recurrence, ...task } of plan.tasks) {
    statements.push(
      db.insert(tasks).values({
        ...task,
        userId,
        interactionId: interaction.id,
        threadMessageId: plan.threadMessageId,
        threadSubject: interaction.subject,
        createdAt: now,
      }),
    );
    if (recurrence) statements.push(db.insert(recurringReminders).values({ taskId: task.id, userId, rule: recurrence, createdAt: now }));
  }

  statements.push(...effects);
  try {
    const [first, ...rest] = statements;
    if (!first) return "stored";
    await db.batch([first, ...rest]);
    return "stored";
  } catch (error) {
    // Two deliveries of one message racing: the batch of the second rolls back whole.
    if (isUniqueViolation(error)) return "duplicate";
    throw error;
  }
}
