import { describe, expect, it } from "vitest";
import { isOwner } from "./owners.ts";

describe("isOwner", () => {
  const owners = ["sam.rivera@gmail.com", "*@northwind.vc"];

  it("accepts a listed address and any address at a wildcard's domain, in any case", () => {
    expect(isOwner(owners, "Sam.Rivera@gmail.com")).toBe(true);
    expect(isOwner(owners, "ben.cho@northwind.vc")).toBe(true);
    expect(isOwner(owners, "anyone@NORTHWIND.VC")).toBe(true);
  });

  it("refuses everyone else, subdomains and look-alike domains included", () => {
    expect(isOwner(owners, "other@gmail.com")).toBe(false);
    expect(isOwner(owners, "ben@mail.northwind.vc")).toBe(false);
    expect(isOwner(owners, "ben@evilnorthwind.vc")).toBe(false);
    expect(isOwner(owners, "ben@northwind.vc.evil.com")).toBe(false);
    expect(isOwner([], "sam.rivera@gmail.com")).toBe(false);
  });
});
