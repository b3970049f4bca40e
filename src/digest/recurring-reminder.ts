// What a recurring reminder adds to a reminder's mail: the line that says when
// the next one comes, the Reply-To that can stop them, and the next occurrence
// the task moves to once this one has left.
import type { DueReminder } from "../db/digest-reminders.ts";
import type { Config } from "../domain/config.ts";
import { describeRecurrence, nextOccurrence, readRecurrence, REMINDER_HOUR } from "../domain/recurrence.ts";
import { withSubaddress } from "../lib/addresses.ts";
import { formatDayTime } from "../lib/time/format.ts";
import { REMINDER_TOKEN_PREFIX, reminderToken } from "../lib/tokens.ts";

export interface Repeat {
  /** The next occurrence, counted from this one's own time so a late cron run does not shift the rhythm. */
  nextAt: number;
  line: string;
  /** tend+s.<token>@: a reply "stop" ends the rhythm. */
  replyTo: string;
}

/** The repeat of a due reminder with a stored rule; null for a one-off (or a rule this version cannot read). */
export async function repeatOf(config: Config, reminder: DueReminder, rule: string | undefined, now: number): Promise<Repeat | null> {
  const recurrence = rule === undefined ? null : readRecurrence(rule);
  if (!recurrence) return null;
  const zone = reminder.user.timeZone;
  const nextAt = nextOccurrence(recurrence, reminder.remindAt, now, zone, REMINDER_HOUR);
  const token = await reminderToken(config.signingKey, reminder.userId, reminder.taskId);
  return {
    nextAt,
    line: `This reminder repeats ${describeRecurrence(recurrence)}; the next is on ${formatDayTime(nextAt, zone, now)} (${zone}). Reply “stop” to end it.`,
    replyTo: withSubaddress(config.tendAddress, REMINDER_TOKEN_PREFIX + token),
  };
}
