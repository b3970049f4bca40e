import { describe, expect, it } from "vitest";
import { looksLikeIntroduction, userAsksToIntroduce, userIntroduces } from "./introduction.ts";

const sam = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const ana = { name: "Ana Lima", address: "ana@lumen.studio" };
const ben = { name: "Ben Cho", address: "ben.cho@northwind.vc" };

describe("looksLikeIntroduction", () => {
  it.each([
    ["", "Ana, meet Ben. Ben, meet Ana."],
    ["", "I'd love to introduce you to Carla, who runs design at Mendes."],
    ["", "Introducing you two, as promised!"],
    ["", "Connecting you both because you are working on the same problem."],
    ["Intro: Sam <> Carla", "Hi both"],
    ["Ana ↔ Ben", "See below"],
    ["Re: Intro", "Hi both"],
  ])("sees an introduction in %j / %j", (subject, text) => {
    expect(looksLikeIntroduction(subject, text)).toBe(true);
  });

  it.each([
    ["Notes", "Thanks for making time today, and Farah, great to finally meet you properly."],
    ["Re: Intro: Sam <> Carla", "Thanks so much for the intro, Ana! Carla, great to meet you."],
    ["Lunch", "Let's meet at 5 near the station."],
    ["Hiring", "If you know anyone, I'd love an intro."],
  ])("sees none in %j / %j", (subject, text) => {
    expect(looksLikeIntroduction(subject, text)).toBe(false);
  });
});

describe("userIntroduces", () => {
  it("takes who from the recipients and why from the text", () => {
    const intro = userIntroduces({
      user: sam,
      recipients: [ana, ben],
      subject: "Ana <> Ben",
      text: "Hi Ana and Ben,\n\nAna, meet Ben. Ben invests in climate tools and Ana is building one, so you two should talk.",
    });
    expect(intro).toEqual({
      introducer: sam,
      people: [ana, ben],
      reason: "Ben invests in climate tools and Ana is building one, so you two should talk.",
      optIn: false,
    });
  });

  it("takes the reason from the one sentence splitter: no greeting, bullet or hashtag line, the author's quotes kept", () => {
    const intro = userIntroduces({
      user: sam,
      recipients: [ana, ben],
      subject: "Intro",
      text: "Hi Ana,\nMeet Ben.\n- Ben’s building “Lumen”, a climate tool\n#climate",
    });
    expect(intro?.reason).toBe("Ben’s building “Lumen”, a climate tool");
  });

  it("needs two people to introduce", () => {
    expect(userIntroduces({ user: sam, recipients: [ana], subject: "Intro", text: "Ana, meet Ben." })).toBeNull();
  });
});

describe("userAsksToIntroduce", () => {
  it("reads a double opt-in ask and whom it is about", () => {
    const intro = userAsksToIntroduce({
      user: sam,
      recipients: [ana],
      text: "Hi Ana,\n\nWould you be open to an intro to Ben Cho at Northwind? He invests in climate tools.",
    });
    expect(intro?.optIn).toBe(true);
    expect(intro?.people).toEqual([ana, { name: "Ben Cho", address: null }]);
    expect(intro?.reason).toBe("He invests in climate tools.");
  });

  it("ignores an ask for an intro from someone else", () => {
    expect(userAsksToIntroduce({ user: sam, recipients: [ana], text: "Could you intro me to your investor friends?" })).toBeNull();
  });
});
