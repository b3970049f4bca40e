// Instants and the user's wall clock: which local day an instant falls on, and
// which instant a local time names. @date-fns/tz's TZDate carries the zone.
import { TZDate } from "@date-fns/tz";
import { formatISO } from "date-fns";
import { dateParts, daysBetween, type LocalDate } from "./local-date.ts";

// Zones already checked: building an Intl formatter is slow, and the cron asks
// for every due user. Only names Intl accepted are kept, so it stays small.
const knownZones = new Set<string>();

/**
 * An IANA zone (or offset) the runtime knows. Asked of Intl itself: @date-fns/tz
 * falls back to reading any "+05" inside an unknown name as an offset, which is
 * not a zone a user can set.
 */
export function isTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions();
  } catch {
    return false;
  }
  knownZones.add(timeZone);
  return true;
}

// One message asks for the same instant in the same zone several times (the day it was sent, the wall clock
// each date reader reads against), and a TZDate costs more than the short sentences it serves: the last
// instant's is kept, and what was read from it.
let last: { instant: number; timeZone: string; zoned: TZDate; date?: LocalDate; wall?: number } | null = null;

function zonedAt(instant: number, timeZone: string): NonNullable<typeof last> {
  if (last && last.instant === instant && last.timeZone === timeZone) return last;
  last = { instant, timeZone, zoned: new TZDate(instant, timeZone) };
  return last;
}

/** The user's calendar date at an instant. */
export function localDateOf(instant: number, timeZone: string): LocalDate {
  const at = zonedAt(instant, timeZone);
  at.date ??= formatISO(at.zoned, { representation: "date" });
  return at.date;
}

/**
 * The instant of a wall-clock time on a local day. A time skipped by a DST
 * change resolves to the same wall time in the earlier offset (02:30 on a
 * spring-forward night becomes 03:30), so a reminder is late, never lost.
 */
export function atLocalTime(day: LocalDate, hour: number, timeZone: string, minute = 0): number {
  const { year, month, day: date } = dateParts(day);
  return new TZDate(year, month - 1, date, hour, minute, timeZone).getTime();
}

/** The first instant of a local day. */
export function startOfLocalDay(day: LocalDate, timeZone: string): number {
  return atLocalTime(day, 0, timeZone);
}

/** Whole local days from instant `from` to instant `to` (negative when `to` is earlier). */
export function localDayDifference(from: number, to: number, timeZone: string): number {
  return daysBetween(localDateOf(from, timeZone), localDateOf(to, timeZone));
}

/**
 * The user's wall clock at an instant, to the minute, as a Date whose UTC fields
 * are the local ones: what chrono reads dates against with timezone 0.
 */
export function wallClock(instant: number, timeZone: string): Date {
  const at = zonedAt(instant, timeZone);
  const local = at.zoned;
  at.wall ??= Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes());
  return new Date(at.wall);
}
