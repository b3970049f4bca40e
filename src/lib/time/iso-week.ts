// ISO 8601 weeks in the user's zone: the key of one digest per user and week.
import { TZDate } from "@date-fns/tz";
import { getISOWeek, getISOWeekYear } from "date-fns";

/** "2026-W48": the ISO week (which belongs to the year of its Thursday) of an instant in a zone. */
export function isoWeekKey(instant: number, timeZone: string): string {
  const local = new TZDate(instant, timeZone);
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, "0")}`;
}
