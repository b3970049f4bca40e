// "forget <address>": erase a person and everything about them, in one batch.
// Rows about them go (found by id); rows that also belong to others stay, with
// them taken out of their text (found by text here; the new text is the
// caller's, see src/actions/redact-person.ts).
import { and, eq, ne, or, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "./client.ts";
import {
  actionLog,
  contactNotes,
  contacts,
  digestItems,
  interactions,
  introductions,
  outboundMessages,
  processedMessages,
  signals,
  suppressions,
  tasks,
} from "./schema.ts";

export const MENTION_TABLES = [
  "interactions",
  "signals",
  "tasks",
  "contact_notes",
  "introductions",
  "digest_items",
  "action_log",
  "outbound_messages",
] as const;
export type MentionTable = (typeof MENTION_TABLES)[number];

/** Every text column that can name a person in a row filed under someone else. */
export const MENTION_COLUMNS: Record<MentionTable, readonly string[]> = {
  interactions: ["subject", "note"],
  signals: ["text", "sentence"],
  tasks: ["title", "thread_subject"],
  contact_notes: ["text"],
  introductions: ["reason"],
  digest_items: ["title", "reason"],
  action_log: ["command", "undo"],
  outbound_messages: ["subject"],
};

/** A row filed under someone else (or no one) whose text may name the person. */
export interface Mention {
  table: MentionTable;
  id: string;
  text: Record<string, string | null>;
  /** For a task: the signal it came from (it goes when that signal goes). */
  signalId: string | null;
}

/** New text for some columns of one row. */
export interface Redaction {
  table: MentionTable;
  id: string;
  set: Record<string, string>;
}

/** What to erase beyond the rows about the person, and what to rewrite. */
export interface ForgetPlan {
  /** Ids of signals, tasks, digest items and action log entries that name the person. */
  alsoRemove: readonly string[];
  redactions: readonly Redaction[];
}

/** Rows erased, per kind, as counted just before they go. */
export interface RemovedCounts {
  soloInteractions: number;
  sharedInteractions: number;
  signals: number;
  tasks: number;
  notes: number;
  introductions: number;
  digestItems: number;
}

/** Interactions in which this person is the only other participant: they are about them alone. */
function soloInteractions(userId: string, contactId: string): SQL {
  return sql`select p.interaction_id from interaction_participants p
    where p.user_id = ${userId} and p.contact_id = ${contactId}
    and not exists (
      select 1 from interaction_participants q
      where q.interaction_id = p.interaction_id and q.contact_id <> ${contactId}
    )`;
}

const listed = (ids: string) => sql`select value as id from json_each(${ids})`;

/** Signals that go: theirs, those of their solo conversations, and those listed (they name them). */
function goneSignals(userId: string, contactId: string, also: string): SQL {
  return sql`select id from signals where user_id = ${userId} and (contact_id = ${contactId}
    or interaction_id in (${soloInteractions(userId, contactId)}) or id in (${listed(also)}))`;
}

function goneTasks(userId: string, contactId: string, also: string): SQL {
  return sql`select id from tasks where user_id = ${userId} and (contact_id = ${contactId}
    or interaction_id in (${soloInteractions(userId, contactId)})
    or signal_id in (${goneSignals(userId, contactId, also)}) or id in (${listed(also)}))`;
}

function goneIntroductions(userId: string, contactId: string): SQL {
  return sql`select id from introductions where user_id = ${userId} and (
    introducer_contact_id = ${contactId} or person_a_contact_id = ${contactId} or person_b_contact_id = ${contactId}
    or interaction_id in (${soloInteractions(userId, contactId)}))`;
}

/**
 * Every row that goes and that other rows point at by text (subject keys, the
 * undo log), as separate sets: D1 caps the terms of one compound select.
 */
function goneSets(userId: string, contactId: string, also: string): SQL[] {
  return [
    sql`select ${contactId} as id`,
    listed(also),
    goneTasks(userId, contactId, also),
    goneSignals(userId, contactId, also),
    goneIntroductions(userId, contactId),
    sql`select id from contact_notes where user_id = ${userId} and contact_id = ${contactId}`,
    sql`select id from digest_items where user_id = ${userId} and contact_id = ${contactId}`,
  ];
}

/** A subject key ("task:<id>", "pair:<a>:<b>") that points at the person or a row that goes. */
function isGoneSubject(column: SQL, userId: string, contactId: string, also: string): SQL {
  const key = sql`substr(${column}, instr(${column}, ':') + 1)`;
  const pointsAt = goneSets(userId, contactId, also).map((set) => sql`${key} in (${set})`);
  return sql`(${sql.join(pointsAt, sql` or `)} or (${column} like 'pair:%' and instr(${column}, ${contactId}) > 0))`;
}

/** Text (the undo log's JSON) that holds the id of the person or of a row that goes. */
function holdsGoneId(column: SQL, userId: string, contactId: string, also: string): SQL {
  const holds = goneSets(userId, contactId, also).map((set) => sql`exists (select 1 from (${set}) as gone where instr(${column}, gone.id) > 0)`);
  return sql`(${sql.join(holds, sql` or `)})`;
}

function goneDigestItems(userId: string, contactId: string, also: string): SQL {
  return sql`select id from digest_items where user_id = ${userId} and (contact_id = ${contactId}
    or ${isGoneSubject(sql`subject_key`, userId, contactId, also)} or id in (${listed(also)}))`;
}

/**
 * D1 binds at most 100 parameters per statement; the fragments above repeat
 * theirs, and this statement, the largest, binds 72.
 *
 * The counts, read from the person's own contact row (so in a batch it is one
 * typed select, and an already forgotten person counts nothing).
 */
const n = (query: SQL) => sql<number>`(select count(*) from (${query}))`;

function countRemoved(db: Database, userId: string, contactId: string, also: string) {
  const solo = soloInteractions(userId, contactId);
  return db
    .select({
      soloInteractions: n(solo),
      sharedInteractions: sql<number>`(select count(distinct interaction_id) from interaction_participants
        where user_id = ${userId} and contact_id = ${contactId}) - (select count(*) from (${solo}))`,
      signals: n(goneSignals(userId, contactId, also)),
      tasks: n(goneTasks(userId, contactId, also)),
      notes: sql<number>`(select count(*) from contact_notes where user_id = ${userId} and contact_id = ${contactId})`,
      introductions: n(goneIntroductions(userId, contactId)),
      digestItems: n(goneDigestItems(userId, contactId, also)),
    })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)));
}

const NO_COUNTS: RemovedCounts = {
  soloInteractions: 0,
  sharedInteractions: 0,
  signals: 0,
  tasks: 0,
  notes: 0,
  introductions: 0,
  digestItems: 0,
};

/** What forgetting would erase, with `plan`'s extra rows; nothing changes. */
export async function countForget(db: Database, userId: string, contactId: string, plan: Pick<ForgetPlan, "alsoRemove">): Promise<RemovedCounts> {
  const [row] = await countRemoved(db, userId, contactId, JSON.stringify(plan.alsoRemove));
  return row ?? NO_COUNTS;
}

/** Whether another of the user's contacts has this first name (then it does not say whom a text means). */
export async function firstNameShared(db: Database, userId: string, contactId: string, firstName: string): Promise<boolean> {
  const [row] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), ne(contacts.id, contactId), eq(contacts.firstNameKey, firstName.toLowerCase())))
    .limit(1);
  return row !== undefined;
}

/**
 * Rows not about the person by id (those go whole) whose text may name them:
 * any of `terms` appears, exactly or in any ASCII case. A superset; the caller's
 * redactor decides what really names them.
 */
function notTheirs(table: MentionTable, userId: string, contactId: string): SQL {
  const solo = soloInteractions(userId, contactId);
  const outsideSolo = sql`(interaction_id is null or interaction_id not in (${solo}))`;
  const conditions: Record<MentionTable, () => SQL> = {
    interactions: () => sql`id not in (${solo})`,
    signals: () => sql`contact_id is not ${contactId} and ${outsideSolo}`,
    tasks: () => sql`contact_id is not ${contactId} and ${outsideSolo}
      and (signal_id is null or signal_id not in (${goneSignals(userId, contactId, "[]")}))`,
    contact_notes: () => sql`contact_id <> ${contactId}`,
    introductions: () => sql`id not in (${goneIntroductions(userId, contactId)})`,
    digest_items: () => sql`contact_id is not ${contactId} and not ${isGoneSubject(sql`subject_key`, userId, contactId, "[]")}`,
    // Every entry that names them goes; every record of what was sent is rewritten.
    action_log: () => sql`1`,
    outbound_messages: () => sql`1`,
  };
  return conditions[table]();
}

export async function findMentions(db: Database, userId: string, contactId: string, terms: readonly string[]): Promise<Mention[]> {
  if (terms.length === 0) return [];
  const exact = JSON.stringify(terms);
  // SQLite's lower() folds ASCII only; the terms are folded the same way.
  const folded = JSON.stringify(terms.map((term) => term.replace(/[A-Z]/g, (c) => c.toLowerCase())));
  const results = await Promise.all(
    MENTION_TABLES.map(async (table) => {
      const columns = MENTION_COLUMNS[table];
      const contains = columns.map(
        (column) => sql`exists (select 1 from json_each(${exact}) e, json_each(${folded}) f where e.key = f.key
          and (instr(${sql.identifier(column)}, e.value) > 0 or instr(lower(${sql.identifier(column)}), f.value) > 0))`,
      );
      const selected = columns.map((column) => sql`${sql.identifier(column)}`);
      const signalId = table === "tasks" ? sql`signal_id` : sql`null`;
      const rows = await db.all<Record<string, string | null>>(sql`select id, ${signalId} as signal_id, ${sql.join(selected, sql`, `)}
        from ${sql.identifier(table)} where user_id = ${userId} and ${notTheirs(table, userId, contactId)}
        and (${sql.join(contains, sql` or `)})`);
      return rows.map((row): Mention => {
        const text: Record<string, string | null> = {};
        for (const column of columns) text[column] = row[column] ?? null;
        return { table, id: String(row.id), text, signalId: row.signal_id ?? null };
      });
    }),
  );
  return results.flat();
}

/** Only the columns the redaction rewrites (drizzle would refuse an empty set). */
function only<K extends string>(set: Record<string, string>, ...columns: K[]): Partial<Record<K, string>> {
  const picked: Partial<Record<K, string>> = {};
  for (const column of columns) {
    const value = set[column];
    if (value !== undefined) picked[column] = value;
  }
  return picked;
}

function redactionStatement(db: Database, userId: string, { table, id, set }: Redaction): BatchItem<"sqlite"> {
  const statements: Record<MentionTable, () => BatchItem<"sqlite">> = {
    interactions: () =>
      db.update(interactions).set(only(set, "subject", "note")).where(and(eq(interactions.userId, userId), eq(interactions.id, id))),
    signals: () => db.update(signals).set(only(set, "text", "sentence")).where(and(eq(signals.userId, userId), eq(signals.id, id))),
    tasks: () => {
      const threadSubject = set.thread_subject;
      return db
        .update(tasks)
        .set({ ...only(set, "title"), ...(threadSubject === undefined ? {} : { threadSubject }) })
        .where(and(eq(tasks.userId, userId), eq(tasks.id, id)));
    },
    contact_notes: () => db.update(contactNotes).set(only(set, "text")).where(and(eq(contactNotes.userId, userId), eq(contactNotes.id, id))),
    introductions: () =>
      db.update(introductions).set(only(set, "reason")).where(and(eq(introductions.userId, userId), eq(introductions.id, id))),
    digest_items: () =>
      db.update(digestItems).set(only(set, "title", "reason")).where(and(eq(digestItems.userId, userId), eq(digestItems.id, id))),
    action_log: () => db.update(actionLog).set(only(set, "command", "undo")).where(and(eq(actionLog.userId, userId), eq(actionLog.id, id))),
    outbound_messages: () =>
      db.update(outboundMessages).set(only(set, "subject")).where(and(eq(outboundMessages.userId, userId), eq(outboundMessages.id, id))),
  };
  return statements[table]();
}

export type RedactedCounts = Partial<Record<MentionTable, number>>;

/** Rows a write in a batch changed, from D1's result metadata. */
function changesOf(result: unknown): number {
  if (typeof result !== "object" || result === null || !("meta" in result)) return 0;
  const { meta } = result;
  if (typeof meta !== "object" || meta === null || !("changes" in meta)) return 0;
  return typeof meta.changes === "number" ? meta.changes : 0;
}

/** Rows each redaction really changed (none when the row went earlier in the batch). */
function redactedCounts(redactions: readonly Redaction[], results: readonly unknown[]): RedactedCounts {
  const counts: RedactedCounts = {};
  redactions.forEach((redaction, index) => {
    if (changesOf(results[index]) > 0) counts[redaction.table] = (counts[redaction.table] ?? 0) + 1;
  });
  return counts;
}

/**
 * Erases the person and applies the plan, in one batch, and says how much went
 * and how much was redacted.
 * Order matters: the count comes first; rows that point at what goes by text
 * (undo log, digest items, suppressions) go while those ids can still be found;
 * the contact goes last, and foreign keys cascade to their addresses,
 * participations, signals, tasks, notes and introductions.
 */
export async function forgetPerson(
  db: Database,
  userId: string,
  contactId: string,
  plan: ForgetPlan,
): Promise<{ removed: RemovedCounts; redacted: RedactedCounts }> {
  const also = JSON.stringify(plan.alsoRemove);
  const solo = soloInteractions(userId, contactId);
  const redactions = plan.redactions.filter((r) => Object.keys(r.set).length > 0);
  const writes: BatchItem<"sqlite">[] = [
    db
      .delete(actionLog)
      .where(
        and(
          eq(actionLog.userId, userId),
          or(
            sql`${actionLog.id} in (${listed(also)})`,
            holdsGoneId(sql`${actionLog.undo}`, userId, contactId, also),
          ),
        ),
      ),
    db.delete(digestItems).where(and(eq(digestItems.userId, userId), sql`${digestItems.id} in (${goneDigestItems(userId, contactId, also)})`)),
    db
      .delete(suppressions)
      .where(and(eq(suppressions.userId, userId), isGoneSubject(sql`${suppressions.subjectKey}`, userId, contactId, also))),
    // Kept so a redelivered message stays a duplicate, but no longer pointing at what is gone.
    db
      .update(processedMessages)
      .set({ interactionId: null })
      .where(and(eq(processedMessages.userId, userId), sql`${processedMessages.interactionId} in (${solo})`)),
    db.delete(signals).where(and(eq(signals.userId, userId), sql`${signals.id} in (${listed(also)})`)),
    db.delete(tasks).where(and(eq(tasks.userId, userId), sql`${tasks.id} in (${listed(also)})`)),
    db.delete(interactions).where(and(eq(interactions.userId, userId), sql`${interactions.id} in (${solo})`)),
    // Who said what others' signals quote, and where a pending contact was named, may be them.
    db
      .update(signals)
      .set({ speakerContactId: null, speakerName: null })
      .where(and(eq(signals.userId, userId), eq(signals.speakerContactId, contactId))),
    db
      .update(contacts)
      .set({ pendingFrom: "your notes" })
      .where(
        and(
          eq(contacts.userId, userId),
          sql`instr(${contacts.pendingFrom}, (select c.name from contacts c where c.user_id = ${userId} and c.id = ${contactId})) > 0`,
        ),
      ),
    db.delete(contacts).where(and(eq(contacts.userId, userId), eq(contacts.id, contactId))),
    ...redactions.map((redaction) => redactionStatement(db, userId, redaction)),
  ];
  const [counted, ...results] = await db.batch([countRemoved(db, userId, contactId, also), ...writes]);
  return { removed: counted[0] ?? NO_COUNTS, redacted: redactedCounts(redactions, results.slice(writes.length - redactions.length)) };
}
