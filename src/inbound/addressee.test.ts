import { describe, expect, it } from "vitest";
import { addresseeOf } from "./addressee.ts";

const SAM = { name: "Sam Rivera", address: "sam@rivera.example" };
const ANA = { name: "Ana Lima", address: "ana@lima.example" };
const BEN = { name: "Ben Cho", address: "ben@cho.example" };
const people = [SAM, ANA, BEN];

describe("addresseeOf", () => {
  it("is the person the writer last turned to before the sentence, in its paragraph", () => {
    const text = "Thanks Sam! Ana, great to meet you. Would Tuesday work for a call?\n\nBen";
    expect(addresseeOf(text, "Would Tuesday work for a call?", people)).toBe(ANA);
  });

  it("reads a name that opens the sentence itself", () => {
    expect(addresseeOf("Great to hear.\n\nSam, could you send the deck?", "Sam, could you send the deck?", people)).toBe(SAM);
  });

  it("reads greetings: Hi, Dear, Thanks", () => {
    expect(addresseeOf("Hi Ben,\nCould you resend it?", "Could you resend it?", people)).toBe(BEN);
    expect(addresseeOf("Thank you Sam! Could you resend it?", "Could you resend it?", people)).toBe(SAM);
  });

  it("is nobody when no one is named, or only named in passing", () => {
    expect(addresseeOf("Could you send the maps?", "Could you send the maps?", people)).toBeNull();
    expect(addresseeOf("I told Ana about it. Could you send the maps?", "Could you send the maps?", people)).toBeNull();
  });

  it("does not carry a turn across paragraphs", () => {
    expect(addresseeOf("Ana, lovely to meet you.\n\nCould you send the maps?", "Could you send the maps?", people)).toBeNull();
  });
});
