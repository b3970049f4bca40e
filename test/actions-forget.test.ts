// "forget <address>": asks first, erases only on a confirming reply with a valid
// reference, and then nothing about the person is left.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { FORGET_ACTION } from "../src/actions/forget.ts";
import { linkToken } from "../src/lib/tokens.ts";
import { DAY_MS } from "../src/model.ts";
import { actionSnapshot, itemStates } from "./helpers/action-rows.ts";
import { commandMail, gmailReply, type Received } from "./helpers/client-replies.ts";
import { receiveDigest } from "./helpers/received-digest.ts";
import { resetDatabase } from "./helpers/rows.ts";
import {
  clock,
  DIGEST_AT,
  NOW,
  seedContact,
  seedInteraction,
  seedIntroduction,
  seedNote,
  seedSignal,
  seedTask,
  seedUser,
  SIGNING_KEY,
  TEND,
} from "./helpers/seed-actions.ts";
import { testWorker } from "./helpers/worker.ts";

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
  // The digest Tend sends about this world: two items about Ana, two about Ben.
  const digest = await receiveDigest(sam.id, DIGEST_AT);
  expect(digest.titles).toEqual(["Send Ana the deck", "Introduce Ben to Priya", "Check in with Ben Okoro", "Offer Ana Lima a hand"]);
  await env.DB.prepare("insert into processed_messages (user_id, message_id, kind, interaction_id, received_at) values (?, ?, 'notes', ?, ?)")
    .bind(sam.id, "<coffee@mail.gmail.com>", alone, NOW - 3 * DAY_MS)
    .run();
  return { sam, ana, ben, alone, shared, bens, deck, intro, digest };
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
    expect(text).toContain("1 conversation with only them (erased)");
    expect(text).toContain("1 conversation shared with others (kept, without them)");
    expect(text).toContain("2 things Tend understood about them");
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
    expect(await digestItemTitles(w.digest.id)).toEqual(["Introduce Ben to Priya", "Check in with Ben Okoro"]);
    expect(await itemStates(w.digest.id)).toEqual(["open", "open"]);
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
