import { describe, expect, it } from "vitest";
import type { GiveAskLedger } from "../model.ts";
import { askedMoreThanGiven, ledgerInWords } from "./give-ask.ts";

function ledger(gave: Partial<GiveAskLedger["gave"]>, asked: Partial<GiveAskLedger["asked"]>): GiveAskLedger {
  return { contactId: "ana", gave: { promised: 0, kept: 0, introductions: 0, answered: 0, ...gave }, asked: { favours: 0, introductions: 0, ...asked } };
}

describe("ledgerInWords", () => {
  it("says what the user asked and offered, in words", () => {
    expect(ledgerInWords(ledger({ promised: 1 }, { favours: 2, introductions: 1 }), "Ana")).toBe(
      "You've asked Ana for three things in the past year and offered one. Your promise to Ana is still open. Ana introduced you to someone once.",
    );
    expect(ledgerInWords(ledger({}, { favours: 1 }), "Ana")).toBe("You've asked Ana for one thing in the past year and offered nothing yet.");
    expect(ledgerInWords(ledger({ introductions: 2 }, {}), "Ana")).toBe(
      "You've offered Ana two things in the past year and asked for nothing. You introduced Ana to someone twice.",
    );
  });

  it("says nothing when there is nothing, and never a score", () => {
    expect(ledgerInWords(ledger({}, {}), "Ana")).toBeNull();
    const words = ledgerInWords(ledger({ promised: 3, kept: 2 }, { favours: 5 }), "Ana");
    expect(words).toBe("You've asked Ana for five things in the past year and offered three. You kept two of your three promises to Ana.");
    expect(words).not.toMatch(/score|%|\bpoints?\b/);
  });
});

describe("askedMoreThanGiven", () => {
  it("is how far asking runs ahead of giving, never below zero", () => {
    expect(askedMoreThanGiven(ledger({ promised: 1 }, { favours: 3 }))).toBe(2);
    expect(askedMoreThanGiven(ledger({ promised: 4, answered: 1 }, { favours: 3 }))).toBe(0);
  });
});
