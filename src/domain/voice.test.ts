import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Party, predicateOf, pronounsIn, retell, retellAsk, retellPromise, retellSignal } from "./voice.ts";

const CARLA: Party = { name: "Carla", pronouns: "she" };
const DEV: Party = { name: "Dev", pronouns: "he" };
const SAM: Party = { name: "Sam", pronouns: "they" };

describe("retellPromise", () => {
  it("tells the user what they promised, about the other person", () => {
    expect(retellPromise("I'll send you my comments by Wednesday", "user", CARLA)).toBe(
      "You told Carla you'd send her your comments by Wednesday",
    );
    expect(retellPromise("I’ll send you our pitch deck", "user", SAM)).toBe("You told Sam you'd send them your pitch deck");
  });

  it("tells the user what someone else promised them", () => {
    expect(retellPromise("I'll send you my comments by Wednesday", CARLA, "user")).toBe("Carla said she'd send you her comments by Wednesday");
    expect(retellPromise("I'll send you both a beta invite once we ship", DEV, "user")).toBe(
      "Dev said he'd send you both a beta invite once they ship",
    );
  });

  it("keeps someone the user's notes speak of in the third person", () => {
    expect(retell("Carla said she'd send me her notes", "user", CARLA)).toBe("Carla said she'd send you her notes");
  });
});

describe("retell", () => {
  it("makes a subject agree with its verb", () => {
    expect(retell("I am moving to Porto", CARLA, "user")).toBe("She is moving to Porto");
    expect(retell("I'm moving to Porto and I have a new job", DEV, "user")).toBe("He's moving to Porto and he has a new job");
    expect(retell("you are the best person for this", "user", CARLA)).toBe("she is the best person for this");
  });

  it("tells the listener's 'you' as subject or object", () => {
    expect(retell("can you review it", "user", DEV)).toBe("can he review it");
    expect(retell("I'll send it to you", "user", DEV)).toBe("You'll send it to him");
  });

  it("leaves quoted words as they were said", () => {
    expect(retell('I said "my door is open"', CARLA, "user")).toBe('She said "my door is open"');
  });
});

describe("retellAsk", () => {
  it("says who asked whom, in Tend's voice", () => {
    expect(retellAsk("could you intro me to a designer?", DEV, "user")).toBe("Dev asked you: could you intro him to a designer?");
    expect(retellAsk("Could you review my deck", "user", CARLA)).toBe("You asked Carla: Could she review your deck");
  });
});

describe("retellSignal", () => {
  it("retells each kind to the user, about the other person", () => {
    const sentence = "I'll send you my comments by Wednesday.";
    expect(retellSignal({ kind: "promise", text: "I'll send you my comments by Wednesday", sentence, personName: "Carla Mendes", speakerName: null })).toBe(
      "You told Carla you'd send them your comments by Wednesday",
    );
    expect(retellSignal({ kind: "waiting_on", text: "I'll send you my comments by Wednesday", sentence, personName: "Carla Mendes", speakerName: "Carla Mendes" })).toBe(
      "Carla said they'd send you their comments by Wednesday",
    );
    expect(
      retellSignal({ kind: "waiting_on", text: "she'd send me her notes", sentence: "Carla said she'd send me her notes.", personName: "Carla Mendes", speakerName: null }),
    ).toBe("Carla said she'd send you her notes");
    expect(retellSignal({ kind: "ask", text: "could you intro me to a designer?", sentence: "Dev: could you intro me to a designer? He is hiring.", personName: "Dev Patel", speakerName: "Dev Patel" })).toBe(
      "Dev asked you: could you intro him to a designer?",
    );
  });

  it("never leaves a speaker's first person outside quotes", () => {
    const kinds = fc.constantFrom<"promise" | "ask" | "waiting_on" | "need" | "life_event">("promise", "ask", "waiting_on", "need", "life_event");
    const words = fc.array(fc.oneof(fc.constantFrom(...SPEAKER_WORDS), fc.constantFrom(...OTHER_WORDS)), { minLength: 1, maxLength: 14 });
    fc.assert(
      fc.property(kinds, words, fc.constantFrom("Carla Mendes", null), fc.constantFrom("Dev Patel", null), (kind, parts, personName, speakerName) => {
        const text = parts.join(" ");
        expect(outsideQuotes(retellSignal({ kind, text, sentence: text, personName, speakerName }))).not.toMatch(FIRST_PERSON);
      }),
    );
  });
});

describe("predicateOf", () => {
  it("drops the subject and modal a commitment starts with", () => {
    expect(predicateOf("I'll send you the deck.")).toBe("send you the deck");
    expect(predicateOf("I’m going to intro you to Ben")).toBe("intro you to Ben");
    expect(predicateOf("we can probably share the survey")).toBe("share the survey");
    expect(predicateOf("send the deck")).toBe("send the deck");
  });
});

describe("pronounsIn", () => {
  it("takes a pronoun only from a sentence that uses one for the person", () => {
    expect(pronounsIn("Carla said she'd send her comments", "Carla Mendes")).toBe("she");
    expect(pronounsIn("Dev is hiring, he says", "Dev")).toBe("he");
    expect(pronounsIn("Carla and Dev: she'll write, he'll call", "Carla")).toBe("they");
    expect(pronounsIn("Ana is hiring", "Ana")).toBe("they");
  });
});

// Words a quoted speaker uses for themselves: none may be left in Tend's own sentence.
const FIRST_PERSON = /\b(?:i|me|my|mine|myself|we|us|our|ours|ourselves|i'm|i'll|i've|i'd|we're|we'll|we've|we'd)\b/i;
const SPEAKER_WORDS = ["I", "I'll", "I'm", "I've", "I'd", "me", "my", "mine", "myself", "we", "We", "we'll", "we're", "us", "our", "ours", "ourselves", "I’ll", "My"];
const OTHER_WORDS = ["send", "you", "your", "the", "deck", "to", "Ben", "by", "Friday", "and", "will", "can", "am", "are", "have", "intro", "comments", "yourself", "you'll", "it", "with", ",", "."];

function youCount(text: string): number {
  return (text.match(/\byou(?:r|rs|rself)?\b/gi) ?? []).length;
}

/** Text outside quotes, where Tend speaks. */
function outsideQuotes(text: string): string {
  return text.replace(/"[^"]*"/g, "");
}

describe("no first person of a quoted speaker in Tend's sentence", () => {
  const party = fc.constantFrom<Party>("user", CARLA, DEV, SAM);
  const words = fc.array(fc.oneof(fc.constantFrom(...SPEAKER_WORDS), fc.constantFrom(...OTHER_WORDS)), { minLength: 1, maxLength: 14 });

  it("retell never leaves I / my / me / we / our", () => {
    fc.assert(
      fc.property(words, party, party, (parts, speaker, listener) => {
        const said = retell(parts.join(" "), speaker, listener);
        expect(outsideQuotes(said)).not.toMatch(FIRST_PERSON);
      }),
    );
  });

  it("retellPromise and retellAsk never do either, and keep a quote as it was", () => {
    fc.assert(
      fc.property(words, party, party, fc.constantFrom('"my door is open"', ""), (parts, speaker, listener, quote) => {
        const text = `${parts.join(" ")} ${quote}`.trim();
        for (const said of [retellPromise(text, speaker, listener), retellAsk(text, speaker, listener)]) {
          expect(outsideQuotes(said)).not.toMatch(FIRST_PERSON);
          expect(said.includes(quote)).toBe(true);
        }
      }),
    );
  });

  it("leaves 'you' for the user alone when someone else speaks to the user", () => {
    const other = fc.constantFrom<Party>(CARLA, DEV, SAM);
    fc.assert(
      fc.property(words, other, (parts, speaker) => {
        const text = parts.join(" ");
        expect(youCount(retell(text, speaker, "user"))).toBe(youCount(text));
      }),
    );
  });
});
