import { describe, expect, it } from "vitest";
import {
  correctionToken,
  digestIdOfReplyToken,
  linkToken,
  replyToken,
  verifyCorrectionToken,
  verifyLinkToken,
  verifyReplyToken,
} from "./tokens.ts";

const KEY = "k".repeat(32);

describe("reply tokens", () => {
  it("round-trips for the owner and fits an address's local part", async () => {
    const token = await replyToken(KEY, "user1", "dgst2abc");
    expect(digestIdOfReplyToken(token)).toBe("dgst2abc");
    expect(await verifyReplyToken(KEY, token, "user1")).toBe(true);
    expect(await verifyReplyToken(KEY, token.toUpperCase(), "user1")).toBe(true);
    expect(`tend+r.${token}`.length).toBeLessThanOrEqual(64);
  });

  it("refuses another user, another key, and a tampered digest id", async () => {
    const token = await replyToken(KEY, "user1", "dgst2abc");
    expect(await verifyReplyToken(KEY, token, "user2")).toBe(false);
    expect(await verifyReplyToken("x".repeat(32), token, "user1")).toBe(false);
    expect(await verifyReplyToken(KEY, token.replace("dgst2abc", "dgst2abd"), "user1")).toBe(false);
    expect(digestIdOfReplyToken("no-dot")).toBeNull();
  });
});

describe("correction tokens", () => {
  it("are not interchangeable with reply tokens", async () => {
    const token = await correctionToken(KEY, "user1", "inter1");
    expect(await verifyCorrectionToken(KEY, token, "user1")).toBe(true);
    expect(await verifyReplyToken(KEY, token, "user1")).toBe(false);
    expect(await verifyCorrectionToken(KEY, await replyToken(KEY, "user1", "inter1"), "user1")).toBe(false);
  });
});

describe("link tokens", () => {
  const claim = { subject: "item7", action: "done", expiresAt: Date.UTC(2026, 11, 1) };

  it("verifies until it expires", async () => {
    const token = await linkToken(KEY, claim);
    expect(await verifyLinkToken(KEY, token, Date.UTC(2026, 10, 30))).toEqual({ ok: true, claim });
    expect(await verifyLinkToken(KEY, token, Date.UTC(2026, 11, 2))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a changed action or subject", async () => {
    const token = await linkToken(KEY, claim);
    const now = Date.UTC(2026, 10, 30);
    expect((await verifyLinkToken(KEY, token.replace(".done.", ".skip."), now)).ok).toBe(false);
    expect((await verifyLinkToken(KEY, token.replace("item7", "item8"), now)).ok).toBe(false);
    expect((await verifyLinkToken(KEY, "garbage", now)).ok).toBe(false);
  });
});
