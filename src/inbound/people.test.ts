import { describe, expect, it } from "vitest";
import { cleanName, collectPeople, mentionedByAddress, mentionedContacts, nameCandidates, nameQuality } from "./people.ts";

const contact = (name: string) => {
  const key = name.toLowerCase();
  return { name, nameKey: key, firstNameKey: key.split(" ")[0] ?? null };
};

describe("names", () => {
  it("ranks names so a better one replaces a worse one", () => {
    expect(nameQuality(null)).toBe(0);
    expect(nameQuality("ana@lumen.studio")).toBe(1);
    expect(nameQuality("ana.lima")).toBe(1);
    expect(nameQuality("Greg")).toBe(2);
    expect(nameQuality("Ana Lima")).toBe(3);
  });

  it("turns Outlook's Last, First around and drops quotes", () => {
    expect(cleanName('"Lima, Ana"')).toBe("Ana Lima");
    expect(cleanName("  Ben   Cho ")).toBe("Ben Cho");
    expect(cleanName("ben@northwind.vc")).toBeNull();
  });

  it("finds candidate names but not sentence words", () => {
    expect(nameCandidates("Coffee with Ana Lima today. She is hiring. Met Ben on Friday.")).toEqual(["ana lima", "ana", "ben"]);
  });

  it("finds people written with their address", () => {
    expect(mentionedByAddress("Say hi to Ana Lima <ana@lumen.studio> and ben (ben.cho@northwind.vc)")).toEqual([
      { name: "Ana Lima", address: "ana@lumen.studio", role: "mentioned" },
      { name: null, address: "ben.cho@northwind.vc", role: "mentioned" },
    ]);
  });
});

describe("mentionedContacts", () => {
  it("trusts full names, and first names only one contact has", () => {
    const found = [contact("Ana Lima"), contact("Ben Cho"), contact("Ben Ortiz"), contact("Farah Haddad")];
    expect(mentionedContacts(["ana", "ben", "farah haddad"], found).map((c) => c.name)).toEqual(["Farah Haddad", "Ana Lima"]);
  });

  it("trusts no first name when the lookup was capped", () => {
    const found = [contact("Ana Lima"), contact("Ben Cho")];
    expect(mentionedContacts(["ana", "ben cho"], found, 2).map((c) => c.name)).toEqual(["Ben Cho"]);
  });
});

describe("collectPeople", () => {
  it("merges by address, keeping the better name and the more telling role", () => {
    const people = collectPeople(
      [
        { name: "ana", address: "ANA@lumen.studio", role: "cc" },
        { name: "Ana Lima", address: "ana@lumen.studio", role: "introduced" },
        { name: "Sam", address: "sam.rivera@gmail.com", role: "to" },
      ],
      { isExcluded: (a) => a === "sam.rivera@gmail.com" },
    );
    expect(people).toEqual([{ name: "Ana Lima", address: "ana@lumen.studio", role: "introduced" }]);
  });
});
