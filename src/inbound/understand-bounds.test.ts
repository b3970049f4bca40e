import { describe, expect, it } from "vitest";
import { buildEmail, gmailForwardFromDev, SAM, samAddressing } from "../../test/helpers/build-email.ts";
import { MAX_SIGNAL_TEXT_CHARS } from "./limits.ts";
import type { SignalInput } from "./signals/extract-signals.ts";
import { signalText, understand } from "./understand.ts";

// Wednesday 25 November 2026, noon in Los Angeles.
const NOW = Date.UTC(2026, 10, 25, 20);
const USER = { ...SAM, timeZone: "America/Los_Angeles" };

function readSignals(text: string, subject = "Notes"): SignalInput[] {
  const calls: SignalInput[] = [];
  understand({
    email: buildEmail({ text, subject }),
    addressing: samAddressing(),
    user: USER,
    now: NOW,
    extractSignals: (input) => (calls.push(input), []),
  });
  return calls;
}

const line = (i: number) => `Line ${i}: Ana is hiring a designer for the Lisbon office.`;

describe("signalText", () => {
  it("keeps a text within the limit whole", () => {
    expect(signalText("I'll send Ana the deck.", 100)).toBe("I'll send Ana the deck.");
  });

  it("ends a cut at the last line break, so no half sentence is read", () => {
    const text = Array.from({ length: 40 }, (_, i) => line(i)).join("\n");
    const cut = signalText(text, 500);
    expect(cut.length).toBeLessThanOrEqual(500);
    expect(text.startsWith(cut)).toBe(true);
    expect(cut.endsWith("office.")).toBe(true);
  });

  it("cuts at the limit when the text has no line break late enough", () => {
    expect(signalText("word ".repeat(200), 100)).toHaveLength(100);
    expect(signalText("abc", 0)).toBe("");
  });
});

describe("understand: the extractor's work is bounded by the text it keeps", () => {
  it("hands the extractor at most MAX_SIGNAL_TEXT_CHARS of a long note, from its start", () => {
    const text = Array.from({ length: 5000 }, (_, i) => line(i)).join("\n");
    const [call, ...rest] = readSignals(text);
    expect(rest).toHaveLength(0);
    expect(call?.text.length).toBeLessThanOrEqual(MAX_SIGNAL_TEXT_CHARS);
    expect(call?.text.length).toBeGreaterThan(MAX_SIGNAL_TEXT_CHARS / 2);
    expect(call?.text.startsWith(line(0))).toBe(true);
  });

  it("shares one budget between what the user wrote and the forwarded message", () => {
    const note = Array.from({ length: 20 }, (_, i) => line(i)).join("\n");
    const forwarded = Array.from({ length: 5000 }, (_, i) => line(i)).join("\n");
    const calls = readSignals(gmailForwardFromDev(note, forwarded), "Fwd: Pricing");
    expect(calls).toHaveLength(2);
    const total = calls.reduce((sum, call) => sum + call.text.length, 0);
    expect(total).toBeLessThanOrEqual(MAX_SIGNAL_TEXT_CHARS);
    expect(calls[1]?.text.length).toBeGreaterThan(0);
  });

  it("reads a short note whole", () => {
    const [call] = readSignals("I'll send Ana the deck by Friday.");
    expect(call?.text).toBe("I'll send Ana the deck by Friday.");
  });
});
