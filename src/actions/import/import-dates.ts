// Dates as address books write them, as "YYYY-MM-DD" or "--MM-DD" (no year).
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const pad = (n: number) => String(n).padStart(2, "0");

function valid(year: number | null, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  // Feb 29 is valid without a year; with one it must be a leap year.
  const days = new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
  if (day > days) return null;
  return year === null ? `--${pad(month)}-${pad(day)}` : `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * ISO ("1985-04-12", vCard's "19850412"), no-year forms ("--04-12", "--0412"),
 * Outlook's US "4/12/1985" ("0/0/00" is Outlook's empty date), LinkedIn's
 * "12 Mar 2024". Anything else is null: a date is kept only when it is certain.
 */
export function importDate(value: string | null, options: { yearOmitted?: boolean } = {}): string | null {
  const s = value?.trim();
  if (!s) return null;
  let m = s.match(/^(\d{4})-?(\d{2})-?(\d{2})(?:$|T)/);
  if (m) return valid(options.yearOmitted ? null : Number(m[1]), Number(m[2]), Number(m[3]));
  m = s.match(/^--(\d{2})-?(\d{2})$/);
  if (m) return valid(null, Number(m[1]), Number(m[2]));
  m = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/);
  if (m) {
    const year = Number(m[3]);
    if (year === 0 || m[3]?.length !== 4) return null;
    return valid(year, Number(m[1]), Number(m[2]));
  }
  m = s.match(/^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$/);
  if (m) {
    const month = MONTHS.indexOf(m[2]?.toLowerCase() ?? "") + 1;
    return month === 0 ? null : valid(Number(m[3]), month, Number(m[1]));
  }
  return null;
}
