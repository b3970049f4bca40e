// A new user's time zone, guessed from their first message so the first digest
// comes at 08:00 their time rather than 08:00 UTC. The welcome says it is a
// guess and how to correct it.
import { dateHeaderOffset, formatOffset, zoneForOffset } from "../lib/time/guess-zone.ts";

export interface TimeZoneGuess {
  timeZone: string;
  /** The offset it was read from, as the Date: header wrote it ("-0800"); null when the header gave none. */
  offset: string | null;
}

/** The guess from a Date: header's raw value, for the instant the message was written (or received). */
export function guessTimeZone(dateHeader: string | null, at: number): TimeZoneGuess {
  const offset = dateHeader === null ? null : dateHeaderOffset(dateHeader);
  if (offset === null) return { timeZone: "UTC", offset: null };
  return { timeZone: zoneForOffset(offset, at), offset: formatOffset(offset) };
}
