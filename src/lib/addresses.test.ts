import { describe, expect, it } from "vitest";
import { isAddress, normalizeAddress } from "./addresses.ts";

describe("normalizeAddress", () => {
  it("gives an internationalised domain one ASCII form, however it was written", () => {
    for (const written of ["ana@münchen.de", "ana@xn--mnchen-3ya.de", " <ANA@MÜNCHEN.DE> ", "ana@münchen.de"]) {
      expect(normalizeAddress(written)).toBe("ana@xn--mnchen-3ya.de");
    }
    expect(normalizeAddress("jörg@例え.jp")).toBe("jörg@xn--r8jz45g.jp");
  });

  it("leaves what is not a plain domain for isAddress to judge", () => {
    expect(normalizeAddress("ana@münchen.de/evil")).toBe("ana@münchen.de/evil");
    expect(normalizeAddress("ana@lumen.studio")).toBe("ana@lumen.studio");
    expect(normalizeAddress("no-at-sign")).toBe("no-at-sign");
  });
});

describe("isAddress", () => {
  it("refuses replacement and control characters", () => {
    expect(isAddress("j\uFFFDrg@m\uFFFDnchen.de")).toBe(false);
    expect(isAddress("ana\u0000@lumen.studio")).toBe(false);
    expect(isAddress("ana@lumen.studio\u0007")).toBe(false);
    expect(isAddress("jörg@xn--mnchen-3ya.de")).toBe(true);
    expect(isAddress("ana@lumen.studio")).toBe(true);
  });
});
