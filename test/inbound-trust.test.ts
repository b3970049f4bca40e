import { beforeEach, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { cloudflarePass, inlineMessage, SAM, TEND } from "./helpers/mail.ts";
import { allCounts, resetDatabase } from "./helpers/rows.ts";
import { testWorker } from "./helpers/worker.ts";

const EMPTY = {
  users: 0,
  user_addresses: 0,
  contacts: 0,
  contact_addresses: 0,
  interactions: 0,
  interaction_participants: 0,
  introductions: 0,
  signals: 0,
  tasks: 0,
  processed_messages: 0,
  outbound_messages: 0,
};

async function refused(raw: string, envelopeFrom = SAM.address) {
  const { deliver, sent } = testWorker();
  const message = await deliver(raw, { from: envelopeFrom, to: TEND });
  expect(message.rejection).toMatch(/^Tend accepts mail only from its registered users/);
  expect(await allCounts()).toEqual(EMPTY);
  expect(sent).toEqual([]);
  return message.rejection;
}

describe("the trust boundary", () => {
  beforeEach(resetDatabase);

  it("logs mail from a registered user that passed DMARC", async () => {
    const { deliver } = testWorker();
    const message = await deliver(inlineMessage({ to: "Ana Lima <ana@lumen.studio>", cc: TEND, subject: "Hello" }), {
      from: SAM.address,
      to: TEND,
    });
    expect(message.rejection).toBeNull();
    const counts = await allCounts();
    expect(counts.users).toBe(1);
    expect(counts.interactions).toBe(1);
  });

  it("refuses a stranger, even one whose mail passed DMARC", async () => {
    const reason = await refused(inlineMessage({ from: "Mallory <mallory@example.org>" }), "mallory@example.org");
    expect(reason).toContain("mallory@example.org is not one");
  });

  it("refuses a spoofed From: that failed DMARC", async () => {
    const reason = await refused(
      inlineMessage({
        top: ["Authentication-Results: mx.cloudflare.net; dkim=none; dmarc=fail (policy=none) header.from=gmail.com; spf=fail smtp.mailfrom=evil.example"],
      }),
      "bounce@evil.example",
    );
    expect(reason).toContain("neither DMARC nor aligned DKIM passed for gmail.com");
  });

  it("refuses a forged pass placed below Cloudflare's verdict", async () => {
    const reason = await refused(
      inlineMessage({
        top: [
          "Authentication-Results: mx.cloudflare.net; dkim=none; dmarc=fail header.from=gmail.com",
          "Received: from evil.example by mx.cloudflare.net",
          cloudflarePass("gmail.com"),
        ],
      }),
    );
    expect(reason).toContain("neither DMARC nor aligned DKIM passed");
  });

  it("refuses an authserv-id that merely starts with Cloudflare's", async () => {
    const reason = await refused(
      inlineMessage({ top: [cloudflarePass("gmail.com").replace("mx.cloudflare.net;", "mx.cloudflare.net.evil;")] }),
    );
    expect(reason).toContain("was not written by Cloudflare");
  });

  it("refuses dmarc=none and dmarc=fail", async () => {
    for (const verdict of ["none", "fail"]) {
      const reason = await refused(
        inlineMessage({ top: [`Authentication-Results: mx.cloudflare.net; dmarc=${verdict} header.from=gmail.com`] }),
      );
      expect(reason).toContain("neither DMARC nor aligned DKIM passed for gmail.com");
    }
  });

  it("refuses mail with no Authentication-Results at all", async () => {
    expect(await refused(inlineMessage({ top: [] }))).toContain("carries no Authentication-Results");
  });
});

describe("an ambiguous From: is never the owner", () => {
  beforeEach(resetDatabase);

  it("refuses a From: that lists the owner and someone else", async () => {
    const reason = await refused(inlineMessage({ from: `${SAM.name} <${SAM.address}>, Mallory <mallory@gmail.com>` }));
    expect(reason).toContain("the From: header must name exactly one address");
  });

  it("refuses a From: written as a group", async () => {
    const reason = await refused(inlineMessage({ from: `friends: ${SAM.address}, mallory@gmail.com;` }));
    expect(reason).toContain("the From: header must name exactly one address");
  });

  it("refuses a group that holds only the owner", async () => {
    const reason = await refused(inlineMessage({ from: `me: ${SAM.address};` }));
    expect(reason).toContain("the From: header must name exactly one address");
  });

  it("refuses a second From: header, even one that DKIM signed for the owner's domain", async () => {
    const reason = await refused(
      inlineMessage({
        top: ["Authentication-Results: mx.cloudflare.net; dkim=pass header.d=gmail.com header.s=20230601; spf=pass smtp.mailfrom=gmail.com"],
        headers: ["From: Mallory <mallory@gmail.com>"],
      }),
    );
    expect(reason).toContain("the message must carry exactly one From: header");
  });

  it("refuses a From: whose display name is another address", async () => {
    const reason = await refused(inlineMessage({ from: `${SAM.address} mallory@gmail.com` }));
    expect(reason).toContain("the From: header must name exactly one address");
  });
});

describe("Cloudflare's verdict, read strictly", () => {
  beforeEach(resetDatabase);

  it("refuses DKIM that passed for a public suffix", async () => {
    for (const d of ["com", "co.uk"]) {
      const reason = await refused(
        inlineMessage({
          from: `Sam <sam@example.co.uk>`,
          top: [`Authentication-Results: mx.cloudflare.net; dkim=pass header.d=${d}; dmarc=none header.from=example.co.uk`],
        }),
      );
      expect(reason).toContain("neither DMARC nor aligned DKIM passed for example.co.uk");
    }
    const reason = await refused(
      inlineMessage({ top: ["Authentication-Results: mx.cloudflare.net; dkim=pass header.d=com; dmarc=none header.from=gmail.com"] }),
    );
    expect(reason).toContain("neither DMARC nor aligned DKIM passed for gmail.com");
  });

  it("accepts DKIM from a subdomain of the owner's domain (relaxed alignment)", async () => {
    const { deliver } = testWorker();
    const message = await deliver(
      inlineMessage({
        from: "Kim <kim@posteo.de>",
        top: ["Authentication-Results: mx.cloudflare.net; dkim=pass header.d=mail.posteo.de; dmarc=none header.from=posteo.de"],
      }),
      { from: "kim@posteo.de", to: TEND },
    );
    expect(message.rejection).toBeNull();
    expect((await allCounts()).interactions).toBe(1);
  });

  it("refuses a verdict that carries two DMARC results", async () => {
    const reason = await refused(
      inlineMessage({
        top: ["Authentication-Results: mx.cloudflare.net; dkim=none; dmarc=fail header.from=gmail.com; dmarc=pass header.from=gmail.com"],
      }),
    );
    expect(reason).toContain("more than one dmarc result");
  });

  it("does not read a result hidden in a quoted value as one of Cloudflare's", async () => {
    const reason = await refused(
      inlineMessage({
        top: [
          'Authentication-Results: mx.cloudflare.net; dkim=none; dmarc=fail header.from=gmail.com; spf=pass smtp.mailfrom="x;dkim=pass header.d=gmail.com;"@evil.example',
        ],
      }),
      "bounce@evil.example",
    );
    expect(reason).toContain("neither DMARC nor aligned DKIM passed for gmail.com");
  });
});

describe("hostile HTML", () => {
  beforeEach(resetDatabase);

  it("logs an HTML-only note nested 20,000 tags deep from the owner, text intact", async () => {
    const depth = 20_000;
    const html = `${"<div>".repeat(depth)}Coffee with Ana Lima today.${"</div>".repeat(depth)}`;
    const raw = inlineMessage({ body: html }).replace('Content-Type: text/plain; charset="UTF-8"', 'Content-Type: text/html; charset="UTF-8"');
    const { deliver } = testWorker();
    const message = await deliver(raw, { from: SAM.address, to: TEND });
    expect(message.rejection).toBeNull();
    const row = await env.DB.prepare("select note from interactions").first<{ note: string | null }>();
    expect(row?.note).toContain("Coffee with Ana Lima today.");
  });
});
