// The hourly cron: enqueue the digests whose local time has come, and send the
// reminders that are due. `now` is the cron's scheduledTime, so a late run
// does not drift.
import type { Deps } from "../domain/deps.ts";
import { enqueueDueDigests } from "./enqueue-due-digests.ts";
import { sendDueReminders } from "./send-reminders.ts";

export async function runHourly(deps: Deps, now: number): Promise<void> {
  // Independent halves: a failure in one must not stop the other; the cron
  // still fails loudly so the run shows as failed.
  const [digests, reminders] = await Promise.allSettled([enqueueDueDigests(deps, now), sendDueReminders(deps, now)]);
  const failures = [digests, reminders].flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
  if (digests.status === "fulfilled" && reminders.status === "fulfilled" && digests.value + reminders.value > 0) {
    console.info(`tend: hourly run enqueued ${digests.value} digests, sent ${reminders.value} reminders`);
  }
  if (failures.length > 0) throw new AggregateError(failures, "tend: hourly run failed");
}
