// Reminders on time: the hourly cron sends what fell due, threaded to the
// original message, once.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "./helpers/rows.ts";
import { tasks } from "../src/db/schema.ts";
import { DAY_MS, HOUR_MS } from "../src/model.ts";
import { digestHarness } from "./helpers/digest-run.ts";
import { seeder } from "./helpers/seed.ts";

const seed = seeder(env.DB);
const created = Date.parse("2026-11-24T10:00:00Z");
const due = Date.parse("2026-12-01T08:00:00Z"); // Tue 1 Dec, 09:00 in Berlin

async function remindedAt(taskId: string): Promise<number | null> {
  const [row] = await seed.db.select({ at: tasks.remindedAt }).from(tasks).where(eq(tasks.id, taskId));
  return row?.at ?? null;
}

async function seedReminders() {
  // Created after Monday's digest time, so the cron only has reminders to send.
  const sam = await seed.user({ email: "sam.rivera@gmail.com", name: "Sam Rivera", timeZone: "Europe/Berlin", now: created });
  const ana = await seed.contact(sam.id, { name: "Ana Lima", address: "ana@lima.example", lastInteractionAt: created, now: created });
  const thread = { threadMessageId: "<coffee-thread@mail.gmail.com>", threadSubject: "Coffee next week?" };
  const followUp = await seed.task(sam.id, {
    kind: "reminder",
    title: "Follow up: Coffee next week?",
    contactId: ana,
    dueAt: due,
    remindAt: due,
    createdAt: created,
    ...thread,
  });
  const promise = await seed.task(sam.id, {
    kind: "promise",
    title: "send Ana the deck",
    contactId: ana,
    dueAt: due + DAY_MS,
    remindAt: due + DAY_MS,
    createdAt: created,
    ...thread,
  });
  const finished = await seed.task(sam.id, { kind: "promise", title: "book a table", contactId: ana, dueAt: due, remindAt: due - HOUR_MS, status: "done", createdAt: created });
  const secret = await seed.signal(sam.id, { contactId: ana, kind: "promise", text: "ask my cousin about the job, discreetly", private: true, createdAt: created });
  const confidential = await seed.task(sam.id, {
    kind: "promise",
    title: "ask my cousin about the job, discreetly",
    contactId: ana,
    signalId: secret,
    dueAt: due,
    remindAt: due,
    createdAt: created,
  });
  return { sam, followUp, promise, finished, confidential };
}

describe("reminders", () => {
  beforeEach(resetDatabase);

  it("sends each reminder at its hour, threaded to the original message, and never twice", async () => {
    const ids = await seedReminders();
    const { runCron, sent } = digestHarness();

    await runCron(due - HOUR_MS);
    expect(sent).toHaveLength(0);
    // A reminder whose task is done by now is marked, not sent.
    expect(await remindedAt(ids.finished)).toBe(due - HOUR_MS);

    await runCron(due);
    expect(sent).toHaveLength(2);
    const followUp = sent.find((mail) => mail.parsed.subject === "Re: Coffee next week?");
    expect(followUp?.parsed.inReplyTo).toBe("<coffee-thread@mail.gmail.com>");
    expect(followUp?.parsed.references).toContain("<coffee-thread@mail.gmail.com>");
    expect(followUp?.parsed.text).toContain("Follow up: Coffee next week? (with Ana Lima).");
    expect(followUp?.parsed.headers.find((h) => h.key === "auto-submitted")?.value).toBe("auto-generated");
    const confidential = sent.find((mail) => mail.parsed.subject === "Reminder");
    expect(confidential?.parsed.text).toContain("something you noted in confidence with Ana Lima");
    expect(`${confidential?.parsed.text ?? ""}${confidential?.parsed.html ?? ""}`).not.toContain("cousin");
    expect(await remindedAt(ids.followUp)).toBe(due);

    // The same hour again (a retried cron): nothing new.
    await runCron(due);
    expect(sent).toHaveLength(2);

    await runCron(due + DAY_MS);
    expect(sent).toHaveLength(3);
    expect(sent[2]?.parsed.text).toContain("You promised Ana Lima: Send Ana the deck. It is due today (Wed 2 Dec).");
  });

  it("leaves a reminder for the next run when the mail could not be sent", async () => {
    const ids = await seedReminders();
    const { runCron, sent } = digestHarness();
    const broken: SendEmail = {
      async send() {
        throw new Error("mail service unavailable");
      },
    };
    await runCron(due, { SEND_EMAIL: broken });
    expect(sent).toHaveLength(0);
    expect(await remindedAt(ids.followUp)).toBeNull();

    await runCron(due + HOUR_MS);
    expect(sent.map((mail) => mail.parsed.subject ?? "").toSorted((a, b) => a.localeCompare(b))).toEqual(["Re: Coffee next week?", "Reminder"]);
    expect(await remindedAt(ids.followUp)).toBe(due + HOUR_MS);
  });
});
