import { describe, expect, it } from "vitest";
import type { Participant } from "../../model.ts";
import type { AiBinding } from "../../lib/workers-ai.ts";
import { extractSignalsWithAi } from "./ai-extractor.ts";
import type { SignalInput } from "./extract-signals.ts";

const ANA: Participant = { name: "Ana Lima", address: "ana@lima.test", role: "attendee" };

const INPUT: SignalInput = {
  text: "Coffee with Ana. She is hiring a designer and I'll send her two names by Friday.\nprivate: her mom is in the hospital",
  authorIsUser: true,
  author: { name: "Alex Morgan", address: "alex@morgan.test" },
  people: [ANA],
  userName: "Alex Morgan",
  // Thu 31 Dec 2026 23:30 in Los Angeles.
  sentAt: new Date("2027-01-01T07:30:00Z"),
  timeZone: "America/Los_Angeles",
};

/** A stub at the binding: records what it was sent and answers with `answer`. */
function stub(answer: () => Promise<unknown>): AiBinding & { calls: { model: string; input: Record<string, unknown> }[] } {
  const calls: { model: string; input: Record<string, unknown> }[] = [];
  return {
    calls,
    run: (model, input) => {
      calls.push({ model, input });
      return answer();
    },
  };
}

const GOOD_ANSWER = {
  signals: [
    { kind: "need", sentence: 1, person: "Ana Lima", text: "hiring a designer", when: null, tag: null },
    { kind: "promise", sentence: 1, person: "user", text: "send her two names by Friday", when: "by Friday", tag: null },
    { kind: "interest", sentence: 1, person: "ana", text: "design", when: null, tag: "Product Design" },
  ],
};

describe("extractSignalsWithAi", () => {
  it("uses the model's answer, resolving people and dates itself", async () => {
    const ai = stub(() => Promise.resolve({ response: GOOD_ANSWER }));
    const result = await extractSignalsWithAi(ai, INPUT);
    expect(result.source).toBe("ai");
    expect(result.signals.map((s) => [s.kind, s.aboutUser ? "user" : s.person?.name, s.due, s.tag, s.private])).toEqual([
      ["need", "Ana Lima", null, null, false],
      ["promise", "user", "2027-01-01", null, false],
      ["interest", "Ana Lima", null, "product-design", false],
      // The private line never went to the model; its signal comes from the deterministic extractor.
      ["life_event", "Ana Lima", null, null, true],
    ]);
    expect(result.signals[1]?.sentence).toBe("She is hiring a designer and I'll send her two names by Friday.");
    // Whom the promise is to comes from the deterministic reading of the same sentence.
    expect(result.signals[1]?.person).toEqual({ name: "Ana Lima", address: "ana@lima.test" });
  });

  it("never sends a private sentence, and asks for JSON-schema output", async () => {
    const ai = stub(() => Promise.resolve({ response: GOOD_ANSWER }));
    await extractSignalsWithAi(ai, INPUT, { model: "@cf/test/model" });
    const sent = JSON.stringify(ai.calls[0]?.input);
    expect(ai.calls[0]?.model).toBe("@cf/test/model");
    expect(sent).not.toContain("hospital");
    expect(sent).toContain("hiring a designer");
    expect(ai.calls[0]?.input.response_format).toMatchObject({ type: "json_schema" });
  });

  it("does not call the model when everything is private", async () => {
    const ai = stub(() => Promise.resolve({ response: GOOD_ANSWER }));
    const result = await extractSignalsWithAi(ai, { ...INPUT, text: "she is pregnant #private" });
    expect(ai.calls).toHaveLength(0);
    expect(result).toMatchObject({ source: "deterministic" });
    expect(result.signals.every((s) => s.private)).toBe(true);
  });

  it("sends nothing of a text that came with a lone #private line (a forwarded message below it)", async () => {
    const ai = stub(() => Promise.resolve({ response: GOOD_ANSWER }));
    const result = await extractSignalsWithAi(ai, { ...INPUT, private: true });
    expect(ai.calls).toHaveLength(0);
    expect(result.signals.length).toBeGreaterThan(0);
    expect(result.signals.every((s) => s.private)).toBe(true);
  });

  it("accepts the answer as a JSON string", async () => {
    const ai = stub(() => Promise.resolve({ response: JSON.stringify(GOOD_ANSWER) }));
    expect((await extractSignalsWithAi(ai, INPUT)).source).toBe("ai");
  });

  it("never guesses a person the message does not name, nor a date the sentence does not say", async () => {
    const ai = stub(() =>
      Promise.resolve({
        response: {
          signals: [{ kind: "need", sentence: 1, person: "Priya", text: "hiring", when: "March 3", tag: null }],
        },
      }),
    );
    const [signal] = (await extractSignalsWithAi(ai, INPUT)).signals;
    expect(signal).toMatchObject({ kind: "need", person: null, aboutUser: false, due: null });
  });

  const failures: [string, () => Promise<unknown>][] = [
    ["a throw", () => Promise.reject(new Error("3040: capacity"))],
    ["invalid JSON", () => Promise.resolve({ response: "Sure! Here are the signals: {" })],
    ["a wrong shape", () => Promise.resolve({ response: { signals: [{ kind: "gossip", sentence: 0 }] } })],
    ["no signals field", () => Promise.resolve({ result: "ok" })],
    [
      "a sentence it was not sent",
      () => Promise.resolve({ response: { signals: [{ ...GOOD_ANSWER.signals[0], sentence: 2 }] } }),
    ],
  ];

  it.each(failures)("falls back to the deterministic extractor on %s", async (_name, answer) => {
    const result = await extractSignalsWithAi(stub(answer), INPUT);
    expect(result.source).toBe("deterministic");
    expect(result.failure).toBeTruthy();
    expect(result.signals.map((s) => s.kind)).toEqual(["promise", "need", "life_event"]);
  });

  it("falls back when the model does not answer in time", async () => {
    const never = stub(() => new Promise<unknown>(() => {}));
    const result = await extractSignalsWithAi(never, INPUT, { timeoutMs: 5 });
    expect(result).toMatchObject({ source: "deterministic", failure: "AiTimeoutError: no answer in 5 ms" });
  });
});
