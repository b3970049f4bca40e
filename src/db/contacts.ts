import { and, eq, inArray, isNull } from "drizzle-orm";
import { unionAll } from "drizzle-orm/sqlite-core";
import type { Contact } from "../model.ts";
import type { Database } from "./client.ts";
import { contactAddresses, contacts } from "./schema.ts";

/** A contact as logging a message needs it: how good its name is, and its check-in clock. */
export interface KnownContact extends Contact {
  nameQuality: number;
  nameKey: string | null;
  firstNameKey: string | null;
  lastInteractionAt: number | null;
  learnedCadenceDays: number | null;
  cadenceDays: number | null;
  /** Named in notes with no address yet (see schema: contacts.pending). */
  pending?: boolean;
}

const columns = {
  id: contacts.id,
  name: contacts.name,
  nameQuality: contacts.nameQuality,
  nameKey: contacts.nameKey,
  firstNameKey: contacts.firstNameKey,
  lastInteractionAt: contacts.lastInteractionAt,
  learnedCadenceDays: contacts.learnedCadenceDays,
  cadenceDays: contacts.cadenceDays,
  pending: contacts.pending,
};

/** Contacts by address, through the (user_id, address) primary key. */
export async function findContactsByAddress(
  db: Database,
  userId: string,
  addresses: readonly string[],
): Promise<KnownContact[]> {
  if (addresses.length === 0) return [];
  return contactsByAddressQuery(db, userId, addresses);
}

/** The same lookup as a statement, for a caller that reads it in a batch with others. */
export function contactsByAddressQuery(db: Database, userId: string, addresses: readonly string[]) {
  return db
    .select({ ...columns, address: contactAddresses.address })
    .from(contactAddresses)
    .innerJoin(contacts, eq(contacts.id, contactAddresses.contactId))
    .where(and(eq(contactAddresses.userId, userId), inArray(contactAddresses.address, [...addresses])));
}

/**
 * Contacts by address and, in the same round trip, pending contacts (named in
 * notes, no address yet) whose name is one of `names`, which an address in this
 * mail may settle ("Dev Patel <dev@…>" settles "Dev").
 */
export async function findContactsByAddressOrPendingName(
  db: Database,
  userId: string,
  addresses: readonly string[],
  names: readonly string[],
): Promise<{ byAddress: KnownContact[]; pending: KnownContact[] }> {
  if (addresses.length === 0) return { byAddress: [], pending: [] };
  if (names.length === 0) return { byAddress: await contactsByAddressQuery(db, userId, addresses), pending: [] };
  const [byAddress, pending] = await db.batch([contactsByAddressQuery(db, userId, addresses), pendingQuery(db, userId, names)]);
  return { byAddress, pending };
}

/** Contacts whose full or first name is one of `names` (lower-cased), through the name indexes. */
export async function findContactsByName(
  db: Database,
  userId: string,
  names: readonly string[],
  limit: number,
): Promise<KnownContact[]> {
  if (names.length === 0) return [];
  // Two index lookups, not one OR: SQLite would scan all the user's contacts for the OR.
  const select = () => db.select({ ...columns, address: contacts.primaryAddress }).from(contacts);
  const rows = await unionAll(
    select().where(and(eq(contacts.userId, userId), inArray(contacts.nameKey, [...names]))),
    select().where(and(eq(contacts.userId, userId), inArray(contacts.firstNameKey, [...names]))),
  ).limit(limit);
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)));
}

/** More pending contacts than this sharing one name, and none is taken for the person a mail names. */
export const MAX_PENDING_MATCHES = 10;

/** A pending contact's name key is all Tend has of them, so the name index alone finds them. */
function pendingQuery(db: Database, userId: string, names: readonly string[]) {
  return db
    .select({ ...columns, address: contacts.primaryAddress })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), inArray(contacts.nameKey, [...names]), eq(contacts.pending, true), isNull(contacts.primaryAddress)))
    .limit(MAX_PENDING_MATCHES);
}
