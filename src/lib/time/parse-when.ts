// "2w", "for 3 days", "until March 3", "next friday": when a snoozed item or a
// paused digest comes back, as a local day.
import { addDuration, type DurationGrammar, isCalendarDuration, parseDuration } from "./durations.ts";
import { daysBetween, type LocalDate } from "./local-date.ts";
import { parseLocalDay } from "./text-dates.ts";
import { localDateOf } from "./zoned.ts";

const WHEN_GRAMMAR: DurationGrammar = { units: ["day", "week", "month"], words: true };

/**
 * "2w", "for 3 days", "until March 3", "next friday": the local day something
 * comes back (a snoozed item, a paused digest), strictly after today; null
 * otherwise. How far ahead is too far is the applying step's call.
 */
export function parseWhen(text: string, now: number, timeZone: string): LocalDate | null {
  const t = text.trim().toLowerCase().replace(/[.!]+$/, "");
  const today = localDateOf(now, timeZone);
  const until = /^(?:until|till|til|to|on)\s+(.+)$/.exec(t);
  const duration = until ? null : parseDuration(t.replace(/^for\s+/, ""), WHEN_GRAMMAR);
  const day = until?.[1]
    ? parseLocalDay(until[1], now, timeZone)
    : duration && isCalendarDuration(duration) && duration.count > 0
      ? addDuration(today, duration)
      : parseLocalDay(t, now, timeZone);
  if (!day) return null;
  return daysBetween(today, day) >= 1 ? day : null;
}
