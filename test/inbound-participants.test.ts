// Replies from people on a user's thread who are not users (issue 10's first
// part): Sam writes "Ana, meet Ben…" with Tend in Cc, Ana answers with
// reply-all. Through the real email() handler, with reply-all messages as
// Gmail, Outlook and Apple Mail write them, quoted history included.
import { seedBulkContacts } from "./helpers/bulk-contacts.ts";
import { env } from "cloudflare:workers";
import type { Email } from "postal-mime";
import { beforeEach, describe, expect, it } from "vitest";
import { REJECT_PREFIX } from "../src/inbound/admit.ts";
import { emailMessage } from "./helpers/email-message.ts";
import { type D1Cost, meterD1 } from "./helpers/d1-meter.ts";
import { fixtures, USERS } from "./helpers/fixtures.ts";
import { TEND } from "./helpers/mail.ts";
import { appleMailReplyAll, gmailReplyAll, outlookReplyAll, parseQuoted, type Person } from "./helpers/participant-replies.ts";
import { allCounts, resetDatabase } from "./helpers/rows.ts";
import { testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const NOW = Date.parse("2026-11-24T12:00:00Z");
const ANA: Person = { name: "Ana Lima", address: "ana@lumen.studio" };
const BEN: Person = { name: "Ben Cho", address: "ben.cho@northwind.vc" };
const FAILED = "Authentication-Results: mx.cloudflare.net; dkim=none; dmarc=fail (policy=none) header.from=lumen.studio; spf=fail smtp.mailfrom=evil.example";

/** Sam's introduction delivered, as the thread every reply here continues. */
async function samIntroduces() {
  const tend = testWorker({ now: () => NOW });
  const message = await tend.deliver(fixtures.gmailIntroCc, { from: USERS.sam, to: TEND });
  expect(message.rejection).toBeNull();
  const intro = await parseQuoted(fixtures.gmailIntroCc);
  return { ...tend, intro };
}

async function userId(address: string): Promise<string> {
  const id = await env.DB.prepare("select user_id from user_addresses where address = ?").bind(address).first<string>("user_id");
  if (!id) throw new Error(`no user ${address}`);
  return id;
}

interface Turn {
  id: string;
  user_id: string;
  kind: string;
  note: string;
  occurred_at: number;
}

async function turnOf(messageId: string): Promise<Turn[]> {
  const { results } = await env.DB.prepare("select id, user_id, kind, note, occurred_at from interactions where message_id = ?").bind(messageId).all<Turn>();
  return results;
}

async function participants(interactionId: string): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `select c.primary_address as address, p.role from interaction_participants p join contacts c on c.id = p.contact_id
     where p.interaction_id = ? order by c.primary_address`,
  )
    .bind(interactionId)
    .all<{ address: string; role: string }>();
  return results.map((r) => `${r.role} ${r.address}`);
}

async function contactOf(user: string, address: string) {
  return env.DB.prepare(
    `select c.last_interaction_at, c.interaction_count, c.next_check_in_at from contact_addresses a join contacts c on c.id = a.contact_id
     where a.user_id = ? and a.address = ?`,
  )
    .bind(user, address)
    .first<{ last_interaction_at: number; interaction_count: number; next_check_in_at: number }>();
}

const CLIENTS: [string, (q: Email, from: Person, lines: string[]) => string][] = [
  ["Gmail", (q, f, l) => gmailReplyAll(q, f, l)],
  ["Outlook", (q, f, l) => outlookReplyAll(q, f, l)],
  ["Apple Mail", (q, f, l) => appleMailReplyAll(q, f, l)],
];

const countOf = (sql: string) => env.DB.prepare(sql).first<number>("n");

const messageIdOf = (raw: string) => raw.match(/^Message-ID: (<[^>]+>)/m)?.[1] ?? "";

describe("a reply-all from a person on a user's thread", () => {
  for (const [client, reply] of CLIENTS) {
    it(`is logged on Sam's timeline as Ana's turn, never bounced (${client})`, async () => {
      const { deliver, sent, intro } = await samIntroduces();
      const sam = await userId(USERS.sam);
      const before = await contactOf(sam, ANA.address);
      const mailsBefore = sent.length;

      const raw = reply(intro, ANA, ["Thanks Sam! Ben, lovely to meet you.", "Would Thursday work for a call?", "", "Ana"]);
      const message = await deliver(raw, { from: ANA.address, to: TEND });
      expect(message.rejection).toBeNull();
      expect(sent).toHaveLength(mailsBefore);

      const [turn, ...others] = await turnOf(messageIdOf(raw));
      expect(others).toEqual([]);
      expect(turn?.user_id).toBe(sam);
      expect(turn?.kind).toBe("thread");
      expect(turn?.note).toContain("lovely to meet you");
      expect(turn?.note).not.toContain("Ana, meet Ben");
      expect(await participants(turn?.id ?? "")).toEqual([`from ${ANA.address}`, `to ${BEN.address}`]);

      // Ana's check-in clock restarts at her reply; Ben's stays at Sam's introduction.
      const after = await contactOf(sam, ANA.address);
      expect(after?.last_interaction_at).toBe(turn?.occurred_at);
      expect(after?.last_interaction_at).toBeGreaterThan(before?.last_interaction_at ?? Infinity);
      expect(after?.interaction_count).toBe((before?.interaction_count ?? 0) + 1);
      expect((await contactOf(sam, BEN.address))?.last_interaction_at).toBe(before?.last_interaction_at);

      // A redelivery writes nothing.
      const counts = await allCounts();
      expect((await deliver(raw, { from: ANA.address, to: TEND })).rejection).toBeNull();
      expect(await allCounts()).toEqual(counts);
      expect(sent).toHaveLength(mailsBefore);
    });
  }

  it("joins the thread: a reply to Ana's reply is Ben's turn", async () => {
    const { deliver, intro } = await samIntroduces();
    const anas = gmailReplyAll(intro, ANA, ["Lovely to meet you, Ben."]);
    await deliver(anas, { from: ANA.address, to: TEND });
    const bens = outlookReplyAll(await parseQuoted(anas), BEN, ["Likewise! Thursday 3pm?"]);
    expect((await deliver(bens, { from: BEN.address, to: TEND })).rejection).toBeNull();
    const [turn] = await turnOf(messageIdOf(bens));
    expect(await participants(turn?.id ?? "")).toEqual([`to ${ANA.address}`, `from ${BEN.address}`]);
  });

  it("is dropped without a bounce, a row or a mail when its From fails authentication", async () => {
    const { deliver, sent, intro } = await samIntroduces();
    const counts = await allCounts();
    const mails = sent.length;
    const message = await deliver(gmailReplyAll(intro, ANA, ["Thanks Sam!"], { authentication: FAILED }), { from: "bounce@evil.example", to: TEND });
    expect(message.rejection).toBeNull();
    expect(await allCounts()).toEqual(counts);
    expect(sent).toHaveLength(mails);
  });

  it("is no one's turn when it is Tend's own mail come back", async () => {
    const { deliver, sent, intro } = await samIntroduces();
    const counts = await allCounts();
    const mails = sent.length;
    const message = await deliver(gmailReplyAll(intro, { name: "Tend", address: TEND }, ["Logged."]), { from: TEND, to: TEND });
    expect(message.rejection).toBeNull();
    expect(await allCounts()).toEqual(counts);
    expect(sent).toHaveLength(mails);
  });

  it("still refuses a stranger on no known thread, even with the same subject and people", async () => {
    const { deliver, sent, intro } = await samIntroduces();
    const counts = await allCounts();
    const mails = sent.length;
    for (const thread of [
      { inReplyTo: null, references: [] },
      { inReplyTo: "<unknown@mail.gmail.com>", references: ["<also-unknown@mail.gmail.com>"] },
    ]) {
      const message = await deliver(gmailReplyAll(intro, ANA, ["Thanks Sam!"], { thread }), { from: ANA.address, to: TEND });
      expect(message.rejection).toBe(`${REJECT_PREFIX}; ${ANA.address} is not one.`);
    }
    // Unauthenticated and on no known thread: refused as before.
    const forged = await deliver(gmailReplyAll(intro, ANA, ["Hi"], { authentication: FAILED, thread: { inReplyTo: null, references: [] } }), {
      from: "bounce@evil.example",
      to: TEND,
    });
    expect(forged.rejection).toMatch(new RegExp(`^${REJECT_PREFIX}`));
    expect(await allCounts()).toEqual(counts);
    expect(sent).toHaveLength(mails);
  });

  it("gives a participant no commands, no corrections and no mail, whatever they write", async () => {
    const { deliver, sent, intro } = await samIntroduces();
    const sam = await userId(USERS.sam);
    const mails = sent.length;
    const attempts: [string[], string][] = [
      [["help"], TEND],
      [[`forget ${BEN.address}`], TEND],
      [["done 1", "skip 2"], TEND],
      [["export"], TEND],
      [["wrong 1"], "tend+n.anything@tend.example"],
      [["done 1"], "tend+r.anything@tend.example"],
      [["note 1 call me"], "tend+3d@tend.example"],
    ];
    for (const [lines, to] of attempts) {
      const message = await deliver(gmailReplyAll(intro, ANA, lines), { from: ANA.address, to });
      expect(message.rejection).toBeNull();
    }
    expect(sent).toHaveLength(mails);
    expect(await contactOf(sam, BEN.address)).not.toBeNull();
    expect(await countOf("select count(*) as n from action_log")).toBe(0);
    expect(await countOf("select count(*) as n from tasks where kind = 'reminder'")).toBe(0);
    expect(await countOf("select count(*) as n from outbound_messages where to_address <> 'sam.rivera@gmail.com'")).toBe(0);
    // Each is only Ana's turn on the thread.
    expect(await countOf("select count(*) as n from interactions where kind = 'thread'")).toBe(attempts.length);
  });
});

describe("user isolation", () => {
  it("writes a reply on Sam's thread only to Sam's rows", async () => {
    const { deliver, intro } = await samIntroduces();
    const priyaNote = [
      "Authentication-Results: mx.cloudflare.net; dkim=pass header.d=outlook.com header.s=s1 header.b=x; dmarc=pass header.from=outlook.com",
      "From: Priya Natarajan <priya.natarajan@outlook.com>",
      `To: ${ANA.name} <${ANA.address}>`,
      `Cc: ${TEND}`,
      "Subject: Lunch",
      "Message-ID: <priya-1@outlook.com>",
      "Date: Mon, 23 Nov 2026 08:00:00 +0000",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Lunch next week, Ana?",
    ].join("\r\n");
    expect((await deliver(priyaNote, { from: USERS.priya, to: TEND })).rejection).toBeNull();
    const priya = await userId(USERS.priya);
    const priyaRows = async () =>
      env.DB.prepare(
        `select (select count(*) from interactions where user_id = ?1) || ':' || (select group_concat(last_interaction_at || '/' || interaction_count) from contacts where user_id = ?1) as s`,
      )
        .bind(priya)
        .first<string>("s");
    const priyaBefore = await priyaRows();

    const raw = appleMailReplyAll(intro, ANA, ["Thanks Sam!"]);
    await deliver(raw, { from: ANA.address, to: TEND });
    expect((await turnOf(messageIdOf(raw))).map((t) => t.user_id)).toEqual([await userId(USERS.sam)]);
    expect(await priyaRows()).toBe(priyaBefore);
  });

  it("logs a thread two users joined once for each, separately", async () => {
    const { deliver, intro } = await samIntroduces();
    // Priya, in Cc of a copy of the thread, answers it with Tend in Cc: her own logged message.
    const priyas = outlookReplyAll(intro, { name: "Priya Natarajan", address: USERS.priya }, ["Ana, happy to help too."]);
    expect((await deliver(priyas, { from: USERS.priya, to: TEND })).rejection).toBeNull();
    const anas = gmailReplyAll(await parseQuoted(priyas), ANA, ["Thank you both!"]);
    await deliver(anas, { from: ANA.address, to: TEND });
    const turns = await turnOf(messageIdOf(anas));
    expect(turns.map((t) => t.user_id).toSorted()).toEqual([await userId(USERS.sam), await userId(USERS.priya)].toSorted());
    for (const turn of turns) {
      const { results } = await env.DB.prepare("select distinct c.user_id from interaction_participants p join contacts c on c.id = p.contact_id where p.interaction_id = ?")
        .bind(turn.id)
        .all<{ user_id: string }>();
      expect(results.map((r) => r.user_id)).toEqual([turn.user_id]);
    }
  });
});

async function costOfAnasReply(contacts: number): Promise<{ cost: D1Cost; statements: readonly string[] }> {
  await resetDatabase();
  const { intro } = await samIntroduces();
  await seedBulkContacts(await userId(USERS.sam), contacts, { loggedMessages: true });
  const meter = meterD1(env.DB);
  const { worker } = testWorker({ now: () => NOW });
  // With signals: an ask, a promise and a need, each written in the same batch as the turn.
  const raw = gmailReplyAll(intro, ANA, ["Thanks Sam! Could you send me the maps?", "I'll send you the deck by Friday.", "We're hiring a designer."], {
    messageId: "<ana-cost@lumen.studio>",
  });
  await worker.email(emailMessage(raw, { from: ANA.address, to: TEND }), { ...env, DB: meter.db });
  const [turn] = await turnOf("<ana-cost@lumen.studio>");
  expect(await countOf(`select count(*) as n from tasks where interaction_id = '${turn?.id ?? ""}' and kind in ('ask', 'waiting_on')`)).toBe(2);
  expect(await countOf(`select count(*) as n from signals where interaction_id = '${turn?.id ?? ""}' and kind = 'need'`)).toBe(1);
  return { cost: meter.cost, statements: meter.log };
}

describe("cost", () => {
  it("costs the same D1 queries and rows read with 10 or 10,000 contacts and logged messages", async () => {
    const small = await costOfAnasReply(10);
    const large = await costOfAnasReply(10_000);
    expect(large.cost).toEqual(small.cost);
    // Pinned: who is the sender, whose thread, already logged, one batch of reads (contacts and the
    // thread's introductions, waiting-on items, reminders and writers), one batch of writes.
    expect(small.cost.roundTrips).toBeLessThanOrEqual(5);

    // Every read walks an index: none of them grows with the address book.
    const reads = new Set(large.statements.filter((statement) => /^\s*select/i.test(statement)));
    expect(reads.size).toBeGreaterThan(5);
    for (const statement of reads) {
      const params = (statement.match(/\?/g) ?? []).map(() => null);
      const plan = await env.DB.prepare(`explain query plan ${statement}`)
        .bind(...params)
        .all<{ detail: string }>();
      const fullScans = plan.results.map((row) => row.detail).filter((detail) => /^SCAN (?!CONSTANT ROW)/.test(detail) && !/USING (COVERING )?INDEX/.test(detail));
      expect({ statement, fullScans }).toEqual({ statement, fullScans: [] });
    }
  });
});
