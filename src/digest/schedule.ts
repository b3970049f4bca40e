// Placeholder until the digest schedule lands: the next Monday 08:00 UTC.
import { DAY_MS, HOUR_MS } from "../model.ts";

export interface DigestSchedule {
  timeZone: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
}

export const DEFAULT_DIGEST_SCHEDULE: DigestSchedule = { timeZone: "UTC", weekday: 1, hour: 8 };

/** The first local digest time strictly after `after`, as a UTC instant. */
export function nextDigestAt(schedule: DigestSchedule, after: number): number {
  const day = new Date(after);
  const isoWeekday = ((day.getUTCDay() + 6) % 7) + 1;
  let candidate = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) + schedule.hour * HOUR_MS;
  candidate += ((schedule.weekday - isoWeekday + 7) % 7) * DAY_MS;
  return candidate > after ? candidate : candidate + 7 * DAY_MS;
}
