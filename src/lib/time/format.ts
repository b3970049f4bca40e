// The one way Tend writes a day: "Fri 18 Sep", with the year when it is not the
// reader's current year. Acknowledgements, digests, reminders, pages and briefs
// all print days through here.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { dateParts, type LocalDate } from "./local-date.ts";

const DAY = "EEE d MMM";
const DAY_WITH_YEAR = "EEE d MMM yyyy";

function inZone(day: number | LocalDate, timeZone: string): TZDate {
  if (typeof day === "number") return new TZDate(day, timeZone);
  const { year, month, day: date } = dateParts(day);
  return new TZDate(year, month - 1, date, timeZone);
}

/** "Fri 27 Nov" (with the year when it is not the year of `now`) for an instant or a local day, in `timeZone`. */
export function formatDay(day: number | LocalDate, timeZone: string, now: number): string {
  const date = inZone(day, timeZone);
  const sameYear = date.getFullYear() === new TZDate(now, timeZone).getFullYear();
  return format(date, sameYear ? DAY : DAY_WITH_YEAR);
}

/** "Fri 27 Nov, 09:00". */
export function formatDayTime(instant: number, timeZone: string, now: number): string {
  return `${formatDay(instant, timeZone, now)}, ${format(new TZDate(instant, timeZone), "HH:mm")}`;
}
