import { eq, sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import { userAddresses, users } from "./schema.ts";

export type User = typeof users.$inferSelect;

export async function findUserByAddress(db: Database, address: string): Promise<User | null> {
  return (await findAccountByAddress(db, address))?.user ?? null;
}

/** The user an address belongs to, with every address of their account, in one query. */
export async function findAccountByAddress(db: Database, address: string): Promise<{ user: User; addresses: string[] } | null> {
  const [row] = await db
    .select({
      user: users,
      // Addresses hold no spaces (isAddress), so a space joins them unambiguously.
      addresses: sql<string | null>`(select group_concat(a.address, ' ') from user_addresses a where a.user_id = ${users.id})`,
    })
    .from(userAddresses)
    .innerJoin(users, eq(users.id, userAddresses.userId))
    .where(eq(userAddresses.address, address))
    .limit(1);
  return row ? { user: row.user, addresses: (row.addresses ?? "").split(" ").filter(Boolean) } : null;
}

export interface NewUser {
  id: string;
  email: string;
  name: string | null;
  /** The zone guessed from the first message (UTC when it gave no clue). */
  timeZone: string;
  nextDigestAt: number;
  createdAt: number;
}

/**
 * Creates an owner on their first mail; a concurrent first mail loses the race
 * harmlessly. `created` is true only for the call that inserted the row, so
 * the welcome goes out once.
 */
export async function createUser(db: Database, user: NewUser): Promise<{ user: User; created: boolean }> {
  const [inserted] = await db.batch([
    db.insert(users).values(user).onConflictDoNothing().returning({ id: users.id }),
    db
      .insert(userAddresses)
      .values({ address: user.email, userId: user.id })
      .onConflictDoNothing(),
  ]);
  const found = await findUserByAddress(db, user.email);
  if (!found) throw new Error(`user ${user.email} was not created`);
  return { user: found, created: inserted.length > 0 && found.id === user.id };
}

export async function findUserById(db: Database, id: string): Promise<User | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}
