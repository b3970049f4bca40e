// A first guess at a new user's time zone from the offset their mail client
// wrote in the Date: header ("Mon, 23 Nov 2026 10:00:00 -0800"). An offset is
// not a zone: -0800 in November is Los Angeles, and in July Los Angeles writes
// -0700. So each candidate zone is asked for its offset on the message's own
// date, and the first that matches wins. Candidates are ordered so the more
// likely zone for an offset comes first (New York before Bogotá for -0500 in
// winter; Chicago before New York for -0500 in summer).
import { tzOffset } from "@date-fns/tz";

const CANDIDATE_ZONES = [
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "America/Sao_Paulo",
  "America/Halifax",
  "America/St_Johns",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Phoenix",
  "America/Bogota",
  "Europe/London",
  "UTC",
  "Europe/Berlin",
  "Europe/Athens",
  "Europe/Istanbul",
  "Asia/Tehran",
  "Asia/Dubai",
  "Asia/Kabul",
  "Asia/Karachi",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Dhaka",
  "Asia/Yangon",
  "Asia/Bangkok",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Australia/Adelaide",
  "Australia/Darwin",
  "Australia/Sydney",
  "Australia/Brisbane",
  "Pacific/Noumea",
  "Pacific/Auckland",
  "Pacific/Tongatapu",
  "Pacific/Kiritimati",
  "Atlantic/Azores",
  "Atlantic/Cape_Verde",
] as const;

// RFC 5322's obsolete zone names, which some old clients still write.
const NAMED_OFFSETS: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  edt: -240, est: -300, cdt: -300, cst: -360, mdt: -360, mst: -420, pdt: -420, pst: -480,
};

/** The largest offset any zone uses (+14:00, Kiribati); anything beyond is a forged or broken header. */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * The UTC offset, in minutes east of UTC, that a Date: header's value ends with;
 * null when it names none, or writes -0000 ("local time unknown", RFC 5322 §3.3).
 */
export function dateHeaderOffset(value: string): number | null {
  const text = value.replace(/\([^()]*\)\s*$/, "").trim();
  const numeric = /([+-])(\d{2})(\d{2})$/.exec(text);
  if (numeric?.[1] && numeric[2] && numeric[3]) {
    if (numeric[0] === "-0000") return null;
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    if (Number(numeric[3]) >= 60 || minutes > MAX_OFFSET_MINUTES) return null;
    return numeric[1] === "-" ? -minutes : minutes;
  }
  const named = /\s([a-z]{1,3})$/i.exec(text)?.[1]?.toLowerCase();
  return named === undefined ? null : (NAMED_OFFSETS[named] ?? null);
}

/** "-0800", "+0530": an offset as a Date: header writes it. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/**
 * A representative IANA zone whose offset at instant `at` is `offsetMinutes`:
 * the first candidate that matches, else a fixed Etc/GMT zone for a whole hour
 * (whose sign is inverted by POSIX convention), else UTC.
 */
export function zoneForOffset(offsetMinutes: number, at: number): string {
  const date = new Date(at);
  const match = CANDIDATE_ZONES.find((zone) => tzOffset(zone, date) === offsetMinutes);
  if (match) return match;
  if (offsetMinutes % 60 === 0 && Math.abs(offsetMinutes) <= 12 * 60) {
    const hours = -offsetMinutes / 60;
    return hours === 0 ? "UTC" : `Etc/GMT${hours > 0 ? "+" : ""}${hours}`;
  }
  return "UTC";
}
