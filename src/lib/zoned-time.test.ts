import { describe, expect, it } from "vitest";
import { isTimeZone, localDate, localParts, zonedTimeToUtc } from "./zoned-time.ts";

describe("zoned time", () => {
  it("converts wall-clock time to UTC on both sides of DST", () => {
    expect(new Date(zonedTimeToUtc({ year: 2026, month: 1, day: 12, hour: 8 }, "Europe/Berlin")).toISOString()).toBe(
      "2026-01-12T07:00:00.000Z",
    );
    expect(new Date(zonedTimeToUtc({ year: 2026, month: 7, day: 13, hour: 8 }, "Europe/Berlin")).toISOString()).toBe(
      "2026-07-13T06:00:00.000Z",
    );
    expect(
      new Date(zonedTimeToUtc({ year: 2026, month: 11, day: 2, hour: 8 }, "America/New_York")).toISOString(),
    ).toBe("2026-11-02T13:00:00.000Z");
  });

  it("moves a wall time skipped by spring-forward later, not earlier", () => {
    // 2026-03-29 02:30 does not exist in Berlin; clocks jump from 02:00 to 03:00.
    const instant = zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Berlin");
    expect(new Date(instant).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(localParts(instant, "Europe/Berlin").hour).toBe(3);
  });

  it("gives local dates and weekdays across the date line", () => {
    const instant = Date.UTC(2026, 11, 31, 20, 0); // Thu 31 Dec 2026, 20:00 UTC
    expect(localDate(instant, "America/Los_Angeles")).toBe("2026-12-31");
    expect(localDate(instant, "Asia/Tokyo")).toBe("2027-01-01");
    expect(localParts(instant, "Asia/Tokyo").weekday).toBe(5);
  });

  it("recognises IANA zones", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
