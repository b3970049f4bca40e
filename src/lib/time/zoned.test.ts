import { describe, expect, it } from "vitest";
import { atLocalTime, isTimeZone, localDateOf, localDayDifference, startOfLocalDay, wallClock } from "./zoned.ts";

const iso = (instant: number) => new Date(instant).toISOString();

describe("atLocalTime", () => {
  it("converts wall-clock time to UTC on both sides of DST", () => {
    expect(iso(atLocalTime("2026-01-12", 8, "Europe/Berlin"))).toBe("2026-01-12T07:00:00.000Z");
    expect(iso(atLocalTime("2026-07-13", 8, "Europe/Berlin"))).toBe("2026-07-13T06:00:00.000Z");
    expect(iso(atLocalTime("2026-11-02", 8, "America/New_York"))).toBe("2026-11-02T13:00:00.000Z");
    expect(iso(atLocalTime("2026-11-30", 8, "Asia/Kolkata"))).toBe("2026-11-30T02:30:00.000Z");
  });

  it("moves a wall time skipped by spring-forward later, not earlier", () => {
    // 2026-03-29 02:30 does not exist in Berlin; clocks jump from 02:00 to 03:00.
    const instant = atLocalTime("2026-03-29", 2, "Europe/Berlin", 30);
    expect(iso(instant)).toBe("2026-03-29T01:30:00.000Z");
    expect(wallClock(instant, "Europe/Berlin").getUTCHours()).toBe(3);
  });

  it("takes the first instant of a day, even when midnight is skipped", () => {
    expect(iso(startOfLocalDay("2026-03-29", "Europe/Berlin"))).toBe("2026-03-28T23:00:00.000Z");
    // Santiago springs forward at midnight: the day starts at 01:00.
    expect(iso(startOfLocalDay("2026-09-06", "America/Santiago"))).toBe("2026-09-06T04:00:00.000Z");
  });
});

describe("local days of instants", () => {
  const instant = Date.UTC(2026, 11, 31, 20, 0); // Thu 31 Dec 2026, 20:00 UTC

  it("gives the local date across the date line", () => {
    expect(localDateOf(instant, "America/Los_Angeles")).toBe("2026-12-31");
    expect(localDateOf(instant, "Asia/Tokyo")).toBe("2027-01-01");
  });

  it("counts local calendar days between instants, not 24-hour spans", () => {
    // 23:30 on Sunday and 00:30 on Monday in Berlin: an hour apart, a day apart.
    expect(localDayDifference(Date.parse("2026-11-29T22:30:00Z"), Date.parse("2026-11-29T23:30:00Z"), "Europe/Berlin")).toBe(1);
    expect(localDayDifference(Date.parse("2026-11-29T22:30:00Z"), Date.parse("2026-11-29T23:30:00Z"), "UTC")).toBe(0);
    expect(localDayDifference(instant, Date.parse("2026-12-01T00:00:00Z"), "UTC")).toBe(-30);
  });

  it("reads the wall clock to the minute, as UTC fields", () => {
    expect(wallClock(Date.parse("2026-03-12T16:20:45Z"), "Europe/Berlin").toISOString()).toBe("2026-03-12T17:20:00.000Z");
  });
});

describe("isTimeZone", () => {
  it("recognises IANA zones and refuses names Intl does not know", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("Mars/Olympus+05")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});
