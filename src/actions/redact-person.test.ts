import { describe, expect, it } from "vitest";
import { personTerms, redactor } from "./redact-person.ts";

const ana = personTerms({ id: "c0ntact1d", name: "Ana Lima", addresses: ["ana@lumen.studio", "ana.lima@gmail.com"] }, false);
const { redact, mentions } = redactor(ana);

describe("redactor", () => {
  it("takes the person out and leaves everyone else", () => {
    expect(redact("Ana <> Ben: climate design")).toBe("[forgotten] <> Ben: climate design");
    expect(redact("Ana Lima <ana@lumen.studio>")).toBe("[forgotten]");
    expect(redact('cc "Ana Lima" <ANA@lumen.studio>, Ben <ben@okoro.dev>')).toBe("cc [forgotten], Ben <ben@okoro.dev>");
    expect(redact("Ben asked about ana.lima@gmail.com.")).toBe("Ben asked about [forgotten].");
    expect(redact("ANA LIMA and ana lima, Ana's portfolio")).toBe("[forgotten] and [forgotten], [forgotten]'s portfolio");
    expect(redact("Ana (ana@lumen.studio) said hi")).toBe("[forgotten] said hi");
    expect(redact("Confirm: forget ana@lumen.studio (ref c0ntact1d.forget.x)")).toBe("Confirm: forget [forgotten] (ref [forgotten].forget.x)");
    expect(redact("xc0ntact1d and c0ntact1dx")).toBe("xc0ntact1d and c0ntact1dx");
  });

  it("matches whole words only, and the first name only as written", () => {
    expect(redact("Banana, Anatole, anagram, ana")).toBe("Banana, Anatole, anagram, ana");
    expect(redact("xana@lumen.studio and ana@lumen.studios")).toBe("xana@lumen.studio and ana@lumen.studios");
    expect(mentions("Ben and Priya")).toBe(false);
    expect(mentions("for Ana.")).toBe(true);
  });

  it("does not take out a first name another contact shares, nor an initial", () => {
    const shared = redactor(personTerms({ id: "c1", name: "Ana Lima", addresses: ["ana@lumen.studio"] }, true));
    expect(shared.redact("Ana <> Ben; Ana Lima came")).toBe("Ana <> Ben; [forgotten] came");
    const initial = redactor(personTerms({ id: "c2", name: "A Lima", addresses: [] }, false));
    expect(initial.redact("A Lima wrote a note")).toBe("[forgotten] wrote a note");
    const nameless = redactor(personTerms({ id: "c3", name: null, addresses: ["ana@lumen.studio"] }, false));
    expect(nameless.redact("Ana <ana@lumen.studio>")).toBe("Ana [forgotten]");
  });
});
