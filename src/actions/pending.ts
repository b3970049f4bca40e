// pending: open promises, asks and reminders.
import { loadPending } from "../db/action-pending.ts";
import type { Database } from "../db/client.ts";
import type { Answer } from "./answer.ts";
import { composePending } from "./compose-pending.ts";

export async function pendingAnswer(db: Database, userId: string, now: number, timeZone: string): Promise<Answer> {
  return { subject: "Pending", text: composePending(await loadPending(db, userId, now), now, timeZone) };
}
