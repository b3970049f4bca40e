// The give-first ledger (src/domain/give-ask.ts), counted from tasks and
// introductions for a few people at once: the brief asks for one, the digest
// for the people it is about to suggest. Both reads walk indexes that start
// with (user, contact), so their cost follows the people asked about.
import { and, count, eq, gte, inArray, or } from "drizzle-orm";
import type { GiveAskLedger } from "../model.ts";
import type { Database } from "./client.ts";
import { introductions, tasks } from "./schema.ts";

/** People one call counts for: a digest suggests a handful, and D1 binds at most 100 parameters a query. */
export const MAX_LEDGER_CONTACTS = 30;
/** Introductions read per call; beyond this the counts are a floor, which is all a sentence needs. */
const MAX_LEDGER_INTRODUCTIONS = 300;

function emptyLedger(contactId: string): GiveAskLedger {
  return { contactId, gave: { promised: 0, kept: 0, introductions: 0, answered: 0 }, asked: { favours: 0, introductions: 0 } };
}

/** Each person's ledger since `since` (epoch ms), for up to MAX_LEDGER_CONTACTS people. */
export async function loadGiveAskLedgers(
  db: Database,
  userId: string,
  contactIds: readonly string[],
  since: number,
): Promise<Map<string, GiveAskLedger>> {
  const ids = [...new Set(contactIds)].slice(0, MAX_LEDGER_CONTACTS);
  const ledgers = new Map(ids.map((id) => [id, emptyLedger(id)]));
  if (ids.length === 0) return ledgers;
  const [taskRows, introRows] = await db.batch([
    db
      .select({ contactId: tasks.contactId, kind: tasks.kind, status: tasks.status, n: count() })
      .from(tasks)
      .where(
        and(
          eq(tasks.userId, userId),
          inArray(tasks.contactId, ids),
          inArray(tasks.kind, ["promise", "waiting_on", "ask"]),
          gte(tasks.createdAt, since),
        ),
      )
      .groupBy(tasks.contactId, tasks.kind, tasks.status),
    db
      .select({ introducer: introductions.introducerContactId, a: introductions.personAContactId, b: introductions.personBContactId })
      .from(introductions)
      .where(
        and(
          eq(introductions.userId, userId),
          gte(introductions.createdAt, since),
          or(inArray(introductions.personAContactId, ids), inArray(introductions.personBContactId, ids), inArray(introductions.introducerContactId, ids)),
        ),
      )
      .limit(MAX_LEDGER_INTRODUCTIONS),
  ]);
  for (const row of taskRows) {
    const ledger = row.contactId ? ledgers.get(row.contactId) : undefined;
    if (!ledger) continue;
    if (row.kind === "promise") {
      ledger.gave.promised += row.n;
      if (row.status === "done") ledger.gave.kept += row.n;
    } else if (row.kind === "ask") {
      if (row.status === "done") ledger.gave.answered += row.n;
    } else ledger.asked.favours += row.n;
  }
  for (const row of introRows) {
    if (row.introducer === null) {
      // The user made it: for both people in it.
      for (const id of new Set([row.a, row.b])) {
        const ledger = id ? ledgers.get(id) : undefined;
        if (ledger) ledger.gave.introductions += 1;
      }
    } else if (row.b === null) {
      // Someone introduced the user (person B is the user).
      const ledger = ledgers.get(row.introducer);
      if (ledger) ledger.asked.introductions += 1;
    }
  }
  return ledgers;
}

/** One person's ledger. */
export async function loadGiveAskLedger(db: Database, userId: string, contactId: string, since: number): Promise<GiveAskLedger> {
  return (await loadGiveAskLedgers(db, userId, [contactId], since)).get(contactId) ?? emptyLedger(contactId);
}

