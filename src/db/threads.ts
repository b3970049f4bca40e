// Which users' threads a message answers: its In-Reply-To and References,
// matched against the Message-IDs of messages each user logged. Both lookups
// go through processed_messages' indexes, so they cost the same however much
// mail Tend has logged.
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database } from "./client.ts";
import { processedMessages, users } from "./schema.ts";
import type { User } from "./users.ts";

/**
 * Users who logged one of `messageIds` (a message that became an interaction,
 * not a command or a refusal): the users whose thread this message continues.
 */
export async function findThreadOwners(db: Database, messageIds: readonly string[]): Promise<User[]> {
  if (messageIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ user: users })
    .from(processedMessages)
    .innerJoin(users, eq(users.id, processedMessages.userId))
    .where(and(inArray(processedMessages.messageId, [...messageIds]), isNotNull(processedMessages.interactionId)));
  return rows.map((row) => row.user);
}

/** Of `userIds`, those who have already logged the message `key`. */
export async function usersWhoLogged(db: Database, userIds: readonly string[], key: string): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: processedMessages.userId })
    .from(processedMessages)
    .where(and(eq(processedMessages.messageId, key), inArray(processedMessages.userId, [...userIds])));
  return new Set(rows.map((row) => row.userId));
}
