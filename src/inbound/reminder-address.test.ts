import { describe, expect, it } from "vitest";
import { reminderTime } from "./reminder-address.ts";

// Wednesday 25 November 2026, 15:20 in Berlin.
const NOW = Date.UTC(2026, 10, 25, 14, 20);
const at = (tag: string, zone = "Europe/Berlin") => {
  const result = reminderTime(tag, NOW, zone);
  return result ? new Date(result.at).toISOString() : null;
};

describe("followUpTime", () => {
  it("reads durations as that many days ahead, at 09:00 local", () => {
    expect(at("3d")).toBe("2026-11-28T08:00:00.000Z");
    expect(at("2w")).toBe("2026-12-09T08:00:00.000Z");
    expect(at("1m")).toBe("2026-12-25T08:00:00.000Z");
    expect(at("10days")).toBe("2026-12-05T08:00:00.000Z");
    expect(at("2wks")).toBe("2026-12-09T08:00:00.000Z");
  });

  it("ends a month ahead on the month's last day when the day does not exist there", () => {
    // Sat 31 Jan 2026, 15:00 in Berlin: a month on is Sat 28 Feb.
    expect(new Date(reminderTime("1m", Date.UTC(2026, 0, 31, 14), "Europe/Berlin")?.at ?? 0).toISOString()).toBe(
      "2026-02-28T08:00:00.000Z",
    );
  });

  it("reads hours as hours, rounded up to the hourly schedule", () => {
    expect(at("4h")).toBe("2026-11-25T19:00:00.000Z");
  });

  it("reads weekdays as the next one, never today", () => {
    expect(at("friday")).toBe("2026-11-27T08:00:00.000Z");
    expect(at("wed")).toBe("2026-12-02T08:00:00.000Z");
    expect(at("tomorrow")).toBe("2026-11-26T08:00:00.000Z");
    expect(at("nextweek")).toBe("2026-11-30T08:00:00.000Z");
    expect(at("next-month")).toBe("2026-12-01T08:00:00.000Z");
    expect(at("weds")).toBe("2026-12-02T08:00:00.000Z");
  });

  it("reads dates in the user's zone", () => {
    expect(at("2027-01-15")).toBe("2027-01-15T08:00:00.000Z");
    expect(at("2027-01-15", "America/Los_Angeles")).toBe("2027-01-15T17:00:00.000Z");
  });

  it("reads a recurring tag as its first occurrence, with its rhythm", () => {
    expect(at("everymonday")).toBe("2026-11-30T08:00:00.000Z");
    expect(at("every1st")).toBe("2026-12-01T08:00:00.000Z");
    expect(reminderTime("every2w", NOW, "Europe/Berlin")?.recurrence).toEqual({ every: "days", count: 14 });
    expect(reminderTime("3d", NOW, "Europe/Berlin")?.recurrence).toBeUndefined();
  });

  it("refuses what is not a time, in the past, or absurdly far", () => {
    expect(at("r.abc")).toBeNull();
    expect(at("2026-02-30")).toBeNull();
    expect(at("2025-01-01")).toBeNull();
    expect(at("9999d")).toBeNull();
    expect(at("hello")).toBeNull();
    expect(at("am")).toBeNull();
    expect(at("1y")).toBeNull();
  });
});
