import { describe, expect, it } from "vitest";
import type { ExistingContact } from "../../db/import-contacts.ts";
import type { ImportedContact } from "../../db/import-runs.ts";
import { importDate } from "./import-dates.ts";
import { planImportChunk } from "./plan-import.ts";

const row = (line: number, over: Partial<ImportedContact>): ImportedContact => ({
  line,
  name: null,
  addresses: [],
  company: null,
  position: null,
  notes: null,
  birthday: null,
  connectedOn: null,
  ...over,
});

const stored = (over: Partial<ExistingContact>): ExistingContact => ({
  id: "c1",
  name: "Ana Lima",
  nameQuality: 3,
  nameKey: "ana lima",
  primaryAddress: "ana@lumen.studio",
  profile: null,
  ...over,
});

function plan(rows: ImportedContact[], existing: ExistingContact[] = []) {
  let n = 0;
  const byAddress = new Map(existing.filter((c) => c.primaryAddress).map((c) => [c.primaryAddress ?? "", c]));
  return planImportChunk({ rows, byAddress, byName: existing, newId: () => `new${++n}`, checkInAt: (i) => 1000 + i });
}

describe("planImportChunk", () => {
  it("merges by address, keeps stored values the file leaves empty, and counts an identical row as unchanged", () => {
    const ana = stored({ profile: { company: "Lumen", position: "Founder", notes: null, birthday: null, connectedOn: null } });
    const first = plan([row(2, { name: "Ana Lima", addresses: ["ana@lumen.studio"], position: "CEO" })], [ana]);
    expect(first.counts).toEqual({ added: 0, merged: 1, unchanged: 0 });
    expect(first.profiles).toEqual([{ contactId: "c1", company: "Lumen", position: "CEO", notes: null, birthday: null, connectedOn: null }]);
    const again = plan([row(2, { name: "Ana Lima", addresses: ["ana@lumen.studio"], position: "Founder" })], [ana]);
    expect(again.counts).toEqual({ added: 0, merged: 0, unchanged: 1 });
    expect([again.newContacts, again.addresses, again.renames, again.profiles]).toEqual([[], [], [], []]);
  });

  it("merges a row without an address by name, and refuses to guess between two people of that name", () => {
    const merged = plan([row(5, { name: "Ana Lima", connectedOn: "2024-03-14" })], [stored({})]);
    expect(merged.counts.merged).toBe(1);
    const twins = plan([row(5, { name: "Ana Lima" })], [stored({}), stored({ id: "c2", primaryAddress: "ana@other.org" })]);
    expect(twins.counts).toEqual({ added: 0, merged: 0, unchanged: 0 });
    expect(twins.problems).toEqual([{ line: 5, reason: "2 people are called Ana Lima; add an e-mail address to say which" }]);
  });

  it("gives a stored name-only contact the address the file has for that name", () => {
    const result = plan([row(3, { name: "Ana Lima", addresses: ["ana@lumen.studio"] })], [stored({ primaryAddress: null })]);
    expect(result.primaryAddresses).toEqual([{ id: "c1", address: "ana@lumen.studio" }]);
    expect(result.addresses).toEqual([{ address: "ana@lumen.studio", contactId: "c1" }]);
  });

  it("adds new people with check-ins in order, and folds a duplicate row into the one it repeats", () => {
    const result = plan([
      row(2, { name: "Ben Cho", addresses: ["ben@x.vc"] }),
      row(3, { name: "Carla Mendes" }),
      row(4, { name: "Ben Cho", addresses: ["ben@x.vc", "ben@home.org"], company: "Northwind" }),
    ]);
    expect(result.counts).toEqual({ added: 2, merged: 1, unchanged: 0 });
    expect(result.newContacts.map((c) => [c.name, c.nextCheckInAt])).toEqual([["Ben Cho", 1000], ["Carla Mendes", 1001]]);
    expect(result.addresses.map((a) => a.address)).toEqual(["ben@x.vc", "ben@home.org"]);
    expect(result.profiles).toEqual([{ contactId: "new1", company: "Northwind", position: null, notes: null, birthday: null, connectedOn: null }]);
  });
});

describe("importDate", () => {
  it("reads each exporter's date and nothing uncertain", () => {
    expect(["1985-04-12", "19850412", "--04-12", "--0412", "4/12/1985", "12 Apr 1985", "0/0/00", "2/30/1990", "1604-11-02", "12/04/85", "next week"].map((d) => importDate(d))).toEqual([
      "1985-04-12", "1985-04-12", "--04-12", "--04-12", "1985-04-12", "1985-04-12", null, null, "1604-11-02", null, null,
    ]);
    expect(importDate("1604-11-02", { yearOmitted: true })).toBe("--11-02");
    expect(importDate("--02-29")).toBe("--02-29");
  });
});
