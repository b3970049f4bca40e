// What Tend knows about one person, for "brief": a bounded read, newest first.
import { and, asc, desc, eq, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DuePrecision, InteractionKind, SignalKind, TaskKind } from "../model.ts";
import type { Database } from "./client.ts";
import {
  contactNotes,
  contacts,
  interactionParticipants,
  interactions,
  introductions,
  signals,
  tasks,
} from "./schema.ts";

/** Each list in a brief is short: it is read in the minute before a meeting. */
export const BRIEF_LIST_LIMIT = 8;
/** Signals read per person; a brief shows the newest few of each kind. */
const BRIEF_SIGNAL_LIMIT = 60;

/** A date as it was said, when it was a range (see StoredDue in src/domain/due.ts). */
export interface DueWords {
  dueStartAt: number | null;
  duePrecision: DuePrecision | null;
  dueText: string | null;
}

export interface BriefData {
  person: {
    id: string;
    name: string | null;
    addresses: string[];
    cadenceDays: number | null;
    learnedCadenceDays: number | null;
    lastInteractionAt: number | null;
    interactionCount: number;
    muted: boolean;
    /** Where a pending contact (no address yet) was named; null for everyone else. */
    pendingFrom: string | null;
  };
  interactions: { occurredAt: number; kind: InteractionKind; subject: string | null }[];
  signals: ({ kind: SignalKind; text: string; private: boolean; dueAt: number | null; tag: string | null; createdAt: number } & DueWords)[];
  tasks: ({ kind: TaskKind; title: string; dueAt: number | null; snoozedUntil: number | null; private: boolean } & DueWords)[];
  notes: { text: string; createdAt: number }[];
  introductions: { otherName: string | null; role: "introduced" | "introducer"; status: string; createdAt: number }[];
}

export async function loadBrief(db: Database, userId: string, contactId: string, addresses: string[]): Promise<BriefData | null> {
  const other = alias(contacts, "other");
  const [personRows, interactionRows, signalRows, taskRows, noteRows, introRows] = await db.batch([
    db
      .select()
      .from(contacts)
      .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
      .limit(1),
    db
      .select({ id: interactions.id, occurredAt: interactions.occurredAt, kind: interactions.kind, subject: interactions.subject })
      .from(interactionParticipants)
      .innerJoin(interactions, eq(interactions.id, interactionParticipants.interactionId))
      .where(and(eq(interactionParticipants.userId, userId), eq(interactionParticipants.contactId, contactId)))
      .orderBy(desc(interactionParticipants.occurredAt))
      // One row per role: a person both in To and Cc shows up twice.
      .limit(BRIEF_LIST_LIMIT * 3),
    db
      .select({
        kind: signals.kind,
        text: signals.text,
        private: signals.private,
        dueAt: signals.dueAt,
        tag: signals.tag,
        createdAt: signals.createdAt,
        dueStartAt: signals.dueStartAt,
        duePrecision: signals.duePrecision,
        dueText: signals.dueText,
      })
      .from(signals)
      .where(and(eq(signals.userId, userId), eq(signals.contactId, contactId), eq(signals.status, "open")))
      .orderBy(desc(signals.createdAt))
      .limit(BRIEF_SIGNAL_LIMIT),
    db
      .select({
        kind: tasks.kind,
        title: tasks.title,
        dueAt: tasks.dueAt,
        snoozedUntil: tasks.snoozedUntil,
        private: signals.private,
        dueStartAt: tasks.dueStartAt,
        duePrecision: signals.duePrecision,
        dueText: signals.dueText,
      })
      .from(tasks)
      .leftJoin(signals, eq(signals.id, tasks.signalId))
      .where(and(eq(tasks.userId, userId), eq(tasks.contactId, contactId), eq(tasks.status, "open")))
      .orderBy(sql`${tasks.dueAt} is null`, asc(tasks.dueAt))
      .limit(BRIEF_LIST_LIMIT * 2),
    db
      .select({ text: contactNotes.text, createdAt: contactNotes.createdAt })
      .from(contactNotes)
      .where(and(eq(contactNotes.userId, userId), eq(contactNotes.contactId, contactId)))
      .orderBy(desc(contactNotes.createdAt))
      .limit(BRIEF_LIST_LIMIT),
    db
      .select({
        introducer: introductions.introducerContactId,
        a: introductions.personAContactId,
        b: introductions.personBContactId,
        status: introductions.status,
        createdAt: introductions.createdAt,
        otherName: other.name,
      })
      .from(introductions)
      .leftJoin(
        other,
        and(
          eq(other.userId, userId),
          ne(other.id, contactId),
          or(eq(other.id, introductions.personAContactId), eq(other.id, introductions.personBContactId)),
        ),
      )
      .where(
        and(
          eq(introductions.userId, userId),
          or(
            eq(introductions.introducerContactId, contactId),
            eq(introductions.personAContactId, contactId),
            eq(introductions.personBContactId, contactId),
          ),
        ),
      )
      .orderBy(desc(introductions.createdAt))
      .limit(BRIEF_LIST_LIMIT),
  ]);
  const person = personRows[0];
  if (!person) return null;
  return {
    person: {
      id: person.id,
      name: person.name,
      addresses,
      cadenceDays: person.cadenceDays,
      learnedCadenceDays: person.learnedCadenceDays,
      lastInteractionAt: person.lastInteractionAt,
      interactionCount: person.interactionCount,
      muted: person.muted,
      pendingFrom: person.pending ? (person.pendingFrom ?? "your notes") : null,
    },
    interactions: [...new Map(interactionRows.map((row) => [row.id, row])).values()]
      .slice(0, BRIEF_LIST_LIMIT)
      .map(({ occurredAt, kind, subject }) => ({ occurredAt, kind, subject })),
    signals: signalRows,
    tasks: taskRows.map((row) => ({ ...row, private: row.private ?? false })),
    notes: noteRows,
    introductions: introRows.map((row) => ({
      otherName: row.otherName,
      role: row.introducer === contactId ? "introducer" : "introduced",
      status: row.status,
      createdAt: row.createdAt,
    })),
  };
}

