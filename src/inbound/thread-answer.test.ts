import { describe, expect, it } from "vitest";
import { optInAnswer } from "./thread-answer.ts";

describe("optInAnswer", () => {
  it.each([
    "Yes, happy to!",
    "yes happy to",
    "Hi Sam! Yes, happy to. Ana sounds great.",
    "Sam, absolutely, please connect us.",
    "Happy to, thanks for thinking of me.",
    "I'd love that.",
    "Sure thing.",
  ])("reads %j as yes", (text) => expect(optInAnswer(text)).toBe("yes"));

  it.each([
    "Not right now, sorry.",
    "I'll pass, thanks.",
    "Happy to, but not right now: we are mid-raise.",
    "Thanks Sam. No thanks for now.",
    "I don't have the bandwidth this quarter.",
    "Maybe later in the year?",
  ])("reads %j as no", (text) => expect(optInAnswer(text)).toBe("no"));

  it.each(["Thanks Sam, let me think about it.", "Who is Ana?", "Yesterday was busy; more soon.", ""])("reads %j as no answer", (text) =>
    expect(optInAnswer(text)).toBeNull(),
  );

  it("reads only the opening of a long reply", () => {
    expect(optInAnswer(`${"Long story about the studio. ".repeat(20)}Yes, happy to.`)).toBeNull();
  });
});
