import { describe, expect, it } from "vitest";
import { introductionDraft } from "./introduction-draft.ts";

describe("introductionDraft", () => {
  const dev = { id: "c1", name: "Dev Patel", address: "dev@patel.io" };
  const ben = { id: "c2", name: "Ben Cho", address: "ben.cho@northwind.vc" };

  it("addresses both people, names them in the subject and carries the user's reason", () => {
    const draft = introductionDraft({ asked: dev, other: ben, reason: "Ben invests in tools for climate teams & founders.", userName: "Sam Rivera" });
    expect(draft.to).toEqual(["dev@patel.io", "ben.cho@northwind.vc"]);
    expect(draft.subject).toBe("Intro: Dev Patel <> Ben Cho");
    const url = new URL(draft.mailto);
    expect(url.protocol).toBe("mailto:");
    expect(decodeURIComponent(url.pathname)).toBe("dev@patel.io,ben.cho@northwind.vc");
    expect(url.searchParams.get("subject")).toBe(draft.subject);
    expect(url.searchParams.get("body")).toContain("Ben invests in tools for climate teams & founders.");
    expect(url.searchParams.get("body")).toMatch(/^Dev, meet Ben\. Ben, meet Dev\./);
    expect(url.searchParams.get("body")).toMatch(/Sam$/);
  });

  it("leaves out an address Tend does not know", () => {
    const draft = introductionDraft({ asked: dev, other: { id: "c3", name: "Ana", address: null }, reason: null, userName: null });
    expect(draft.to).toEqual(["dev@patel.io"]);
    expect(draft.body).not.toContain("null");
  });
});
