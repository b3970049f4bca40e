// select, later rounds: people who share a tag with the user's recent needs and
// interests, then what is already known about the pairs Tend would suggest.
import type { Contact } from "../model.ts";
import { and, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Database } from "./client.ts";

import { contacts, introductions, signals, suppressions } from "./schema.ts";

export interface TagHolder {
  signalId: string;
  tag: string;
  contact: Contact;
}

/** D1 binds at most 100 parameters per statement; lists passed to IN stay below this. */
export const MAX_IN_LIST = 40;

function tagHoldersQuery(db: Database, userId: string, tags: readonly string[], limit: number) {
  const query = db
    .select({
      // Distinct output names: rows arrive as objects in batch mode.
      signalId: sql<string>`${signals.id}`.as("signal_id"),
      tag: signals.tag,
      kind: signals.kind,
      status: signals.status,
      contactId: sql<string>`${contacts.id}`.as("contact_id"),
      name: contacts.name,
      address: contacts.primaryAddress,
    })
    .from(signals)
    .innerJoin(contacts, eq(contacts.id, signals.contactId))
    .where(
      and(
        eq(signals.userId, userId),
        inArray(signals.tag, tags.slice(0, MAX_IN_LIST)),
        // No kind or status here: given an equality on them, SQLite prefers
        // signals_user_kind_status and walks every open interest looking for
        // the tags. Only interests carry tags; the rest is filtered below.
        eq(signals.private, false),
        eq(contacts.muted, false),
      ),
    );
  // One tag: newest holders first, which signals_user_tag yields in rowid order
  // without sorting. Several tags: any holders will do, in index order, so the
  // LIMIT still stops the scan.
  return (tags.length === 1 ? query.orderBy(desc(sql`${signals}.rowid`)) : query).limit(limit);
}

/** For each group of tags, up to `limit` people holding one of them, in one round trip. */
export async function loadTagHolders(
  db: Database,
  userId: string,
  groups: readonly (readonly string[])[],
  limit: number,
): Promise<TagHolder[][]> {
  const [first, ...rest] = groups.filter((tags) => tags.length > 0).map((tags) => tagHoldersQuery(db, userId, tags, limit));
  if (!first) return groups.map(() => []);
  const results = await db.batch([first, ...rest]);
  let next = 0;
  return groups.map((tags) => {
    if (tags.length === 0) return [];
    const rows = results[next++] ?? [];
    return rows.flatMap((row) =>
      row.tag === null || row.kind !== "interest" || row.status !== "open"
        ? []
        : [{ signalId: row.signalId, tag: row.tag, contact: { id: row.contactId, name: row.name, address: row.address } }],
    );
  });
}

export interface PairState {
  /** [personA, personB] of every introduction between two of the given people. */
  introduced: [string, string][];
  /** Subject keys among those given that are suppressed as of `asOf`. */
  suppressed: Set<string>;
}

/** Which candidate pairs were already introduced, and which pair suggestions the user set aside. */
export async function loadPairState(
  db: Database,
  userId: string,
  contactIds: readonly string[],
  pairKeys: readonly string[],
  asOf: number,
): Promise<PairState> {
  const ids = contactIds.slice(0, MAX_IN_LIST);
  const keys = pairKeys.slice(0, MAX_IN_LIST);
  if (ids.length === 0 || keys.length === 0) return { introduced: [], suppressed: new Set() };
  // Both ends in the list: introductions_user_pair answers with one probe per (a, b).
  const [introducedRows, suppressedRows] = await db.batch([
    db
      .select({ a: introductions.personAContactId, b: introductions.personBContactId })
      .from(introductions)
      .where(
        and(
          eq(introductions.userId, userId),
          inArray(introductions.personAContactId, ids),
          inArray(introductions.personBContactId, ids),
        ),
      ),
    db
      .select({ subjectKey: suppressions.subjectKey })
      .from(suppressions)
      .where(and(eq(suppressions.userId, userId), inArray(suppressions.subjectKey, keys), gt(suppressions.until, asOf))),
  ]);
  return {
    introduced: introducedRows.flatMap((row) => {
      if (row.a === null || row.b === null) return [];
      const pair: [string, string] = [row.a, row.b];
      return [pair];
    }),
    suppressed: new Set(suppressedRows.map((row) => row.subjectKey)),
  };
}
