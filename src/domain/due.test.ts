import { describe, expect, it } from "vitest";
import { DAY_MS } from "../model.ts";
import { dueInWords, hasBegun, isOverdue } from "./due.ts";

// 09:00 UTC on Monday 7 and Friday 11 December 2026: the week of December 7, as stored.
const MONDAY = Date.UTC(2026, 11, 7, 9);
const FRIDAY = Date.UTC(2026, 11, 11, 9);
const WEEK = { dueAt: FRIDAY, dueStartAt: MONDAY, dueEndAt: FRIDAY, duePrecision: "week" as const, dueText: "the week of December 7" };

describe("a range", () => {
  it("is never overdue before it ends, and is from the day after", () => {
    for (const now of [MONDAY - DAY_MS, MONDAY, MONDAY + 2 * DAY_MS, FRIDAY + 14 * 3_600_000]) expect(isOverdue(WEEK, now, "UTC")).toBe(false);
    expect(isOverdue(WEEK, FRIDAY + DAY_MS, "UTC")).toBe(true);
  });

  it("has begun on its first day", () => {
    expect(hasBegun(WEEK, MONDAY - DAY_MS, "UTC")).toBe(false);
    expect(hasBegun(WEEK, MONDAY, "UTC")).toBe(true);
  });

  it("is written as it was said", () => {
    expect(dueInWords(WEEK, "UTC", MONDAY)).toBe("the week of December 7");
  });
});

describe("one day, and no day", () => {
  it("a day is written as a day, and late after it", () => {
    const day = { dueAt: FRIDAY, duePrecision: "day" as const };
    expect(dueInWords(day, "UTC", MONDAY)).toBe("Fri 11 Dec");
    expect(isOverdue(day, FRIDAY + DAY_MS, "UTC")).toBe(true);
  });

  it("an undated promise is never late and has no date to write", () => {
    const none = { dueAt: null };
    expect(isOverdue(none, FRIDAY + 365 * DAY_MS, "UTC")).toBe(false);
    expect(dueInWords(none, "UTC", MONDAY)).toBeNull();
  });
});
