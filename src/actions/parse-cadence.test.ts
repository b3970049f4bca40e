import { describe, expect, it } from "vitest";
import { MAX_CADENCE_DAYS, parseCadence } from "./parse-cadence.ts";

describe("parseCadence", () => {
  it.each([
    ["monthly", 30],
    ["Every 2 weeks", 14],
    ["every other week", 14],
    ["6w", 42],
    ["quarterly", 91],
    ["every 2 years", 730],
  ])("%s → %i days", (text, days) => {
    expect(parseCadence(text)).toBe(days);
  });

  it("goes back to the learned rhythm on off or default", () => {
    expect(parseCadence("off")).toBeNull();
    expect(parseCadence(" Default ")).toBeNull();
  });

  it("is undefined past two years, at zero, and for what is no rhythm", () => {
    expect(parseCadence(`${MAX_CADENCE_DAYS + 1}d`)).toBeUndefined();
    expect(parseCadence("every 0 days")).toBeUndefined();
    expect(parseCadence("sometimes")).toBeUndefined();
  });
});
