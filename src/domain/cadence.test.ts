import { describe, expect, it } from "vitest";
import { DAY_MS } from "../model.ts";
import { DEFAULT_CHECK_IN_DAYS, checkInCadenceDays, learnCadence, nextCheckInAt } from "./cadence.ts";

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

describe("learnCadence", () => {
  const at = Date.UTC(2026, 10, 25);
  it("starts from the first gap and leans towards new gaps slowly", () => {
    expect(learnCadence(null, at - 30 * DAY_MS, at)).toBe(30);
    expect(learnCadence(30, at - 90 * DAY_MS, at)).toBe(48);
  });

  it("keeps the rhythm within bounds and ignores same-day mail", () => {
    expect(learnCadence(null, at - 2 * DAY_MS, at)).toBe(14);
    expect(learnCadence(null, at - 900 * DAY_MS, at)).toBe(180);
    expect(learnCadence(40, at - 3_600_000, at)).toBe(40);
    expect(learnCadence(40, null, at)).toBe(40);
  });
});
