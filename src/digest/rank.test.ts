import { describe, expect, it } from "vitest";
import type { DigestSection } from "../model.ts";
import { MAX_DORMANT_PER_DIGEST, MAX_MERGED_PARTS, rankSuggestions, rankWeek } from "./rank.ts";
import type { Suggestion } from "./suggestion.ts";

let n = 0;
function s(section: DigestSection, score: number, extra: Partial<Suggestion> = {}): Suggestion {
  n++;
  return {
    section,
    subjectKey: `${section}:${n}`,
    contactId: `c${n}`,
    people: [`c${n}`],
    title: `${section} ${n}`,
    reason: "because",
    score,
    dormant: false,
    ...extra,
  };
}

const none = new Set<string>();
const anaPart = (clause: string, extra: Partial<Suggestion>) => ({ contactId: "ana", people: ["ana"], merge: { name: "Ana Lima", clause }, ...extra });

describe("rankSuggestions", () => {
  it("caps the week and numbers items most pressing first", () => {
    const items = rankSuggestions(
      [s("waiting_on", 0.5), s("check_in", 0.5), s("promises", 0.9), s("coming_up", 0.75), s("check_in", 0.6), s("promises", 0.95)],
      { maxItems: 4, recentlyShown: none },
    );
    expect(items.map((i) => [i.position, i.section, i.score])).toEqual([
      [1, "promises", 0.95],
      [2, "coming_up", 0.75],
      [3, "check_in", 0.6],
      [4, "waiting_on", 0.5],
    ]);
  });

  it("spreads the week across sections, then fills what is left with the best of any", () => {
    const many = Array.from({ length: 10 }, (_, i) => s("promises", 0.9 + i / 100));
    const items = rankSuggestions([...many, s("offer_help", 0.3), s("close_loop", 0.2)], { maxItems: 7, recentlyShown: none });
    expect(items.map((i) => i.section)).toContain("offer_help");
    expect(items.map((i) => i.section)).toContain("close_loop");
    // Room left and nothing else to say: promises take it rather than leave it empty.
    expect(items.filter((i) => i.section === "promises")).toHaveLength(5);
    expect(items).toHaveLength(7);
  });

  it("merges one person's items into one entry, the dated event first", () => {
    const items = rankSuggestions(
      [
        s("offer_help", 0.62, anaPart("raising a seed round: do you know an investor?", {})),
        s("coming_up", 0.55, anaPart("birthday Mon 14 Dec (in 7 days)", { dated: true, when: 1 })),
        s("check_in", 0.5, { contactId: "ben", people: ["ben"] }),
      ],
      { maxItems: 7, recentlyShown: none },
    );
    expect(items).toHaveLength(2);
    expect(items[0]?.title).toBe("Ana Lima — birthday Mon 14 Dec (in 7 days); raising a seed round: do you know an investor?");
    expect(items[0]?.score).toBe(0.62);
  });

  it("counts what does not fit one person's headline, so nothing is lost", () => {
    const parts = Array.from({ length: MAX_MERGED_PARTS + 2 }, (_, i) => s("check_in", 0.5 - i / 100, anaPart(`part ${i}`, {})));
    const [entry] = rankSuggestions(parts, { maxItems: 7, recentlyShown: none });
    expect(entry?.title).toBe("Ana Lima — part 0; part 1; part 2; and 2 more (reply “brief Ana”)");
  });

  it("never drops a dated event for the cap: first in, and past the cap, listed after the items", () => {
    const dated = Array.from({ length: 3 }, (_, i) => s("coming_up", 0.3, { dated: true, when: i }));
    const week = rankWeek([...Array.from({ length: 5 }, () => s("promises", 0.95)), ...dated], { maxItems: 2, recentlyShown: none });
    expect(week.items).toHaveLength(2);
    expect(week.items.every((i) => i.dated)).toBe(true);
    expect(week.alsoThisWeek.map((i) => i.subjectKey)).toEqual([dated[2]?.subjectKey]);
  });

  it("lets at most one long-silent person in", () => {
    const dormant = Array.from({ length: 5 }, () => s("check_in", 0.9, { dormant: true }));
    const items = rankSuggestions([...dormant, s("check_in", 0.4)], { maxItems: 7, recentlyShown: none });
    expect(items.filter((i) => i.dormant)).toHaveLength(MAX_DORMANT_PER_DIGEST);
    expect(items).toHaveLength(2);
  });

  it("shows a person once across check-in, offer help and coming up", () => {
    const ana = { contactId: "ana", people: ["ana"] };
    const items = rankSuggestions(
      [s("check_in", 0.5, ana), s("offer_help", 0.62, ana), s("coming_up", 0.75, ana), s("promises", 0.9, ana)],
      { maxItems: 7, recentlyShown: none },
    );
    expect(items.map((i) => i.section)).toEqual(["promises", "check_in"]);
  });

  it("drops the offer of help an introduction already answers", () => {
    const need = s("offer_help", 0.62, { subjectKey: "signal:need1" });
    const intro = s("introductions", 0.6, { subjectKey: "pair:a:b", people: ["a", "b"], covers: ["signal:need1"] });
    expect(rankSuggestions([need, intro], { maxItems: 7, recentlyShown: none }).map((i) => i.subjectKey)).toEqual(["pair:a:b"]);
  });

  it("steps back what was shown lately and left alone, but never a promise", () => {
    const old = s("check_in", 0.6, { subjectKey: "contact:old" });
    const fresh = s("check_in", 0.45, { subjectKey: "contact:fresh" });
    const promise = s("promises", 0.9, { subjectKey: "task:p" });
    const items = rankSuggestions([old, fresh, promise], { maxItems: 2, recentlyShown: new Set(["contact:old", "task:p"]) });
    expect(items.map((i) => i.subjectKey)).toEqual(["task:p", "contact:fresh"]);
  });

  it("uses the default cap for a nonsensical setting", () => {
    const many = Array.from({ length: 20 }, (_, i) => s(i % 2 ? "check_in" : "offer_help", 0.5));
    expect(rankSuggestions(many, { maxItems: 0, recentlyShown: none })).toHaveLength(7);
  });
});
