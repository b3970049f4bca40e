// Everything stored for one user, table by table, for "export".
import { eq } from "drizzle-orm";
import type { Database } from "./client.ts";
import {
  actionLog,
  contactAddresses,
  contactNotes,
  contactProfiles,
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

/**
 * Rows per table in one export. The JSON travels as a mail attachment, and
 * mail systems refuse messages past ~25 MB; beyond this the export says which
 * tables were cut instead of failing.
 */
export const MAX_EXPORT_ROWS_PER_TABLE = 20_000;

export type ExportRow = Record<string, unknown>;

export interface UserExport {
  tables: Record<string, ExportRow[]>;
  /** Tables cut at MAX_EXPORT_ROWS_PER_TABLE rows. */
  truncated: string[];
}

export async function loadExport(db: Database, userId: string): Promise<UserExport> {
  const limit = MAX_EXPORT_ROWS_PER_TABLE + 1;
  const results = await db.batch([
    db.select().from(users).where(eq(users.id, userId)),
    db.select().from(userAddresses).where(eq(userAddresses.userId, userId)).limit(limit),
    db.select().from(contacts).where(eq(contacts.userId, userId)).limit(limit),
    db.select().from(contactAddresses).where(eq(contactAddresses.userId, userId)).limit(limit),
    db.select().from(contactProfiles).where(eq(contactProfiles.userId, userId)).limit(limit),
    db.select().from(interactions).where(eq(interactions.userId, userId)).limit(limit),
    db.select().from(interactionParticipants).where(eq(interactionParticipants.userId, userId)).limit(limit),
    db.select().from(introductions).where(eq(introductions.userId, userId)).limit(limit),
    db.select().from(signals).where(eq(signals.userId, userId)).limit(limit),
    db.select().from(tasks).where(eq(tasks.userId, userId)).limit(limit),
    db.select().from(recurringReminders).where(eq(recurringReminders.userId, userId)).limit(limit),
    db.select().from(contactNotes).where(eq(contactNotes.userId, userId)).limit(limit),
    db.select().from(digests).where(eq(digests.userId, userId)).limit(limit),
    db.select().from(digestItems).where(eq(digestItems.userId, userId)).limit(limit),
    db.select().from(suppressions).where(eq(suppressions.userId, userId)).limit(limit),
    db.select().from(actionLog).where(eq(actionLog.userId, userId)).limit(limit),
    db.select().from(processedMessages).where(eq(processedMessages.userId, userId)).limit(limit),
    db.select().from(outboundMessages).where(eq(outboundMessages.userId, userId)).limit(limit),
  ]);
  const names = [
    "user",
    "userAddresses",
    "contacts",
    "contactAddresses",
    "contactProfiles",
    "interactions",
    "interactionParticipants",
    "introductions",
    "signals",
    "tasks",
    "recurringReminders",
    "contactNotes",
    "digests",
    "digestItems",
    "suppressions",
    "actionLog",
    "processedMessages",
    "outboundMessages",
  ];
  const out: UserExport = { tables: {}, truncated: [] };
  results.forEach((rows: ExportRow[], index) => {
    const name = names[index] ?? `table${index}`;
    if (rows.length > MAX_EXPORT_ROWS_PER_TABLE) out.truncated.push(name);
    out.tables[name] = rows.slice(0, MAX_EXPORT_ROWS_PER_TABLE);
  });
  return out;
}
