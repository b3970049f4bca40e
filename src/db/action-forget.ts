// "forget <address>": erase a person and everything about them, in one batch.
// Conversations they shared with others stay, without them in it.
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import {
  actionLog,
  contacts,
  digestItems,
  interactions,
  outboundMessages,
  processedMessages,
  suppressions,
} from "./schema.ts";

/** Interactions in which this person is the only other participant: they are about them alone. */
function soloInteractions(userId: string, contactId: string): SQL {
  return sql`select p.interaction_id from interaction_participants p
    where p.user_id = ${userId} and p.contact_id = ${contactId}
    and not exists (
      select 1 from interaction_participants q
      where q.interaction_id = p.interaction_id and q.contact_id <> ${contactId}
    )`;
}

/** Ids of every row about the person: tasks, signals, introductions and digest items. */
function theirIds(userId: string, contactId: string): SQL {
  const solo = soloInteractions(userId, contactId);
  return sql`select ${contactId} as id
    union select id from tasks where user_id = ${userId} and (contact_id = ${contactId} or interaction_id in (${solo}))
    union select id from signals where user_id = ${userId} and (contact_id = ${contactId} or interaction_id in (${solo}))
    union select id from introductions where user_id = ${userId} and (
      introducer_contact_id = ${contactId} or person_a_contact_id = ${contactId} or person_b_contact_id = ${contactId}
      or interaction_id in (${solo}))
    union select id from digest_items where user_id = ${userId} and contact_id = ${contactId}`;
}

/** A subject key ("task:<id>", "pair:<a>:<b>") that points at the person or a row about them. */
function isTheirSubject(column: SQL, userId: string, contactId: string): SQL {
  return sql`(substr(${column}, instr(${column}, ':') + 1) in (${theirIds(userId, contactId)})
    or (${column} like 'pair:%' and instr(${column}, ${contactId}) > 0))`;
}

export interface ForgetSummary {
  soloInteractions: number;
  sharedInteractions: number;
  signals: number;
  tasks: number;
  notes: number;
  introductions: number;
}

export async function forgetSummary(db: Database, userId: string, contactId: string): Promise<ForgetSummary> {
  const solo = soloInteractions(userId, contactId);
  const row = await db.get<ForgetSummary>(sql`select
    (select count(*) from (${solo})) as soloInteractions,
    (select count(distinct interaction_id) from interaction_participants where user_id = ${userId} and contact_id = ${contactId})
      - (select count(*) from (${solo})) as sharedInteractions,
    (select count(*) from signals where user_id = ${userId} and (contact_id = ${contactId} or interaction_id in (${solo}))) as signals,
    (select count(*) from tasks where user_id = ${userId} and (contact_id = ${contactId} or interaction_id in (${solo}))) as tasks,
    (select count(*) from contact_notes where user_id = ${userId} and contact_id = ${contactId}) as notes,
    (select count(*) from introductions where user_id = ${userId} and (introducer_contact_id = ${contactId}
      or person_a_contact_id = ${contactId} or person_b_contact_id = ${contactId})) as introductions`);
  return row ?? { soloInteractions: 0, sharedInteractions: 0, signals: 0, tasks: 0, notes: 0, introductions: 0 };
}

/**
 * Erases the person. Order matters: rows that point at them by id (undo log,
 * digest items, suppressions) go while those ids can still be found; the
 * contact goes last, and foreign keys cascade to their addresses,
 * participations, signals, tasks, notes and introductions.
 */
export async function forgetPerson(
  db: Database,
  userId: string,
  person: { id: string; name: string | null; addresses: readonly string[] },
): Promise<void> {
  const contactId = person.id;
  const solo = soloInteractions(userId, contactId);
  // Subjects of what Tend sent ("Brief: Ana Lima", "Confirm: forget ana@…") name them too.
  const names = [...person.addresses, ...(person.name ? [person.name] : [])];
  const redactions = names.map((name) =>
    db
      .update(outboundMessages)
      .set({ subject: "(about someone forgotten)" })
      .where(and(eq(outboundMessages.userId, userId), sql`instr(lower(${outboundMessages.subject}), lower(${name})) > 0`)),
  );
  await db.batch([
    db
      .delete(actionLog)
      .where(
        and(
          eq(actionLog.userId, userId),
          sql`exists (select 1 from (${theirIds(userId, contactId)}) as their where instr(${actionLog.undo}, their.id) > 0)`,
        ),
      ),
    db
      .delete(digestItems)
      .where(
        and(
          eq(digestItems.userId, userId),
          or(eq(digestItems.contactId, contactId), isTheirSubject(sql`${digestItems.subjectKey}`, userId, contactId)),
        ),
      ),
    db
      .delete(suppressions)
      .where(and(eq(suppressions.userId, userId), isTheirSubject(sql`${suppressions.subjectKey}`, userId, contactId))),
    // Kept so a redelivered message stays a duplicate, but no longer pointing at what is gone.
    db
      .update(processedMessages)
      .set({ interactionId: null })
      .where(and(eq(processedMessages.userId, userId), sql`${processedMessages.interactionId} in (${solo})`)),
    db.delete(interactions).where(and(eq(interactions.userId, userId), sql`${interactions.id} in (${solo})`)),
    db.delete(contacts).where(and(eq(contacts.userId, userId), eq(contacts.id, contactId))),
    ...redactions,
  ]);
}
