// Finding the person a command names: by address, or by full or first name.
import { and, eq, or } from "drizzle-orm";
import type { Contact } from "../model.ts";
import type { Database } from "./client.ts";
import { contactAddresses, contacts } from "./schema.ts";

/** More matches than this and the user is asked to name the person by address. */
export const MAX_NAME_MATCHES_PER_COMMAND = 10;

const personColumns = { id: contacts.id, name: contacts.name, address: contacts.primaryAddress };

export async function findPersonByAddress(db: Database, userId: string, address: string): Promise<Contact | null> {
  const [row] = await db
    .select(personColumns)
    .from(contactAddresses)
    .innerJoin(contacts, eq(contacts.id, contactAddresses.contactId))
    .where(and(eq(contactAddresses.userId, userId), eq(contactAddresses.address, address)))
    .limit(1);
  return row ?? null;
}

export async function findPeopleByName(db: Database, userId: string, name: string): Promise<Contact[]> {
  const key = name.trim().toLowerCase().replace(/\s+/g, " ");
  return db
    .select(personColumns)
    .from(contacts)
    .where(and(eq(contacts.userId, userId), or(eq(contacts.nameKey, key), eq(contacts.firstNameKey, key))))
    .limit(MAX_NAME_MATCHES_PER_COMMAND);
}

export async function findPersonById(db: Database, userId: string, contactId: string): Promise<Contact | null> {
  const [row] = await db
    .select(personColumns)
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
    .limit(1);
  return row ?? null;
}

export async function addressesOf(db: Database, userId: string, contactId: string): Promise<string[]> {
  const rows = await db
    .select({ address: contactAddresses.address })
    .from(contactAddresses)
    .where(and(eq(contactAddresses.userId, userId), eq(contactAddresses.contactId, contactId)));
  return rows.map((row) => row.address).toSorted();
}
