// Privacy as one rule (docs-privacy-rule.md): what a `private:` marker and a
// `#private` tag cover, and that the words they cover appear in nothing Tend
// sends, shows or asks a model. Everything goes through the real email(),
// queue(), scheduled() and fetch() handlers; the model is a stub at the AI
// binding that records what it was asked.
import { createExecutionContext, createMessageBatch, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { AiBinding } from "../src/lib/workers-ai.ts";
import { DAY_MS, HOUR_MS } from "../src/model.ts";
import { commandMail, gmailReply } from "./helpers/client-replies.ts";
import { digestHarness, recordingQueue } from "./helpers/digest-run.ts";
import { emailMessage } from "./helpers/email-message.ts";
import { inlineMessage, SAM, TEND } from "./helpers/mail.ts";
import { receiveDigest } from "./helpers/received-digest.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { registerUsers } from "./helpers/registered-users.ts";
import { type SentMail, testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

/** The words told in confidence in every fixture here: none of Tend's output may hold them. */
const CANARY = "PRIVATE-CANARY";
/** Monday 23 Nov 2026, an hour after the notes were written (10:00 in Los Angeles). */
const LOGGED_AT = Date.parse("2026-11-23T19:00:00Z");
/** The next Monday's digest, at 08:00 in the user's zone (UTC). */
const DIGEST_AT = Date.parse("2026-11-30T08:00:00Z");
/** When the user acts on that digest. */
const ACT_AT = DIGEST_AT + HOUR_MS;

/** A model that finds nothing and records every prompt it was sent. */
function modelStub() {
  const prompts: string[] = [];
  const ai: AiBinding = {
    async run(_model, input) {
      prompts.push(JSON.stringify(input));
      return { response: { signals: [] } };
    },
  };
  return { ai, prompts };
}

/** What a mail says, in both its parts. */
const said = (mail: SentMail | undefined): string => `${mail?.parsed.subject ?? ""}\n${mail?.parsed.text ?? ""}\n${mail?.parsed.html ?? ""}`;

/**
 * Sam's message through email(), with a model bound, then the AI reading the
 * message asked for through queue(): the acknowledgement and every prompt.
 */
async function logMessage(raw: string, at = LOGGED_AT): Promise<{ ack: SentMail | undefined; prompts: string[] }> {
  const model = modelStub();
  const queue = recordingQueue();
  const { worker, sent } = testWorker({ now: () => at, ai: model.ai });
  await worker.email(emailMessage(raw, { from: SAM.address, to: TEND }), { ...env, DIGEST_QUEUE: queue.queue });
  const ack = sent.at(-1);
  if (queue.jobs.length > 0) {
    const batch = createMessageBatch(
      "tend-digests",
      queue.jobs.map((body, index) => ({ id: `ai-${index}`, timestamp: new Date(at), attempts: 1, body })),
    );
    await worker.queue(batch, env);
  }
  return { ack, prompts: model.prompts };
}

const notes = (body: string, subject = "Coffee with Ana") =>
  inlineMessage({ subject, date: "Mon, 23 Nov 2026 10:00:00 -0800", body: body.replaceAll("\n", "\r\n") });

async function samId(): Promise<string> {
  const row = await env.DB.prepare("select id from users where email = ?").bind(SAM.address).first<{ id: string }>();
  if (!row) throw new Error("Sam is not a user yet");
  return row.id;
}

/** A command mailed to Tend ("brief Ana", "pending") and Tend's answer. */
async function ask(subject: string, at = ACT_AT): Promise<SentMail | undefined> {
  const { deliver, sent } = testWorker({ now: () => at });
  await deliver(commandMail({ from: SAM, to: TEND, subject, at }), { from: SAM.address, to: TEND });
  return sent.at(-1);
}

/** A reply to mail Tend sent, as Gmail writes it, and Tend's confirmation. */
async function reply(to: SentMail, lines: string[], at = ACT_AT): Promise<SentMail | undefined> {
  const { deliver, sent } = testWorker({ now: () => at });
  const raw = gmailReply(to, SAM, lines, { at });
  await deliver(raw, { from: SAM.address, to: to.parsed.replyTo?.[0]?.address ?? TEND });
  return sent.at(-1);
}

async function privateSignals(): Promise<{ text: string; private: number }[]> {
  const { results } = await env.DB.prepare("select text, private from signals order by rowid").all<{ text: string; private: number }>();
  return results;
}

describe("a private: marker covers its whole paragraph", () => {
  it("however the client wraps it: a second line after a full stop is private too", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { ack, prompts } = await logMessage(
      notes(
        [
          "Coffee with Ana Lima <ana@lumen.studio> today. I'll send Ana the hiring guide by Friday.",
          "",
          "private: Ana's mother is ill.",
          `Ana is looking for a ${CANARY} job away from Lumen.`,
          "",
          "Ana is moving to Porto in June.",
        ].join("\n"),
      ),
    );
    const stored = await privateSignals();
    expect(stored.find((s) => s.text.includes(CANARY))?.private).toBe(1);
    // The paragraph ends at the blank line: what follows it is public again.
    expect(stored.find((s) => s.text.includes("Porto"))?.private).toBe(0);

    expect(said(ack)).not.toContain(CANARY);
    expect(said(ack)).toContain("hiring guide");
    expect(said(ack)).toContain("Porto");
    expect(prompts.join("\n")).not.toContain(CANARY);
    expect(prompts.join("\n")).toContain("hiring guide");

    const digest = await receiveDigest(await samId(), DIGEST_AT);
    expect(said(digest.mail)).not.toContain(CANARY);
    expect(said(digest.mail)).toContain("hiring guide");
    const brief = await ask("brief Ana");
    expect(said(brief)).not.toContain(CANARY);
    expect(said(brief)).toContain("Porto");
  });
});

describe("people named only in confidence", () => {
  it("are not listed among the people a message is about, nor sent to the model", async () => {
    // Ben is a known contact; the second note names him only inside a private paragraph.
    await logMessage(notes("Lunch with Ben Cho <ben.cho@northwind.vc>. He invests in climate tools."));
    const { ack, prompts } = await logMessage(
      inlineMessage({ subject: "Coffee with Ana", messageId: "<coffee-2@mail.gmail.com>", body: "Coffee with Ana Lima <ana@lumen.studio>.\r\n\r\nprivate: Ben Cho is thinking of leaving Northwind.\r\n" }),
    );
    expect(said(ack)).toContain("Ana Lima");
    expect(said(ack)).not.toContain("Ben");
    expect(prompts.join("\n")).not.toContain("Ben");
  });
});

describe("a lone #private line covers the whole message", () => {
  it("the forwarded message below it included", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { ack, prompts } = await logMessage(
      inlineMessage({
        subject: "Fwd: A favour",
        date: "Mon, 23 Nov 2026 10:00:00 -0800",
        body: [
          "#private",
          "",
          "---------- Forwarded message ---------",
          "From: Ana Lima <ana@lumen.studio>",
          "Date: Mon, Nov 23, 2026 at 9:15 AM",
          "Subject: A favour",
          "To: Sam Rivera <sam.rivera@gmail.com>",
          "",
          "Hi Sam,",
          "",
          `I am looking for a ${CANARY} role, please keep it between us. Could you review my ${CANARY} CV by Friday?`,
          "",
          "Ana",
        ].join("\r\n"),
      }),
    );
    const stored = await privateSignals();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((s) => s.private === 1)).toBe(true);
    expect(said(ack)).toContain("Logged the forwarded message");
    expect(said(ack)).toContain("Ana Lima");
    expect(said(ack)).not.toContain(CANARY);
    expect(prompts.join("\n")).not.toContain(CANARY);

    const digest = await receiveDigest(await samId(), DIGEST_AT);
    expect(said(digest.mail)).not.toContain(CANARY);
    const brief = await ask("brief Ana");
    expect(said(brief)).toContain("Ana Lima");
    expect(said(brief)).not.toContain(CANARY);
    expect(said(await ask("pending"))).not.toContain(CANARY);
  });
});

describe("a note N … #private reply to a digest", () => {
  it("stores a private note: neither the confirmation, undo nor the brief quotes it", async () => {
    await logMessage(notes("Coffee with Ana Lima <ana@lumen.studio> today. I'll send Ana the hiring guide by Friday."));
    const digest = await receiveDigest(await samId(), DIGEST_AT);
    const item = digest.titles.findIndex((title) => title.includes("hiring guide")) + 1;
    expect(item).toBeGreaterThan(0);

    const noted = await reply(digest.mail, [`note ${item} her mother is ill, ${CANARY} #private`, `note ${item} she loved the guide`]);
    expect(said(noted)).toContain("she loved the guide");
    expect(said(noted)).not.toContain(CANARY);
    const brief = await ask("brief Ana", ACT_AT + HOUR_MS);
    expect(said(brief)).toContain("she loved the guide");
    expect(said(brief)).toContain("a private note");
    expect(said(brief)).not.toContain(CANARY);

    const undone = await reply(digest.mail, ["undo", "undo"], ACT_AT + 2 * HOUR_MS);
    expect(said(undone)).toContain("Undone: Noted on Ana Lima, privately");
    expect(said(undone)).not.toContain(CANARY);
  });

  it("a lone #private line in the reply makes every note in it private", async () => {
    await logMessage(notes("Coffee with Ana Lima <ana@lumen.studio> today. I'll send Ana the hiring guide by Friday."));
    const digest = await receiveDigest(await samId(), DIGEST_AT);
    const item = digest.titles.findIndex((title) => title.includes("hiring guide")) + 1;

    const noted = await reply(digest.mail, [`note ${item} her mother is ill, ${CANARY}`, "", "#private"]);
    expect(said(noted)).toContain("Noted on Ana Lima, privately");
    expect(said(noted)).not.toContain("Not understood");
    expect(said(noted)).not.toContain(CANARY);
    const brief = await ask("brief Ana", ACT_AT + HOUR_MS);
    expect(said(brief)).toContain("a private note");
    expect(said(brief)).not.toContain(CANARY);
  });
});

describe("an introduction's why", () => {
  it("is never a private: line, in the acknowledgement or the close-the-loop item", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { ack } = await logMessage(
      inlineMessage({
        to: "Ana Lima <ana@lumen.studio>, Ben Cho <ben.cho@northwind.vc>",
        cc: TEND,
        subject: "Ana <> Ben",
        date: "Mon, 23 Nov 2026 10:00:00 -0800",
        body: ["Ana, meet Ben.", `private: Ben is looking for a way out of Northwind, ${CANARY}, so you two should talk.`, "", "Sam"].join("\r\n"),
      }),
    );
    expect(said(ack)).toContain("You introduced Ana Lima and Ben Cho");
    expect(said(ack)).not.toContain(CANARY);

    // Two weeks on, the digest asks whether they connected.
    const digest = await receiveDigest(await samId(), DIGEST_AT + 14 * DAY_MS);
    expect(said(digest.mail)).toMatch(/Did Ana and Ben connect\?/);
    expect(said(digest.mail)).not.toContain(CANARY);
  });
});

describe("the acknowledgement and its corrections", () => {
  it("a private promise with a date is not quoted in the 'I'll remind you' line", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { ack } = await logMessage(
      notes(["Coffee with Ana Lima <ana@lumen.studio> today.", `private: I'll send Ana the ${CANARY} oncologist list by Friday.`].join("\n")),
    );
    expect(said(ack)).toContain("I'll remind you on Fri 27 Nov");
    expect(said(ack)).not.toContain(CANARY);
  });

  it("'wrong 2' removes a private item without quoting it", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { ack } = await logMessage(
      notes(["Coffee with Ana Lima <ana@lumen.studio> today. Ana is hiring a senior designer.", `Ana's mother is ill with ${CANARY} fever. #private`].join("\n")),
    );
    expect(said(ack)).toContain("2. Life event (Ana Lima): kept private");
    if (!ack) throw new Error("no acknowledgement");
    const confirmed = await reply(ack, ["wrong 1, 2"], LOGGED_AT + HOUR_MS);
    expect(said(confirmed)).toContain("Removed 1: Ana is hiring a senior designer");
    expect(said(confirmed)).toContain("Removed 2");
    expect(said(confirmed)).not.toContain(CANARY);
    expect((await privateSignals()).map((s) => s.private)).toEqual([0, 1]);
  });
});

const Exported = z.object({
  signals: z.array(z.object({ text: z.string(), private: z.boolean() })),
  contactNotes: z.array(z.object({ text: z.string() })),
});

/** Every link in a mail to a one-click page. */
function actionLinks(mail: SentMail | undefined): string[] {
  return [...new Set(said(mail).match(/https:\/\/tend\.example\/a\/[A-Za-z0-9._~-]+/g) ?? [])];
}

async function getPage(url: string, at: number): Promise<string> {
  const { worker } = testWorker({ now: () => at });
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(url), env, ctx);
  await waitOnExecutionContext(ctx);
  expect(response.status).toBe(200);
  return response.text();
}

describe("every place that renders what the user wrote", () => {
  it("shows the public lines and never the private ones; only the export holds them, marked private", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { ack, prompts } = await logMessage(
      notes(
        [
          "Coffee with Ana Lima <ana@lumen.studio> today. Ana is hiring a senior designer for Lumen.",
          "I'll send Ana the hiring guide by Friday.",
          `Ana's mother is ill, ${CANARY} mother is ill. #private`,
          "",
          "private: Ana is leaving Lumen.",
          `Ana is looking for a ${CANARY} job in Berlin. I'll send Ana the ${CANARY} list by Thursday.`,
        ].join("\n"),
      ),
    );
    const userId = await samId();
    const rendered = new Map<string, string>();
    rendered.set("acknowledgement", said(ack));
    rendered.set("AI prompt", prompts.join("\n"));

    // The reminders of Thursday's private promise and Friday's public one.
    const { runCron, sent: reminders } = digestHarness({ now: () => LOGGED_AT });
    await runCron(Date.parse("2026-11-26T09:00:00Z"));
    await runCron(Date.parse("2026-11-27T09:00:00Z"));
    expect(reminders).toHaveLength(2);
    rendered.set("reminders", reminders.map(said).join("\n"));

    const digest = await receiveDigest(userId, DIGEST_AT);
    rendered.set("digest", said(digest.mail));
    const links = actionLinks(digest.mail);
    expect(links.length).toBeGreaterThan(0);
    rendered.set("link pages", (await Promise.all(links.map((link) => getPage(link, ACT_AT)))).join("\n"));

    const item = digest.titles.findIndex((title) => title.includes("hiring guide")) + 1;
    const noted = await reply(digest.mail, [`note ${item} she liked the guide`, `note ${item} ${CANARY} mother is ill #private`, `private: ${CANARY} is not a command`]);
    rendered.set("digest reply confirmation", said(noted));
    rendered.set("brief", said(await ask("brief Ana", ACT_AT + HOUR_MS)));
    rendered.set("pending", said(await ask("pending", ACT_AT + HOUR_MS)));

    // The export is the user's own copy of their data: the private words are in it, marked private.
    const exported = await ask("export", ACT_AT + HOUR_MS);
    const attachment = exported?.parsed.attachments[0]?.content;
    const data = Exported.parse(JSON.parse(typeof attachment === "string" ? attachment : new TextDecoder().decode(attachment)));
    const secretSignals = data.signals.filter((signal) => signal.text.includes(CANARY));
    expect(secretSignals.length).toBeGreaterThan(0);
    expect(secretSignals.every((signal) => signal.private)).toBe(true);
    const secretNotes = data.contactNotes.filter((note) => note.text.includes(CANARY));
    expect(secretNotes.length).toBeGreaterThan(0);
    expect(secretNotes.every((note) => note.text.includes("#private"))).toBe(true);

    rendered.set("undo confirmation", said(await reply(digest.mail, ["undo"], ACT_AT + 2 * HOUR_MS)));
    if (!ack) throw new Error("no acknowledgement");
    const numbers = (ack.parsed.text ?? "").match(/^\d+(?=\. )/gm) ?? [];
    rendered.set("correction confirmation", said(await reply(ack, [`wrong ${numbers.join(", ")}`], ACT_AT + 3 * HOUR_MS)));

    const expected: Record<string, string[]> = {
      acknowledgement: ["hiring a senior designer", "hiring guide", "kept private"],
      "AI prompt": ["hiring a senior designer", "hiring guide"],
      reminders: ["hiring guide", "in confidence"],
      digest: ["hiring guide", "hiring a senior designer", "told in confidence"],
      "link pages": ["hiring guide"],
      "digest reply confirmation": ["she liked the guide", "Noted on Ana Lima, privately", "a line marked private"],
      "undo confirmation": ["Undone: Noted on Ana Lima, privately"],
      brief: ["hiring a senior designer", "hiring guide", "a private life event", "a private need", "a private promise", "she liked the guide", "a private note"],
      pending: ["hiring guide", "a private promise"],
      "correction confirmation": ["Removed 1: Ana is hiring a senior designer"],
    };
    const leaked = [...rendered].filter(([, text]) => text.includes(CANARY)).map(([place]) => place);
    expect(leaked).toEqual([]);
    const missing = [...rendered].flatMap(([place, text]) => (expected[place] ?? []).filter((phrase) => !text.includes(phrase)).map((phrase) => `${place}: ${phrase}`));
    expect(missing).toEqual([]);
    expect([...rendered.keys()].toSorted()).toEqual(Object.keys(expected).toSorted());

  });
});
