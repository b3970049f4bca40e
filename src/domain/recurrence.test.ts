import { describe, expect, it } from "vitest";
import { describeRecurrence, firstOccurrence, nextOccurrence, parseRecurrence, readRecurrence, REMINDER_HOUR, writeRecurrence } from "./recurrence.ts";

const BERLIN = "Europe/Berlin";
const iso = (at: number) => new Date(at).toISOString();
// Wed 25 Nov 2026, 15:20 in Berlin.
const NOW = Date.UTC(2026, 10, 25, 14, 20);

function first(tag: string, now = NOW, zone = BERLIN): string | null {
  const rule = parseRecurrence(tag, "2026-11-25");
  return rule ? iso(firstOccurrence(rule, now, zone, REMINDER_HOUR)) : null;
}

describe("parseRecurrence", () => {
  it("reads the documented forms", () => {
    expect(parseRecurrence("everymonday", "2026-11-25")).toEqual({ every: "weekday", weekday: 1 });
    expect(parseRecurrence("every-fri", "2026-11-25")).toEqual({ every: "weekday", weekday: 5 });
    expect(parseRecurrence("every2w", "2026-11-25")).toEqual({ every: "days", count: 14 });
    expect(parseRecurrence("every3days", "2026-11-25")).toEqual({ every: "days", count: 3 });
    expect(parseRecurrence("weekly", "2026-11-25")).toEqual({ every: "days", count: 7 });
    expect(parseRecurrence("monthly", "2026-11-25")).toEqual({ every: "months", count: 1, day: 25 });
    expect(parseRecurrence("every2m", "2026-11-25")).toEqual({ every: "months", count: 2, day: 25 });
    expect(parseRecurrence("quarterly", "2026-11-25")).toEqual({ every: "months", count: 3, day: 25 });
    expect(parseRecurrence("every1st", "2026-11-25")).toEqual({ every: "months", count: 1, day: 1 });
    expect(parseRecurrence("every15th", "2026-11-25")).toEqual({ every: "months", count: 1, day: 15 });
  });

  it("refuses what is not a rhythm, or one too rare or too dense", () => {
    const tags = ["3d", "friday", "every", "every0d", "every32nd", "every13m", "every400d", "everyhour", "every4h", "r.abc", "everyblue"];
    expect(tags.filter((tag) => parseRecurrence(tag, "2026-11-25") !== null)).toEqual([]);
  });
});

describe("occurrences", () => {
  it("starts after the day of the request, at 09:00 local", () => {
    expect(first("everymonday")).toBe("2026-11-30T08:00:00.000Z");
    expect(first("everywednesday")).toBe("2026-12-02T08:00:00.000Z");
    expect(first("every2w")).toBe("2026-12-09T08:00:00.000Z");
    expect(first("monthly")).toBe("2026-12-25T08:00:00.000Z");
    expect(first("every1st")).toBe("2026-12-01T08:00:00.000Z");
    expect(first("every30th")).toBe("2026-11-30T08:00:00.000Z");
  });

  it("keeps 09:00 local across the end of summer time", () => {
    const rule = { every: "weekday", weekday: 1 } as const;
    const before = Date.UTC(2026, 9, 19, 7); // Mon 19 Oct, 09:00 CEST
    expect(iso(nextOccurrence(rule, before, before, BERLIN, REMINDER_HOUR))).toBe("2026-10-26T08:00:00.000Z");
  });

  it("keeps the day of the month it was anchored on, clamping short months", () => {
    const rule = { every: "months", count: 1, day: 31 } as const;
    const jan = Date.UTC(2027, 0, 31, 8);
    const feb = nextOccurrence(rule, jan, jan, BERLIN, REMINDER_HOUR);
    expect(iso(feb)).toBe("2027-02-28T08:00:00.000Z");
    expect(iso(nextOccurrence(rule, feb, feb, BERLIN, REMINDER_HOUR))).toBe("2027-03-31T07:00:00.000Z");
  });

  it("skips occurrences missed during an outage instead of sending them in a burst", () => {
    const rule = { every: "days", count: 7 } as const;
    const previous = Date.UTC(2026, 10, 2, 8);
    const now = Date.UTC(2026, 10, 25, 12);
    expect(iso(nextOccurrence(rule, previous, now, BERLIN, REMINDER_HOUR))).toBe("2026-11-30T08:00:00.000Z");
  });
});

describe("wording and storage", () => {
  it("says the rhythm as a person would", () => {
    expect(describeRecurrence({ every: "weekday", weekday: 1 })).toBe("every Monday");
    expect(describeRecurrence({ every: "days", count: 14 })).toBe("every 2 weeks");
    expect(describeRecurrence({ every: "days", count: 3 })).toBe("every 3 days");
    expect(describeRecurrence({ every: "months", count: 1, day: 1 })).toBe("every month on the 1st");
    expect(describeRecurrence({ every: "months", count: 3, day: 22 })).toBe("every 3 months on the 22nd");
    expect(describeRecurrence({ every: "months", count: 1, day: 11 })).toBe("every month on the 11th");
  });

  it("reads back what it wrote, and nothing else", () => {
    const rule = { every: "months", count: 2, day: 15 } as const;
    expect(readRecurrence(writeRecurrence(rule))).toEqual(rule);
    expect(readRecurrence("not json")).toBeNull();
    expect(readRecurrence('{"every":"days","count":0}')).toBeNull();
    expect(readRecurrence('{"every":"hours","count":2}')).toBeNull();
  });
});
