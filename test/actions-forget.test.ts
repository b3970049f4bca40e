// "forget <address>": asks first, erases only on a confirming reply with a valid
// reference, and then nothing about the person is left.
import { env } from "cloudflare:workers";
import PostalMime from "postal-mime";
import { beforeEach, describe, expect, it } from "vitest";
import { FORGET_ACTION } from "../src/actions/forget.ts";
import { linkToken } from "../src/lib/tokens.ts";
import { DAY_MS } from "../src/model.ts";
import { actionSnapshot, itemStates, notesOn } from "./helpers/action-rows.ts";
import { commandMail, gmailReply, type Received } from "./helpers/client-replies.ts";
import { receiveDigest } from "./helpers/received-digest.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { seeder } from "./helpers/seed.ts";
import {
  clock,
  DIGEST_AT,
  NOW,
  seedContact,
  seedInteraction,
  seedIntroduction,
  seedDigest,
  seedNote,
  seedSignal,
  seedTask,
  seedUser,
  SIGNING_KEY,
  TEND,
} from "./helpers/seed-actions.ts";
import { testWorker } from "./helpers/worker.ts";

/** The digest's entries for seedWorld: each person's items merged into one. */
const ANA_ENTRY = "Ana Lima — you said you'd send Ana the deck; was due Sun 29 Nov, 1 day ago; hiring a designer: do you know someone who could help?";
const BEN_ENTRY = "Ben Okoro — you said you'd introduce Ben to Priya; due Thu 3 Dec (in 3 days); time to check in (last in touch six weeks ago)";

beforeEach(resetDatabase);

const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const PRIYA = { name: "Priya Natarajan", address: "priya.natarajan@outlook.com" };
const ANA = "ana@lumen.studio";

async function world() {
  const sam = await seedUser(SAM.address, SAM.name);
  const ana = await seedContact(sam.id, { name: "Ana Lima", address: ANA });
  await env.DB.prepare("insert into contact_addresses (user_id, address, contact_id) values (?, ?, ?)").bind(sam.id, "ana.lima@gmail.com", ana).run();
  const ben = await seedContact(sam.id, { name: "Ben Okoro", address: "ben@okoro.dev", learnedCadenceDays: 21, nextCheckInAt: NOW - 5 * DAY_MS });
  const alone = await seedInteraction(sam.id, { contactIds: [ana], subject: "Coffee, just us", note: "She is hiring." });
  const shared = await seedInteraction(sam.id, { contactIds: [ben, ana], subject: "Climate meetup" });
  const bens = await seedInteraction(sam.id, { contactIds: [ben], subject: "Lunch" });
  await seedSignal(sam.id, { contactId: ana, kind: "need", text: "hiring a designer" });
  await seedSignal(sam.id, { contactId: null, kind: "need", text: "a studio in Lisbon", interactionId: alone });
  await seedSignal(sam.id, { contactId: ben, kind: "offer", text: "knows pricing" });
  const deck = await seedTask(sam.id, { title: "Send Ana the deck", contactId: ana, dueAt: NOW - DAY_MS });
  const intro = await seedTask(sam.id, { title: "Introduce Ben to Priya", contactId: ben, dueAt: NOW + 3 * DAY_MS });
  await seedNote(sam.id, ana, "she got the job!");
  await seedIntroduction(sam.id, ana, ben);
  // The digest Tend sends about this world: one entry about Ana, one about Ben.
  const digest = await receiveDigest(sam.id, DIGEST_AT);
  expect(digest.titles).toEqual([ANA_ENTRY, BEN_ENTRY]);
  await env.DB.prepare("insert into processed_messages (user_id, message_id, kind, interaction_id, received_at) values (?, ?, 'notes', ?, ?)")
    .bind(sam.id, "<coffee@mail.gmail.com>", alone, NOW - 3 * DAY_MS)
    .run();
  return { sam, ana, ben, alone, shared, bens, deck, intro, digest };
}

/** The header of a digest seeded straight into D1 (it was never sent), for a reply to quote. */
async function seededDigestMail(messageId: string): Promise<Received> {
  const raw = [`From: Tend <${TEND}>`, `To: ${SAM.name} <${SAM.address}>`, "Subject: Your week: 5 suggestions", `Message-ID: ${messageId}`, `Date: ${new Date(DIGEST_AT).toUTCString()}`, "", "1. Send Ana the deck"].join("\r\n");
  return { parsed: await PostalMime.parse(raw) };
}

async function send(raw: string, from = SAM) {
  const { deliver, sent } = testWorker({ now: clock });
  await deliver(raw, { from: from.address, to: TEND });
  expect(sent).toHaveLength(1);
  const reply = sent[0];
  if (!reply) throw new Error("no reply");
  return reply;
}

async function askToForget() {
  const question = await send(commandMail({ from: SAM, to: TEND, subject: `forget ${ANA}`, at: NOW }));
  const subject = question.parsed.subject ?? "";
  expect(subject).toMatch(/^Confirm: forget ana@lumen\.studio \(ref [a-z0-9.]+\)$/);
  return { question, subject };
}

/** A reply to Tend's question, quoting it; `subject` may be altered to carry another reference. */
function confirmation(question: Received, subject: string, from = SAM): string {
  return gmailReply(question, from, ["Yes, forget her."], { to: TEND, subject: `Re: ${subject}` });
}

async function digestItemTitles(digestId: string): Promise<string[]> {
  const { results } = await env.DB.prepare("select title from digest_items where digest_id = ? order by position").bind(digestId).all<{ title: string }>();
  return results.map((row) => row.title);
}

async function count(query: string, ...binds: string[]): Promise<number | undefined> {
  return (await env.DB.prepare(query).bind(...binds).first<{ n: number }>())?.n;
}

async function dump(): Promise<string> {
  const { results } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'd1_%' and name not like '_cf_%'",
  ).all<{ name: string }>();
  const tables = await Promise.all(results.map(async (t) => [t.name, (await env.DB.prepare(`select * from "${t.name}"`).all()).results]));
  return JSON.stringify(Object.fromEntries(tables));
}

describe("forget", () => {
  it("asks first, says what will go, and changes nothing", async () => {
    await world();
    const before = await actionSnapshot();
    const { question } = await askToForget();
    expect(await actionSnapshot()).toEqual(before);
    const text = question.parsed.text ?? "";
    expect(text).toContain("Forget Ana Lima (ana.lima@gmail.com, ana@lumen.studio)?");
    expect(text).toContain(
      [
        "Removed:",
        "  • 1 conversation with only them",
        "  • 2 things Tend understood about them",
        "  • 1 promise or reminder",
        "  • 1 note",
        "  • 1 introduction",
        "  • 1 suggestion in a past digest",
        "Kept for the others in them, without them:",
        "  • 1 conversation they shared with others",
      ].join("\n"),
    );
    expect(text).toContain("To confirm, reply to this email");
  });

  it("erases the person and everything about them on the confirming reply, and nothing else", async () => {
    const w = await world();
    // An undoable action on Ana's item, so the undo log mentions her.
    const { deliver } = testWorker({ now: clock });
    await deliver(gmailReply(w.digest.mail, SAM, ["done 1"]), { from: SAM.address, to: w.digest.replyAddress });
    const { question, subject } = await askToForget();

    const done = await send(confirmation(question, subject));
    expect(done.parsed.text).toContain("Forgotten: Ana Lima and everything about them.");
    expect(done.parsed.subject).toBe("Forgotten, as you asked");

    const everything = await dump();
    for (const trace of [w.ana, ANA, "ana.lima@gmail.com", "Ana Lima", w.deck, w.alone, "a studio in Lisbon", "she got the job!", "hiring a designer"]) {
      expect(everything.includes(trace) ? trace : null).toBeNull();
    }
    // What is not about her stays: Ben, his things, the conversation they shared (without her), his items.
    expect(await count("select count(*) as n from contacts where id = ?", w.ben)).toBe(1);
    expect(await count("select count(*) as n from interactions where id in (?, ?)", w.shared, w.bens)).toBe(2);
    expect(await count("select count(*) as n from interaction_participants where interaction_id = ?", w.shared)).toBe(1);
    expect(await count("select count(*) as n from signals where text = 'knows pricing'")).toBe(1);
    expect(await count("select count(*) as n from tasks where id = ?", w.intro)).toBe(1);
    expect(await digestItemTitles(w.digest.id)).toEqual([BEN_ENTRY]);
    expect(await itemStates(w.digest.id)).toEqual(["open"]);
    // The processed message stays (a redelivery is still a duplicate), pointing at nothing.
    expect(await count("select count(*) as n from processed_messages where message_id = '<coffee@mail.gmail.com>' and interaction_id is null")).toBe(1);
  });

  it("a second confirmation changes nothing more", async () => {
    await world();
    const { question, subject } = await askToForget();
    await send(confirmation(question, subject));
    const after = await actionSnapshot();
    const again = await send(confirmation(question, subject));
    expect(again.parsed.text).toContain("it was already done, or it is not yours");
    expect(await actionSnapshot()).toEqual(after);
  });

  it("a lapsed, tampered or other user's reference erases nothing", async () => {
    const w = await world();
    await seedUser(PRIYA.address, PRIYA.name);
    const before = await actionSnapshot();
    const { question, subject } = await askToForget();
    const reply = (altered: string, from = SAM) => send(confirmation(question, altered, from), from);

    const lapsed = await linkToken(SIGNING_KEY, { subject: w.ana, action: FORGET_ACTION, expiresAt: NOW - DAY_MS });
    expect((await reply(`Confirm: forget ${ANA} (ref ${lapsed})`)).parsed.text).toContain("has lapsed, so nothing was erased");

    const tampered = subject.replace(/.\)$/, (end) => `${end.startsWith("a") ? "b" : "a"})`);
    expect((await reply(tampered)).parsed.text).toContain("is not valid, so nothing was erased");

    const wrongAction = await linkToken(SIGNING_KEY, { subject: w.ana, action: "done", expiresAt: NOW + DAY_MS });
    expect((await reply(`Confirm: forget ${ANA} (ref ${wrongAction})`)).parsed.text).toContain("nothing was erased");

    const otherAddress = subject.replace(ANA, "ben@okoro.dev");
    expect((await reply(otherAddress)).parsed.text).toContain("does not match ben@okoro.dev");

    // Sam forwards the question to Priya, who confirms it from her own account.
    expect((await reply(subject, PRIYA)).parsed.text).toContain("Tend found nobody to forget");

    expect(await actionSnapshot()).toEqual(before);
  });

  it("an unknown address is answered, not erased", async () => {
    await world();
    const reply = await send(commandMail({ from: SAM, to: TEND, subject: "forget nobody@nowhere.example", at: NOW }));
    expect(reply.parsed.text).toContain("Tend knows nobody at nobody@nowhere.example");
    expect(reply.parsed.subject).toBe("Re: forget nobody@nowhere.example");
  });
});

async function run(sql: string, ...binds: (string | number | null)[]) {
  await env.DB.prepare(sql).bind(...binds).run();
}

/** Every text value of every row of every table that belongs to the user. */
async function textsOf(userId: string): Promise<{ table: string; column: string; value: string }[]> {
  const { results: tables } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'd1_%' and name not like '_cf_%'",
  ).all<{ name: string }>();
  const found: { table: string; column: string; value: string }[] = [];
  for (const { name: table } of tables) {
    const { results: columns } = await env.DB.prepare(`select name from pragma_table_info('${table}')`).all<{ name: string }>();
    const owner = table === "users" ? "id" : "user_id";
    expect({ table, owned: columns.some((c) => c.name === owner) }).toEqual({ table, owned: true });
    const { results: rows } = await env.DB.prepare(`select * from "${table}" where "${owner}" = ?`).bind(userId).all();
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) if (typeof value === "string") found.push({ table, column, value });
    }
  }
  return found;
}

async function columnsOf(query: string, id: string): Promise<unknown[]> {
  return Object.values((await env.DB.prepare(query).bind(id).first()) ?? {});
}

// Ana, seeded everywhere Tend can hold a person: her own rows, rows she shares
// with Ben, and rows filed under Ben (or no one) that name her in their text.
describe("forget means forget", () => {
  const FORGET_NOW = Date.parse("2026-11-25T09:00:00Z");
  const JON = { name: "Jon Okafor", address: "jon.okafor@icloud.com" };
  /** Her name and addresses, and her first name where those phrases used it. */
  const TRACES = [/ana@lumen\.studio/i, /ana\.lima@gmail\.com/i, /ana lima/i, /\bAna\b/];

  async function everywhere() {
    const sam = await seedUser(SAM.address, SAM.name);
    const ana = await seedContact(sam.id, { name: "Ana Lima", address: ANA });
    await run("insert into contact_addresses (user_id, address, contact_id) values (?, ?, ?)", sam.id, "ana.lima@gmail.com", ana);
    const ben = await seedContact(sam.id, { name: "Ben Okoro", address: "ben@okoro.dev" });
    const priya = await seedContact(sam.id, { name: "Priya Natarajan", address: PRIYA.address });

    const alone = await seedInteraction(sam.id, { contactIds: [ana], subject: "Coffee, just us", note: "She is hiring." });
    const shared = await seedInteraction(sam.id, {
      contactIds: [ben, ana],
      subject: "Ana <> Ben: climate design",
      note: "From Ana Lima <ana@lumen.studio>: Ben sends the deck; Ana wants Priya's view.",
    });
    const aside = await seedInteraction(sam.id, { contactIds: [ben], subject: "Lunch with Ben", note: "Ben asked about ana.lima@gmail.com and the pricing." });
    const bens = await seedInteraction(sam.id, { contactIds: [ben], subject: "Lunch", note: "Ben is moving to Lisbon." });

    await seedSignal(sam.id, { contactId: ana, kind: "need", text: "hiring a designer" });
    await seedSignal(sam.id, { contactId: null, kind: "need", text: "a studio in Lisbon", interactionId: alone });
    const portfolio = await seedSignal(sam.id, { contactId: ben, kind: "promise", text: "send him Ana's portfolio", interactionId: shared });
    const pricing = await seedSignal(sam.id, { contactId: ben, kind: "offer", text: "knows pricing", interactionId: aside });
    await run("update signals set sentence = ? where id = ?", "Ben asked about ana.lima@gmail.com; he knows pricing.", pricing);
    const moving = await seedSignal(sam.id, { contactId: ben, kind: "life_event", text: "moving to Lisbon", interactionId: bens });

    const deck = await seedTask(sam.id, { title: "Send Ana the deck", contactId: ana });
    const portfolioTask = await seedTask(sam.id, { title: "Send Ben Ana's portfolio", contactId: ben, signalId: portfolio });
    const intro = await seedTask(sam.id, { title: "Introduce Ben to Priya", contactId: ben });
    const thread = await seeder(env.DB).task(sam.id, {
      kind: "reminder",
      title: "Follow up with Ben",
      contactId: ben,
      dueAt: FORGET_NOW + 3 * DAY_MS,
      remindAt: FORGET_NOW + 3 * DAY_MS,
      threadMessageId: "<climate@mail.gmail.com>",
      threadSubject: "Re: Ana <> Ben: climate design",
      createdAt: FORGET_NOW - DAY_MS,
    });

    await seedNote(sam.id, ana, "she got the job!");
    await seedNote(sam.id, ben, "Ben and Ana Lima go back years; Ben loves sailing.");
    await seedIntroduction(sam.id, ana, ben);
    await seeder(env.DB).introduction(sam.id, { introducerContactId: priya, personAContactId: ana, followUpAt: null, createdAt: FORGET_NOW - 20 * DAY_MS });
    const benPriya = await seeder(env.DB).introduction(sam.id, {
      personAContactId: ben,
      personBContactId: priya,
      reason: "both asked Ana Lima about pricing",
      followUpAt: null,
      createdAt: FORGET_NOW - 7 * DAY_MS,
    });

    const digest = await seedDigest(sam.id, [
      { subjectKey: `task:${deck}`, contactId: ana, title: "Send Ana the deck" },
      { subjectKey: `contact:${ben}`, contactId: ben, title: "Check in with Ben Okoro", reason: "Ana said he is moving" },
      { subjectKey: `pair:${ana}:${ben}`, contactId: ben, title: "Introduce Ben Okoro and Ana Lima" },
      { subjectKey: `task:${portfolioTask}`, contactId: ben, title: "Send Ben the portfolio" },
      { subjectKey: `task:${intro}`, contactId: ben, title: "Introduce Ben to Priya" },
    ]);
    await seeder(env.DB).suppression(sam.id, `pair:${ana}:${ben}`, FORGET_NOW + 30 * DAY_MS, "skipped");
    await seeder(env.DB).suppression(sam.id, `signal:${portfolio}`, FORGET_NOW + 30 * DAY_MS, "snoozed");
    await run(
      "insert into action_log (id, user_id, digest_id, command, undo, created_at) values ('log-note', ?, ?, ?, '[]', ?)",
      sam.id,
      digest.id,
      "note 2: Ben and Ana Lima go back years",
      FORGET_NOW - DAY_MS,
    );
    await run(
      "insert into processed_messages (user_id, message_id, kind, interaction_id, received_at) values (?, '<coffee@mail.gmail.com>', 'notes', ?, ?)",
      sam.id,
      alone,
      FORGET_NOW - 3 * DAY_MS,
    );
    await run(
      "insert into outbound_messages (id, user_id, kind, to_address, subject, message_id, sent_at) values ('out-brief', ?, 'confirmation', ?, 'Brief: Ana Lima', '<out-brief@tend.example>', ?)",
      sam.id,
      SAM.address,
      FORGET_NOW - DAY_MS,
    );

    // Another user's Ana is hers to keep.
    const jon = await seedUser(JON.address, JON.name);
    const jonsAna = await seedContact(jon.id, { name: "Ana Lima", address: ANA });
    await seedInteraction(jon.id, { contactIds: [jonsAna], subject: "Ana and Jon: studio visit" });

    return { sam, ana, ben, priya, alone, shared, aside, bens, pricing, moving, intro, thread, benPriya, digest, jon };
  }

  async function ask(subject: string, lines: string[] = []) {
    const { deliver, sent } = testWorker({ now: () => FORGET_NOW });
    await deliver(commandMail({ from: SAM, to: TEND, subject, at: FORGET_NOW }, lines), { from: SAM.address, to: TEND });
    const [reply] = sent;
    if (!reply || sent.length !== 1) throw new Error(`expected one reply to “${subject}”`);
    return reply;
  }

  it("leaves nothing of her: her rows go, shared rows are redacted, and the confirmation counts both", async () => {
    const w = await everywhere();
    // An undoable action on her item, so the undo log holds her ids.
    const { deliver } = testWorker({ now: () => FORGET_NOW });
    await deliver(gmailReply(await seededDigestMail(w.digest.messageId), SAM, ["done 1"], { to: w.digest.replyAddress }), {
      from: SAM.address,
      to: w.digest.replyAddress,
    });
    const before = await textsOf(w.sam.id);
    expect(before.filter(({ value }) => TRACES.some((trace) => trace.test(value))).length).toBeGreaterThan(20);

    const question = await ask(`forget ${ANA}`);
    const done = await ask(`Re: ${question.parsed.subject ?? ""}`, ["Yes, forget her."]);
    const after = await textsOf(w.sam.id);
    const left = after.filter(({ value }) => TRACES.some((trace) => trace.test(value)) || value.includes(w.ana));
    expect(left).toEqual([]);

    // Redacted where others' words stay.
    expect(await columnsOf("select subject, note from interactions where id = ?", w.shared)).toEqual([
      "[forgotten] <> Ben: climate design",
      "From [forgotten]: Ben sends the deck; [forgotten] wants Priya's view.",
    ]);
    expect(await columnsOf("select note from interactions where id = ?", w.aside)).toEqual(["Ben asked about [forgotten] and the pricing."]);
    expect(await columnsOf("select text, sentence from signals where id = ?", w.pricing)).toEqual([
      "knows pricing",
      "Ben asked about [forgotten]; he knows pricing.",
    ]);
    expect(await columnsOf("select title, thread_subject from tasks where id = ?", w.thread)).toEqual(["Follow up with Ben", "Re: [forgotten] <> Ben: climate design"]);
    expect(await columnsOf("select reason from introductions where id = ?", w.benPriya)).toEqual(["both asked [forgotten] about pricing"]);
    expect(await notesOn(w.ben)).toEqual(["Ben and [forgotten] go back years; Ben loves sailing."]);

    // What is not about her stays whole: Ben, his conversations, his things, his items.
    expect(await count("select count(*) as n from contacts where user_id = ?", w.sam.id)).toBe(2);
    expect(await columnsOf("select subject, note from interactions where id = ?", w.bens)).toEqual(["Lunch", "Ben is moving to Lisbon."]);
    expect(await count("select count(*) as n from interaction_participants where interaction_id = ?", w.shared)).toBe(1);
    expect(await columnsOf("select text from signals where id = ?", w.moving)).toEqual(["moving to Lisbon"]);
    expect(await count("select count(*) as n from tasks where id in (?, ?)", w.intro, w.thread)).toBe(2);
    const items = await env.DB.prepare("select title, reason from digest_items where digest_id = ? order by position").bind(w.digest.id).all();
    expect(items.results).toEqual([
      { title: "Check in with Ben Okoro", reason: "[forgotten] said he is moving" },
      { title: "Introduce Ben to Priya", reason: "because" },
    ]);
    // Jon's Ana is untouched.
    expect(await count("select count(*) as n from contacts where user_id = ? and name = 'Ana Lima'", w.jon.id)).toBe(1);
    expect(await count("select count(*) as n from interactions where user_id = ? and subject = 'Ana and Jon: studio visit'", w.jon.id)).toBe(1);

    // The confirmation says what went and what was redacted.
    const said = done.parsed.text ?? "";
    expect(said).toContain("Forgotten: Ana Lima and everything about them.");
    expect(said).toContain(
      [
        "Removed:",
        "  • 1 conversation with only them",
        "  • 3 things Tend understood about them",
        "  • 2 promises and reminders",
        "  • 1 note",
        "  • 2 introductions",
        "  • 3 suggestions in past digests",
        "Kept for the others in them, without them:",
        "  • 1 conversation they shared with others",
        "Redacted (their name and address taken out, the rest kept):",
        "  • 2 conversations",
        "  • 1 thing Tend understood about someone else",
        "  • 1 reminder on a thread",
        "  • 1 note about someone else",
        "  • 1 introduction of others",
        "  • 1 suggestion in a past digest",
        "  • 2 records of mail Tend sent",
      ].join("\n"),
    );

    // Nor does anything Tend answers bring her up.
    for (const command of ["brief Ben", "pending"]) {
      const text = (await ask(command)).parsed.text ?? "";
      expect({ command, traces: TRACES.filter((trace) => trace.test(text)).map(String) }).toEqual({ command, traces: [] });
    }
    expect((await ask("brief Ben")).parsed.text).toContain("[forgotten] <> Ben: climate design");
    expect((await ask("brief Ana")).parsed.text).toContain("Tend knows nobody called Ana");
  });

  it("keeps a first name another contact shares, and that contact whole", async () => {
    const sam = await seedUser(SAM.address, SAM.name);
    const ana = await seedContact(sam.id, { name: "Ana Lima", address: ANA });
    const souza = await seedContact(sam.id, { name: "Ana Souza", address: "ana@souza.example" });
    const ben = await seedContact(sam.id, { name: "Ben Okoro", address: "ben@okoro.dev" });
    const shared = await seedInteraction(sam.id, { contactIds: [ben, ana, souza], subject: "Ana, Ana Lima and Ben", note: "Ana Souza hosts." });
    await seedNote(sam.id, souza, "Ana is moving to Porto.");

    const question = await ask(`forget ${ANA}`);
    await ask(`Re: ${question.parsed.subject ?? ""}`, ["Yes."]);

    expect(await columnsOf("select subject, note from interactions where id = ?", shared)).toEqual(["Ana, [forgotten] and Ben", "Ana Souza hosts."]);
    expect(await notesOn(souza)).toEqual(["Ana is moving to Porto."]);
    expect(await count("select count(*) as n from contacts where id = ?", souza)).toBe(1);
    const left = (await textsOf(sam.id)).filter(({ value }) => /ana lima|ana@lumen\.studio/i.test(value) || value.includes(ana));
    expect(left).toEqual([]);
  });
});
