// Contacts as an import chunk reads and writes them. A chunk's rows travel as
// one JSON parameter each way (json_each), so a chunk of a thousand people costs
// a handful of statements, far inside D1's 100 bound parameters per statement
// and its queries per invocation.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import type { ImportProblem } from "./import-runs.ts";
import { importRuns } from "./schema.ts";

export interface ContactProfile {
  company: string | null;
  position: string | null;
  notes: string | null;
  birthday: string | null;
  connectedOn: string | null;
}

/** A stored contact an imported row may merge into, with what it already knows. */
export interface ExistingContact {
  id: string;
  name: string | null;
  nameQuality: number;
  nameKey: string | null;
  primaryAddress: string | null;
  profile: ContactProfile | null;
}

interface ContactRow {
  id: string;
  name: string | null;
  name_quality: number;
  name_key: string | null;
  primary_address: string | null;
  has_profile: number;
  company: string | null;
  position: string | null;
  notes: string | null;
  birthday: string | null;
  connected_on: string | null;
}

const contactColumns = sql.raw(
  `c.id, c.name, c.name_quality, c.name_key, c.primary_address, p.contact_id is not null as has_profile,
   p.company, p.position, p.notes, p.birthday, p.connected_on`,
);

function existing(row: ContactRow): ExistingContact {
  return {
    id: row.id,
    name: row.name,
    nameQuality: row.name_quality,
    nameKey: row.name_key,
    primaryAddress: row.primary_address,
    profile: row.has_profile
      ? { company: row.company, position: row.position, notes: row.notes, birthday: row.birthday, connectedOn: row.connected_on }
      : null,
  };
}

/** Contacts owning any of `addresses`, keyed by address: one query through the (user_id, address) key. */
export async function contactsByAddress(db: Database, userId: string, addresses: readonly string[]): Promise<Map<string, ExistingContact>> {
  if (addresses.length === 0) return new Map();
  const rows = await db.all<ContactRow & { address: string }>(sql`
    select a.address, ${contactColumns}
    from contact_addresses a
    join contacts c on c.id = a.contact_id
    left join contact_profiles p on p.contact_id = c.id
    where a.user_id = ${userId} and a.address in (select value from json_each(${JSON.stringify(addresses)}))`);
  return new Map(rows.map((row) => [row.address, existing(row)]));
}

/** Contacts whose full name key is one of `nameKeys`: one query through the (user_id, name_key) index. */
export async function contactsByName(db: Database, userId: string, nameKeys: readonly string[]): Promise<ExistingContact[]> {
  if (nameKeys.length === 0) return [];
  const rows = await db.all<ContactRow>(sql`
    select ${contactColumns}
    from contacts c
    left join contact_profiles p on p.contact_id = c.id
    where c.user_id = ${userId} and c.name_key in (select value from json_each(${JSON.stringify(nameKeys)}))`);
  return rows.map(existing);
}

export interface NewImportedContact {
  id: string;
  name: string | null;
  nameQuality: number;
  nameKey: string | null;
  firstNameKey: string | null;
  primaryAddress: string | null;
  nextCheckInAt: number;
}

/** What one chunk writes, planned by actions/import/plan-import.ts. */
export interface ImportChunkWrite {
  runId: string;
  userId: string;
  seq: number;
  isLast: boolean;
  /** Fresh per attempt: the chunk's writes happen only in the batch whose claim set it. */
  token: string;
  now: number;
  counts: { added: number; merged: number; unchanged: number };
  /** Rows this chunk could not place, added to the run's rows not understood. */
  problems: ImportProblem[];
  newContacts: NewImportedContact[];
  addresses: { address: string; contactId: string }[];
  /** Better names for existing contacts. */
  renames: { id: string; name: string; nameQuality: number; nameKey: string | null; firstNameKey: string | null }[];
  /** Existing contacts with no primary address that the file gave one. */
  primaryAddresses: { id: string; address: string }[];
  /** The whole profile after the merge, for every contact whose profile changed. */
  profiles: (ContactProfile & { contactId: string })[];
}

/**
 * Writes one chunk as one batch: all of it or none of it. The first statement
 * claims the chunk (next_chunk moves from seq to seq + 1, with this attempt's
 * token); every other statement runs only while that token is the run's, so a
 * job delivered twice, or retried after it committed, writes nothing twice.
 * Returns false when the chunk had already been applied.
 */
const json = (value: unknown) => JSON.stringify(value);
/** A field of the json_each row being read; `name` is always one of ours, never input. */
const field = (name: string) => sql.raw(`json_extract(value, '$.${name}')`);

export async function applyImportChunk(db: Database, write: ImportChunkWrite): Promise<boolean> {
  const { runId, userId, token, counts } = write;
  const held = sql`exists (select 1 from import_runs where id = ${runId} and token = ${token})`;

  const claim = db
    .update(importRuns)
    .set({
      nextChunk: write.seq + 1,
      token,
      added: sql`${importRuns.added} + ${counts.added}`,
      merged: sql`${importRuns.merged} + ${counts.merged}`,
      unchanged: sql`${importRuns.unchanged} + ${counts.unchanged}`,
      ...(write.problems.length > 0
        ? {
            skipped: sql`${importRuns.skipped} + ${write.problems.length}`,
            problems: sql`(select json_group_array(json(value)) from (select value from json_each(${importRuns.problems})
              union all select value from json_each(${json(write.problems)})))`,
          }
        : {}),
      ...(write.isLast ? { status: "done" as const, finishedAt: write.now } : {}),
    })
    .where(and(eq(importRuns.id, runId), eq(importRuns.userId, userId), eq(importRuns.nextChunk, write.seq)))
    .returning({ id: importRuns.id });

  const writes = [
    write.newContacts.length > 0 &&
      db.all(sql`insert into contacts (id, user_id, name, name_quality, name_key, first_name_key, primary_address, next_check_in_at, created_at)
        select ${field("id")}, ${userId}, ${field("name")}, ${field("nameQuality")}, ${field("nameKey")}, ${field("firstNameKey")},
               ${field("primaryAddress")}, ${field("nextCheckInAt")}, ${write.now}
        from json_each(${json(write.newContacts)}) where ${held}`),
    write.addresses.length > 0 &&
      db.all(sql`insert into contact_addresses (user_id, address, contact_id)
        select ${userId}, ${field("address")}, ${field("contactId")} from json_each(${json(write.addresses)}) where ${held}
        on conflict do nothing`),
    write.renames.length > 0 &&
      db.all(sql`update contacts set name = u.name, name_quality = u.quality, name_key = u.name_key, first_name_key = u.first_name_key
        from (select ${field("id")} as id, ${field("name")} as name, ${field("nameQuality")} as quality,
                     ${field("nameKey")} as name_key, ${field("firstNameKey")} as first_name_key
              from json_each(${json(write.renames)})) as u
        where contacts.id = u.id and contacts.user_id = ${userId} and ${held}`),
    write.primaryAddresses.length > 0 &&
      db.all(sql`update contacts set primary_address = u.address
        from (select ${field("id")} as id, ${field("address")} as address from json_each(${json(write.primaryAddresses)})) as u
        where contacts.id = u.id and contacts.user_id = ${userId} and contacts.primary_address is null and ${held}`),
    write.profiles.length > 0 &&
      db.all(sql`insert into contact_profiles (contact_id, user_id, company, position, notes, birthday, connected_on, updated_at)
        select ${field("contactId")}, ${userId}, ${field("company")}, ${field("position")}, ${field("notes")},
               ${field("birthday")}, ${field("connectedOn")}, ${write.now}
        from json_each(${json(write.profiles)}) where ${held}
        on conflict (contact_id) do update set company = excluded.company, position = excluded.position, notes = excluded.notes,
          birthday = excluded.birthday, connected_on = excluded.connected_on, updated_at = excluded.updated_at`),
    // The rows are no longer needed once the last chunk is in.
    write.isLast && db.all(sql`delete from import_chunks where run_id = ${runId} and ${held}`),
  ].filter((statement) => statement !== false);

  // Straight to D1's batch: drizzle's D1 batch cannot take a raw statement with parameters.
  const statements = [claim.toSQL(), ...writes.map((w) => w.getQuery())].map((q) => db.$client.prepare(q.sql).bind(...q.params));
  const [claimed] = await db.$client.batch(statements);
  return (claimed?.results.length ?? 0) > 0;
}
