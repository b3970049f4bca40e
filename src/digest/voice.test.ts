import { describe, expect, it } from "vitest";
import { eventTone } from "./tone.ts";
import { askAction, contactWordsToTend, hasFirstPerson, namedSubject, promiseAction, theirPromiseAction, userWordsToTend } from "./voice.ts";

// Sentences as people write them in mail and notes, first person and all.
const SAID = [
  "I'll send you my comments by Wednesday.",
  "I’ll send you our pitch deck.",
  "We're hiring a senior designer (product and brand, remote within Europe is fine).",
  "If you know anyone, I'd love an intro.",
  "I'll send you both a beta invite once the new onboarding ships, probably the week of December 7.",
  "Could you introduce me to your designer friend?",
  "I am moving to Lisbon and my partner starts at Lumen.",
  "We'll ship it ourselves; I've asked my team.",
  "I was laid off last week, along with most of our platform team.",
  "Me and my co-founder are raising our seed round.",
];

describe("Tend's voice", () => {
  it("never keeps a speaker's first person: it rewrites, or says it cannot", () => {
    const rewrites = SAID.flatMap((text) =>
      [userWordsToTend(text), contactWordsToTend(text), promiseAction(text), theirPromiseAction(text), askAction(text)].flatMap((rewrite) => (rewrite === null ? [] : [rewrite])),
    );
    expect(rewrites.length).toBeGreaterThan(SAID.length);
    expect(rewrites.filter(hasFirstPerson)).toEqual([]);
  });

  it("turns the user's promise into what they said they'd do, the other person as 'them'", () => {
    expect(promiseAction("I'll send you my comments by Wednesday.")).toBe("send them your comments by Wednesday");
    expect(promiseAction("I’ll send you our pitch deck.")).toBe("send them your pitch deck");
    expect(promiseAction("Send Ana the deck")).toBe("send Ana the deck");
    expect(promiseAction("Lumen signed two customers.")).toBe("Lumen signed two customers");
  });

  it("says what someone promised the user, in Tend's voice", () => {
    expect(theirPromiseAction("I'll send you the signed contract by Friday.")).toBe("send you the signed contract by Friday");
    expect(theirPromiseAction("We'll ship our beta in March")).toBe("ship their beta in March");
    expect(theirPromiseAction("Thanks for today")).toBeNull();
  });

  it("says clearly what someone asked for", () => {
    expect(askAction("If you know anyone, I'd love an intro.")).toBe("for an intro");
    expect(askAction("Could you introduce me to your designer friend?")).toBe("to introduce them to your designer friend");
    expect(askAction("She'd love an intro to Carla's studio for the onboarding redesign.")).toBe("for an intro to Carla's studio for the onboarding redesign");
    expect(askAction("Lovely to see you")).toBeNull();
  });

  it("names the person where a note says she or he", () => {
    expect(namedSubject("She's raising a seed round", "Ana")).toBe("Ana is raising a seed round");
    expect(namedSubject("Her birthday is December 14", "Ana")).toBe("Ana's birthday is December 14");
    expect(namedSubject("they were laid off last week", "Tom")).toBe("Tom was laid off last week");
    expect(namedSubject("they just started a new job at Lumen", "Eve")).toBe("Eve just started a new job at Lumen");
  });
});

describe("eventTone", () => {
  it("is careful with hard news, never cheerful about a loss, warm otherwise", () => {
    expect(eventTone("The funeral is on December 3")).toBe("loss");
    expect(eventTone("her father passed away")).toBe("loss");
    expect(eventTone("knee surgery on the 10th")).toBe("hard");
    expect(eventTone("I was laid off last week")).toBe("hard");
    expect(eventTone("Her birthday is December 14")).toBe("good");
    expect(eventTone("product launch")).toBe("good");
    // What inbound judged wins, once it judges.
    expect(eventTone("product launch", "hard")).toBe("hard");
  });
});
