import { describe, expect, it } from "vitest";
import { dateHeaderOffset, formatOffset, zoneForOffset } from "./guess-zone.ts";

const NOV = Date.UTC(2026, 10, 23, 18);
const JUL = Date.UTC(2026, 6, 15, 18);

describe("dateHeaderOffset", () => {
  it("reads the numeric zone a client writes, with or without a comment", () => {
    expect(dateHeaderOffset("Mon, 23 Nov 2026 10:00:00 -0800")).toBe(-480);
    expect(dateHeaderOffset("Mon, 23 Nov 2026 19:00:00 +0100 (CET)")).toBe(60);
    expect(dateHeaderOffset("Tue, 24 Nov 2026 00:15:00 +0545")).toBe(345);
    expect(dateHeaderOffset("Mon, 23 Nov 2026 18:00:00 GMT")).toBe(0);
    expect(dateHeaderOffset("Mon, 23 Nov 2026 13:00:00 EST")).toBe(-300);
  });

  it("reads no offset from -0000, a missing zone or a broken one", () => {
    expect(dateHeaderOffset("Mon, 23 Nov 2026 18:00:00 -0000")).toBeNull();
    expect(dateHeaderOffset("Mon, 23 Nov 2026 18:00:00")).toBeNull();
    expect(dateHeaderOffset("Mon, 23 Nov 2026 18:00:00 +9960")).toBeNull();
    expect(dateHeaderOffset("Mon, 23 Nov 2026 18:00:00 +2300")).toBeNull();
  });
});

describe("zoneForOffset", () => {
  it("picks the likely zone for the offset on the message's date, summer time included", () => {
    expect(zoneForOffset(-480, NOV)).toBe("America/Los_Angeles");
    expect(zoneForOffset(-420, JUL)).toBe("America/Los_Angeles");
    expect(zoneForOffset(-300, NOV)).toBe("America/New_York");
    expect(zoneForOffset(-240, JUL)).toBe("America/New_York");
    expect(zoneForOffset(0, NOV)).toBe("Europe/London");
    expect(zoneForOffset(60, NOV)).toBe("Europe/Berlin");
    expect(zoneForOffset(120, JUL)).toBe("Europe/Berlin");
    expect(zoneForOffset(330, NOV)).toBe("Asia/Kolkata");
    expect(zoneForOffset(660, NOV)).toBe("Australia/Sydney");
  });

  it("falls back to a fixed zone, then UTC, for offsets no candidate has", () => {
    expect(zoneForOffset(-660, NOV)).toBe("Etc/GMT+11");
    expect(zoneForOffset(0, JUL)).toBe("UTC");
    expect(zoneForOffset(15, NOV)).toBe("UTC");
  });

  it("writes an offset back as a header would", () => {
    expect(formatOffset(-480)).toBe("-0800");
    expect(formatOffset(345)).toBe("+0545");
    expect(formatOffset(0)).toBe("+0000");
  });
});
