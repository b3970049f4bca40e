// A stored date as people said it (src/inbound/plan-log.ts: plannedDue): one
// day, a range, or nothing. The rules the digest and the brief share: a range
// is late only once it is over, has begun on its first day, and is written as
// it was said ("the week of December 7"), never as a day nobody named.
import { formatDay } from "../lib/time/format.ts";
import { localDateOf } from "../lib/time/zoned.ts";
import type { DuePrecision } from "../model.ts";

/** The date columns of a signal or task, as stored. */
export interface StoredDue {
  dueAt: number | null;
  dueStartAt?: number | null;
  dueEndAt?: number | null;
  duePrecision?: DuePrecision | null;
  dueText?: string | null;
}

/** The last day it may be done on: a range's end, else the day. Null: nobody said when. */
function lastDay(due: StoredDue): number | null {
  return due.dueEndAt ?? due.dueAt;
}

/** Late: the last day it was due on is over, in the user's zone. Never before a range ends; never when undated. */
export function isOverdue(due: StoredDue, now: number, timeZone: string): boolean {
  const last = lastDay(due);
  return last !== null && localDateOf(now, timeZone) > localDateOf(last, timeZone);
}

/** Begun: its first day has come (the heads-up before, the "how did it go?" after the end). */
export function hasBegun(due: StoredDue, now: number, timeZone: string): boolean {
  const first = due.dueStartAt ?? due.dueAt;
  return first !== null && localDateOf(now, timeZone) >= localDateOf(first, timeZone);
}

/** A range ("the week of December 7", "early next year"), not one day. */
export function isRange(due: StoredDue): boolean {
  return (due.duePrecision ?? "day") !== "day" && due.dueStartAt !== null && due.dueStartAt !== undefined;
}

/** How to write when: the phrase as said for a range, the day for a day ("Wed 9 Dec"), null when undated. */
export function dueInWords(due: StoredDue, timeZone: string, now: number): string | null {
  if (isRange(due)) return due.dueText ?? null;
  return due.dueAt === null ? null : formatDay(due.dueAt, timeZone, now);
}
