import { describe, expect, it } from "vitest";
import { findDate } from "./text-dates.ts";

// Thursday 19 November 2026, mid-afternoon in Lisbon.
const THURSDAY = new Date("2026-11-19T15:00:00Z");
const ZONE = "Europe/Lisbon";

function read(text: string, mode: "deadline" | "start" = "deadline") {
  const match = findDate(text, THURSDAY, ZONE, { mode });
  return match ? { date: match.date, text: match.text, range: match.range ?? null } : null;
}

describe("dates people give as ranges", () => {
  it.each([
    ["probably the week of December 7.", "the week of December 7", "2026-12-07", "2026-12-11", "week"],
    ["probably the week of 7 December", "the week of 7 December", "2026-12-07", "2026-12-11", "week"],
    ["the week of Monday 7th December", "the week of Monday 7th December", "2026-12-07", "2026-12-11", "week"],
    ["early next year", "early next year", "2027-01-01", "2027-04-30", "vague"],
    ["late next year", "late next year", "2027-09-01", "2027-12-31", "vague"],
    ["after the holidays", "after the holidays", "2027-01-02", "2027-01-31", "vague"],
    ["in the new year", "in the new year", "2027-01-01", "2027-01-31", "vague"],
    ["by end of Q1", "end of Q1", "2027-03-01", "2027-03-31", "vague"],
    ["sometime in Q2 2027", "Q2 2027", "2027-04-01", "2027-06-30", "quarter"],
    ["by end of Jan", "end of Jan", "2027-01-21", "2027-01-31", "vague"],
    ["early January", "early January", "2027-01-01", "2027-01-10", "vague"],
    ["mid-December", "mid-December", "2026-12-11", "2026-12-20", "vague"],
    ["next week", "next week", "2026-11-23", "2026-11-27", "week"],
    ["next month", "next month", "2026-12-01", "2026-12-31", "month"],
    ["next year", "next year", "2027-01-01", "2027-12-31", "year"],
    ["in March", "March", "2027-03-01", "2027-03-31", "month"],
    ["next summer", "next summer", "2027-06-01", "2027-08-31", "season"],
    ["this winter", "this winter", "2026-12-01", "2027-02-28", "season"],
  ])("%s → %s, %s to %s", (text, phrase, start, end, precision) => {
    const found = read(text);
    expect(found?.text).toBe(phrase);
    expect(found?.range).toMatchObject({ start, end, precision });
  });

  it("reads a deadline as the range's last day and a plan as its first", () => {
    expect(read("the week of 7 December", "deadline")?.date).toBe("2026-12-11");
    expect(read("the week of 7 December", "start")?.date).toBe("2026-12-07");
    expect(read("early next year", "deadline")?.date).toBe("2027-04-30");
    expect(read("early next year", "start")?.date).toBe("2027-01-01");
  });

  it("reads 'end of April' as its end even for a plan: leaving then is on the 30th", () => {
    expect(read("leaving at the end of April", "start")?.date).toBe("2027-04-30");
    expect(read("late April", "start")?.date).toBe("2027-04-21");
  });

  it("leaves one day one day", () => {
    expect(read("by Friday")?.range).toBeNull();
    expect(read("on 3 December")?.range).toBeNull();
    expect(read("end of next week")?.range).toBeNull();
  });

  it("reads the summer intern as no date", () => {
    expect(read("our summer intern starts")).toBeNull();
  });
});

describe("a weekday with its date", () => {
  it.each([
    ["by Wednesday 9 December", "2026-12-09"],
    ["by Wednesday, 9 December", "2026-12-09"],
    ["by Wed 9 Dec", "2026-12-09"],
    ["on Wednesday, December 9", "2026-12-09"],
    // The weekday and date disagree (9 December 2026 is a Wednesday, not a Friday): the date wins.
    ["by Friday 9 December", "2026-12-09"],
  ])("%s → %s, the date given, not the nearest weekday", (text, date) => {
    expect(read(text)?.date).toBe(date);
  });

  it("still reads a weekday alone, and a weekday with a time", () => {
    expect(read("by Wednesday")?.date).toBe("2026-11-25");
    expect(read("Wednesday 9am works")?.date).toBe("2026-11-25");
  });
});
