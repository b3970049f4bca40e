import { describe, expect, it } from "vitest";
import { DAY_MS } from "../model.ts";
import { firstName, fullName, isHardLifeEvent, quote, relativeDay, spanInWords } from "./wording.ts";

const asOf = Date.parse("2026-11-30T07:00:00Z"); // Mon 30 Nov, 08:00 in Berlin

describe("wording", () => {
  it("names people by what is known", () => {
    expect(fullName({ name: "Ana Lima", address: "ana@x.com" })).toBe("Ana Lima");
    expect(firstName({ name: "Ana Lima", address: "ana@x.com" })).toBe("Ana");
    expect(firstName({ name: null, address: "ana@x.com" })).toBe("ana@x.com");
    expect(fullName(null)).toBe("someone");
  });

  it("says how far a day is, by local calendar days", () => {
    expect(relativeDay(asOf + 3 * 3_600_000, asOf, "Europe/Berlin")).toBe("today");
    expect(relativeDay(asOf + DAY_MS, asOf, "Europe/Berlin")).toBe("tomorrow");
    expect(relativeDay(asOf - 5 * DAY_MS, asOf, "Europe/Berlin")).toBe("5 days ago");
    expect(relativeDay(asOf + 20 * DAY_MS, asOf, "Europe/Berlin")).toBe("in 3 weeks");
    expect(spanInWords(100)).toBe("3 months");
    expect(spanInWords(400)).toBe("over a year");
  });

  it("quotes on one line and shortens at a word", () => {
    expect(quote("hiring a\n designer ")).toBe("“hiring a designer”");
    expect(quote("I'd love an intro.")).toBe("“I'd love an intro”");
    expect(quote("more to come...")).toBe("“more to come...”");
    const long = quote("a ".repeat(100) + "end", 20);
    expect(long.length).toBeLessThanOrEqual(22);
    expect(long.endsWith("…”")).toBe(true);
  });

  it("recognises hard life events", () => {
    expect(isHardLifeEvent("her father passed away")).toBe(true);
    expect(isHardLifeEvent("was laid off last week")).toBe(true);
    expect(isHardLifeEvent("knee surgery on the 4th")).toBe(true);
    expect(isHardLifeEvent("getting married in June")).toBe(false);
    expect(isHardLifeEvent("closing a round")).toBe(false);
  });
});
