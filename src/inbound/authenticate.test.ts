import { describe, expect, it } from "vitest";
import type { Mailbox } from "../model.ts";
import { authenticateSender, parseAuthenticationResults } from "./authenticate.ts";

const sam: Mailbox = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const CF_PASS =
  "mx.cloudflare.net; dkim=pass header.d=gmail.com header.s=20230601 header.b=Xy12; dmarc=pass (policy=none) header.from=gmail.com; spf=pass (mx.cloudflare.net: domain of sam.rivera@gmail.com designates 209.85.128.41 as permitted sender) smtp.mailfrom=sam.rivera@gmail.com";

function check(headers: [string, string][], from: Mailbox[] = [sam], allowUnauthenticated = false) {
  return authenticateSender({
    headers: headers.map(([key, value]) => ({ key, value })),
    from,
    allowUnauthenticated,
  });
}

describe("parseAuthenticationResults", () => {
  it("reads the authserv-id and each method, ignoring comments", () => {
    const parsed = parseAuthenticationResults(CF_PASS);
    expect(parsed.authservId).toBe("mx.cloudflare.net");
    expect(parsed.results.map((r) => `${r.method}=${r.result}`)).toEqual(["dkim=pass", "dmarc=pass", "spf=pass"]);
    expect(parsed.results[1]?.props.get("header.from")).toBe("gmail.com");
  });
});

describe("authenticateSender", () => {
  it("accepts DMARC pass stamped by Cloudflare for the From: domain", () => {
    expect(check([["authentication-results", CF_PASS]])).toEqual({ ok: true, sender: sam, relaxed: false });
  });

  it("accepts aligned DKIM when DMARC is absent", () => {
    const ar = "mx.cloudflare.net; dkim=pass header.d=gmail.com; spf=none";
    expect(check([["authentication-results", ar]]).ok).toBe(true);
  });

  it("accepts DKIM from a parent domain (relaxed alignment)", () => {
    const from: Mailbox[] = [{ name: null, address: "kim@mail.posteo.de" }];
    expect(check([["authentication-results", "mx.cloudflare.net; dkim=pass header.d=posteo.de"]], from).ok).toBe(true);
  });

  it("refuses a spoofed From: whose domain failed DMARC", () => {
    const ar = "mx.cloudflare.net; dkim=none; dmarc=fail (policy=reject) header.from=gmail.com; spf=fail smtp.mailfrom=evil.example";
    expect(check([["authentication-results", ar]]).ok).toBe(false);
  });

  it("refuses DKIM that passed for another domain", () => {
    const ar = "mx.cloudflare.net; dkim=pass header.d=evil.example; dmarc=fail header.from=gmail.com";
    expect(check([["authentication-results", ar]]).ok).toBe(false);
  });

  it("refuses dmarc=none", () => {
    expect(check([["authentication-results", "mx.cloudflare.net; dmarc=none header.from=gmail.com"]]).ok).toBe(false);
  });

  it("ignores a forged pass below Cloudflare's verdict", () => {
    const forged = "mx.cloudflare.net; dkim=pass header.d=gmail.com; dmarc=pass header.from=gmail.com";
    const real = "mx.cloudflare.net; dkim=none; dmarc=fail header.from=gmail.com";
    expect(check([["authentication-results", real], ["received", "from evil"], ["authentication-results", forged]]).ok).toBe(false);
  });

  it("refuses an authserv-id that only starts like Cloudflare's", () => {
    const ar = "mx.cloudflare.net.evil; dkim=pass header.d=gmail.com; dmarc=pass header.from=gmail.com";
    expect(check([["authentication-results", ar]])).toEqual({
      ok: false,
      reason: "the topmost Authentication-Results was not written by Cloudflare",
    });
  });

  it("refuses a message with no Authentication-Results at all", () => {
    expect(check([["subject", "hi"]]).ok).toBe(false);
  });

  it("refuses several or no From: addresses", () => {
    expect(check([["authentication-results", CF_PASS]], []).ok).toBe(false);
    expect(check([["authentication-results", CF_PASS]], [sam, { name: null, address: "x@gmail.com" }]).ok).toBe(false);
  });

  it("skips the header check only when local development asks for it", () => {
    expect(check([], [sam], true)).toEqual({ ok: true, sender: sam, relaxed: true });
  });
});
