import { describe, expect, it } from "vitest";
import { hasPrivateTag, isPrivateMessage, isPrivateNote, markedPrivate, privateMarkerLength, readPrivacy } from "./privacy.ts";

describe("the privacy rule", () => {
  it("a private: line covers the rest of its paragraph, and not the lines above it", () => {
    const text = "Lunch with Ana.\r\nprivate: her mother is ill.\r\nShe flies to Lisbon a lot.\r\n\r\nShe is hiring.";
    expect(readPrivacy(text)).toEqual({ whole: false, lines: [false, true, true, false, false] });
  });

  it("reads a marker after a list marker, and only at the start of a line", () => {
    expect(privateMarkerLength("- private: x")).toBe("- private: ".length);
    expect(privateMarkerLength("[ ] Private:x")).toBe("[ ] Private:".length);
    expect(privateMarkerLength("she said private: x")).toBe(0);
    expect(readPrivacy("Not private: a label in a sentence").lines).toEqual([false]);
  });

  it("a lone #private line covers everything, above and below it", () => {
    expect(readPrivacy("Ana is hiring.\n\n#private #family\n\nShe is moving.")).toEqual({ whole: true, lines: [true, true, true, true, true] });
    expect(isPrivateMessage("- #private")).toBe(true);
    expect(isPrivateMessage("Ana is hiring #private")).toBe(false);
  });

  it("#private is a tag of its own, not a prefix of another", () => {
    expect(hasPrivateTag("her dad is ill #private.")).toBe(true);
    expect(hasPrivateTag("#PRIVATE her dad is ill")).toBe(true);
    expect(hasPrivateTag("raising from #private-equity funds")).toBe(false);
    expect(hasPrivateTag("#privateequity")).toBe(false);
    expect(hasPrivateTag("mail me at a#private@example.com")).toBe(false);
  });

  it("a note is private with any marker in it, and a note the rule covers keeps a marker", () => {
    expect(isPrivateNote("she got the job")).toBe(false);
    expect(isPrivateNote("her mother is ill #private")).toBe(true);
    expect(isPrivateNote("private: her mother is ill")).toBe(true);
    expect(markedPrivate("her mother is ill")).toBe("her mother is ill #private");
    expect(markedPrivate("private: her mother is ill")).toBe("private: her mother is ill");
    expect(isPrivateNote(markedPrivate("her mother is ill"))).toBe(true);
  });
});
