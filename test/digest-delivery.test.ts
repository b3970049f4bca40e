// The digest end to end: cron → queue() → the mail, parsed back with postal-mime.
import { env } from "cloudflare:workers";
import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "./helpers/rows.ts";
import { digestItems, digests, outboundMessages } from "../src/db/schema.ts";
import { splitSubaddress } from "../src/lib/addresses.ts";
import { digestIdOfReplyToken, verifyLinkToken, verifyReplyToken } from "../src/lib/tokens.ts";
import { DAY_MS, HOUR_MS } from "../src/model.ts";
import type { SentMail } from "./helpers/worker.ts";
import { digestHarness } from "./helpers/digest-run.ts";
import { type Seeder, seeder } from "./helpers/seed.ts";

const seed = seeder(env.DB);
const SIGNING_KEY = env.SIGNING_KEY;
const PUBLIC_URL = env.PUBLIC_URL;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const created = Date.parse("2026-11-04T09:00:00Z"); // Wed 4 Nov
const digestAt = Date.parse("2026-11-30T07:00:00Z"); // Mon 30 Nov, 08:00 in Berlin
const daysAgo = (days: number) => digestAt - days * DAY_MS;

/** Sam's network as of Monday 30 Nov, with something for every section. */
async function seedSam(s: Seeder) {
  const sam = await s.user({ email: "sam.rivera@gmail.com", name: "Sam Rivera", timeZone: "Europe/Berlin", now: created });
  const person = (name: string, address: string, extra: Partial<Parameters<Seeder["contact"]>[1]> = {}) =>
    s.contact(sam.id, { name, address, now: created, lastInteractionAt: daysAgo(10), ...extra });
  const ana = await person("Ana Lima", "ana@lima.example");
  const ben = await person("Ben Cho", "ben@cho.example");
  const carla = await person("Carla Diaz", "carla@diaz.example");
  const dan = await person("Dan Evans", "dan@evans.example");
  const eve = await person("Eve Park", "eve@park.example", { lastInteractionAt: daysAgo(70), learnedCadenceDays: 30, interactionCount: 6 });
  const farah = await person("Farah Khan", "farah@khan.example");
  const gus = await person("Gus Moreau", "gus@moreau.example");
  const hana = await person("Hana Sato", "hana@sato.example", { lastInteractionAt: daysAgo(80) });
  const ivan = await person("Ivan Petrov", "ivan@petrov.example");
  const jo = await person("Jo Adams", "jo@adams.example");
  const kai = await person("Kai Berg", "kai@berg.example");
  const lena = await person("Lena Vogt", "lena@vogt.example");

  await s.interaction(sam.id, { contactIds: [eve], subject: "Climbing trip photos", occurredAt: daysAgo(70) });
  const promise = await s.task(sam.id, {
    kind: "promise",
    title: "send Ana the pitch deck",
    contactId: ana,
    dueAt: daysAgo(3),
    createdAt: daysAgo(12),
  });
  const snoozed = await s.task(sam.id, { kind: "promise", title: "book the venue", contactId: kai, dueAt: daysAgo(2), createdAt: daysAgo(9) });
  await s.suppression(sam.id, `task:${snoozed}`, digestAt + 7 * DAY_MS, "snoozed");
  await s.task(sam.id, { kind: "waiting_on", title: "the signed contract", contactId: gus, dueAt: daysAgo(4), createdAt: daysAgo(20) });
  await s.signal(sam.id, { contactId: ana, kind: "need", text: "hiring a product designer", createdAt: daysAgo(5) });
  await s.signal(sam.id, { contactId: lena, kind: "need", text: "a flat in Lisbon for March", createdAt: daysAgo(4) });
  await s.signal(sam.id, { contactId: ben, kind: "offer", text: "happy to review design portfolios", createdAt: daysAgo(8) });
  await s.signal(sam.id, { contactId: eve, kind: "life_event", text: "started a new job at Lumen", createdAt: daysAgo(20) });
  await s.signal(sam.id, { contactId: farah, kind: "life_event", text: "wedding in Porto", dueAt: digestAt + 5 * DAY_MS, createdAt: daysAgo(15) });
  await s.signal(sam.id, { contactId: hana, kind: "need", text: "a divorce lawyer, quietly", private: true, createdAt: daysAgo(2) });
  await s.signal(sam.id, { contactId: ivan, kind: "interest", text: "#climate", tag: "climate", createdAt: daysAgo(6) });
  await s.signal(sam.id, { contactId: jo, kind: "interest", text: "#climate", tag: "climate", createdAt: daysAgo(7) });
  await s.signal(sam.id, { contactId: kai, kind: "interest", text: "#climate", tag: "climate", createdAt: daysAgo(9) });
  // Ivan and Jo already met through Sam: never suggested again.
  await s.introduction(sam.id, { personAContactId: ivan, personBContactId: jo, followUpAt: null, status: "connected", createdAt: daysAgo(40) });
  const thanks = await s.introduction(sam.id, {
    introducerContactId: carla,
    personAContactId: dan,
    reason: "Dan runs the design guild",
    followUpAt: daysAgo(2),
    createdAt: daysAgo(16),
  });
  return { sam, ana, ben, eve, farah, gus, hana, ivan, jo, kai, promise, thanks };
}

/** env.DB, except that statements matching `pattern` fail when run. */
function failingOn(pattern: RegExp): D1Database {
  const db = env.DB;
  const failing = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, prop) {
        if (prop === "bind") return (...values: unknown[]) => failing(target.bind(...values));
        if (prop === "run" || prop === "all" || prop === "raw" || prop === "first") {
          return async () => {
            throw new Error("D1_ERROR: injected failure");
          };
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => (pattern.test(sql) ? failing(target.prepare(sql)) : target.prepare(sql));
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function header(mail: SentMail, name: string): string | undefined {
  return mail.parsed.headers.find((h) => h.key === name)?.value;
}

/** The numbered titles of a digest's plain text, in order. */
function titles(text: string): string[] {
  return [...text.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => `${m[1]}. ${m[2]}`);
}

function flat(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ");
}

describe("weekly digest", () => {
  beforeEach(resetDatabase);

  it("sends one mail with numbered items, reasons in the other person's terms, links and headers", async () => {
    const network = await seedSam(seed);
    const { runCron, runJobs, sent } = digestHarness();
    const jobs = await runCron(digestAt);
    expect(jobs).toEqual([{ kind: "digest", userId: network.sam.id, scheduledFor: digestAt, week: "2026-W49" }]);
    const { result, ids } = await runJobs(jobs);
    expect(result.explicitAcks).toEqual(ids);
    expect(sent).toHaveLength(1);
    const mail = sent[0];
    if (!mail) throw new Error("no digest sent");

    expect(mail.parsed.subject).toBe("Tend: 7 things for the week of Mon 30 Nov");
    expect(mail.parsed.to?.[0]?.address).toBe("sam.rivera@gmail.com");
    expect(mail.raw).toMatch(/multipart\/alternative/i);
    const text = mail.parsed.text ?? "";
    // Most pressing first; a dated event ahead of what can wait.
    expect(titles(text)).toEqual([
      "1. Ana Lima — you said you'd send Ana the pitch deck; was due Fri 27 Nov, 3 days ago",
      "2. Farah Khan — wedding in Porto Sat 5 Dec (in 5 days)",
      "3. Thank Carla for introducing you to Dan",
      "4. Eve Park — time to check in (last in touch two months ago)",
      "5. Lena Vogt — a flat in Lisbon for March: do you know someone who could help?",
      "6. Introduce Ana Lima and Ben Cho?",
      "7. Gus Moreau — you're waiting on them",
    ]);
    const body = flat(text);
    expect(body).toContain("You promised Ana on Wed 18 Nov. If it will be late, a short note with a new date keeps your word.");
    // A check-in's reason is their news, not the rhythm.
    expect(body).toContain("Eve's last news: started a new job at Lumen.");
    expect(body).not.toContain("You usually talk");
    expect(body).toContain("Ana: hiring a product designer; Ben: happy to review design portfolios.");
    expect(body).toContain("Since Tue 10 Nov. It was expected Thu 26 Nov, 4 days ago. A gentle nudge?");
    // The reply syntax once, at the end; one link per item.
    expect(text.match(/snooze 3 2w/g)).toHaveLength(1);
    expect(text.match(new RegExp(`${escaped(PUBLIC_URL)}/a/`, "g"))).toHaveLength(7);
    // Told in confidence: never in the mail.
    expect(body).not.toContain("divorce");
    expect(mail.parsed.html ?? "").not.toContain("divorce");
    // Snoozed until next week; Ivan and Jo were already introduced.
    expect(body).not.toContain("venue");
    expect(body).not.toMatch(/Introduce (Ivan Petrov and Jo Adams|Jo Adams and Ivan Petrov)/);

    expect(mail.parsed.html).toContain("<span style=\"color:#9a8f7f;font-weight:600;\">6.</span> Introduce Ana Lima and Ben Cho?");

    // The digest and its items are recorded, and the reply token names this digest.
    const [digest] = await seed.db.select().from(digests).where(eq(digests.userId, network.sam.id));
    expect(digest).toMatchObject({ week: "2026-W49", status: "sent", itemCount: 7, messageId: mail.messageId, scheduledFor: digestAt });
    const items = await seed.db.select().from(digestItems).where(eq(digestItems.digestId, digest?.id ?? "")).orderBy(asc(digestItems.position));
    expect(items.map((item) => [item.position, item.section, item.subjectKey])).toEqual([
      [1, "promises", `task:${network.promise}`],
      [2, "coming_up", expect.stringMatching(/^signal:/)],
      [3, "close_loop", `introduction:${network.thanks}`],
      [4, "check_in", `contact:${network.eve}`],
      [5, "offer_help", expect.stringMatching(/^signal:/)],
      [6, "introductions", network.ana < network.ben ? `pair:${network.ana}:${network.ben}` : `pair:${network.ben}:${network.ana}`],
      [7, "waiting_on", expect.stringMatching(/^task:/)],
    ]);

    const replyTo = mail.parsed.replyTo?.[0]?.address ?? "";
    const { base, subaddress } = splitSubaddress(replyTo);
    expect(base).toBe(env.TEND_ADDRESS);
    const token = subaddress?.slice("r.".length) ?? "";
    expect(subaddress?.startsWith("r.")).toBe(true);
    expect(digestIdOfReplyToken(token)).toBe(digest?.id);
    expect(await verifyReplyToken(SIGNING_KEY, token, network.sam.id)).toBe(true);

    // One link per item: item 4's names item 4 and leaves the verb to its page; unsubscribe names Sam.
    const link4 = body.match(new RegExp(`4\\. Eve Park.*? ${escaped(PUBLIC_URL)}/a/(\\S+)`))?.[1] ?? "";
    const check = await verifyLinkToken(SIGNING_KEY, link4, digestAt);
    expect(check).toEqual({ ok: true, claim: { subject: items[3]?.id, action: "open", expiresAt: expect.any(Number) } });

    const unsubscribe = header(mail, "list-unsubscribe")?.match(new RegExp(`^<${escaped(PUBLIC_URL)}/u/(\\S+)>$`))?.[1] ?? "";
    expect(await verifyLinkToken(SIGNING_KEY, unsubscribe, digestAt)).toMatchObject({ ok: true, claim: { subject: network.sam.id, action: "unsubscribe" } });
    expect(header(mail, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(header(mail, "auto-submitted")).toBe("auto-generated");

    const outbound = await seed.db.select().from(outboundMessages);
    expect(outbound).toMatchObject([{ kind: "digest", toAddress: "sam.rivera@gmail.com", messageId: mail.messageId }]);
  });

  it("sends exactly one digest per user and week, however the job is repeated", async () => {
    const { sam } = await seedSam(seed);
    const { runCron, runJobs, sent } = digestHarness();
    const jobs = await runCron(digestAt);
    // The same message twice in one batch (processed concurrently), then redelivered, then a late duplicate.
    const first = await runJobs([...jobs, ...jobs]);
    expect(first.result.explicitAcks).toEqual(first.ids);
    const again = await runJobs(jobs, { attempts: 2 });
    expect(again.result.explicitAcks).toEqual(again.ids);
    await runJobs([{ userId: sam.id, scheduledFor: digestAt + HOUR_MS, week: "2026-W49" }]);
    expect(sent).toHaveLength(1);
    expect(await seed.db.select().from(digests)).toHaveLength(1);
  });

  it("retries with backoff when sending fails, then sends once under the same digest", async () => {
    await seedSam(seed);
    const { runCron, runJobs, sent } = digestHarness();
    const jobs = await runCron(digestAt);
    const broken: SendEmail = {
      async send() {
        throw new Error("mail service unavailable");
      },
    };
    const failed = await runJobs(jobs, { env: { ...env, SEND_EMAIL: broken } });
    expect(failed.result.explicitAcks).toEqual([]);
    expect(failed.result.retryMessages).toEqual([{ msgId: failed.ids[0] }]);
    expect(failed.retryDelays).toEqual([60]);
    const [afterFailure] = await seed.db.select().from(digests);
    expect(afterFailure?.status).toBe("failed");

    const thirdAttempt = await runJobs(jobs, { env: { ...env, SEND_EMAIL: broken }, attempts: 3 });
    expect(thirdAttempt.result.retryMessages).toEqual([{ msgId: thirdAttempt.ids[0] }]);
    expect(thirdAttempt.retryDelays).toEqual([240]);

    const recovered = await runJobs(jobs, { attempts: 4 });
    expect(recovered.result.explicitAcks).toEqual(recovered.ids);
    expect(sent).toHaveLength(1);
    const rows = await seed.db.select().from(digests);
    expect(rows).toMatchObject([{ id: afterFailure?.id, status: "sent", itemCount: 7 }]);
    expect(await seed.db.select().from(digestItems)).toHaveLength(7);
  });

  it("keeps the claim when the mail left but could not be recorded, so a retry cannot send it again", async () => {
    await seedSam(seed);
    const { runCron, runJobs, sent } = digestHarness();
    const jobs = await runCron(digestAt);
    const first = await runJobs(jobs, { env: { ...env, DB: failingOn(/^insert into "outbound_messages"/) } });
    expect(sent).toHaveLength(1);
    expect(first.result.explicitAcks).toEqual(first.ids);
    expect(await seed.db.select({ status: digests.status, messageId: digests.messageId }).from(digests)).toEqual([
      { status: "sent", messageId: null },
    ]);
    await runJobs(jobs, { attempts: 2 });
    expect(sent).toHaveLength(1);
  });

  it("drops a malformed job without sending", async () => {
    await seedSam(seed);
    const { runJobs, sent } = digestHarness();
    const { result, ids } = await runJobs([{ userId: 42 }, "nonsense"]);
    expect(result.explicitAcks).toEqual(ids);
    expect(sent).toHaveLength(0);
  });

  it("keeps the cap and lets no more than one long-silent person in after an import", async () => {
    const sam = await seed.user({ email: "sam.rivera@gmail.com", name: "Sam Rivera", now: created, maxItems: 5 });
    // 120 people last heard from years ago, as from an imported mailbox…
    for (let i = 0; i < 120; i++) {
      await seed.contact(sam.id, { name: `Old Friend ${i}`, lastInteractionAt: digestAt - (900 + i) * DAY_MS, now: created });
    }
    // …and three whose rhythm lapsed this month.
    for (const name of ["Lena Vogt", "Omar Haddad", "Pia Lund"]) {
      await seed.contact(sam.id, { name, lastInteractionAt: daysAgo(75), now: created });
    }
    const { runCron, runJobs, sent } = digestHarness();
    await runJobs(await runCron(digestAt));
    const text = sent[0]?.parsed.text ?? "";
    const items = titles(text);
    expect(items.length).toBeLessThanOrEqual(5);
    expect(items.filter((t) => t.includes("Old Friend")).length).toBeLessThanOrEqual(1);
    expect(items.filter((t) => /Lena Vogt|Omar Haddad|Pia Lund/.test(t))).toHaveLength(3);
  });

  it("sends a short note in an empty week, or nothing when the user chose silence", async () => {
    const noter = await seed.user({ email: "sam.rivera@gmail.com", name: "Sam Rivera", timeZone: "Europe/Berlin", now: created });
    const silent = await seed.user({ email: "ana@tend.test", emptyDigest: "skip", timeZone: "Europe/Berlin", now: created });
    const { runCron, runJobs, sent } = digestHarness();
    await runJobs(await runCron(digestAt));
    expect(sent.map((mail) => mail.to)).toEqual(["sam.rivera@gmail.com"]);
    expect(sent[0]?.parsed.subject).toBe("Tend: a quiet week (Mon 30 Nov)");
    expect(sent[0]?.parsed.text).toContain("Nothing needs you this week");
    const note = sent[0];
    if (!note) throw new Error("no note sent");
    expect(header(note, "list-unsubscribe")?.startsWith(`<${PUBLIC_URL}/u/`)).toBe(true);
    const rows = await seed.db.select({ userId: digests.userId, status: digests.status }).from(digests);
    expect(rows).toEqual(expect.arrayContaining([{ userId: noter.id, status: "sent" }, { userId: silent.id, status: "empty" }]));
  });

  it("brings a snoozed item back once its time has passed", async () => {
    const { sam, promise } = await seedSam(seed);
    await seed.suppression(sam.id, `task:${promise}`, digestAt + 3 * DAY_MS, "snoozed");
    const { runCron, runJobs, sent } = digestHarness();
    await runJobs(await runCron(digestAt));
    expect(flat(sent[0]?.parsed.text)).not.toContain("pitch deck");
    await runJobs(await runCron(digestAt + 7 * DAY_MS));
    expect(sent).toHaveLength(2);
    expect(titles(sent[1]?.parsed.text ?? "")[0]).toMatch(/^1\. Ana Lima — you said you'd send Ana the pitch deck; was due Fri 27 Nov/);
  });
});
