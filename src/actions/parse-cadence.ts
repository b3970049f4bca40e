// "monthly", "every 2 weeks", "6w", "off": how often to check in with someone, in days.

const NAMED: Record<string, number> = {
  daily: 1,
  weekly: 7,
  biweekly: 14,
  fortnightly: 14,
  monthly: 30,
  bimonthly: 61,
  quarterly: 91,
  "twice a year": 183,
  biannually: 183,
  yearly: 365,
  annually: 365,
};
const UNIT_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };
/** Longer than two years is no longer a rhythm; "never" says that better. */
export const MAX_CADENCE_DAYS = 730;

/** Days between check-ins; null for "off"/"default" (back to the learned rhythm); undefined when not a cadence. */
export function parseCadence(text: string): number | null | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, " ");
  if (t === "off" || t === "default" || t === "auto" || t === "reset") return null;
  const named = NAMED[t] ?? NAMED[t.replace(/^every\s+/, "")];
  if (named) return named;
  const every = /^(?:every\s+)?(\d{1,3}|a|one|other)?\s*(days?|d|weeks?|wks?|w|months?|mos?|m|years?|yrs?|y)$/.exec(t);
  if (!every?.[2]) return undefined;
  const count = every[1] === undefined || every[1] === "a" || every[1] === "one" ? 1 : every[1] === "other" ? 2 : Number(every[1]);
  const unit = every[2].charAt(0);
  const days = count * (UNIT_DAYS[unit] ?? 0);
  return days >= 1 && days <= MAX_CADENCE_DAYS ? days : undefined;
}
