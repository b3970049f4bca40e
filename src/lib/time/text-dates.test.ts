import { describe, expect, it } from "vitest";
import { easterSunday } from "./phrase-parsers.ts";
import { findDate, parseLocalDay, resolveDate, writtenDay } from "./text-dates.ts";
import { localDateOf } from "./zoned.ts";

// Thu 12 Mar 2026, 17:20 in Berlin.
const THURSDAY = new Date("2026-03-12T16:20:00Z");
const BERLIN = "Europe/Berlin";

function at(phrase: string, options: Parameters<typeof resolveDate>[3] = {}): string | null {
  return resolveDate(phrase, THURSDAY, BERLIN, options);
}

describe("resolveDate across zones and the year end", () => {
  // Thu 31 Dec 2026 23:30 in Los Angeles is already Fri 1 Jan 2027 16:30 in Tokyo.
  const newYearsEveLA = new Date("2027-01-01T07:30:00Z");

  it("reads 'by Friday' from the local date, not from UTC", () => {
    expect(localDateOf(newYearsEveLA.getTime(), "America/Los_Angeles")).toBe("2026-12-31");
    expect(resolveDate("by Friday", newYearsEveLA, "America/Los_Angeles")).toBe("2027-01-01");
  });

  it("takes a bare weekday that names today as next week's", () => {
    expect(localDateOf(newYearsEveLA.getTime(), "Asia/Tokyo")).toBe("2027-01-01");
    expect(resolveDate("by Friday", newYearsEveLA, "Asia/Tokyo")).toBe("2027-01-08");
    expect(resolveDate("this Friday", newYearsEveLA, "Asia/Tokyo")).toBe("2027-01-01");
  });

  it("crosses month ends in the user's zone, after a DST change", () => {
    // 22:30 UTC on 31 March is 00:30 on 1 April in Berlin (summer time since 29 March).
    const lateMarch = new Date("2026-03-31T22:30:00Z");
    expect(resolveDate("tomorrow", lateMarch, BERLIN)).toBe("2026-04-02");
    expect(resolveDate("tomorrow", lateMarch, "UTC")).toBe("2026-04-01");
    // Saturday 28 Feb in New York, already Sunday 1 March in UTC.
    expect(resolveDate("by monday", new Date("2026-02-28T23:00:00Z"), "America/New_York")).toBe("2026-03-02");
  });

  it("does not depend on the host's zone", () => {
    const lateThursdayLA = new Date("2026-03-13T06:00:00Z");
    expect(resolveDate("tomorrow", lateThursdayLA, "America/Los_Angeles")).toBe("2026-03-13");
    expect(resolveDate("tomorrow", lateThursdayLA, "Asia/Tokyo")).toBe("2026-03-14");
  });

  it("finds birthdays in the next year when the date has passed", () => {
    expect(resolveDate("birthday is jan 5th", new Date("2026-12-20T10:00:00Z"), BERLIN)).toBe("2027-01-05");
  });
});

describe("resolveDate phrases", () => {
  it.each([
    ["by Friday", "2026-03-13"],
    ["by fri", "2026-03-13"],
    ["by wed", "2026-03-18"],
    ["by thursday", "2026-03-19"],
    ["next Friday", "2026-03-20"],
    ["next Tuesday", "2026-03-17"],
    ["on monday", "2026-03-16"],
    ["tmrw", "2026-03-13"],
    ["by EOD", "2026-03-12"],
    ["this afternoon", "2026-03-12"],
    ["later today", "2026-03-12"],
    ["day after tomorrow", "2026-03-14"],
    ["by the 20th", "2026-03-20"],
    ["on the 1st", "2026-04-01"],
    ["end of next week", "2026-03-20"],
    ["end of the week", "2026-03-13"],
    ["by the end of the month", "2026-03-31"],
    ["end of april", "2026-04-30"],
    ["April 3", "2026-04-03"],
    ["12 september", "2026-09-12"],
    ["in 3 weeks", "2026-04-02"],
    ["in 2wks", "2026-03-26"],
    ["in a month or so", "2026-04-12"],
    ["in a couple of days", "2026-03-14"],
  ])("deadline %s → %s", (phrase, expected) => {
    expect(at(phrase)).toBe(expected);
  });

  it("reads periods as their end for deadlines and their start for plans", () => {
    expect(at("next week")).toBe("2026-03-20");
    expect(at("next week", { mode: "start" })).toBe("2026-03-16");
    expect(at("this weekend")).toBe("2026-03-15");
    expect(at("this weekend", { mode: "start" })).toBe("2026-03-14");
    expect(at("next month")).toBe("2026-04-30");
    expect(at("next month", { mode: "start" })).toBe("2026-04-01");
  });

  it("reads a month alone as its first day, and 'after' as the day or month after", () => {
    expect(at("in June", { mode: "start" })).toBe("2026-06-01");
    expect(at("check back after the launch in May", { mode: "start" })).toBe("2026-06-01");
    expect(at("circle back after easter", { mode: "start" })).toBe("2026-04-06");
    expect(at("after March 20")).toBe("2026-03-21");
  });

  it("resolves backwards for the past", () => {
    expect(at("joined in January", { past: true })).toBe("2026-01-01");
    expect(at("started on Monday", { past: true })).toBe("2026-03-09");
  });

  it("reads numeric dates day-first outside the Americas", () => {
    expect(at("on 3/4")).toBe("2026-04-03");
    expect(resolveDate("on 3/4", THURSDAY, "America/New_York")).toBe("2027-03-04");
    expect(at("from April 1 to May 15")).toBe("2026-04-01");
  });

  it("ignores times, possessive weekdays and words that are also months", () => {
    expect(at("meet me at 5")).toBeNull();
    expect(at("the recording from Tuesday's session")).toBeNull();
    expect(at("she may be hiring")).toBeNull();
    expect(at("we sat down for coffee")).toBeNull();
    expect(at("the 2nd round of interviews")).toBeNull();
  });

  it("reads a possessive weekday after a word that looks ahead", () => {
    expect(at("before Friday's board meeting")).toBe("2026-03-13");
    expect(at("in time for next Tuesday's offsite")).toBe("2026-03-17");
    expect(at("after Tuesday's demo")).toBe("2026-03-18");
    expect(at("the notes from Monday's call")).toBeNull();
  });

  it("reads a time of day followed by its day as that day", () => {
    expect(at("by end of day tomorrow")).toBe("2026-03-13");
    expect(at("EOD Friday")).toBe("2026-03-13");
    expect(at("by eod on monday")).toBe("2026-03-16");
    expect(at("tonight, tomorrow I'm out")).toBe("2026-03-12");
    expect(at("tomorrow end of day")).toBe("2026-03-13");
  });

  it("returns where the phrase is", () => {
    expect(findDate("I'll send the deck by Friday, promise", THURSDAY, BERLIN)).toEqual({
      date: "2026-03-13",
      index: 22,
      text: "Friday",
    });
  });
});

describe("Tend's phrases beside chrono's", () => {
  it("reads phrases chrono does not know, and wins where chrono reads the same words otherwise", () => {
    // chrono reads "this weekend" and "next week" its own way; a deadline means their end.
    expect(findDate("let's do it this weekend", THURSDAY, BERLIN)).toEqual({ date: "2026-03-15", index: 12, text: "this weekend" });
    expect(at("EOW")).toBe("2026-03-13");
    expect(at("within the next 3 months")).toBe("2026-06-12");
    expect(at("5 days from now")).toBe("2026-03-17");
    expect(at("in 2 years")).toBe("2028-03-12");
  });

  it("keeps a phrase apart from a time chrono would merge it with", () => {
    expect(findDate("tomorrow at 5pm", THURSDAY, BERLIN)).toEqual({ date: "2026-03-13", index: 0, text: "tomorrow" });
  });

  it("reads holidays forward, and backward for the past", () => {
    expect(at("by christmas")).toBe("2026-12-25");
    expect(at("thanksgiving")).toBe("2026-11-26");
    expect(at("over new year's", { past: true })).toBe("2026-01-01");
    expect(at("at easter", { past: true })).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
  });
});

describe("parseLocalDay", () => {
  const now = THURSDAY.getTime();

  it("reads a text that is one date, forward, as the start of a period", () => {
    expect(parseLocalDay("March 20", now, BERLIN)).toBe("2026-03-20");
    expect(parseLocalDay("next week", now, BERLIN)).toBe("2026-03-16");
    expect(parseLocalDay("  friday ", now, BERLIN)).toBe("2026-03-13");
  });

  it("is null when the text is more than the date, or none", () => {
    expect(parseLocalDay("after the launch", now, BERLIN)).toBeNull();
    expect(parseLocalDay("tomorrow at 5pm", now, BERLIN)).toBeNull();
    expect(parseLocalDay("", now, BERLIN)).toBeNull();
  });
});

describe("writtenDay", () => {
  it("reads the full date a client wrote in a forward's date line, in English, German or French, whatever its weekday", () => {
    expect(writtenDay("Thursday, November 19, 2026 4:12 PM")).toBe("2026-11-19");
    expect(writtenDay("Wed, Nov 18, 2026 at 9:00 AM")).toBe("2026-11-18");
    expect(writtenDay("20. November 2026 um 10:14:33 MEZ")).toBe("2026-11-20");
    expect(writtenDay("jeudi 19 novembre 2026 10:02")).toBe("2026-11-19");
  });

  it("is null for anything less than a whole date", () => {
    expect(writtenDay("Thursday")).toBeNull();
    expect(writtenDay("November 19")).toBeNull();
    expect(writtenDay("next week")).toBeNull();
    expect(writtenDay("")).toBeNull();
  });
});
