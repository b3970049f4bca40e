// The hourly cron's other half: reminders that fall due between digests. Each
// is marked reminded before it is sent, so a retried or overlapping run cannot
// send it twice; a send that fails before the mail leaves is released for the
// next run.
import type { Config } from "../domain/config.ts";
import type { Database } from "../db/client.ts";
import { claimReminders, type DueReminder, findDueReminders, releaseReminder } from "../db/digest-reminders.ts";
import { findRecurrences, rescheduleReminder } from "../db/recurring-reminders.ts";
import { isOwner } from "../domain/owners.ts";
import type { Mailer } from "../mail/transport.ts";
import { composeReminder } from "./compose-reminder.ts";
import { type Repeat, repeatOf } from "./recurring-reminder.ts";
import { SendError, sendTracked } from "./send.ts";

export const REMINDERS_PER_PAGE = 50;
export const MAX_REMINDER_PAGES_PER_RUN = 40;

export interface ReminderDeps {
  config: Config;
  db: Database;
  mailer: Mailer;
}

/** Whether a claimed reminder should still go out: not to someone taken out of OWNERS, either. */
function stillWanted(reminder: DueReminder, owners: readonly string[]): boolean {
  return reminder.status === "open" && reminder.user.unsubscribedAt === null && isOwner(owners, reminder.user.email);
}

async function sendReminder(deps: ReminderDeps, reminder: DueReminder, now: number, repeat: Repeat | null = null): Promise<boolean> {
  const composed = composeReminder(reminder, now, repeat?.line);
  try {
    await sendTracked(
      { ...deps, now },
      {
        kind: "reminder",
        userId: reminder.userId,
        from: { name: "Tend", address: deps.config.tendAddress },
        to: { name: reminder.user.name, address: reminder.user.email },
        subject: composed.subject,
        text: composed.text,
        html: composed.html,
        inReplyTo: reminder.threadMessageId,
        ...(repeat ? { replyTo: repeat.replyTo } : {}),
      },
    );
    return true;
  } catch (error) {
    console.error(`tend: reminder ${reminder.taskId} failed`, error);
    if (error instanceof SendError && error.delivered) return true;
    await releaseReminder(deps.db, reminder.taskId, now);
    return false;
  }
}

/** A one-off reminder, or one occurrence of a recurring one, which then moves to its next occurrence. */
async function sendOccurrence(deps: ReminderDeps, reminder: DueReminder, now: number, rule: string | undefined): Promise<boolean> {
  const repeat = await repeatOf(deps.config, reminder, rule, now);
  const sent = await sendReminder(deps, reminder, now, repeat);
  if (sent && repeat) await rescheduleReminder(deps.db, reminder.taskId, now, repeat.nextAt);
  return sent;
}

/** Returns how many reminders were sent. */
export async function sendDueReminders(deps: ReminderDeps, now: number): Promise<number> {
  let sent = 0;
  for (let page = 0; page < MAX_REMINDER_PAGES_PER_RUN; page++) {
    const due = await findDueReminders(deps.db, now, REMINDERS_PER_PAGE);
    if (due.length === 0) return sent;
    const claimed = await claimReminders(
      deps.db,
      due.map((reminder) => reminder.taskId),
      now,
    );
    const rules = await findRecurrences(deps.db, [...claimed]);
    const results = await Promise.all(
      due.filter((reminder) => claimed.has(reminder.taskId) && stillWanted(reminder, deps.config.owners)).map((reminder) => sendOccurrence(deps, reminder, now, rules.get(reminder.taskId))),
    );
    sent += results.filter(Boolean).length;
    // A released reminder would be found again at once: leave it for the next run.
    if (due.length < REMINDERS_PER_PAGE || results.includes(false)) return sent;
  }
  return sent;
}
