// The first week of an account, through the real email() handler: the welcome
// on a new user's first message, a second address confirmed from itself,
// OWNERS read on every message (and naming a whole domain), and "delete my
// account" leaving no row of the user behind.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { commandMail, gmailReply } from "./helpers/client-replies.ts";
import { digestHarness } from "./helpers/digest-run.ts";
import { emailMessage } from "./helpers/email-message.ts";
import { inlineMessage } from "./helpers/mail.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { type SentMail, testWorker } from "./helpers/worker.ts";

const TEND = "tend@tend.example";
const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const SAM_WORK = { name: "Sam Rivera", address: "sam@work.example" };
const PRIYA = { name: "Priya Natarajan", address: "priya.natarajan@outlook.com" };
// Mon 23 Nov 2026, 10:00 in Los Angeles.
const NOW = Date.parse("2026-11-23T18:00:00Z");

beforeEach(resetDatabase);

function thread(from: { name: string; address: string }, subject: string, date = "Mon, 23 Nov 2026 10:00:00 -0800"): string {
  return inlineMessage({
    from: `${from.name} <${from.address}>`,
    to: "Ana Lima <ana@lima.example>",
    cc: `Tend <${TEND}>`,
    subject,
    date,
    body: "Ana, lovely to meet you yesterday. Let's stay in touch.",
  });
}

async function userRow(address: string) {
  return env.DB.prepare("select u.id, u.time_zone, u.next_digest_at from users u join user_addresses a on a.user_id = u.id where a.address = ?")
    .bind(address)
    .first<{ id: string; time_zone: string; next_digest_at: number }>();
}

async function count(sql: string, ...binds: (string | number)[]): Promise<number> {
  return (await env.DB.prepare(sql).bind(...binds).first<{ n: number }>())?.n ?? 0;
}

/** Rows per table that belong to a user: by user_id where a table has one, by id for users. */
async function rowsOf(userId: string): Promise<Record<string, number>> {
  const { results } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'd1_%' and name not like '_cf_%'",
  ).all<{ name: string }>();
  const counts: Record<string, number> = {};
  for (const { name } of results) {
    const { results: columns } = await env.DB.prepare(`pragma table_info("${name}")`).all<{ name: string }>();
    const column = columns.some((c) => c.name === "user_id") ? "user_id" : name === "users" ? "id" : null;
    if (column) counts[name] = await count(`select count(*) as n from "${name}" where ${column} = ?`, userId);
  }
  return counts;
}

const text = (mail: SentMail | undefined) => mail?.parsed.text ?? "";

describe("the welcome", () => {
  it("answers a new user's first CC'd thread once, with what it logged and the zone it guessed", async () => {
    const { deliver, sent } = testWorker({ now: () => NOW });
    const first = await deliver(thread(SAM, "Lovely to meet"), { from: SAM.address, to: TEND });
    expect(first.rejection).toBeNull();
    expect(sent).toHaveLength(1);
    const welcome = sent[0];
    expect(welcome?.to).toBe(SAM.address);
    expect(welcome?.parsed.subject).toBe("Welcome to Tend");
    expect(welcome?.parsed.inReplyTo).toMatch(/^<inline-\d+@mail\.gmail\.com>$/);
    const body = text(welcome);
    expect(body).toContain("I logged this thread with Ana Lima");
    expect(body).toContain("Three ways to use me:");
    expect(body).toContain("tend+3d@tend.example");
    expect(body).toContain("from your message's Date header (-0800) I guessed America/Los_Angeles. It is a guess.");
    expect(body).toContain("set timezone Europe/Berlin");
    expect(body).toContain("Every Monday at 08:00 your time");
    expect(body).toContain("“help”");

    // The guess is stored: the first digest is Monday 08:00 in Los Angeles, not 08:00 UTC.
    const row = await userRow(SAM.address);
    expect(row?.time_zone).toBe("America/Los_Angeles");
    expect(row?.next_digest_at).toBe(Date.parse("2026-11-30T16:00:00Z"));

    // The second message gets no welcome (a CC'd thread gets no reply at all).
    await deliver(thread(SAM, "Next steps"), { from: SAM.address, to: TEND });
    expect(sent).toHaveLength(1);
    expect(await count("select count(*) as n from interactions")).toBe(2);
  });

  it("welcomes a user whose first message is a command, after answering it, and says so", async () => {
    const { deliver, sent } = testWorker({ now: () => NOW });
    await deliver(commandMail({ from: PRIYA, to: TEND, subject: "help", at: NOW }), { from: PRIYA.address, to: TEND });
    expect(sent.map((mail) => mail.parsed.subject)).toEqual(["Re: help", "Welcome to Tend"]);
    expect(text(sent[1])).toContain("I answered your message in a separate reply.");
    // commandMail writes its Date in UTC (+0000): in November that reads as London.
    expect(text(sent[1])).toContain("(+0000) I guessed Europe/London");
  });
});

describe("a second address", () => {
  it("joins the account only from itself, with the code mailed to the user; then its mail lands in the same account", async () => {
    let now = NOW;
    const { deliver, sent } = testWorker({ now: () => now });
    await deliver(thread(SAM, "Lovely to meet"), { from: SAM.address, to: TEND });
    const sam = await userRow(SAM.address);

    // Before it is confirmed, the new address is a stranger.
    const early = await deliver(thread(SAM_WORK, "From work"), { from: SAM_WORK.address, to: TEND });
    expect(early.rejection).toMatch(/^Tend accepts mail only from its registered users/);

    now += 60_000;
    await deliver(commandMail({ from: SAM, to: TEND, subject: "add address sam@work.example", at: now }), { from: SAM.address, to: TEND });
    const request = sent.at(-1);
    expect(request?.to).toBe(SAM.address);
    const code = /confirm address ([a-z2-7]{16})/.exec(text(request))?.[1] ?? "";
    expect(code).toHaveLength(16);
    // Tend wrote to no one but the user.
    expect(sent.every((mail) => mail.to === SAM.address)).toBe(true);

    // A wrong code from the new address changes nothing.
    const wrong = await deliver(commandMail({ from: SAM_WORK, to: TEND, subject: "confirm address abcdefghabcdefgh", at: now }), { from: SAM_WORK.address, to: TEND });
    expect(wrong.rejection).toMatch(/registered users/);
    expect(await userRow(SAM_WORK.address)).toBeNull();

    const before = sent.length;
    const confirm = await deliver(commandMail({ from: SAM_WORK, to: TEND, subject: `confirm address ${code}`, at: now }), { from: SAM_WORK.address, to: TEND });
    expect(confirm.rejection).toBeNull();
    expect(sent.slice(before).map((mail) => mail.to)).toEqual([SAM_WORK.address, SAM.address]);
    expect(text(sent.at(-1))).toContain("sam@work.example is now part of your Tend account");
    expect((await userRow(SAM_WORK.address))?.id).toBe(sam?.id);

    // Mail from the work address is logged on Sam's one account, and there is still one user.
    const fromWork = await deliver(thread(SAM_WORK, "From work"), { from: SAM_WORK.address, to: TEND });
    // From Gmail with his work address in Cc: neither of Sam's addresses becomes a contact of his.
    await deliver(
      inlineMessage({
        from: `${SAM.name} <${SAM.address}>`,
        to: "Ana Lima <ana@lima.example>",
        cc: `Tend <${TEND}>, ${SAM_WORK.name} <${SAM_WORK.address}>`,
        subject: "Both of me",
        body: "Ana, copying my work address.",
      }),
      { from: SAM.address, to: TEND },
    );
    expect(fromWork.rejection).toBeNull();
    expect(await count("select count(*) as n from users")).toBe(1);
    expect(await count("select count(*) as n from interactions where user_id = ?", sam?.id ?? "")).toBe(3);
    // Ana is the one contact.
    expect(await count("select count(*) as n from contacts where user_id = ?", sam?.id ?? "")).toBe(1);

    // The code works once.
    const replay = await deliver(commandMail({ from: SAM_WORK, to: TEND, subject: `confirm address ${code}`, at: now }), { from: SAM_WORK.address, to: TEND });
    expect(replay.rejection).toBeNull();

    // Removed, the address is a stranger again; the primary address cannot be removed.
    await deliver(commandMail({ from: SAM, to: TEND, subject: "remove address sam@work.example", at: now }), { from: SAM.address, to: TEND });
    expect(text(sent.at(-1))).toContain("Removed sam@work.example from your account");
    await deliver(commandMail({ from: SAM, to: TEND, subject: `remove address ${SAM.address}`, at: now }), { from: SAM.address, to: TEND });
    expect(text(sent.at(-1))).toContain("is the address this deployment knows you by");
    const after = await deliver(thread(SAM_WORK, "Still work"), { from: SAM_WORK.address, to: TEND });
    expect(after.rejection).toMatch(/registered users/);
  });

  it("refuses an address that belongs to another account", async () => {
    const { deliver, sent } = testWorker({ now: () => NOW });
    await deliver(thread(PRIYA, "Hello"), { from: PRIYA.address, to: TEND });
    await deliver(commandMail({ from: SAM, to: TEND, subject: `add address ${PRIYA.address}`, at: NOW }), { from: SAM.address, to: TEND });
    expect(text(sent.find((mail) => mail.parsed.subject === `Re: add address ${PRIYA.address}`))).toContain("belongs to another Tend account");
    expect(await count("select count(*) as n from address_confirmations")).toBe(0);
  });

  it("lets an address OWNERS admits by its domain join an account instead of starting its own", async () => {
    const { worker, sent } = testWorker({ now: () => NOW });
    const team = { ...env, OWNERS: "sam.rivera@gmail.com,*@northwind.vc" };
    const send = async (raw: string, from: string) => {
      const message = emailMessage(raw, { from, to: TEND });
      await worker.email(message, team);
      return message;
    };
    await send(commandMail({ from: SAM, to: TEND, subject: "add address sam@northwind.vc", at: NOW }), SAM.address);
    const code = /confirm address ([a-z2-7]{16})/.exec(text(sent.find((mail) => mail.parsed.subject === "Re: add address sam@northwind.vc")))?.[1] ?? "";
    const confirm = await send(commandMail({ from: { name: "Sam Rivera", address: "sam@northwind.vc" }, to: TEND, subject: `confirm address ${code}`, at: NOW }), "sam@northwind.vc");
    expect(confirm.rejection).toBeNull();
    expect(await count("select count(*) as n from users")).toBe(1);
    expect((await userRow("sam@northwind.vc"))?.id).toBe((await userRow(SAM.address))?.id);
  });
});

describe("OWNERS on every message", () => {
  it("refuses a user taken out of OWNERS, though their account exists", async () => {
    const { worker, deliver } = testWorker({ now: () => NOW });
    await deliver(thread(SAM, "Lovely to meet"), { from: SAM.address, to: TEND });
    const revoked = emailMessage(thread(SAM, "After removal"), { from: SAM.address, to: TEND });
    await worker.email(revoked, { ...env, OWNERS: "priya.natarajan@outlook.com" });
    expect(revoked.rejection).toBe(`Tend accepts mail only from its registered users; ${SAM.address} is no longer one.`);
    expect(await count("select count(*) as n from interactions")).toBe(1);
  });

  it("sends a revoked user neither digests nor reminders", async () => {
    const { deliver, sent, runCron, runJobs } = digestHarness({ now: () => NOW });
    await deliver(
      inlineMessage({ from: `${SAM.name} <${SAM.address}>`, to: "Ana Lima <ana@lima.example>", subject: "Catch up", body: "Ana, let's catch up." }),
      { from: SAM.address, to: "tend+everymonday@tend.example" },
    );
    const before = sent.length;
    const revoked = { ...env, OWNERS: "priya.natarajan@outlook.com" };
    // Mon 30 Nov, 09:00 in Los Angeles: Sam's digest hour has passed and his reminder is due.
    const at = Date.parse("2026-11-30T17:00:00Z");
    const jobs = await runCron(at, revoked);
    await runJobs(jobs, { env: revoked });
    expect(sent.length).toBe(before);
    // Put back, Sam is served again from his next digest on.
    await runJobs(await runCron(at + 7 * 86_400_000));
    expect(sent.slice(before).map((mail) => mail.parsed.subject ?? "")).toEqual([expect.stringMatching(/^Tend: /)]);
  });

  it("accepts anyone at a wildcard's domain as a user, and no one at a look-alike", async () => {
    const { worker, sent } = testWorker({ now: () => NOW });
    const team = { ...env, OWNERS: "*@northwind.vc" };
    const ben = emailMessage(thread({ name: "Ben Cho", address: "ben.cho@northwind.vc" }, "Intro"), { from: "ben.cho@northwind.vc", to: TEND });
    await worker.email(ben, team);
    expect(ben.rejection).toBeNull();
    expect(await userRow("ben.cho@northwind.vc")).not.toBeNull();
    expect(sent.map((mail) => mail.to)).toEqual(["ben.cho@northwind.vc"]);

    for (const address of ["ben@mail.northwind.vc", "ben@northwind.vc.example"]) {
      const stranger = emailMessage(thread({ name: "Not Ben", address }, "Intro"), { from: address, to: TEND });
      await worker.email(stranger, team);
      expect(stranger.rejection).toMatch(/registered users/);
    }
    expect(await count("select count(*) as n from users")).toBe(1);
  });
});

describe("delete my account", () => {
  it("asks first, then erases every row of the user and only theirs, and says so", async () => {
    let now = NOW;
    const { deliver, sent, runCron, runJobs } = digestHarness({ now: () => now });
    for (const who of [SAM, PRIYA]) {
      await deliver(thread(who, "Lovely to meet"), { from: who.address, to: TEND });
      await deliver(
        inlineMessage({ from: `${who.name} <${who.address}>`, subject: "Coffee with Ana", body: "Coffee with Ana Lima. I'll send Ana the deck by Friday." }),
        { from: who.address, to: TEND },
      );
      await deliver(
        inlineMessage({ from: `${who.name} <${who.address}>`, to: "Ana Lima <ana@lima.example>", subject: "Monthly", body: "Ana, monthly?" }),
        { from: who.address, to: "tend+monthly@tend.example" },
      );
      await deliver(commandMail({ from: who, to: TEND, subject: `add address ${who === SAM ? SAM_WORK.address : "priya@work.example"}`, at: now }), { from: who.address, to: TEND });
    }
    // A week on, both get a digest (08:00 in Los Angeles) and act on it: digests, items, suppressions, the undo log.
    now = Date.parse("2026-11-30T16:00:00Z");
    await runJobs(await runCron(now));
    for (const who of [SAM, PRIYA]) {
      const digest = sent.find((mail) => mail.to === who.address && (mail.parsed.replyTo?.[0]?.address ?? "").startsWith("tend+r."));
      if (!digest) throw new Error(`no digest for ${who.address}`);
      await deliver(gmailReply(digest, who, ["done 1"], { at: now }), { from: who.address, to: digest.parsed.replyTo?.[0]?.address ?? TEND });
    }
    const sam = (await userRow(SAM.address))?.id ?? "";
    const priya = (await userRow(PRIYA.address))?.id ?? "";
    const samBefore = await rowsOf(sam);
    const priyaBefore = await rowsOf(priya);
    const tables = ["users", "user_addresses", "contacts", "contact_addresses", "interactions", "interaction_participants", "signals", "tasks"];
    tables.push("recurring_reminders", "address_confirmations", "processed_messages", "outbound_messages", "digests", "digest_items", "suppressions", "action_log");
    // Every table the test means to see emptied holds rows of Sam's first.
    expect(tables.filter((table) => (samBefore[table] ?? 0) === 0)).toEqual([]);

    now += 60_000;
    await deliver(commandMail({ from: SAM, to: TEND, subject: "delete my account", at: now }), { from: SAM.address, to: TEND });
    const ask = sent.at(-1);
    expect(ask?.parsed.subject).toMatch(/^Confirm: delete my account \(ref [a-z0-9.]+\)$/);
    expect(text(ask)).toContain("1 person, 3 conversations, 2 promises and reminders");
    expect(await rowsOf(sam)).toEqual({ ...samBefore, processed_messages: (samBefore.processed_messages ?? 0) + 1, outbound_messages: (samBefore.outbound_messages ?? 0) + 1 });
    if (!ask) throw new Error("no confirmation request");

    // Another user's reply with Sam's reference erases nothing of anyone's.
    await deliver(gmailReply(ask, PRIYA, ["yes"], { at: now }), { from: PRIYA.address, to: TEND });
    expect(text(sent.at(-1))).toContain("nothing was deleted");
    expect(await count("select count(*) as n from users")).toBe(2);

    await deliver(gmailReply(ask, SAM, ["Yes, delete it."], { at: now }), { from: SAM.address, to: TEND });
    const goodbye = sent.at(-1);
    expect(goodbye?.to).toBe(SAM.address);
    expect(goodbye?.parsed.subject).toBe("Your Tend account is deleted");
    expect(text(goodbye)).toContain("Deleted, as you asked: 1 person, 3 conversations");

    const samAfter = await rowsOf(sam);
    expect(Object.entries(samAfter).filter(([, n]) => n > 0)).toEqual([]);
    for (const address of [SAM.address, SAM_WORK.address]) {
      expect(await count("select count(*) as n from outbound_messages where to_address = ?", address)).toBe(0);
      expect(await count("select count(*) as n from user_addresses where address = ?", address)).toBe(0);
      expect(await count("select count(*) as n from address_confirmations where address = ?", address)).toBe(0);
    }
    // Priya's rows are as they were, but for her refused reply's record and Tend's answer to it.
    expect(await rowsOf(priya)).toEqual({ ...priyaBefore, processed_messages: (priyaBefore.processed_messages ?? 0) + 1, outbound_messages: (priyaBefore.outbound_messages ?? 0) + 1 });
  });
});
