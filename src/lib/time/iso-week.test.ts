import { describe, expect, it } from "vitest";
import { isoWeekKey } from "./iso-week.ts";

const at = (text: string) => Date.parse(text);

describe("isoWeekKey", () => {
  it("names the ISO week in the user's zone", () => {
    expect(isoWeekKey(at("2026-11-30T08:00:00Z"), "UTC")).toBe("2026-W49");
    // Sunday 19:00 UTC is already Monday in Auckland: the next week.
    expect(isoWeekKey(at("2026-11-29T19:00:00Z"), "UTC")).toBe("2026-W48");
    expect(isoWeekKey(at("2026-11-29T19:00:00Z"), "Pacific/Auckland")).toBe("2026-W49");
  });

  it("puts the first days of January in the previous year's last week when ISO says so", () => {
    expect(isoWeekKey(at("2027-01-01T12:00:00Z"), "UTC")).toBe("2026-W53");
    expect(isoWeekKey(at("2026-01-01T12:00:00Z"), "UTC")).toBe("2026-W01");
    expect(isoWeekKey(at("2024-12-30T12:00:00Z"), "UTC")).toBe("2025-W01");
  });
});
