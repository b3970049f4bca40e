import { describe, expect, it } from "vitest";
import { formatDay, formatDayTime } from "./format.ts";

const NOW = Date.parse("2026-11-30T07:00:00Z"); // Mon 30 Nov 2026, 08:00 in Berlin

describe("formatDay", () => {
  it("writes an instant's day in the user's zone", () => {
    // 23:30 UTC on Sunday is already Monday in Berlin.
    expect(formatDay(Date.parse("2026-11-29T23:30:00Z"), "Europe/Berlin", NOW)).toBe("Mon 30 Nov");
    expect(formatDay(Date.parse("2026-11-29T23:30:00Z"), "UTC", NOW)).toBe("Sun 29 Nov");
  });

  it("writes a local day as that day, whatever the zone", () => {
    expect(formatDay("2026-12-04", "Pacific/Auckland", NOW)).toBe("Fri 4 Dec");
    expect(formatDay("2026-12-04", "America/Los_Angeles", NOW)).toBe("Fri 4 Dec");
  });

  it("uses one month style everywhere: three letters, September too", () => {
    expect(formatDay("2026-09-18", "Europe/Berlin", NOW)).toBe("Fri 18 Sep");
    expect(formatDay("2026-06-02", "Europe/Berlin", NOW)).toBe("Tue 2 Jun");
  });

  it("adds the year only when it is not the reader's current year, in the reader's zone", () => {
    expect(formatDay(Date.parse("2025-06-02T12:00:00Z"), "UTC", NOW)).toBe("Mon 2 Jun 2025");
    expect(formatDay("2027-01-04", "UTC", NOW)).toBe("Mon 4 Jan 2027");
    // 31 Dec 23:30 UTC: still 2026 in UTC, already 2027 in Berlin.
    const newYearsEve = Date.parse("2026-12-31T23:30:00Z");
    expect(formatDay(newYearsEve, "Europe/Berlin", newYearsEve)).toBe("Fri 1 Jan");
    expect(formatDay(newYearsEve, "Europe/Berlin", NOW)).toBe("Fri 1 Jan 2027");
  });
});

describe("formatDayTime", () => {
  it("adds the local time on a 24-hour clock", () => {
    expect(formatDayTime(Date.parse("2026-12-04T08:00:00Z"), "Europe/Berlin", NOW)).toBe("Fri 4 Dec, 09:00");
    expect(formatDayTime(Date.parse("2026-12-04T23:05:00Z"), "UTC", NOW)).toBe("Fri 4 Dec, 23:05");
  });
});
