// "monthly", "every 2 weeks", "6w", "off": how often to check in with someone, in days.
import { rhythmDays } from "../lib/time/durations.ts";

/** Longer than two years is no longer a rhythm; "never" says that better. */
export const MAX_CADENCE_DAYS = 730;

/** Days between check-ins; null for "off"/"default" (back to the learned rhythm); undefined when not a cadence. */
export function parseCadence(text: string): number | null | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "off" || t === "default" || t === "auto" || t === "reset") return null;
  const days = rhythmDays(t);
  return days !== null && days >= 1 && days <= MAX_CADENCE_DAYS ? days : undefined;
}
