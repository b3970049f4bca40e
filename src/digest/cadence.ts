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
