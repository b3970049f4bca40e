// A user's digest settings, read and written as one patch.
import { eq } from "drizzle-orm";
import type { Database } from "./client.ts";
import { userAddresses, users } from "./schema.ts";

export interface UserSettings {
  timeZone: string;
  digestWeekday: number;
  digestHour: number;
  maxItems: number;
  emptyDigest: "note" | "skip";
  pausedUntil: number | null;
  nextDigestAt: number | null;
  unsubscribedAt: number | null;
  /** A short mail the same day when someone says yes to an introduction the user asked about. */
  optInMail: boolean;
}

export async function saveUserSettings(db: Database, userId: string, settings: UserSettings): Promise<void> {
  await db.update(users).set(settings).where(eq(users.id, userId));
}

export async function userAddressList(db: Database, userId: string): Promise<string[]> {
  const rows = await db.select({ address: userAddresses.address }).from(userAddresses).where(eq(userAddresses.userId, userId));
  return rows.map((row) => row.address).toSorted();
}

/** RFC 8058 one-click unsubscribe: the first click counts, later ones change nothing. */
export async function unsubscribeUser(db: Database, userId: string, now: number): Promise<"unsubscribed" | "already" | "unknown"> {
  const [row] = await db.select({ unsubscribedAt: users.unsubscribedAt }).from(users).where(eq(users.id, userId)).limit(1);
  if (!row) return "unknown";
  if (row.unsubscribedAt !== null) return "already";
  await db.update(users).set({ unsubscribedAt: now }).where(eq(users.id, userId));
  return "unsubscribed";
}

export async function findUserZone(db: Database, userId: string): Promise<{ id: string; timeZone: string; unsubscribedAt: number | null } | null> {
  const [row] = await db
    .select({ id: users.id, timeZone: users.timeZone, unsubscribedAt: users.unsubscribedAt })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}
