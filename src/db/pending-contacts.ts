// Pending contacts: people the user's notes named with no address ("Dev is
// hiring", in notes with Jon). `link N address` gives one its address; when
// the address already belongs to someone, the pending contact is merged into
// them: everything said about it moves over, and the pending row goes.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Database } from "./client.ts";
import {
  contactAddresses,
  contactNotes,
  contacts,
  digestItems,
  interactionParticipants,
  introductions,
  signals,
  tasks,
} from "./schema.ts";

/** The contact that already has `address`, other than the pending one; a subquery, so one batch decides. */
function ownerOf(userId: string, address: string, pendingId: string): SQL {
  return sql`(select ${contactAddresses.contactId} from ${contactAddresses} where ${contactAddresses.userId} = ${userId} and ${contactAddresses.address} = ${address} and ${contactAddresses.contactId} <> ${pendingId})`;
}

/**
 * The statements that link pending contact `contactId` to `address`, in one
 * batch: merged into whoever has the address already, else given it. Applying
 * them twice changes nothing more.
 */
export function linkStatements(db: Database, userId: string, contactId: string, address: string): BatchItem<"sqlite">[] {
  const owner = ownerOf(userId, address, contactId);
  const owned = sql`exists ${owner}`;
  return [
    db.update(signals).set({ contactId: owner }).where(and(eq(signals.userId, userId), eq(signals.contactId, contactId), owned)),
    db
      .update(signals)
      .set({ speakerContactId: owner })
      .where(and(eq(signals.userId, userId), eq(signals.speakerContactId, contactId), owned)),
    db.update(tasks).set({ contactId: owner }).where(and(eq(tasks.userId, userId), eq(tasks.contactId, contactId), owned)),
    db
      .update(contactNotes)
      .set({ contactId: owner })
      .where(and(eq(contactNotes.userId, userId), eq(contactNotes.contactId, contactId), owned)),
    db
      .update(digestItems)
      .set({ contactId: owner })
      .where(and(eq(digestItems.userId, userId), eq(digestItems.contactId, contactId), owned)),
    db
      .update(introductions)
      .set({ introducerContactId: owner })
      .where(and(eq(introductions.userId, userId), eq(introductions.introducerContactId, contactId), owned)),
    db
      .update(introductions)
      .set({ personAContactId: owner })
      .where(and(eq(introductions.userId, userId), eq(introductions.personAContactId, contactId), owned)),
    db
      .update(introductions)
      .set({ personBContactId: owner })
      .where(and(eq(introductions.userId, userId), eq(introductions.personBContactId, contactId), owned)),
    // A person on both sides of one interaction keeps one row per role.
    db
      .delete(interactionParticipants)
      .where(
        and(
          eq(interactionParticipants.userId, userId),
          eq(interactionParticipants.contactId, contactId),
          owned,
          sql`exists (select 1 from interaction_participants o where o.interaction_id = interaction_participants.interaction_id and o.role = interaction_participants.role and o.contact_id = ${owner})`,
        ),
      ),
    db
      .update(interactionParticipants)
      .set({ contactId: owner })
      .where(and(eq(interactionParticipants.userId, userId), eq(interactionParticipants.contactId, contactId), owned)),
    db.delete(contacts).where(and(eq(contacts.userId, userId), eq(contacts.id, contactId), eq(contacts.pending, true), owned)),
    // Nobody has the address: the pending contact takes it and is pending no more.
    db.insert(contactAddresses).values({ userId, address, contactId }).onConflictDoNothing(),
    db
      .update(contacts)
      .set({ primaryAddress: address, pending: false })
      .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId), eq(contacts.pending, true))),
  ];
}

/** What `undo` of a link that gave an address replays: the contact is pending again, without it. */
export function unlinkStatements(db: Database, userId: string, contactId: string, address: string): BatchItem<"sqlite">[] {
  return [
    db
      .delete(contactAddresses)
      .where(and(eq(contactAddresses.userId, userId), eq(contactAddresses.address, address), eq(contactAddresses.contactId, contactId))),
    db
      .update(contacts)
      .set({ primaryAddress: null, pending: true })
      .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId), eq(contacts.primaryAddress, address))),
  ];
}
