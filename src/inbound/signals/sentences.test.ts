import { describe, expect, it } from "vitest";
import { foldQuotes, MAX_SENTENCE_CHARS, publicText, splitSentences } from "./sentences.ts";

describe("splitSentences", () => {
  it("splits on sentence ends but not on abbreviations", () => {
    const sentences = splitSentences("Met Dr. Lima today. She is hiring, e.g. designers! Great.");
    expect(sentences.map((s) => s.text)).toEqual(["Met Dr. Lima today.", "She is hiring, e.g. designers!", "Great."]);
  });

  it("keeps the author's quotes, splitting where their ASCII twins would", () => {
    const text = "He said “it’s done.” Then he left.\nO’Brien: she’s hiring\u00a0now. Really!";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(["He said “it’s done.”", "Then he left.", "O’Brien: she’s hiring\u00a0now.", "Really!"]);
    expect(sentences[2]?.label).toBe("O’Brien");
    expect(sentences.map((s) => foldQuotes(s.text))).toEqual(splitSentences(foldQuotes(text)).map((s) => s.text));
  });

  it("joins lines a mail client wrapped, and keeps short lines apart", () => {
    const text =
      "So good to catch up yesterday. As mentioned, I'm leaving Figma at the end of\nApril and taking a few months off.\nThanks\nJess";
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "So good to catch up yesterday.",
      "As mentioned, I'm leaving Figma at the end of April and taking a few months off.",
      "Thanks",
      "Jess",
    ]);
  });

  it("reads bullets, labels and checkboxes", () => {
    const [me, ana, todo] = splitSentences("- me: send the deck by wed\n* Ana: share the list\n[ ] book dinner");
    expect(me).toMatchObject({ text: "me: send the deck by wed", body: "send the deck by wed", label: "me" });
    expect(ana).toMatchObject({ body: "share the list", label: "Ana" });
    expect(todo).toMatchObject({ body: "book dinner", label: "todo" });
  });

  it("keeps an unlabelled reading for a dash that is not a label", () => {
    const [s] = splitSentences("Thanks Alex — I'll get back to you next week.");
    expect(s).toMatchObject({ label: "Thanks Alex", plain: "Thanks Alex — I'll get back to you next week." });
  });

  it("marks private lines and #private sentences, and a trailing tag joins its sentence", () => {
    const sentences = splitSentences(
      "Lunch with Priya.\nprivate: she's pregnant. Not telling people yet\n\nHis dad passed away. #private\nShe's moving in May.",
    );
    expect(sentences.map((s) => [s.text, s.private])).toEqual([
      ["Lunch with Priya.", false],
      ["private: she's pregnant.", true],
      ["Not telling people yet", true],
      ["His dad passed away. #private", true],
      ["She's moving in May.", false],
    ]);
  });

  it("a private: marker covers the rest of its paragraph, however it is wrapped, and no further", () => {
    const text = [
      "Lunch with Priya.",
      "- private: her mother is ill.",
      "She is quietly looking for a job in Lisbon to be closer to her, and asked me",
      "to keep it to myself.",
      "",
      "She is hiring a designer.",
    ].join("\r\n");
    const sentences = splitSentences(text);
    expect(sentences.map((s) => [s.text, s.private])).toEqual([
      ["Lunch with Priya.", false],
      ["private: her mother is ill.", true],
      ["She is quietly looking for a job in Lisbon to be closer to her, and asked me to keep it to myself.", true],
      ["She is hiring a designer.", false],
    ]);
    expect(publicText(text)).toBe("Lunch with Priya.\nShe is hiring a designer.");
  });

  it("makes everything private when the caller says the whole text is", () => {
    expect(splitSentences("Ana is hiring.\nShe loves #climate", { private: true }).every((s) => s.private)).toBe(true);
  });

  it("reads a wall of text without punctuation in clause-sized pieces", () => {
    const sentences = splitSentences("she is hiring and ".repeat(500));
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences.every((s) => s.text.length <= MAX_SENTENCE_CHARS)).toBe(true);
  });

  it("keeps a line of only hashtags as its own sentence, which tags the note", () => {
    const sentences = splitSentences("Coffee with Ana.\nFollow up with Dev.\n#climate #design");
    expect(sentences.map((s) => [s.text, s.tagsNote])).toEqual([
      ["Coffee with Ana.", false],
      ["Follow up with Dev.", false],
      ["#climate #design", true],
    ]);
  });

  it("makes the whole note private when #private stands on its own line", () => {
    const sentences = splitSentences("Ana's mom is sick.\nShe is moving to Porto.\n#private");
    expect(sentences.every((s) => s.private)).toBe(true);
  });
});
