// The D1 cost of logging one message depends on the message, not on how many
// contacts the user already has: every lookup goes through an index.
import { env } from "cloudflare:workers";
import { beforeEach, expect, it } from "vitest";
import { seedBulkContacts } from "./helpers/bulk-contacts.ts";
import { type D1Cost, meterD1 } from "./helpers/d1-meter.ts";
import { inlineMessage, SAM, TEND } from "./helpers/mail.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { testWorker } from "./helpers/worker.ts";
import { emailMessage } from "./helpers/email-message.ts";
import { MAX_MENTION_MATCHES } from "../src/inbound/people.ts";

beforeEach(resetDatabase);

async function costOfLoggingWith(contacts: number, body: string): Promise<D1Cost> {
  await resetDatabase();
  const { deliver } = testWorker();
  await deliver(inlineMessage({ subject: "first mail creates the user" }), { from: SAM.address, to: TEND });
  const user = await env.DB.prepare("select id from users").first<{ id: string }>();
  if (!user) throw new Error("no user");
  await seedBulkContacts(user.id, contacts);

  const meter = meterD1(env.DB);
  const { worker } = testWorker();
  const raw = inlineMessage({
    to: "Seed 3 <person3@example.com>, Dana New <dana@new.example>",
    cc: TEND,
    subject: "Intro",
    messageId: "<cost-probe@mail.gmail.com>",
    body,
  });
  await worker.email(emailMessage(raw, { from: SAM.address, to: TEND }), { ...env, DB: meter.db });
  return meter.cost;
}

const INTRO = "Hi both, meet each other! Dana is building a climate tool and you invest in them, so I thought you two should talk.";

it("costs the same D1 queries and rows read with 10 or 10,000 contacts", async () => {
  const small = await costOfLoggingWith(10, INTRO);
  const large = await costOfLoggingWith(10_000, INTRO);
  expect(await env.DB.prepare("select count(*) as n from contacts").first("n")).toBe(10_001);
  expect(await env.DB.prepare("select count(*) as n from introductions").first("n")).toBe(1);
  expect(large).toEqual(small);
  // Pinned so a regression that adds queries shows up here, not in production bills.
  expect(small.roundTrips).toBeLessThanOrEqual(8);
});

it("reads a bounded number of rows when a first name is shared by thousands", async () => {
  // Every seeded contact is called "Seed …": the mention matches all of them.
  const shared = "Seed, meet Dana! Dana is building a climate tool, so I thought you two should talk.";
  const small = await costOfLoggingWith(10, shared);
  const large = await costOfLoggingWith(10_000, shared);
  expect(large.roundTrips).toBe(small.roundTrips);
  expect(large.rowsRead - small.rowsRead).toBeLessThanOrEqual(MAX_MENTION_MATCHES);
  // An ambiguous first name is not guessed: only the two addressed people took part.
  expect(await env.DB.prepare("select count(*) as n from interaction_participants where interaction_id = (select interaction_id from processed_messages where message_id = '<cost-probe@mail.gmail.com>')").first("n")).toBe(2);
});
