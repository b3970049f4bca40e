// cadence: how often the user means to be in touch with a person.
import { DAY_MS } from "../model.ts";

/** Check-in rhythm when neither the user nor past interactions set one. */
export const DEFAULT_CHECK_IN_DAYS = 60;

export interface CadenceSource {
  /** Set by the user ("cadence 4 30d"); wins over everything. */
  cadenceDays: number | null;
  /** Learned from the rhythm of past interactions. */
  learnedCadenceDays: number | null;
}

function usable(days: number | null): days is number {
  return days !== null && Number.isFinite(days) && days > 0;
}

/** Days between check-ins: the user's setting, else the learned rhythm, else the default. */
export function checkInCadenceDays(contact: CadenceSource, defaultDays: number = DEFAULT_CHECK_IN_DAYS): number {
  if (usable(contact.cadenceDays)) return contact.cadenceDays;
  if (usable(contact.learnedCadenceDays)) return contact.learnedCadenceDays;
  return defaultDays;
}

/** When a check-in falls due after an interaction at `lastInteractionAt` (contacts.next_check_in_at). */
export function nextCheckInAt(contact: CadenceSource, lastInteractionAt: number, defaultDays?: number): number {
  return lastInteractionAt + checkInCadenceDays(contact, defaultDays) * DAY_MS;
}

/** A learned rhythm is kept within these bounds: no weekly nagging, no forgetting for years. */
export const MIN_LEARNED_CADENCE_DAYS = 14;
export const MAX_LEARNED_CADENCE_DAYS = 180;

/** The rhythm learned from one more interaction: a weighted mean of past gaps, so one long silence does not reset it. */
export function learnCadence(previous: number | null, last: number | null, at: number): number | null {
  if (last === null || at - last < DAY_MS) return previous;
  const gapDays = (at - last) / DAY_MS;
  const blended = previous === null ? gapDays : 0.7 * previous + 0.3 * gapDays;
  return Math.round(Math.min(MAX_LEARNED_CADENCE_DAYS, Math.max(MIN_LEARNED_CADENCE_DAYS, blended)));
}
