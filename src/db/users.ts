import { eq } from "drizzle-orm";
import type { Database } from "./client.ts";
import { userAddresses, users } from "./schema.ts";

export type User = typeof users.$inferSelect;

export async function findUserByAddress(db: Database, address: string): Promise<User | null> {
  const [row] = await db
    .select({ user: users })
    .from(userAddresses)
    .innerJoin(users, eq(users.id, userAddresses.userId))
    .where(eq(userAddresses.address, address))
    .limit(1);
  return row?.user ?? null;
}

export interface NewUser {
  id: string;
  email: string;
  name: string | null;
  nextDigestAt: number;
  createdAt: number;
}

/** Creates an owner on their first mail; a concurrent first mail loses the race harmlessly. */
export async function createUser(db: Database, user: NewUser): Promise<User> {
  await db.batch([
    db.insert(users).values(user).onConflictDoNothing(),
    db
      .insert(userAddresses)
      .values({ address: user.email, userId: user.id })
      .onConflictDoNothing(),
  ]);
  const created = await findUserByAddress(db, user.email);
  if (!created) throw new Error(`user ${user.email} was not created`);
  return created;
}
