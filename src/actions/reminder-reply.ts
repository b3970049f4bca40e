// A reply to a recurring reminder (tend+s.<token>@): "stop" ends the rhythm.
// The token names the reminder and its owner, so a reply can only stop the
// user's own reminder.
import { stopRecurring } from "../db/recurring-reminders.ts";
import type { User } from "../db/users.ts";
import type { Deps } from "../domain/deps.ts";
import { sendMail } from "../domain/outbox.ts";
import { taskIdOfReminderToken, verifyReminderToken } from "../lib/tokens.ts";
import type { ParsedEmail } from "../model.ts";
import { replyMail } from "./reply-mail.ts";

// "stop", "Stop please", "stop reminding me", "unsubscribe", "cancel": the first line decides.
const STOP = /^(?:please\s+)?(?:stop|end|cancel|unsubscribe|no more)\b/i;

/** The first line of the visible text asks to stop. */
export function asksToStop(text: string): boolean {
  const first = text.split(/\r\n?|\n/).find((line) => line.trim() !== "") ?? "";
  return STOP.test(first.trim());
}

export async function handleReminderReply(deps: Deps, user: User, reply: { email: ParsedEmail; token: string; text: string }, now: number): Promise<void> {
  const taskId = taskIdOfReminderToken(reply.token);
  const owned = taskId !== null && (await verifyReminderToken(deps.config.signingKey, reply.token, user.id));
  let text: string;
  if (!owned || !taskId) text = "This reply does not match a reminder of yours, so nothing changed.";
  else if (!asksToStop(reply.text)) {
    text = "I read only “stop” in a reply to a recurring reminder, and this one keeps going. Reply “stop” to end it.";
  } else if (await stopRecurring(deps.db, user.id, taskId, now)) {
    text = "Stopped: you will get no more of these reminders. Email “pending” to see the ones still running.";
  } else text = "This reminder was already stopped; nothing changed.";
  await sendMail({ ...deps, now }, replyMail(deps.config, user, reply.email, { text: `${text}\n\n— Tend` }));
}
