// Commands mailed to Tend, through the real email() handler: help, brief, pending,
// export, settings, pause and resume.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { nextDigestAt } from "../src/domain/digest-schedule.ts";
import { DAY_MS } from "../src/model.ts";
import { commandMail } from "./helpers/client-replies.ts";
import { resetDatabase } from "./helpers/rows.ts";
import {
  clock,
  NOW,
  seedContact,
  seedInteraction,
  seedNote,
  seedSignal,
  seedTask,
  seedUser,
  TEND,
} from "./helpers/seed-actions.ts";
import { testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const ExportShape = z.object({
  format: z.literal("tend-export"),
  user: z.array(z.object({ email: z.string() })),
  contacts: z.array(z.object({ name: z.string() })),
  tasks: z.array(z.object({ title: z.string() })),
  contactNotes: z.array(z.object({ text: z.string() })),
});

const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const PRIYA = { name: "Priya Natarajan", address: "priya.natarajan@outlook.com" };

async function ask(subject: string, lines: string[] = [], from = SAM) {
  const { deliver, sent } = testWorker({ now: clock });
  await deliver(commandMail({ from, to: TEND, subject, at: NOW }, lines), { from: from.address, to: TEND });
  expect(sent).toHaveLength(1);
  const reply = sent[0];
  if (!reply) throw new Error("no reply");
  return reply;
}

async function userRow(email: string) {
  return env.DB.prepare(
    "select time_zone, digest_weekday, digest_hour, max_items, empty_digest, paused_until, next_digest_at, unsubscribed_at from users where email = ?",
  )
    .bind(email)
    .first<{
      time_zone: string;
      digest_weekday: number;
      digest_hour: number;
      max_items: number;
      empty_digest: string;
      paused_until: number | null;
      next_digest_at: number | null;
      unsubscribed_at: number | null;
    }>();
}

describe("help", () => {
  it("answers with every command, threaded to the question", async () => {
    await seedUser(SAM.address, SAM.name);
    const reply = await ask("help");
    expect(reply.parsed.subject).toBe("Re: help");
    expect(reply.parsed.inReplyTo).toBeTruthy();
    for (const command of ["done 2", "snooze 3", "brief <name or address>", "export", "forget <address>", "set timezone Europe/Berlin", "pause 2w"]) {
      expect(reply.parsed.text).toContain(command);
    }
  });
});

async function seedAna(userId: string) {
  const ana = await seedContact(userId, { name: "Ana Lima", address: "ana@lumen.studio", learnedCadenceDays: 30, lastInteractionAt: NOW - 3 * DAY_MS });
  await seedInteraction(userId, { contactIds: [ana], subject: "Coffee at Lumen", occurredAt: NOW - 3 * DAY_MS });
  await seedSignal(userId, { contactId: ana, kind: "need", text: "hiring a senior product designer" });
  await seedSignal(userId, { contactId: ana, kind: "interest", text: "#climate", tag: "climate" });
  await seedSignal(userId, { contactId: ana, kind: "life_event", text: "defending her thesis", dueAt: NOW + 20 * DAY_MS });
  const secret = await seedSignal(userId, { contactId: ana, kind: "life_event", text: "her mother is in hospital", private: true });
  await seedTask(userId, { title: "Send Ana the deck", contactId: ana, dueAt: NOW + 2 * DAY_MS });
  await seedTask(userId, { title: "Call Ana about her mother", contactId: ana, signalId: secret });
  await seedTask(userId, { title: "Ana sends the brief", contactId: ana, kind: "waiting_on" });
  await seedNote(userId, ana, "she got the job!");
  return ana;
}

describe("brief", () => {
  it("says what Tend knows, lists private things as private and never quotes them", async () => {
    const sam = await seedUser(SAM.address, SAM.name);
    await seedAna(sam.id);
    const reply = await ask("brief Ana");
    const text = reply.parsed.text ?? "";
    expect(reply.parsed.subject).toBe("Brief: Ana Lima");
    expect(text).toContain("Ana Lima <ana@lumen.studio>");
    expect(text).toMatch(/Last in touch .* \(3 days ago\)/);
    expect(text).toContain("Coffee at Lumen");
    expect(text).toContain("What Ana needs:\n  • hiring a senior product designer");
    expect(text).toContain("#climate");
    expect(text).toContain("You promised Ana:\n  • Send Ana the deck (due");
    expect(text).toContain("check in every 30 days (learned)");
    expect(text).toContain("Ana promised you:\n  • Ana sends the brief");
    expect(text).toContain("defending her thesis");
    expect(text).toContain("a private life event, noted");
    expect(text).toContain("a private promise");
    expect(text).not.toContain("hospital");
    expect(text).not.toContain("her mother");
    expect(text).toContain("she got the job!");
  });

  it("finds a person by address, and asks which one when a name matches several", async () => {
    const sam = await seedUser(SAM.address, SAM.name);
    await seedAna(sam.id);
    await seedContact(sam.id, { name: "Ana Souza", address: "ana@souza.pt" });
    expect((await ask("", ["brief ana@lumen.studio"])).parsed.subject).toBe("Brief: Ana Lima");
    const which = await ask("brief Ana");
    expect(which.parsed.text).toContain("Several people match “Ana”");
    expect(which.parsed.text).toContain("brief ana@souza.pt");
    expect(which.parsed.text).toContain("brief ana@lumen.studio");
  });

  it("never shows another user's person", async () => {
    const sam = await seedUser(SAM.address, SAM.name);
    await seedAna(sam.id);
    await seedUser(PRIYA.address, PRIYA.name);
    const reply = await ask("brief Ana", [], PRIYA);
    expect(reply.parsed.text).toContain("Tend knows nobody called Ana yet.");
    expect(reply.parsed.text).not.toContain("lumen");
  });

  it("'Brief call with Ana today, she's hiring' is notes, not a brief", async () => {
    const sam = await seedUser(SAM.address, SAM.name);
    await seedAna(sam.id);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(commandMail({ from: SAM, to: TEND, subject: "Brief call with Ana today, she's hiring", at: NOW }, ["She needs a designer by March."]), {
      from: SAM.address,
      to: TEND,
    });
    expect(sent.every((mail) => !mail.parsed.subject?.startsWith("Brief:"))).toBe(true);
    const logged = await env.DB.prepare("select count(*) as n from interactions where subject like 'Brief call%'").first<{ n: number }>();
    expect(logged?.n).toBe(1);
  });
});

describe("pending", () => {
  it("lists open promises, reminders and what others owe, soonest first, private ones unquoted", async () => {
    const sam = await seedUser(SAM.address, SAM.name);
    const ana = await seedContact(sam.id, { name: "Ana Lima", address: "ana@lumen.studio" });
    await seedTask(sam.id, { title: "Send Ana the deck", contactId: ana, dueAt: NOW + 5 * DAY_MS });
    await seedTask(sam.id, { title: "Review Ben's draft", dueAt: NOW - DAY_MS, kind: "ask" });
    await seedTask(sam.id, { title: "Follow up on the grant", kind: "reminder" });
    await seedTask(sam.id, { title: "Ana sends the intro", contactId: ana, kind: "waiting_on" });
    const secret = await seedSignal(sam.id, { contactId: ana, kind: "promise", text: "check on her recovery", private: true });
    await seedTask(sam.id, { title: "Check on Ana's recovery", contactId: ana, signalId: secret });
    const done = await seedTask(sam.id, { title: "An old, done thing" });
    await env.DB.prepare("update tasks set status = 'done' where id = ?").bind(done).run();

    const text = (await ask("pending")).parsed.text ?? "";
    const promises = text.indexOf("Your promises");
    expect(text.indexOf("Review Ben's draft")).toBeGreaterThan(promises);
    expect(text.indexOf("Review Ben's draft")).toBeLessThan(text.indexOf("Send Ana the deck — Ana Lima"));
    expect(text).toContain("overdue");
    expect(text).toContain("Reminders and follow-ups:\n  • Follow up on the grant");
    expect(text).toContain("Waiting on others:\n  • Ana sends the intro — Ana Lima");
    expect(text).toContain("a private promise (not quoted)");
    expect(text).not.toContain("recovery");
    expect(text).not.toContain("An old, done thing");
  });
});

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

describe("export", () => {
  it("attaches all of the user's data as JSON, and nobody else's", async () => {
    const sam = await seedUser(SAM.address, SAM.name);
    const ana = await seedContact(sam.id, { name: "Ana Lima", address: "ana@lumen.studio" });
    await seedTask(sam.id, { title: "Send Ana the deck", contactId: ana });
    await seedNote(sam.id, ana, "she got the job!");
    const priya = await seedUser(PRIYA.address, PRIYA.name);
    await seedContact(priya.id, { name: "Ben Okoro", address: "ben@okoro.dev" });

    const reply = await ask("export");
    const [attachment] = reply.parsed.attachments;
    expect(attachment?.mimeType).toBe("application/json");
    expect(attachment?.filename).toBe("tend-export-2026-11-30.json");
    const content = attachment?.content;
    const json = typeof content === "string" ? content : new TextDecoder().decode(content);
    const data = ExportShape.parse(JSON.parse(json));
    expect(data.format).toBe("tend-export");
    expect(data.user.map((u) => u.email)).toEqual([SAM.address]);
    expect(data.contacts.map((c) => c.name)).toEqual(["Ana Lima"]);
    expect(data.tasks.map((t) => t.title)).toEqual(["Send Ana the deck"]);
    expect(data.contactNotes.map((n) => n.text)).toEqual(["she got the job!"]);
    expect(json).not.toContain("Ben Okoro");
    expect(reply.parsed.text).toContain("contacts: 1");
  });

  it("holds every table that stores a user's rows, but for passing bookkeeping", async () => {
    await seedUser(SAM.address, SAM.name);
    const reply = await ask("export");
    const content = reply.parsed.attachments[0]?.content;
    const data: unknown = JSON.parse(typeof content === "string" ? content : new TextDecoder().decode(content));
    const exported = new Set(Object.keys(z.record(z.string(), z.unknown()).parse(data)));
    // Codes waiting for a confirmation, and an import's run and chunks while it is merged: not the user's data.
    const passing = new Set(["address_confirmations", "import_runs", "import_chunks"]);
    const { results: tables } = await env.DB.prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'd1_%' and name not like '_cf_%'",
    ).all<{ name: string }>();
    const owned: string[] = [];
    for (const { name } of tables) {
      const { results: columns } = await env.DB.prepare(`pragma table_info("${name}")`).all<{ name: string }>();
      if (columns.some((c) => c.name === "user_id") && !passing.has(name)) owned.push(name);
    }
    expect(owned.length).toBeGreaterThan(10);
    expect(owned.filter((name) => !exported.has(camel(name)))).toEqual([]);
  });
});

describe("settings", () => {
  it("shows the settings", async () => {
    await seedUser(SAM.address, SAM.name, { nextDigestAt: Date.UTC(2030, 0, 7, 8) });
    const text = (await ask("settings")).parsed.text ?? "";
    expect(text).toContain("Time zone: UTC");
    expect(text).toContain("Digest: Mondays at 08:00");
    expect(text).toContain("Suggestions per digest: at most 7");
    expect(text).toContain(`Addresses Tend accepts from you: ${SAM.address}`);
  });

  it("sets the time zone, validated by Intl, and moves the next digest with it", async () => {
    await seedUser(SAM.address, SAM.name);
    const reply = await ask("set timezone europe/berlin");
    const row = await userRow(SAM.address);
    expect(row?.time_zone).toBe("Europe/Berlin");
    // Next Monday 08:00 in Berlin: 7 Dec 2026, 07:00 UTC.
    expect(row?.next_digest_at).toBe(Date.UTC(2026, 11, 7, 7));
    expect(row?.next_digest_at).toBe(nextDigestAt({ timeZone: "Europe/Berlin", weekday: 1, hour: 8 }, NOW));
    expect(reply.parsed.text).toContain("Time zone set to Europe/Berlin.");
    expect(reply.parsed.text).toContain("Time zone: Europe/Berlin");
  });

  it("refuses a zone Intl does not know and changes nothing", async () => {
    await seedUser(SAM.address, SAM.name);
    const before = await userRow(SAM.address);
    const reply = await ask("set timezone Mars/Olympus_Mons");
    expect(await userRow(SAM.address)).toEqual(before);
    expect(reply.parsed.text).toContain("“Mars/Olympus_Mons” is not a time zone I know");
  });

  it("sets the digest day and hour, and the cap, in one mail", async () => {
    await seedUser(SAM.address, SAM.name, { timeZone: "America/New_York" });
    const reply = await ask("Settings", ["set digest friday 5pm", "set max 5", "set max 50"]);
    const row = await userRow(SAM.address);
    expect([row?.digest_weekday, row?.digest_hour, row?.max_items]).toEqual([5, 17, 5]);
    // Friday 4 Dec 2026, 17:00 in New York (UTC-5).
    expect(row?.next_digest_at).toBe(Date.UTC(2026, 11, 4, 22));
    expect(reply.parsed.text).toContain("Your digest now comes on Fridays at 17:00.");
    expect(reply.parsed.text).toContain("a digest holds between 1 and 20 suggestions; 50 is outside that.");
  });

  it("pause 2w moves the next digest past the pause; resume brings it back and undoes an unsubscribe", async () => {
    await seedUser(SAM.address, SAM.name);
    await env.DB.prepare("update users set unsubscribed_at = 1 where email = ?").bind(SAM.address).run();
    const paused = await ask("pause 2w");
    const row = await userRow(SAM.address);
    const twoWeeks = Date.UTC(2026, 11, 14);
    expect(row?.paused_until).toBe(twoWeeks);
    expect(row?.next_digest_at).toBe(nextDigestAt({ timeZone: "UTC", weekday: 1, hour: 8 }, twoWeeks));
    expect(paused.parsed.text).toContain("Digests paused until");

    const resumed = await ask("resume");
    const after = await userRow(SAM.address);
    expect(after?.paused_until).toBeNull();
    expect(after?.unsubscribed_at).toBeNull();
    expect(after?.next_digest_at).toBe(Date.UTC(2026, 11, 7, 8));
    expect(resumed.parsed.text).toContain("Digests resumed.");
  });
});

describe("not understood", () => {
  it("a command mail with unknown lines reports them with the help", async () => {
    await seedUser(SAM.address, SAM.name);
    const reply = await ask("", ["settings", "make the digest prettier"]);
    expect(reply.parsed.text).toContain("Not understood (nothing was guessed):\n  • “make the digest prettier”");
    expect(reply.parsed.text).toContain("Time zone: UTC");
    expect(reply.parsed.text).toContain("brief <name or address>");
  });
});
