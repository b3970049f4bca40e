// Contacts joined into a row under an alias (the introducer, each introduced
// person), read back as a Contact: null when the join found no one.
import { eq, type SQLWrapper, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Contact } from "../model.ts";
import type { Database } from "./client.ts";
import { contacts, interactions, introductions } from "./schema.ts";

type ContactColumns = { id: SQLWrapper; name: SQLWrapper; primaryAddress: SQLWrapper };

/** What contactFields() selects, as a row holds it: all null when a left join found no one. */
type ContactFieldValues = { id: string | null; name: string | null; address: string | null };

// Columns renamed per joined table: rows arrive as objects in batch mode, where
// two columns both called "name" would overwrite each other.
export function contactFields(table: ContactColumns, prefix: string) {
  return {
    id: sql<string | null>`${table.id}`.as(`${prefix}_id`),
    name: sql<string | null>`${table.name}`.as(`${prefix}_name`),
    address: sql<string | null>`${table.primaryAddress}`.as(`${prefix}_address`),
  };
}

export function contactRef(fields: ContactFieldValues): Contact | null {
  return fields.id === null ? null : { id: fields.id, name: fields.name, address: fields.address };
}

/**
 * Introductions with the people on them (introducer, both introduced) and
 * when they were made, for a caller to filter: the digest's follow-ups and
 * the introductions that moved on a thread read the same row.
 */
export function introductionsWithPeople(db: Database) {
  const introducer = alias(contacts, "introducer");
  const personA = alias(contacts, "person_a");
  const personB = alias(contacts, "person_b");
  return db
    .select({
      id: introductions.id,
      status: introductions.status,
      optIn: introductions.optIn,
      reason: introductions.reason,
      followUpAt: introductions.followUpAt,
      connectedAt: introductions.connectedAt,
      madeAt: sql<number>`coalesce(${interactions.occurredAt}, ${introductions.createdAt})`.as("made_at"),
      introducer: contactFields(introducer, "introducer"),
      personA: contactFields(personA, "person_a"),
      personB: contactFields(personB, "person_b"),
    })
    .from(introductions)
    .leftJoin(introducer, eq(introducer.id, introductions.introducerContactId))
    .leftJoin(personA, eq(personA.id, introductions.personAContactId))
    .leftJoin(personB, eq(personB.id, introductions.personBContactId))
    .leftJoin(interactions, eq(interactions.id, introductions.interactionId));
}
