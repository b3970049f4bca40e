import { describe, expect, it } from "vitest";
import type { Mailbox } from "../model.ts";
import { authenticateSender, parseAuthenticationResults } from "./authenticate.ts";
import { organizationalDomain } from "./organizational-domain.ts";

const sam: Mailbox = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const SAM_FROM = "Sam Rivera <sam.rivera@gmail.com>";
const CF_PASS =
  "mx.cloudflare.net; dkim=pass header.d=gmail.com header.s=20230601 header.b=Xy12; dmarc=pass (policy=none) header.from=gmail.com; spf=pass (mx.cloudflare.net: domain of sam.rivera@gmail.com designates 209.85.128.41 as permitted sender) smtp.mailfrom=sam.rivera@gmail.com";

/** Headers top first; a From: line for Sam is added at the end unless `from` says otherwise. */
function check(headers: [string, string][], from: string[] = [SAM_FROM], allowUnauthenticated = false) {
  return authenticateSender({
    headers: [...headers, ...from.map((value): [string, string] => ["from", value])].map(([key, value]) => ({ key, value })),
    allowUnauthenticated,
  });
}

function reason(result: ReturnType<typeof check>): string | null {
  return result.ok ? null : result.reason;
}

describe("parseAuthenticationResults", () => {
  it("reads the authserv-id and each method, ignoring comments", () => {
    const parsed = parseAuthenticationResults(CF_PASS);
    expect(parsed?.authservId).toBe("mx.cloudflare.net");
    expect(parsed?.results.map((r) => `${r.method}=${r.result}`)).toEqual(["dkim=pass", "dmarc=pass", "spf=pass"]);
    expect(parsed?.results[1]?.props.get("header.from")).toBe("gmail.com");
  });

  it("keeps a quoted value whole, semicolons and parentheses included", () => {
    const parsed = parseAuthenticationResults('mx.cloudflare.net; spf=pass smtp.mailfrom="a;dkim=pass (x) header.d=gmail.com;"@evil.example; dmarc=fail header.from=gmail.com');
    expect(parsed?.results.map((r) => r.method)).toEqual(["spf", "dmarc"]);
    expect(parsed?.results[0]?.props.get("smtp.mailfrom")).toBe('"a;dkim=pass (x) header.d=gmail.com;"@evil.example');
  });

  it("drops a comment's semicolons and nested parentheses", () => {
    const parsed = parseAuthenticationResults("mx.cloudflare.net; dmarc=fail (a (b; dmarc=pass) c) header.from=gmail.com");
    expect(parsed?.results.map((r) => `${r.method}=${r.result}`)).toEqual(["dmarc=fail"]);
  });

  it("reads spaces around = and a method version", () => {
    const parsed = parseAuthenticationResults("mx.cloudflare.net; dmarc = pass header.from = gmail.com; dkim/1=pass header.d=\"gmail.com\"");
    expect(parsed?.results.map((r) => [r.method, r.result, [...r.props]])).toEqual([
      ["dmarc", "pass", [["header.from", "gmail.com"]]],
      ["dkim", "pass", [["header.d", "gmail.com"]]],
    ]);
  });

  it("cannot read an unclosed quote or comment", () => {
    expect(parseAuthenticationResults('mx.cloudflare.net; spf=pass smtp.mailfrom="x; dmarc=pass header.from=gmail.com')).toBeNull();
    expect(parseAuthenticationResults("mx.cloudflare.net; dmarc=pass (open header.from=gmail.com")).toBeNull();
  });

  it("drops a property given twice in one result", () => {
    const parsed = parseAuthenticationResults("mx.cloudflare.net; dkim=pass header.d=com header.d=gmail.com header.s=x");
    expect([...(parsed?.results[0]?.props ?? [])]).toEqual([["header.s", "x"]]);
  });
});

describe("organizationalDomain", () => {
  it("finds the registrable domain with the public suffix list", () => {
    expect(organizationalDomain("mail.posteo.de")).toBe("posteo.de");
    expect(organizationalDomain("news.bbc.co.uk")).toBe("bbc.co.uk");
    expect(organizationalDomain("Sam.GitHub.io")).toBe("sam.github.io");
  });

  it("has none for a public suffix, an address or a non-name", () => {
    const notNames = ["com", "co.uk", "github.io", "1.2.3.4", "", "evil.com/gmail.com", "a@gmail.com", "-x.gmail.com", "x..gmail.com"];
    expect(notNames.map((domain) => [domain, organizationalDomain(domain)])).toEqual(notNames.map((domain) => [domain, null]));
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

  it("accepts DKIM from the same organization, parent or subdomain (relaxed alignment)", () => {
    expect(check([["authentication-results", "mx.cloudflare.net; dkim=pass header.d=posteo.de"]], ["kim@mail.posteo.de"]).ok).toBe(true);
    expect(check([["authentication-results", "mx.cloudflare.net; dkim=pass header.d=mail.posteo.de"]], ["kim@posteo.de"]).ok).toBe(true);
  });

  it("refuses DKIM that passed for a public suffix, listed or private", () => {
    const cases = [["com", SAM_FROM, "gmail.com"], ["co.uk", "ana@lumen.co.uk", "lumen.co.uk"], ["github.io", "ana@sam.github.io", "sam.github.io"]];
    expect(cases.map(([d = "", from = ""]) => reason(check([["authentication-results", `mx.cloudflare.net; dkim=pass header.d=${d}`]], [from])))).toEqual(
      cases.map(([, , domain = ""]) => `neither DMARC nor aligned DKIM passed for ${domain}`),
    );
  });

  it("refuses DKIM from another tenant of a private suffix", () => {
    const result = check([["authentication-results", "mx.cloudflare.net; dkim=pass header.d=mallory.github.io"]], ["ana@sam.github.io"]);
    expect(result.ok).toBe(false);
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

  it("refuses two dmarc results, whichever passes", () => {
    for (const ar of [
      "mx.cloudflare.net; dmarc=fail header.from=gmail.com; dmarc=pass header.from=gmail.com",
      "mx.cloudflare.net; dmarc=pass header.from=gmail.com; dmarc=pass header.from=gmail.com",
    ]) {
      expect(reason(check([["authentication-results", ar]]))).toBe("the topmost Authentication-Results carries more than one dmarc result");
    }
  });

  it("counts any aligned passing DKIM signature among several", () => {
    const ar = "mx.cloudflare.net; dkim=fail header.d=gmail.com header.b=aaaa; dkim=pass header.d=list.example header.b=bbbb; dkim=pass header.d=gmail.com header.b=cccc";
    expect(check([["authentication-results", ar]]).ok).toBe(true);
    const unaligned = "mx.cloudflare.net; dkim=fail header.d=gmail.com; dkim=pass header.d=list.example";
    expect(check([["authentication-results", unaligned]]).ok).toBe(false);
  });

  it("does not count a DKIM pass whose domain is given twice", () => {
    expect(check([["authentication-results", "mx.cloudflare.net; dkim=pass header.d=evil.example header.d=gmail.com"]]).ok).toBe(false);
  });

  it("refuses a verdict it cannot read", () => {
    const ar = 'mx.cloudflare.net; dkim=pass header.d=gmail.com; spf=pass smtp.mailfrom="unclosed';
    expect(reason(check([["authentication-results", ar]]))).toBe("the topmost Authentication-Results could not be read");
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

  it("refuses no From: header, or two, even when both name the owner", () => {
    const one = "the message must carry exactly one From: header";
    expect(reason(check([["authentication-results", CF_PASS]], []))).toBe(one);
    expect(reason(check([["authentication-results", CF_PASS]], [SAM_FROM, SAM_FROM]))).toBe(one);
    expect(reason(check([["authentication-results", CF_PASS]], [SAM_FROM, "Mallory <mallory@gmail.com>"]))).toBe(one);
    expect(reason(check([["authentication-results", CF_PASS]], [SAM_FROM], true))).toBeNull();
    expect(reason(check([], [SAM_FROM, SAM_FROM], true))).toBe(one);
  });

  it("refuses a From: that names no address, several, a group or a second address in its name", () => {
    for (const from of [
      "",
      "Sam Rivera",
      "sam.rivera@gmail.com@evil.example",
      `${SAM_FROM}, Mallory <mallory@gmail.com>`,
      `${SAM_FROM}; mallory@gmail.com`,
      "friends: sam.rivera@gmail.com, mallory@gmail.com;",
      "me: sam.rivera@gmail.com;",
      "undisclosed-recipients:;",
      "sam.rivera@gmail.com mallory@gmail.com",
      "<sam.rivera@gmail.com> <mallory@gmail.com>",
      "Sam <sam.rivera@gmail.com> mallory@gmail.com",
    ]) {
      expect({ from, reason: reason(check([["authentication-results", CF_PASS]], [from])) }).toEqual({ from, reason: "the From: header must name exactly one address" });
    }
  });

  it("accepts a display name that repeats the sender's own address", () => {
    for (const from of ['"sam.rivera@gmail.com" <sam.rivera@gmail.com>', '"Sam (Sam.Rivera@gmail.com)" <sam.rivera@gmail.com>', "=?UTF-8?Q?Sam_Rivera?= <SAM.RIVERA@gmail.com>"]) {
      const result = check([["authentication-results", CF_PASS]], [from]);
      expect({ from, sender: result.ok && result.sender.address }).toEqual({ from, sender: "sam.rivera@gmail.com" });
    }
  });

  it("skips the header check only when local development asks for it", () => {
    expect(check([], [SAM_FROM], true)).toEqual({ ok: true, sender: sam, relaxed: true });
  });
});
