import { beforeEach, describe, expect, it } from "vitest";
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
