import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  dateParts,
  daysBetween,
  endOfMonth,
  endOfWorkWeek,
  isLocalDate,
  isoWeekday,
  localDate,
  startOfMonth,
  startOfWeek,
  weekdayName,
  weekdayNumber,
} from "./local-date.ts";

describe("calendar arithmetic on local dates", () => {
  it("adds days across month, year and DST boundaries", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("clamps months to their last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
  });

  it("finds weeks and months", () => {
    expect(isoWeekday("2027-01-01")).toBe(5);
    expect(isoWeekday("2026-03-15")).toBe(7);
    expect(startOfWeek("2026-03-15")).toBe("2026-03-09");
    expect(endOfWorkWeek("2026-03-12")).toBe("2026-03-13");
    expect(endOfWorkWeek("2026-03-14")).toBe("2026-03-15");
    expect(startOfMonth("2026-03-12")).toBe("2026-03-01");
    expect(endOfMonth("2028-02-10")).toBe("2028-02-29");
  });

  it("counts whole days between dates", () => {
    expect(daysBetween("2026-03-12", "2026-04-02")).toBe(21);
    expect(daysBetween("2026-03-12", "2026-03-12")).toBe(0);
    expect(daysBetween("2027-01-01", "2026-12-31")).toBe(-1);
  });

  it("builds dates from parts, rolling over out-of-range days", () => {
    expect(localDate(2026, 3, 5)).toBe("2026-03-05");
    expect(localDate(2027, 1, 0)).toBe("2026-12-31");
    expect(dateParts("2026-03-05")).toEqual({ year: 2026, month: 3, day: 5 });
  });

  it("knows a real day from a look-alike, and refuses to compute with one", () => {
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("2026-02-30")).toBe(false);
    expect(isLocalDate("2026-3-5")).toBe(false);
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
  });
});

describe("weekdayNumber", () => {
  it("reads names, prefixes of three letters or more, and 'weds'", () => {
    expect(weekdayNumber("Monday")).toBe(1);
    expect(weekdayNumber("thu")).toBe(4);
    expect(weekdayNumber("thurs")).toBe(4);
    expect(weekdayNumber("weds")).toBe(3);
    expect(weekdayNumber("sun")).toBe(7);
    expect(weekdayNumber("mo")).toBeNull();
    expect(weekdayNumber("fridays")).toBeNull();
  });
});

describe("weekdayName", () => {
  it("names ISO weekdays as the settings mail writes them", () => {
    expect([1, 3, 7].map(weekdayName)).toEqual(["Monday", "Wednesday", "Sunday"]);
  });
});
