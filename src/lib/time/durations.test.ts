import { describe, expect, it } from "vitest";
import { addDuration, type DurationGrammar, parseDuration, rhythmDays } from "./durations.ts";

const EVERY_UNIT: DurationGrammar = { units: ["hour", "day", "week", "month", "year"], words: true };

describe("parseDuration", () => {
  it("reads a count glued to or spaced from one of the units", () => {
    expect(parseDuration("3d", EVERY_UNIT)).toEqual({ count: 3, unit: "day" });
    expect(parseDuration("10 days", EVERY_UNIT)).toEqual({ count: 10, unit: "day" });
    expect(parseDuration("2 Wks", EVERY_UNIT)).toEqual({ count: 2, unit: "week" });
    expect(parseDuration("1m", EVERY_UNIT)).toEqual({ count: 1, unit: "month" });
    expect(parseDuration("4h", EVERY_UNIT)).toEqual({ count: 4, unit: "hour" });
    expect(parseDuration("2 yrs", EVERY_UNIT)).toEqual({ count: 2, unit: "year" });
  });

  it("reads counts in words only where the grammar allows them", () => {
    expect(parseDuration("a couple of weeks", EVERY_UNIT)).toEqual({ count: 2, unit: "week" });
    expect(parseDuration("a few days", EVERY_UNIT)).toEqual({ count: 3, unit: "day" });
    expect(parseDuration("two months", EVERY_UNIT)).toEqual({ count: 2, unit: "month" });
    expect(parseDuration("two months", { units: ["month"], words: false })).toBeNull();
  });

  it("refuses units the place does not take, and anything else", () => {
    expect(parseDuration("4h", { units: ["day", "week"], words: true })).toBeNull();
    expect(parseDuration("weeks", EVERY_UNIT)).toBeNull();
    expect(parseDuration("3 fortnights", EVERY_UNIT)).toBeNull();
    expect(parseDuration("12345d", EVERY_UNIT)).toBeNull();
    expect(parseDuration("in 3 days", EVERY_UNIT)).toBeNull();
  });
});

describe("addDuration", () => {
  it("adds calendar units to a local day", () => {
    expect(addDuration("2026-03-12", { count: 3, unit: "day" })).toBe("2026-03-15");
    expect(addDuration("2026-03-12", { count: 2, unit: "week" })).toBe("2026-03-26");
    expect(addDuration("2026-01-31", { count: 1, unit: "month" })).toBe("2026-02-28");
    expect(addDuration("2028-02-29", { count: 1, unit: "year" })).toBe("2029-02-28");
  });
});

describe("rhythmDays", () => {
  it.each([
    ["monthly", 30],
    ["every 2 weeks", 14],
    ["every other week", 14],
    ["every week", 7],
    ["week", 7],
    ["6w", 42],
    ["every 3 months", 90],
    ["1y", 365],
    ["every two weeks", 14],
    ["twice a year", 183],
    ["every quarterly", 91],
  ])("%s → %i days", (text, days) => {
    expect(rhythmDays(text)).toBe(days);
  });

  it("is null for what is no rhythm", () => {
    expect(rhythmDays("sometimes")).toBeNull();
    expect(rhythmDays("every")).toBeNull();
    expect(rhythmDays("4h")).toBeNull();
  });
});
