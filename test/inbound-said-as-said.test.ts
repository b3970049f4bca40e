// Dates as people say them, and people named only by name, through the real
// email() handler against real D1: what is stored is what was said, no more.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/client.ts";
import { loadUndatedTasks } from "../src/db/undated-tasks.ts";
import { DAY_MS } from "../src/model.ts";
import { commandMail, gmailReply } from "./helpers/client-replies.ts";
import { inlineMessage, TEND } from "./helpers/mail.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { clock, NOW, seedContact, seedDigest, seedUser } from "./helpers/seed-actions.ts";
import { testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const PRIYA = { name: "Priya Natarajan", address: "priya.natarajan@outlook.com" };
const envelope = { from: PRIYA.address, to: TEND };

interface Stored {
  kind: string;
  person: string | null;
  pending: number | null;
  pending_from: string | null;
  due_at: number | null;
  due_start_at: number | null;
  due_end_at: number | null;
  due_precision: string | null;
  due_text: string | null;
  speaker_name: string | null;
  tone: string | null;
  sentence: string;
  task_due_at: number | null;
}

async function stored(): Promise<Stored[]> {
  const { results } = await env.DB.prepare(
    `select s.kind, c.name as person, c.pending, c.pending_from, s.due_at, s.due_start_at, s.due_end_at, s.due_precision,
            s.due_text, s.speaker_name, s.tone, s.sentence, t.due_at as task_due_at
       from signals s left join contacts c on c.id = s.contact_id left join tasks t on t.signal_id = s.id order by s.rowid`,
  ).all<Stored>();
  return results;
}

const day = (at: number | null) => (at === null ? null : new Date(at).toISOString().slice(0, 10));

/** Priya (UTC) writes on Thursday 19 November 2026. */
async function priyaWrites(body: string, extra: { to?: string; cc?: string; subject?: string } = {}) {
  const worker = testWorker({ now: clock });
  await worker.deliver(
    inlineMessage({ from: `${PRIYA.name} <${PRIYA.address}>`, date: "Thu, 19 Nov 2026 16:12:00 +0000", body, ...extra }),
    envelope,
  );
  return worker;
}

describe("dates as people say them", () => {
  it("an undated promise is stored with no due date, on the signal or its task", async () => {
    await seedUser(PRIYA.address, PRIYA.name);
    await priyaWrites("I'll send Carla our pitch deck.", { to: "Carla Mendes <carla@mendes.design>", cc: TEND, subject: "Deck" });
    const [promise] = await stored();
    expect(promise).toMatchObject({ kind: "promise", person: "Carla Mendes", due_at: null, due_precision: null, task_due_at: null });
  });

  it("an undated promise is found by age, for the digest to rank, and a dated one is not", async () => {
    const user = await seedUser(PRIYA.address, PRIYA.name);
    await priyaWrites("I'll send Carla our pitch deck. I'll send Carla the budget by Friday.", { to: "Carla Mendes <carla@mendes.design>", cc: TEND });
    const undated = await loadUndatedTasks(openDatabase(env.DB), user.id, "promise", NOW, 10);
    expect(undated).toEqual([
      expect.objectContaining({ title: "I'll send Carla our pitch deck.", dueAt: null, saidAt: Date.parse("2026-11-19T16:12:00Z"), contact: expect.objectContaining({ name: "Carla Mendes" }) }),
    ]);
  });

  it("a range is stored as a range: never due before it ends", async () => {
    await seedUser(PRIYA.address, PRIYA.name);
    await priyaWrites(
      [
        "---------- Forwarded message ---------",
        "From: Dev Patel <dev@patel.io>",
        "Date: Thu, 19 Nov 2026 at 16:12",
        "Subject: Notes from today",
        "To: Priya Natarajan <priya.natarajan@outlook.com>",
        "",
        "I'll send you a beta invite once the new onboarding ships, probably the week of December 7.",
      ].join("\r\n"),
      { subject: "Fwd: Notes from today" },
    );
    const waiting = (await stored()).find((s) => s.kind === "waiting_on");
    expect(waiting).toMatchObject({ person: "Dev Patel", due_precision: "week", due_text: "the week of December 7", speaker_name: "Dev Patel" });
    expect([day(waiting?.due_start_at ?? null), day(waiting?.due_end_at ?? null), day(waiting?.task_due_at ?? null)]).toEqual([
      "2026-12-07",
      "2026-12-11",
      "2026-12-11",
    ]);
  });

  it("a weekday with its date is that date", async () => {
    await seedUser(PRIYA.address, PRIYA.name);
    await priyaWrites("I'll send you my comments by Wednesday 9 December.", { to: "Carla Mendes <carla@mendes.design>", cc: TEND });
    expect(day((await stored())[0]?.task_due_at ?? null)).toBe("2026-12-09");
  });

  it("a hard life event is stored as hard news", async () => {
    await seedUser(PRIYA.address, PRIYA.name);
    await priyaWrites("Coffee with Carla. Carla's dad has surgery on December 3.", { to: "Carla Mendes <carla@mendes.design>", cc: TEND });
    expect((await stored()).find((s) => s.kind === "life_event")).toMatchObject({ tone: "hard", person: "Carla Mendes" });
  });
});

describe("people named only by name", () => {
  const JON = "Jon Okafor <jon.okafor@icloud.com>";

  async function devFromNotesWithJon() {
    const user = await seedUser(PRIYA.address, PRIYA.name);
    await priyaWrites("Lunch with Jon. Dev is hiring a senior designer.", { to: JON, cc: TEND, subject: "Lunch" });
    const dev = await env.DB.prepare("select id, name, pending, pending_from, primary_address from contacts where name = 'Dev'").first<{
      id: string;
      name: string;
      pending: number;
      pending_from: string;
      primary_address: string | null;
    }>();
    return { user, dev };
  }

  it("become pending contacts, from the notes they were named in, with their signals", async () => {
    const { dev } = await devFromNotesWithJon();
    expect(dev).toMatchObject({ pending: 1, pending_from: "your mail with Jon Okafor", primary_address: null });
    expect((await stored()).find((s) => s.kind === "need")).toMatchObject({ person: "Dev", sentence: "Dev is hiring a senior designer." });
  });

  it("are settled by a later mail with that name and an address: one person, not two", async () => {
    const { dev } = await devFromNotesWithJon();
    await priyaWrites("Great to meet you, Dev.", { to: "Dev Patel <dev@patel.io>", cc: TEND, subject: "Hello" });
    const rows = await env.DB.prepare("select id, pending, primary_address from contacts where name like 'Dev%'").all();
    expect(rows.results).toEqual([{ id: dev?.id, pending: 0, primary_address: "dev@patel.io" }]);
  });

  it("get an address from `link N address` in a reply to the digest", async () => {
    const { user, dev } = await devFromNotesWithJon();
    const digest = await seedDigest(user.id, [{ subjectKey: "signal:need", contactId: dev?.id ?? null, title: "Dev is hiring a senior designer" }]);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(commandMail({ from: PRIYA, to: digest.replyAddress, subject: "Re: Your week", at: NOW }, ["link 1 dev@patel.io"]), {
      from: PRIYA.address,
      to: digest.replyAddress,
    });
    const row = await env.DB.prepare("select pending, primary_address from contacts where id = ?").bind(dev?.id).first();
    expect(row).toEqual({ pending: 0, primary_address: "dev@patel.io" });
    expect(sent[0]?.parsed.text).toContain("Linked Dev to dev@patel.io.");
  });

  it("merge into the person who already has the address, signals and all", async () => {
    const { user, dev } = await devFromNotesWithJon();
    const known = await seedContact(user.id, { name: "Dev Patel", address: "dev@patel.io" });
    const digest = await seedDigest(user.id, [{ subjectKey: "signal:need", contactId: dev?.id ?? null, title: "Dev is hiring" }]);
    const { deliver } = testWorker({ now: clock });
    await deliver(commandMail({ from: PRIYA, to: digest.replyAddress, subject: "Re: Your week", at: NOW }, ["link 1 dev@patel.io"]), {
      from: PRIYA.address,
      to: digest.replyAddress,
    });
    expect(await env.DB.prepare("select count(*) as n from contacts where id = ?").bind(dev?.id).first()).toEqual({ n: 0 });
    expect((await stored()).find((s) => s.kind === "need")?.person).toBe("Dev Patel");
    const item = await env.DB.prepare("select contact_id from digest_items where digest_id = ?").bind(digest.id).first();
    expect(item).toEqual({ contact_id: known });
  });
});

describe("brief: dates as they were said", () => {
  it("says a range as it was said and an undated promise with no date", async () => {
    await seedUser(PRIYA.address, PRIYA.name);
    await priyaWrites("I'll send Dev the pricing deck the week of 7 December. I'll also send Dev our hiring guide.", {
      to: "Dev Patel <dev@patel.io>",
      cc: TEND,
    });
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(commandMail({ from: PRIYA, to: TEND, subject: "brief Dev", at: NOW }), envelope);
    const text = sent[0]?.parsed.text ?? "";
    expect(text).toMatch(/pricing deck the week of 7 December\.? \(due the week of 7 December\)/);
    expect(text).toMatch(/our hiring guide\.?\n/);
    expect(text).not.toMatch(/hiring guide\.? \(due/);
  });
});

describe("brief: the give-first ledger in words", () => {
  it("says what the user asked of a person and offered them, with no score", async () => {
    const user = await seedUser(PRIYA.address, PRIYA.name);
    const carla = await seedContact(user.id, { name: "Carla Mendes", address: "carla@mendes.design" });
    const seedTask = (kind: string, status: string, ago: number) =>
      env.DB.prepare("insert into tasks (id, user_id, kind, title, contact_id, status, created_at) values (?, ?, ?, 'x', ?, ?, ?)")
        .bind(crypto.randomUUID(), user.id, kind, carla, status, NOW - ago * DAY_MS)
        .run();
    await seedTask("waiting_on", "open", 10);
    await seedTask("waiting_on", "done", 40);
    await seedTask("waiting_on", "done", 100);
    await seedTask("promise", "done", 20);
    // Over a year ago: not counted.
    await seedTask("promise", "open", 400);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(commandMail({ from: PRIYA, to: TEND, subject: "brief Carla", at: NOW }), envelope);
    const text = sent[0]?.parsed.text ?? "";
    expect(text).toContain("You've asked Carla for three things in the past year and offered one.");
    expect(text).toContain("You kept your promise to Carla.");
    expect(text).not.toMatch(/score|\d+\s*%/i);
  });
});

describe("forget", () => {
  it("clears who said a signal, and a pending contact's note of where they were named", async () => {
    const user = await seedUser(PRIYA.address, PRIYA.name);
    const jon = await seedContact(user.id, { name: "Jon Okafor", address: "jon.okafor@icloud.com" });
    await priyaWrites("Lunch with Jon. Dev is hiring a senior designer.", { to: "Jon Okafor <jon.okafor@icloud.com>", cc: TEND });
    await env.DB.prepare("update signals set speaker_contact_id = ?, speaker_name = 'Jon Okafor'").bind(jon).run();
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(commandMail({ from: PRIYA, to: TEND, subject: "forget jon.okafor@icloud.com", at: NOW }), envelope);
    const question = sent[0];
    if (!question) throw new Error("no question");
    await deliver(gmailReply(question, PRIYA, ["Yes."], { to: TEND, subject: `Re: ${question.parsed.subject ?? ""}` }), envelope);
    expect(await env.DB.prepare("select count(*) as n from contacts where id = ?").bind(jon).first()).toEqual({ n: 0 });
    const dump = JSON.stringify((await env.DB.prepare("select s.speaker_name, s.speaker_contact_id, c.pending_from from signals s join contacts c on c.id = s.contact_id").all()).results);
    expect(dump).not.toContain("Jon");
    expect(dump).toContain("your notes");
  });
});
