import { describe, expect, it } from "vitest";
import { parseWhen } from "./parse-when.ts";

// Mon 30 Nov 2026, 09:00 in Berlin.
const NOW = Date.parse("2026-11-30T08:00:00Z");
const BERLIN = "Europe/Berlin";
const when = (text: string, now = NOW, zone = BERLIN) => parseWhen(text, now, zone);

describe("parseWhen", () => {
  it.each([
    ["2w", "2026-12-14"],
    ["for 3 days", "2026-12-03"],
    ["a month", "2026-12-30"],
    ["3 mo", "2027-02-28"],
    ["until March 3", "2027-03-03"],
    ["till friday", "2026-12-04"],
    ["next friday", "2026-12-11"],
    ["in 2 weeks", "2026-12-14"],
    ["tomorrow.", "2026-12-01"],
  ])("%s → %s", (text, day) => {
    expect(when(text)).toBe(day);
  });

  it("counts from the user's today, not UTC's", () => {
    // 23:30 UTC on Monday is already Tuesday in Berlin.
    expect(when("1d", Date.parse("2026-11-30T23:30:00Z"))).toBe("2026-12-02");
    expect(when("1d", Date.parse("2026-11-30T23:30:00Z"), "UTC")).toBe("2026-12-01");
  });

  it("is null for today, the past, hours and what is no time", () => {
    expect(when("today")).toBeNull();
    expect(when("0 days")).toBeNull();
    expect(when("on the 1st of last month")).toBeNull();
    expect(when("2 hours")).toBeNull();
    expect(when("after the launch")).toBeNull();
    expect(when("weeks")).toBeNull();
  });
});
