// The recurring reminders a user has running, for "pending".
import type { Database } from "../db/client.ts";
import { listRecurring, MAX_RECURRING_LISTED } from "../db/recurring-reminders.ts";
import { describeRecurrence, readRecurrence } from "../domain/recurrence.ts";
import { formatDayTime } from "../lib/time/format.ts";
import { section } from "./reply-mail.ts";

/** A section listing each running recurring reminder with its rhythm and next date; "" when there is none. */
export async function recurringSection(db: Database, userId: string, now: number, timeZone: string): Promise<string> {
  const running = await listRecurring(db, userId);
  const lines = running.map((reminder) => {
    const rule = readRecurrence(reminder.rule);
    const rhythm = rule ? describeRecurrence(rule) : "on a rhythm this version cannot read";
    const next = reminder.nextAt === null ? "" : `, next ${formatDayTime(reminder.nextAt, timeZone, now)}`;
    return `${reminder.title} — ${rhythm}${next}`;
  });
  if (running.length === MAX_RECURRING_LISTED) lines.push(`(only the first ${MAX_RECURRING_LISTED} are listed)`);
  return section("Recurring reminders (reply “stop” to one of them to end it):", lines);
}
