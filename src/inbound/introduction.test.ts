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

// Mail written for these tests in the shapes public introductions take (not copied from the eval set).
describe("introductions by structure and wording", () => {
  const lena = { name: "Lena Park", address: "lena@park.test" };
  const omar = { name: "Omar Haddad", address: "omar@haddad.test" };
  const both = (subject: string, text: string) => userIntroduces({ user: sam, recipients: [lena, omar], subject, text });
  const one = (text: string, subject = "") => userAsksToIntroduce({ user: sam, recipients: [lena], text, subject });

  it.each([
    ["Lena <> Omar", "Hi both,\n\nLena runs growth at Finch; Omar is hiring his first marketer."],
    ["", "Lena – Omar. Omar – Lena.\n\nYou both asked me about pricing pages last week."],
    ["", "Hi Lena,\n\nI'm copying Omar here, who builds the tooling I mentioned. I'll let you two take it from here."],
    ["", "Omar, I'd like you to meet Lena, who ran the same migration last year."],
    ["E-intro", "See below."],
  ])("sees an introduction to both in %j / %j", (subject, text) => {
    expect(both(subject, text)?.optIn).toBe(false);
  });

  it.each([
    ["Re: Lena <> Omar", "Thanks for the intro, Sam (moving you to bcc). Lena, great to meet you."],
    ["", "Dear team, please welcome Omar, who joins us as head of sales on Monday."],
    ["", "Lena, Omar: could you introduce me to someone at Finch?"],
    ["Next week", "Sure, meet Tuesday at 3 by the station?"],
    ["", "Thank you both for your time today. I'll send the notes by Friday."],
  ])("sees none in %j / %j", (subject, text) => {
    expect(both(subject, text)).toBeNull();
  });

  it("reads a one-sided introduction to a named person as made, and a consent question as an opt-in", () => {
    const made = one("Hi Lena,\n\nWanted to introduce you to Omar Haddad, who is hiring a growth lead. I'll let you two take it from here.");
    expect(made).toMatchObject({ optIn: false, people: [{ name: "Lena Park" }, { name: "Omar Haddad", address: null }] });
    expect(one("Hi Lena, my friend Omar is building a CRM for nurseries. Mind if I put you in touch?")?.optIn).toBe(true);
    expect(one("Hi Lena, I just met this founder and thought she was onto something. Do you want to talk?")?.optIn).toBe(true);
  });

  it("reads a letter of introduction written to the one who is to receive the person", () => {
    const carried = one("Dear Lena,\n\nOmar Haddad is going to Lisbon in May, and I am giving him a letter of introduction to you. I think you will enjoy meeting him.");
    expect(carried).toMatchObject({ optIn: false, people: [{ name: "Lena Park" }, { name: "Omar Haddad", address: null }] });
    const ahead = one("Dear Lena,\n\nA dear friend of mine, Omar Haddad, is moving to Lisbon. I want very much to have him meet you.");
    expect(ahead?.people[1]?.name).toBe("Omar Haddad");
    expect(one("Dear Lena,\n\nThank you for the lovely blanket you sent the baby. Do come and see him soon!")).toBeNull();
    const opening = userAsksToIntroduce({ user: sam, recipients: [{ name: "Mr. Park", address: "park@x.org" }], text: "Dear Mr. Park,\nThis is to introduce to you Mr. Omar Haddad, who is looking for a role in design." });
    expect(opening?.people[1]?.name).toMatch(/Omar/);
  });

  it("refuses self-introductions and asks for an intro to one person", () => {
    expect(one("Hi Lena, let me introduce myself: I run a small design studio.")).toBeNull();
    expect(one("Hi Lena, Omar suggested I reach out about your hiring plans.")).toBeNull();
    expect(one("Hi Lena, would you be open to introducing me to Omar?")).toBeNull();
    expect(one("Hi Lena, would you like to meet for lunch on Friday?")).toBeNull();
  });
});

describe("double opt-in asks by form", () => {
  const lena = { name: "Lena Park", address: "lena@park.test" };
  const one = (text: string) => userAsksToIntroduce({ user: sam, recipients: [lena], text });
  it.each([
    "Hi Lena, Omar Haddad asked for an intro to you about your pricing work. Interested?",
    "Hi Lena, a founder I advise would like to connect with you about hiring in Lisbon.",
    "Hi Lena, if you're up for it, I'd love to connect you with Omar, who runs ops at Finch.",
  ])("reads %j as asking first", (text) => {
    expect(one(text)?.optIn).toBe(true);
  });

  it("does not read a meeting of the reader and the writer as an ask to introduce", () => {
    expect(one("Hi Lena, let me know if you'd like to chat about the pricing page next week.")).toBeNull();
    expect(one("Hi Lena, I would like to connect with you about our pricing product.")).toBeNull();
    expect(one("Hi Lena, we were hoping to talk with you about the audit.")).toBeNull();
  });
});

describe("each recipient described to the other", () => {
  const lena = { name: "Lena Park", address: "lena@park.test" };
  const omar = { name: "Omar Haddad", address: "omar@haddad.test" };
  it("reads two recipients described by name as an introduction, and one as none", () => {
    const text = "Hi both,\n\nLena runs growth at Finch and has rebuilt two pricing pages. Omar is hiring his first marketer at Tidewater.";
    expect(userIntroduces({ user: sam, recipients: [lena, omar], subject: "", text })).not.toBeNull();
    const business = "Hi both,\n\nOmar is out next week, so please send the invoices to me until then.";
    expect(userIntroduces({ user: sam, recipients: [lena, omar], subject: "", text: business })).toBeNull();
  });
});
