// A contact joined into a row under an alias (the introducer, each introduced
// person), read back as a Contact: null when the join found no one.
import { type SQLWrapper, sql } from "drizzle-orm";
import type { Contact } from "../model.ts";

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
