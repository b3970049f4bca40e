// Dates as people read them, in their own zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", options);
    formatters.set(key, f);
  }
  return f;
}

/** "Fri 27 Nov" (with the year when it is not the year of `now`). */
export function formatDay(instant: number, timeZone: string, now: number = instant): string {
  const sameYear =
    formatter(`y:${timeZone}`, { timeZone, year: "numeric" }).format(instant) ===
    formatter(`y:${timeZone}`, { timeZone, year: "numeric" }).format(now);
  const options: Intl.DateTimeFormatOptions = { timeZone, weekday: "short", day: "numeric", month: "short" };
  if (!sameYear) options.year = "numeric";
  return formatter(`d:${timeZone}:${sameYear}`, options).format(instant).replace(",", "");
}

/** "Fri 27 Nov, 09:00". */
export function formatDayTime(instant: number, timeZone: string, now: number = instant): string {
  const time = formatter(`t:${timeZone}`, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
  return `${formatDay(instant, timeZone, now)}, ${time}`;
}
