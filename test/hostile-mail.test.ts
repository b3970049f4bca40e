// Mail built to hurt, through the real email() handler: what Tend sends back
// stays within the line limits of RFC 5322, and what it stores is clean.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { MAX_SUBJECT_CHARS } from "../src/inbound/limits.ts";
import { inlineMessage, SAM, TEND } from "./helpers/mail.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { registerUsers } from "./helpers/registered-users.ts";
import { type SentMail, testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const NOW = Date.parse("2026-11-23T18:30:00Z");
const envelope = { from: SAM.address, to: TEND };
/** RFC 5322 2.1.1: a line is at most 998 octets, not counting CRLF. */
const MAX_LINE_OCTETS = 998;

const octets = (line: string) => new TextEncoder().encode(line).length;

function longestLine(mail: SentMail): { octets: number; line: string } {
  const lines = mail.raw.split("\r\n").map((line) => ({ octets: octets(line), line: line.slice(0, 60) }));
  return lines.reduce((a, b) => (b.octets > a.octets ? b : a));
}

/** A header a client folds at spaces, as RFC 5322 asks of it. */
function folded(name: string, tokens: readonly string[]): string {
  return `${name}: ${tokens.join("\r\n ")}`;
}

const encode = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/** A subject as clients send non-ASCII: RFC 2047 encoded words, one per word, folded. */
function encodedSubject(words: readonly string[]): string {
  return folded(
    "Subject",
    words.map((word, index) => `=?UTF-8?B?${encode(index === 0 ? word : ` ${word}`)}?=`),
  );
}

describe("line length of what Tend sends (RFC 5322 2.1.1)", () => {
  it("a 2,000-character subject: the acknowledgement's lines stay within 998 octets, its subject readable", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { deliver, sent } = testWorker({ now: () => NOW });
    const words = Array.from({ length: 250 }, (_, i) => `Café✓${String(i).padStart(3, "0")}`);
    const subject = words.join(" ");
    expect(subject.length).toBeGreaterThanOrEqual(2000);
    const raw = inlineMessage({ subject: "x", body: "Coffee with Ana Lima <ana@lumen.studio> today." }).replace(
      "Subject: x",
      encodedSubject(words),
    );
    await deliver(raw, envelope);
    // The export carries that subject in an attachment.
    await deliver(inlineMessage({ subject: "export", body: "" }), envelope);
    expect(sent).toHaveLength(2);
    const [ack, exported] = sent;
    if (!ack || !exported) throw new Error("no replies");
    for (const mail of sent) expect(longestLine(mail).octets).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    // What is shown is the start of the subject, intact (a stored subject is capped).
    expect(ack.parsed.subject).toMatch(/^Re: Café✓000 Café✓001 /);
    expect(subject.startsWith((ack.parsed.subject ?? "").slice(4))).toBe(true);
    const attachment = exported.parsed.attachments[0]?.content;
    const json = typeof attachment === "string" ? attachment : new TextDecoder().decode(attachment);
    expect(json).toContain("Café✓000 Café✓001");
  });

  it("a command in a 40-message thread: References folds, keeps the first and latest ids, and threads", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { deliver, sent } = testWorker({ now: () => NOW });
    const ids = Array.from({ length: 40 }, (_, i) => `<CAH${String(i).padStart(2, "0")}x7Fq2-longish-thread-message-id-${i}@mail.gmail.com>`);
    const last = ids.at(-1) ?? "";
    const raw = inlineMessage({ subject: "help", body: "help" }).replace(
      "MIME-Version: 1.0",
      ["MIME-Version: 1.0", `In-Reply-To: ${last}`, folded("References", ids)].join("\r\n"),
    );
    await deliver(raw, envelope);
    expect(sent).toHaveLength(1);
    const [reply] = sent;
    if (!reply) throw new Error("no reply");
    expect(longestLine(reply).octets).toBeLessThanOrEqual(MAX_LINE_OCTETS);
    const references = (reply.parsed.references ?? "").split(/\s+/);
    expect(reply.parsed.inReplyTo).toBe(reply.parsed.headers.find((h) => h.key === "in-reply-to")?.value);
    expect(references[0]).toBe(ids[0]);
    expect(references.slice(-3)).toEqual([ids.at(-2), last, reply.parsed.inReplyTo]);
    // Every header line folds to the length RFC 5322 recommends.
    const headerBlock = reply.raw.slice(0, reply.raw.indexOf("\r\n\r\n"));
    expect(headerBlock.split("\r\n").filter((line) => octets(line) > 78)).toEqual([]);
  });
});

/** Every text column of every table, as one string, to look for what must not be stored. */
async function everything(): Promise<string> {
  const { results } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'd1_%' and name not like '_cf_%'",
  ).all<{ name: string }>();
  const tables = await Promise.all(results.map(async (t) => [t.name, (await env.DB.prepare(`select * from "${t.name}"`).all()).results]));
  return JSON.stringify(Object.fromEntries(tables));
}

async function contactAddresses(): Promise<string[]> {
  const { results } = await env.DB.prepare("select address from contact_addresses order by address").all<{ address: string }>();
  return results.map((r) => r.address);
}

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe("what a hostile message leaves behind (issue 9)", () => {
  it("skips a mailbox whose bytes are not UTF-8, and logs the rest", async () => {
    const { deliver } = testWorker({ now: () => NOW });
    // An old client writes raw ISO-8859-1 in the header: "Jörg <jörg@münchen.de>".
    const raw = inlineMessage({ cc: "J\u00f6rg <j\u00f6rg@m\u00fcnchen.de>, Ana Lima <ana@lumen.studio>", body: "Lunch with the two of them." });
    await deliver(latin1(raw), envelope);
    expect(await contactAddresses()).toEqual(["ana@lumen.studio"]);
    expect(await everything()).not.toMatch(/\uFFFD|\\ufffd/i);
  });

  it("an internationalised domain is one contact, in Unicode or in punycode", async () => {
    const { deliver } = testWorker({ now: () => NOW });
    await deliver(inlineMessage({ cc: "Ana <ana@m\u00fcnchen.de>", body: "Coffee with Ana." }), envelope);
    await deliver(inlineMessage({ cc: "Ana <ana@xn--mnchen-3ya.de>", body: "Lunch with Ana." }), envelope);
    await deliver(inlineMessage({ cc: "Ana <ANA@M\u00dcNCHEN.DE>", body: "Dinner with Ana." }), envelope);
    expect(await contactAddresses()).toEqual(["ana@xn--mnchen-3ya.de"]);
    expect(await env.DB.prepare("select count(*) as n from contacts").first()).toEqual({ n: 1 });
    expect(await env.DB.prepare("select count(distinct contact_id) as people, count(*) as n from interaction_participants").first()).toEqual({ people: 1, n: 3 });
  });

  it("stores and echoes no control characters", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { deliver, sent } = testWorker({ now: () => NOW });
    const raw = inlineMessage({
      subject: "Lunch\u0000 with\u0007 Ana",
      body: "Coffee with Ana\u0000 Lima <ana@lumen.studio>.\u0000 She is hiring a designer.\u001b[2J I'll send her the deck\u0000 by Friday.",
    });
    await deliver(raw, envelope);
    await deliver(inlineMessage({ subject: "brief Zed\u0000\u0008", body: "" }), envelope);
    expect(sent).toHaveLength(2);
    const stored = await everything();
    for (const control of ["\\u0000", "\\u0007", "\\u001b", "\\b"]) expect(stored).not.toContain(control);
    expect(await env.DB.prepare("select subject from interactions").first()).toEqual({ subject: "Lunch with Ana" });
    for (const mail of sent) expect(mail.raw).not.toMatch(/(?![\t\r\n])\p{Cc}/u);
    for (const mail of sent) expect(`${mail.parsed.subject} ${mail.parsed.text}`).not.toMatch(/(?![\t\r\n])\p{Cc}/u);
    expect(sent[1]?.parsed.text).toContain("Zed");
  });

  it("caps a 100,000-character subject", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { deliver, sent } = testWorker({ now: () => NOW });
    const words = Array.from({ length: 10_000 }, (_, i) => `word${String(i).padStart(5, "0")}`);
    const raw = inlineMessage({ subject: "x" }).replace("Subject: x", folded("Subject", words));
    await deliver(raw, envelope);
    expect(sent).toHaveLength(1);
    const row = await env.DB.prepare("select subject from interactions").first<{ subject: string }>();
    expect(MAX_SUBJECT_CHARS).toBeLessThan(words.join(" ").length);
    expect(row?.subject.length).toBeLessThanOrEqual(MAX_SUBJECT_CHARS);
    expect(row?.subject.startsWith("word00000 word00001")).toBe(true);
    expect(sent[0]?.parsed.subject?.length).toBeLessThanOrEqual(MAX_SUBJECT_CHARS + "Re: ".length);
  });
});
