// Cheap checks before costly work: a robot, a stranger, a forged sender or a
// redelivery costs Tend a read of the header block and nothing more; only a
// user's new message has its body read (and its HTML converted).
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDeps } from "../src/edge/worker.ts";
import { admit, type MessageReaders } from "../src/inbound/admit.ts";
import { readBody, readHeaders } from "../src/inbound/parse-email.ts";
import { sendEmailMailer } from "../src/mail/transport.ts";
import { type InlineMessage, inlineMessage, SAM, TEND } from "./helpers/mail.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const NOW = Date.parse("2026-11-23T20:00:00Z");

/** The real readers, counting how often each part of the message is read. */
function countingReaders() {
  const reads = { headers: 0, body: 0 };
  const readers: MessageReaders = {
    readHeaders: async (raw) => {
      reads.headers++;
      return readHeaders(raw);
    },
    readBody: async (raw) => {
      reads.body++;
      return readBody(raw);
    },
  };
  return { reads, readers };
}

async function admitted(raw: string, envelopeFrom: string, counting = countingReaders()) {
  const { reads, readers } = counting;
  const deps = createDeps(env, { mailer: (e) => sendEmailMailer(e.SEND_EMAIL) });
  const received = { bytes: new TextEncoder().encode(raw), truncated: false };
  const outcome = await admit(received, { from: envelopeFrom, to: TEND }, deps, NOW, readers);
  return { outcome, reads };
}

// A body that is costly to read: 200 KB of HTML.
const HEAVY = { headers: ['Content-Type: text/html; charset="UTF-8"'], body: `<p>${"<b>x</b> ".repeat(20_000)}</p>` };

describe("admit reads the body last", () => {
  const cases: [string, InlineMessage, string, string][] = [
    ["a stranger whose mail passed DMARC", { ...HEAVY, from: "Mallory <mallory@evil.example>" }, "mallory@evil.example", "rejected"],
    ["a robot", { ...HEAVY, headers: [...HEAVY.headers, "Auto-Submitted: auto-replied"] }, SAM.address, "ignored"],
    ["a user's From that failed DMARC", { ...HEAVY, top: ["Authentication-Results: mx.cloudflare.net; dmarc=fail header.from=gmail.com"] }, SAM.address, "rejected"],
  ];
  it.each(cases)("%s: headers read once, body never", async (_what, message, envelopeFrom, status) => {
    const { outcome, reads } = await admitted(inlineMessage(message), envelopeFrom);
    expect(outcome.status).toBe(status);
    expect(reads).toEqual({ headers: 1, body: 0 });
  });

  it("a redelivered message: headers read once, body never", async () => {
    const raw = inlineMessage({ ...HEAVY, messageId: "<twice@mail.gmail.com>" });
    await testWorker({ now: () => NOW }).deliver(raw, { from: SAM.address, to: TEND });
    const { outcome, reads } = await admitted(raw, SAM.address);
    expect(outcome.status).toBe("duplicate");
    expect(reads).toEqual({ headers: 1, body: 0 });
  });

  it("whatever throws while reading a user's body becomes the could-not-read notice, and nothing is stored", async () => {
    const counting = countingReaders();
    counting.readers.readBody = async () => {
      throw new RangeError("Maximum call stack size exceeded");
    };
    const { outcome } = await admitted(inlineMessage(HEAVY), SAM.address, counting);
    expect(outcome).toMatchObject({ status: "unreadable", reason: "could not read the message body (RangeError)" });
    const sent = await env.DB.prepare("select kind, to_address from outbound_messages").all();
    expect(sent.results).toEqual([{ kind: "notice", to_address: SAM.address }]);
    expect(await env.DB.prepare("select count(*) as n from interactions").first()).toEqual({ n: 0 });
  });

  it("a user's new message: headers once, body once", async () => {
    const { outcome, reads } = await admitted(inlineMessage(HEAVY), SAM.address);
    expect(outcome.status).toBe("admitted");
    expect(reads).toEqual({ headers: 1, body: 1 });
  });
});
