import { describe, expect, it } from "vitest";
import { DAY_MS } from "../model.ts";
import { DEFAULT_CHECK_IN_DAYS, checkInCadenceDays, nextCheckInAt } from "./cadence.ts";

describe("checkInCadenceDays", () => {
  it("prefers the user's setting, then the learned rhythm, then the default", () => {
    expect(checkInCadenceDays({ cadenceDays: 14, learnedCadenceDays: 30 })).toBe(14);
    expect(checkInCadenceDays({ cadenceDays: null, learnedCadenceDays: 30 })).toBe(30);
    expect(checkInCadenceDays({ cadenceDays: null, learnedCadenceDays: null })).toBe(DEFAULT_CHECK_IN_DAYS);
    expect(checkInCadenceDays({ cadenceDays: null, learnedCadenceDays: null }, 90)).toBe(90);
  });

  it("ignores values that cannot be a rhythm", () => {
    expect(checkInCadenceDays({ cadenceDays: 0, learnedCadenceDays: -3 })).toBe(DEFAULT_CHECK_IN_DAYS);
    expect(checkInCadenceDays({ cadenceDays: Number.NaN, learnedCadenceDays: 21 })).toBe(21);
  });

  it("restarts the clock from the last interaction", () => {
    const last = Date.UTC(2026, 10, 1);
    expect(nextCheckInAt({ cadenceDays: null, learnedCadenceDays: 21 }, last)).toBe(last + 21 * DAY_MS);
  });
});
