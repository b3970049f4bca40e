// What applying a command needs to know, and the one batch that applies it.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "./client.ts";
import { z } from "zod";
import {
  type ActionLogEntry,
  type ActionPlan,
  type Change,
  type ContactState,
  type IntroductionState,
  ITEM_STATES,
  type SuppressionValue,
  type TaskState,
} from "./action-records.ts";
import { INTRODUCTION_STATUSES } from "../model.ts";
import { linkStatements, unlinkStatements } from "./pending-contacts.ts";
import { actionLog, contactNotes, contacts, digestItems, introductions, suppressions, tasks } from "./schema.ts";

export async function loadSuppressions(
  db: Database,
  userId: string,
  subjectKeys: readonly string[],
): Promise<Map<string, SuppressionValue>> {
  if (subjectKeys.length === 0) return new Map();
  const rows = await db
    .select({ subjectKey: suppressions.subjectKey, until: suppressions.until, reason: suppressions.reason })
    .from(suppressions)
    .where(and(eq(suppressions.userId, userId), inArray(suppressions.subjectKey, [...subjectKeys])));
  return new Map(rows.map((row) => [row.subjectKey, { until: row.until, reason: row.reason }]));
}

export async function loadTasks(db: Database, userId: string, ids: readonly string[]): Promise<Map<string, TaskState>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: tasks.id, status: tasks.status, completedAt: tasks.completedAt, snoozedUntil: tasks.snoozedUntil })
    .from(tasks)
    .where(and(eq(tasks.userId, userId), inArray(tasks.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function loadIntroductions(db: Database, userId: string, ids: readonly string[]): Promise<Map<string, IntroductionState>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: introductions.id, status: introductions.status })
    .from(introductions)
    .where(and(eq(introductions.userId, userId), inArray(introductions.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function loadContacts(
  db: Database,
  userId: string,
  ids: readonly string[],
): Promise<Map<string, ContactState>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: contacts.id,
      name: contacts.name,
      address: contacts.primaryAddress,
      muted: contacts.muted,
      pending: contacts.pending,
      cadenceDays: contacts.cadenceDays,
      learnedCadenceDays: contacts.learnedCadenceDays,
      lastInteractionAt: contacts.lastInteractionAt,
      nextCheckInAt: contacts.nextCheckInAt,
    })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), inArray(contacts.id, [...ids])));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The user's latest actions that have not been undone, newest first. */
export async function loadUndoStack(db: Database, userId: string, limit: number): Promise<ActionLogEntry[]> {
  if (limit <= 0) return [];
  const rows = await db
    .select()
    .from(actionLog)
    .where(and(eq(actionLog.userId, userId), isNull(actionLog.undoneAt)))
    .orderBy(desc(actionLog.createdAt), desc(actionLog.id))
    .limit(limit);
  return rows.map((row) => ({
    id: row.id,
    digestId: row.digestId,
    command: row.command,
    undo: parseUndo(row.undo),
    createdAt: row.createdAt,
    undoneAt: row.undoneAt,
  }));
}

const nullableNumber = z.number().nullable();
const ChangeSchema: z.ZodType<Change> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("item"), id: z.string(), state: z.enum(ITEM_STATES), actedAt: nullableNumber }),
  z.object({
    kind: z.literal("suppression"),
    subjectKey: z.string(),
    value: z.object({ until: z.number(), reason: z.enum(["done", "snoozed", "skipped", "never"]) }).nullable(),
  }),
  z.object({
    kind: z.literal("task"),
    id: z.string(),
    status: z.enum(["open", "done", "skipped"]),
    completedAt: nullableNumber,
    snoozedUntil: nullableNumber,
  }),
  z.object({
    kind: z.literal("contact"),
    id: z.string(),
    muted: z.boolean(),
    cadenceDays: nullableNumber,
    nextCheckInAt: nullableNumber,
  }),
  z.object({ kind: z.literal("introduction"), id: z.string(), status: z.enum(INTRODUCTION_STATUSES) }),
  z.object({
    kind: z.literal("note"),
    id: z.string(),
    contactId: z.string(),
    value: z.object({ text: z.string(), createdAt: z.number() }).nullable(),
  }),
  z.object({ kind: z.literal("link"), contactId: z.string(), address: z.string() }),
  z.object({ kind: z.literal("unlink"), contactId: z.string(), address: z.string() }),
]);
const UndoSchema = z.array(ChangeSchema);

/** The stored undo list; a row this code did not write restores nothing rather than something wrong. */
function parseUndo(json: string): Change[] {
  try {
    const parsed = UndoSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function changeStatements(db: Database, userId: string, change: Change): BatchItem<"sqlite">[] {
  if (change.kind === "link") return linkStatements(db, userId, change.contactId, change.address);
  if (change.kind === "unlink") return unlinkStatements(db, userId, change.contactId, change.address);
  return [changeStatement(db, userId, change)];
}

function changeStatement(db: Database, userId: string, change: Exclude<Change, { kind: "link" | "unlink" }>): BatchItem<"sqlite"> {
  switch (change.kind) {
    case "item":
      return db
        .update(digestItems)
        .set({ state: change.state, actedAt: change.actedAt })
        .where(and(eq(digestItems.id, change.id), eq(digestItems.userId, userId)));
    case "suppression":
      if (!change.value) {
        return db
          .delete(suppressions)
          .where(and(eq(suppressions.userId, userId), eq(suppressions.subjectKey, change.subjectKey)));
      }
      return db
        .insert(suppressions)
        .values({ userId, subjectKey: change.subjectKey, ...change.value })
        .onConflictDoUpdate({ target: [suppressions.userId, suppressions.subjectKey], set: change.value });
    case "task":
      return db
        .update(tasks)
        .set({ status: change.status, completedAt: change.completedAt, snoozedUntil: change.snoozedUntil })
        .where(and(eq(tasks.id, change.id), eq(tasks.userId, userId)));
    case "contact":
      return db
        .update(contacts)
        .set({ muted: change.muted, cadenceDays: change.cadenceDays, nextCheckInAt: change.nextCheckInAt })
        .where(and(eq(contacts.id, change.id), eq(contacts.userId, userId)));
    case "introduction":
      return db
        .update(introductions)
        .set({ status: change.status })
        .where(and(eq(introductions.id, change.id), eq(introductions.userId, userId)));
    default:
      if (!change.value) {
        return db.delete(contactNotes).where(and(eq(contactNotes.id, change.id), eq(contactNotes.userId, userId)));
      }
      return db
        .insert(contactNotes)
        .values({ id: change.id, userId, contactId: change.contactId, ...change.value })
        .onConflictDoNothing();
  }
}

/** Applies a plan atomically: its changes, its log entries and its undo marks, or none of them. */
export async function applyPlan(db: Database, userId: string, plan: ActionPlan, now: number): Promise<void> {
  const statements: BatchItem<"sqlite">[] = plan.changes.flatMap((change) => changeStatements(db, userId, change));
  for (const entry of plan.logged) {
    statements.push(
      db.insert(actionLog).values({
        id: entry.id,
        userId,
        digestId: entry.digestId,
        command: entry.command,
        undo: JSON.stringify(entry.undo),
        createdAt: entry.createdAt,
        undoneAt: entry.undoneAt,
      }),
    );
  }
  if (plan.undone.length > 0) {
    statements.push(
      db
        .update(actionLog)
        .set({ undoneAt: now })
        .where(and(eq(actionLog.userId, userId), inArray(actionLog.id, plan.undone), isNull(actionLog.undoneAt))),
    );
  }
  const [first, ...rest] = statements;
  if (!first) return;
  await db.batch([first, ...rest]);
}
