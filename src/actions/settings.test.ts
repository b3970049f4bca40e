import { describe, expect, it } from "vitest";
import type { UserSettings } from "../db/action-settings.ts";
import { nextDigestAt } from "../domain/digest-schedule.ts";
import { applySettingsCommand, canonicalTimeZone } from "./settings.ts";

const NOW = Date.UTC(2026, 10, 25, 12); // Wednesday
const BASE: UserSettings = {
  timeZone: "UTC",
  digestWeekday: 1,
  digestHour: 8,
  maxItems: 7,
  emptyDigest: "note",
  pausedUntil: null,
  nextDigestAt: Date.UTC(2026, 10, 30, 8),
  unsubscribedAt: null,
  optInMail: false,
};

describe("settings", () => {
  it("knows zones as Intl spells them", () => {
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
  });

  it("a new zone moves the next digest to that zone's local hour", () => {
    const result = applySettingsCommand(BASE, { verb: "set_timezone", timeZone: "Asia/Tokyo" }, NOW);
    expect(result.ok && result.settings.nextDigestAt).toBe(Date.UTC(2026, 10, 29, 23));
  });

  it("a new day keeps the hour, and the next digest follows", () => {
    const result = applySettingsCommand(BASE, { verb: "set_digest", weekday: 5, hour: null }, NOW);
    expect(result.ok && [result.settings.digestWeekday, result.settings.digestHour, result.settings.nextDigestAt]).toEqual([
      5,
      8,
      Date.UTC(2026, 10, 27, 8),
    ]);
  });

  it("a pause starts the next digest after it; resume clears it and an unsubscribe", () => {
    const paused = applySettingsCommand(BASE, { verb: "pause", until: "2026-12-20" }, NOW);
    if (!paused.ok) throw new Error(paused.why);
    expect(paused.settings.pausedUntil).toBe(Date.UTC(2026, 11, 20));
    expect(paused.settings.nextDigestAt).toBe(nextDigestAt({ timeZone: "UTC", weekday: 1, hour: 8 }, Date.UTC(2026, 11, 20)));
    const resumed = applySettingsCommand({ ...paused.settings, unsubscribedAt: NOW }, { verb: "resume" }, NOW);
    expect(resumed.ok && [resumed.settings.pausedUntil, resumed.settings.unsubscribedAt, resumed.settings.nextDigestAt]).toEqual([
      null,
      null,
      Date.UTC(2026, 10, 30, 8),
    ]);
  });

  it("refuses a pause beyond a year and a cap outside 1–20", () => {
    expect(applySettingsCommand(BASE, { verb: "pause", until: "2028-01-01" }, NOW).ok).toBe(false);
    expect(applySettingsCommand(BASE, { verb: "set_max", max: 0 }, NOW).ok).toBe(false);
    expect(applySettingsCommand(BASE, { verb: "set_max", max: 21 }, NOW).ok).toBe(false);
    expect(applySettingsCommand(BASE, { verb: "set_max", max: 20 }, NOW).ok).toBe(true);
  });
});
