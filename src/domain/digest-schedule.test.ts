import { describe, expect, it } from "vitest";
import { DEFAULT_DIGEST_SCHEDULE, latestDigestAt, nextDigestAt } from "./digest-schedule.ts";

const iso = (instant: number) => new Date(instant).toISOString();
const at = (text: string) => Date.parse(text);

describe("nextDigestAt", () => {
  it("defaults to Monday 08:00 UTC", () => {
    // Wed 25 Nov 2026 → Mon 30 Nov.
    expect(iso(nextDigestAt(DEFAULT_DIGEST_SCHEDULE, at("2026-11-25T19:00:00Z")))).toBe("2026-11-30T08:00:00.000Z");
  });

  it("is strictly after `after`, so advancing from the due instant moves a week on", () => {
    const monday = at("2026-11-30T08:00:00Z");
    expect(iso(nextDigestAt(DEFAULT_DIGEST_SCHEDULE, monday - 1))).toBe("2026-11-30T08:00:00.000Z");
    expect(iso(nextDigestAt(DEFAULT_DIGEST_SCHEDULE, monday))).toBe("2026-12-07T08:00:00.000Z");
  });

  it("follows Berlin's offset through DST: 07:00 UTC in winter, 06:00 UTC in summer", () => {
    const berlin = { timeZone: "Europe/Berlin", weekday: 1, hour: 8 };
    expect(iso(nextDigestAt(berlin, at("2026-03-20T00:00:00Z")))).toBe("2026-03-23T07:00:00.000Z");
    // Clocks go forward on Sun 29 Mar; the next Monday is in summer time.
    expect(iso(nextDigestAt(berlin, at("2026-03-23T07:00:00Z")))).toBe("2026-03-30T06:00:00.000Z");
    // And back on Sun 25 Oct.
    expect(iso(nextDigestAt(berlin, at("2026-10-19T06:00:00Z")))).toBe("2026-10-26T07:00:00.000Z");
  });

  it("still sends when the local hour is skipped by DST", () => {
    // Sunday 02:00 does not exist in Berlin on 29 Mar 2026: it goes out at 03:00 CEST.
    const sundayTwo = { timeZone: "Europe/Berlin", weekday: 7, hour: 2 };
    expect(iso(nextDigestAt(sundayTwo, at("2026-03-28T12:00:00Z")))).toBe("2026-03-29T01:00:00.000Z");
    expect(iso(nextDigestAt(sundayTwo, at("2026-03-29T01:00:00Z")))).toBe("2026-04-05T00:00:00.000Z");
  });

  it("uses the local weekday across the date line", () => {
    // Monday 08:00 in Auckland is Sunday 19:00 UTC (NZDT, +13).
    const auckland = { timeZone: "Pacific/Auckland", weekday: 1, hour: 8 };
    expect(iso(nextDigestAt(auckland, at("2026-11-25T00:00:00Z")))).toBe("2026-11-29T19:00:00.000Z");
    // Friday 17:00 in Los Angeles is Saturday 01:00 UTC (PST, -8).
    const la = { timeZone: "America/Los_Angeles", weekday: 5, hour: 17 };
    expect(iso(nextDigestAt(la, at("2026-11-25T00:00:00Z")))).toBe("2026-11-28T01:00:00.000Z");
  });

  it("handles zones with half-hour offsets", () => {
    const kolkata = { timeZone: "Asia/Kolkata", weekday: 1, hour: 8 };
    expect(iso(nextDigestAt(kolkata, at("2026-11-25T00:00:00Z")))).toBe("2026-11-30T02:30:00.000Z");
  });

  it("falls back to UTC for a zone Intl does not know", () => {
    const bad = { timeZone: "Mars/Olympus", weekday: 1, hour: 8 };
    expect(iso(nextDigestAt(bad, at("2026-11-25T00:00:00Z")))).toBe("2026-11-30T08:00:00.000Z");
  });
});

describe("latestDigestAt", () => {
  it("is the most recent digest time, however long ago the last run was", () => {
    const monday = at("2026-11-30T08:00:00Z");
    expect(latestDigestAt(DEFAULT_DIGEST_SCHEDULE, monday)).toBe(monday);
    expect(latestDigestAt(DEFAULT_DIGEST_SCHEDULE, monday + 3 * 3_600_000)).toBe(monday);
    expect(latestDigestAt(DEFAULT_DIGEST_SCHEDULE, monday - 1)).toBe(at("2026-11-23T08:00:00Z"));
    const berlin = { timeZone: "Europe/Berlin", weekday: 1, hour: 8 };
    expect(iso(latestDigestAt(berlin, at("2026-04-01T00:00:00Z")))).toBe("2026-03-30T06:00:00.000Z");
  });
});
