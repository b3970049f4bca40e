// Reads and writes for the AI extractor's second reading of an interaction.
import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { LogPlan } from "./log-message.ts";
import type { Participant, Role } from "../model.ts";
import type { Database } from "./client.ts";
import { contacts, interactionParticipants, interactions, signals, tasks, users } from "./schema.ts";

export interface EnrichmentSource {
  note: string;
  subject: string | null;
  messageId: string | null;
  occurredAt: number;
  timeZone: string;
  userName: string | null;
  userEmail: string;
  people: (Participant & { contactId: string })[];
  /** What the deterministic extractor already found: kind, contact and sentence. */
  known: { kind: string; contactId: string | null; sentence: string }[];
}

export async function loadEnrichmentSource(db: Database, userId: string, interactionId: string): Promise<EnrichmentSource | null> {
  const [row] = await db
    .select({
      note: interactions.note,
      subject: interactions.subject,
      messageId: interactions.messageId,
      occurredAt: interactions.occurredAt,
      timeZone: users.timeZone,
      userName: users.name,
      userEmail: users.email,
    })
    .from(interactions)
    .innerJoin(users, eq(users.id, interactions.userId))
    .where(and(eq(interactions.id, interactionId), eq(interactions.userId, userId)));
  if (!row) return null;
  const people = await db
    .select({ contactId: contacts.id, name: contacts.name, address: contacts.primaryAddress, role: interactionParticipants.role })
    .from(interactionParticipants)
    .innerJoin(contacts, eq(contacts.id, interactionParticipants.contactId))
    .where(and(eq(interactionParticipants.interactionId, interactionId), eq(interactionParticipants.userId, userId)));
  const known = await db
    .select({ kind: signals.kind, contactId: signals.contactId, sentence: signals.sentence })
    .from(signals)
    .where(and(eq(signals.interactionId, interactionId), eq(signals.userId, userId)));
  return {
    ...row,
    note: row.note ?? "",
    people: people.map((p) => ({ ...p, role: p.role satisfies Role })),
    known,
  };
}

export async function addSignals(
  db: Database,
  input: { userId: string; interactionId: string; source: EnrichmentSource; plan: Pick<LogPlan, "signals" | "tasks">; now: number },
): Promise<void> {
  const { userId, interactionId, source, plan, now } = input;
  const statements: BatchItem<"sqlite">[] = [
    ...plan.signals.map((signal) => db.insert(signals).values({ ...signal, userId, interactionId, createdAt: now })),
    ...plan.tasks.map((task) =>
      db.insert(tasks).values({
        ...task,
        userId,
        interactionId,
        threadMessageId: source.messageId,
        threadSubject: source.subject,
        createdAt: now,
      }),
    ),
  ];
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
