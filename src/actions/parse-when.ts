// "2w", "for 3 days", "until March 3", "next friday": when a snoozed item or a
// paused digest comes back, as a local day.
import { daysUntil, localDayAfter, parseLocalDay } from "./dates.ts";

const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };
const DURATION = /^(?:for\s+)?(\d{1,3}|a|an|one|two|three|four|five|six)\s*(d|days?|w|wks?|weeks?|m|mos?|months?)$/;

function duration(text: string, now: number, timeZone: string): string | null {
  const match = DURATION.exec(text);
  if (!match?.[1] || !match[2]) return null;
  const n = WORD_NUMBERS[match[1]] ?? Number(match[1]);
  if (!Number.isInteger(n) || n <= 0) return null;
  const unit = match[2];
  if (unit.startsWith("m")) return localDayAfter(now, timeZone, { months: n });
  return localDayAfter(now, timeZone, { days: unit.startsWith("w") ? 7 * n : n });
}

/**
 * The local day `text` names (a duration or a date), strictly after today; null
 * otherwise. How far ahead is too far is the applying step's call (MAX_WHEN_DAYS).
 */
export function parseWhen(text: string, now: number, timeZone: string): string | null {
  const t = text.trim().toLowerCase().replace(/[.!]+$/, "");
  const date = t.match(/^(?:until|till|til|to|on)\s+(.+)$/);
  const day = date?.[1] ? parseLocalDay(date[1], now, timeZone) : (duration(t, now, timeZone) ?? parseLocalDay(t, now, timeZone));
  if (!day) return null;
  return daysUntil(day, now, timeZone) >= 1 ? day : null;
}
