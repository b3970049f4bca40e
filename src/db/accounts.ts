// A user's account: the addresses it answers to, the ones waiting to be
// confirmed, what the welcome says was logged, and erasing all of it.
import { and, count, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "./client.ts";
import {
  actionLog,
  addressConfirmations,
  contactAddresses,
  contactNotes,
  contacts,
  digestItems,
  digests,
  interactionParticipants,
  interactions,
  introductions,
  outboundMessages,
  processedMessages,
  recurringReminders,
  signals,
  suppressions,
  tasks,
  userAddresses,
  users,
} from "./schema.ts";

/** The user an address already belongs to, or null. */
export async function addressOwnerId(db: Database, address: string): Promise<string | null> {
  const [row] = await db.select({ userId: userAddresses.userId }).from(userAddresses).where(eq(userAddresses.address, address)).limit(1);
  return row?.userId ?? null;
}

export interface PendingAddress {
  userId: string;
  address: string;
  codeHash: string;
  expiresAt: number;
}

/** Records (or renews) a request to add `address` to a user's account. */
export async function savePendingAddress(db: Database, pending: PendingAddress, now: number): Promise<void> {
  await db
    .insert(addressConfirmations)
    .values({ ...pending, createdAt: now })
    .onConflictDoUpdate({
      target: [addressConfirmations.address, addressConfirmations.userId],
      set: { codeHash: pending.codeHash, expiresAt: pending.expiresAt, createdAt: now },
    });
}

/** Unexpired requests to add `address`, for the message from it that may confirm one. */
export async function pendingForAddress(db: Database, address: string, now: number): Promise<PendingAddress[]> {
  return db
    .select({
      userId: addressConfirmations.userId,
      address: addressConfirmations.address,
      codeHash: addressConfirmations.codeHash,
      expiresAt: addressConfirmations.expiresAt,
    })
    .from(addressConfirmations)
    .where(and(eq(addressConfirmations.address, address), gt(addressConfirmations.expiresAt, now)));
}

/**
 * Adds a confirmed address to a user's account and drops every pending request
 * for it. False when the address belongs to an account already (a race).
 */
export async function attachAddress(db: Database, userId: string, address: string): Promise<boolean> {
  const [inserted] = await db.batch([
    db.insert(userAddresses).values({ address, userId }).onConflictDoNothing().returning({ address: userAddresses.address }),
    db.delete(addressConfirmations).where(eq(addressConfirmations.address, address)),
  ]);
  return inserted.length > 0;
}

/** Takes an address off a user's account (and any request to add it); false when it was not theirs. */
export async function detachAddress(db: Database, userId: string, address: string): Promise<boolean> {
  const [removed] = await db.batch([
    db
      .delete(userAddresses)
      .where(and(eq(userAddresses.address, address), eq(userAddresses.userId, userId)))
      .returning({ address: userAddresses.address }),
    db.delete(addressConfirmations).where(and(eq(addressConfirmations.address, address), eq(addressConfirmations.userId, userId))),
  ]);
  return removed.length > 0;
}

/** Names (or addresses) of the people on one logged interaction, for the welcome. */
export async function peopleOfInteraction(db: Database, userId: string, interactionId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: contacts.name, address: contacts.primaryAddress })
    .from(interactionParticipants)
    .innerJoin(contacts, eq(contacts.id, interactionParticipants.contactId))
    .where(and(eq(interactionParticipants.userId, userId), eq(interactionParticipants.interactionId, interactionId)))
    .limit(limit);
  return rows.flatMap((row) => (row.name ? [row.name] : row.address ? [row.address] : []));
}

export interface AccountSize {
  contacts: number;
  interactions: number;
  tasks: number;
  notes: number;
  digests: number;
}

/** What deleting the account will erase, in the words the confirmation uses. */
export async function accountSize(db: Database, userId: string): Promise<AccountSize> {
  const [c, i, t, n, d] = await db.batch([
    db.select({ n: count() }).from(contacts).where(eq(contacts.userId, userId)),
    db.select({ n: count() }).from(interactions).where(eq(interactions.userId, userId)),
    db.select({ n: count() }).from(tasks).where(eq(tasks.userId, userId)),
    db.select({ n: count() }).from(contactNotes).where(eq(contactNotes.userId, userId)),
    db.select({ n: count() }).from(digests).where(eq(digests.userId, userId)),
  ]);
  return { contacts: c[0]?.n ?? 0, interactions: i[0]?.n ?? 0, tasks: t[0]?.n ?? 0, notes: n[0]?.n ?? 0, digests: d[0]?.n ?? 0 };
}

/**
 * Erases every row of a user, children before parents, in one batch: nothing
 * is half-deleted. Tables added later with an owner column go too, through
 * their ON DELETE CASCADE from users. Records of mail Tend sent to the
 * account's addresses go as well, whoever they were filed under.
 */
export async function deleteAccount(db: Database, userId: string, addresses: readonly string[]): Promise<void> {
  const sentTo = addresses.length > 0 ? inArray(outboundMessages.toAddress, [...addresses]) : undefined;
  await db.batch([
    db.delete(recurringReminders).where(eq(recurringReminders.userId, userId)),
    db.delete(addressConfirmations).where(eq(addressConfirmations.userId, userId)),
    db.delete(actionLog).where(eq(actionLog.userId, userId)),
    db.delete(suppressions).where(eq(suppressions.userId, userId)),
    db.delete(digestItems).where(eq(digestItems.userId, userId)),
    db.delete(digests).where(eq(digests.userId, userId)),
    db.delete(contactNotes).where(eq(contactNotes.userId, userId)),
    db.delete(tasks).where(eq(tasks.userId, userId)),
    db.delete(signals).where(eq(signals.userId, userId)),
    db.delete(introductions).where(eq(introductions.userId, userId)),
    db.delete(interactionParticipants).where(eq(interactionParticipants.userId, userId)),
    db.delete(interactions).where(eq(interactions.userId, userId)),
    db.delete(contactAddresses).where(eq(contactAddresses.userId, userId)),
    db.delete(contacts).where(eq(contacts.userId, userId)),
    db.delete(processedMessages).where(eq(processedMessages.userId, userId)),
    db.delete(outboundMessages).where(sentTo ? or(eq(outboundMessages.userId, userId), sentTo) : eq(outboundMessages.userId, userId)),
    db.delete(userAddresses).where(eq(userAddresses.userId, userId)),
    db.delete(users).where(eq(users.id, userId)),
  ]);
}

/** The record of the goodbye mail, sent after the account was gone: erased too, so no row names them. */
export async function forgetMailTo(db: Database, addresses: readonly string[]): Promise<void> {
  if (addresses.length === 0) return;
  await db.delete(outboundMessages).where(and(isNull(outboundMessages.userId), inArray(outboundMessages.toAddress, [...addresses])));
}
