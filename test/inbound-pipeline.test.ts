// Single edge cases of the inbound pipeline, through the real email() handler.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { MAX_REPLIES_PER_RECIPIENT_PER_HOUR } from "../src/domain/outbox.ts";
import { MAX_RAW_BYTES } from "../src/inbound/limits.ts";
import { cloudflarePass, inlineMessage, SAM, TEND } from "./helpers/mail.ts";
import { allCounts, countRows, resetDatabase } from "./helpers/rows.ts";
import { registerUsers } from "./helpers/registered-users.ts";
import { TEST_NOW, testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const PRIYA = { name: "Priya Natarajan", address: "priya.natarajan@outlook.com" };
const envelope = { from: SAM.address, to: TEND };

async function contact(address: string, userEmail = SAM.address) {
  return env.DB.prepare(
    `select c.* from contacts c join contact_addresses a on a.contact_id = c.id
     join users u on u.id = c.user_id where a.address = ? and u.email = ?`,
  )
    .bind(address, userEmail)
    .first<{ id: string; name: string | null; last_interaction_at: number; interaction_count: number; next_check_in_at: number }>();
}

describe("idempotency", () => {
  it("logs a message delivered twice once, and acknowledges it once", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { deliver, sent } = testWorker();
    const raw = inlineMessage({ messageId: "<twice@mail.gmail.com>", body: "Coffee with Ana Lima <ana@lumen.studio> today." });
    await deliver(raw, envelope);
    const once = await allCounts();
    await deliver(raw, envelope);
    const counts = await allCounts();
    expect(counts.interactions).toBe(1);
    // The redelivery writes nothing at all, not even another identity of the message.
    expect(counts).toEqual(once);
    expect(sent).toHaveLength(1);
  });

  it("logs the same notes sent twice with new Message-IDs once, and acknowledges them once", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { deliver, sent } = testWorker({ now: () => Date.parse("2026-11-23T20:00:00Z") });
    const notes = { subject: "Coffee with Ana", body: "Coffee with Ana Lima <ana@lumen.studio>.\r\nI'll send Ana the hiring guide by Tuesday." };
    await deliver(inlineMessage({ ...notes, messageId: "<notes-1@mail.gmail.com>" }), envelope);
    await deliver(inlineMessage({ ...notes, messageId: "<notes-2@mail.gmail.com>" }), envelope);
    expect(await countRows("interactions")).toBe(1);
    expect(await countRows("tasks")).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it("logs two different notes with the same opening as two", async () => {
    const { deliver } = testWorker({ now: () => Date.parse("2026-11-23T20:00:00Z") });
    const opening = "Weekly 1:1 notes, same template as always, agenda below and actions at the end of the list. ";
    await deliver(inlineMessage({ subject: "1:1", body: `${opening}Ana Lima <ana@lumen.studio> is hiring.`, messageId: "<a@mail.gmail.com>" }), envelope);
    await deliver(inlineMessage({ subject: "1:1", body: `${opening}Ben Cho <ben.cho@northwind.vc> is raising.`, messageId: "<b@mail.gmail.com>" }), envelope);
    expect(await countRows("interactions")).toBe(2);
  });
});

function capNote(n: number): string {
  return inlineMessage({ subject: `Notes ${n}`, messageId: `<cap-${n}@mail.gmail.com>`, body: `Coffee number ${n} with Ana Lima <ana@lumen.studio>.` });
}

describe("the reply cap", () => {
  it(`answers one address at most ${MAX_REPLIES_PER_RECIPIENT_PER_HOUR} times an hour, logs everything, and answers again the next hour`, async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    let now = Date.parse("2026-11-23T20:00:00Z");
    const { deliver, sent } = testWorker({ now: () => now });
    for (let n = 0; n < MAX_REPLIES_PER_RECIPIENT_PER_HOUR + 5; n++) {
      now += 60_000;
      await deliver(capNote(n), envelope);
    }
    expect(await countRows("interactions")).toBe(MAX_REPLIES_PER_RECIPIENT_PER_HOUR + 5);
    expect(sent).toHaveLength(MAX_REPLIES_PER_RECIPIENT_PER_HOUR);
    now += 60 * 60_000;
    await deliver(capNote(99), envelope);
    expect(sent).toHaveLength(MAX_REPLIES_PER_RECIPIENT_PER_HOUR + 1);
  });
});

describe("automatic mail", () => {
  const cases: [string, Partial<Parameters<typeof inlineMessage>[0]>][] = [
    ["an auto-reply", { headers: ["Auto-Submitted: auto-replied"], subject: "Automatic reply: Notes" }],
    ["a mailing list", { headers: ["List-Id: <climate.googlegroups.com>", "Precedence: list"] }],
    ["a bounce", { from: "Mail Delivery Subsystem <mailer-daemon@googlemail.com>", subject: "Delivery Status Notification (Failure)" }],
  ];
  for (const [what, message] of cases) {
    it(`ignores ${what}: no reply, no rows, no refusal`, async () => {
      const { deliver, sent } = testWorker();
      const delivered = await deliver(inlineMessage(message), envelope);
      expect(delivered.rejection).toBeNull();
      expect(sent).toEqual([]);
      expect(await countRows("users")).toBe(0);
      expect(await countRows("interactions")).toBe(0);
    });
  }
});

describe("bad input", () => {
  it("reads only the start of a 2 MiB message, logs its text, and says so", async () => {
    const { deliver, sent } = testWorker();
    const filler = `${"x".repeat(76)}\r\n`.repeat(Math.ceil((2 * 1024 * 1024) / 78));
    const raw = [
      cloudflarePass("gmail.com"),
      `From: ${SAM.name} <${SAM.address}>`,
      `To: ${TEND}`,
      "Subject: Notes with a big attachment",
      "Message-ID: <big@mail.gmail.com>",
      "Date: Mon, 23 Nov 2026 10:00:00 -0800",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "Lunch with Ana Lima <ana@lumen.studio>, deck attached.",
      "--b1",
      "Content-Type: application/pdf; name=deck.pdf",
      "Content-Transfer-Encoding: base64",
      "",
      filler,
      "--b1--",
    ].join("\r\n");
    expect(raw.length).toBeGreaterThan(2 * 1024 * 1024);
    const delivered = await deliver(raw, envelope);
    expect(delivered.rejection).toBeNull();
    const note = await env.DB.prepare("select note from interactions").first<{ note: string }>();
    expect(note?.note).toContain("Lunch with Ana Lima");
    expect((await contact("ana@lumen.studio"))?.name).toBe("Ana Lima");
    expect(sent[0]?.parsed.text).toContain(`larger than ${MAX_RAW_BYTES / 1024 / 1024} MiB`);
  });

  it("answers a message the parser refuses, and stores nothing of it", async () => {
    const { deliver, sent } = testWorker();
    let body = "deep";
    for (let depth = 0; depth < 40; depth++) {
      body = `Content-Type: multipart/mixed; boundary="n${depth}"\r\n\r\n--n${depth}\r\n${body}\r\n--n${depth}--`;
    }
    const raw = inlineMessage({ subject: "Nested", body: "" }).replace(/Content-Type: text\/plain; charset="UTF-8"\r\n\r\n$/, body);
    const delivered = await deliver(raw, envelope);
    expect(delivered.rejection).toBeNull();
    expect(await countRows("interactions")).toBe(0);
    expect(await countRows("contacts")).toBe(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.parsed.subject).toBe("Re: Nested");
    expect(sent[0]?.parsed.text).toContain("I could not log this message");
    expect(sent[0]?.parsed.text).toContain("Nothing from it was stored");
  });

  it("tells the user when a note holds nothing to log", async () => {
    const { deliver, sent } = testWorker();
    await deliver(inlineMessage({ subject: "", body: "\r\n" }), envelope);
    expect(await countRows("interactions")).toBe(0);
    expect(sent[0]?.parsed.text).toContain("I found no people and no text in it.");
  });

  it("never crashes on bytes that are not an email", async () => {
    const { deliver } = testWorker();
    const delivered = await deliver(new Uint8Array([0, 159, 146, 150, 255, 0, 10, 13]), envelope);
    expect(delivered.rejection).toMatch(/registered users/);
    expect(await countRows("users")).toBe(0);
  });
});

describe("contacts", () => {
  it("keeps the better name and moves the last interaction only forward", async () => {
    const { deliver } = testWorker();
    const to = (name: string, date: string, id: string) =>
      deliver(inlineMessage({ to: name, cc: TEND, date, messageId: `<${id}@mail.gmail.com>`, subject: "Hi" }), envelope);
    await to("ana@lumen.studio", "Mon, 2 Nov 2026 10:00:00 +0000", "n1");
    expect((await contact("ana@lumen.studio"))?.name).toBeNull();
    await to("Ana Lima <ana@lumen.studio>", "Mon, 16 Nov 2026 10:00:00 +0000", "n2");
    await to("Ana <ANA@lumen.studio>", "Mon, 9 Nov 2026 10:00:00 +0000", "n3");
    const ana = await contact("ana@lumen.studio");
    expect(ana?.name).toBe("Ana Lima");
    expect(ana?.last_interaction_at).toBe(Date.UTC(2026, 10, 16, 10));
    expect(await countRows("contacts")).toBe(1);
    expect(await countRows("interactions")).toBe(3);
  });

  it("keeps two users' contacts apart, even for the same person", async () => {
    const { deliver } = testWorker();
    await deliver(inlineMessage({ to: "Ana Lima <ana@lumen.studio>", cc: TEND, subject: "from Sam" }), envelope);
    await deliver(
      inlineMessage({ from: `${PRIYA.name} <${PRIYA.address}>`, to: "Ana L. <ana@lumen.studio>", cc: TEND, subject: "from Priya" }),
      { from: PRIYA.address, to: TEND },
    );
    const sams = await contact("ana@lumen.studio", SAM.address);
    const priyas = await contact("ana@lumen.studio", PRIYA.address);
    expect(sams?.id).toBeDefined();
    expect(priyas?.id).toBeDefined();
    expect(sams?.id).not.toBe(priyas?.id);
    expect(sams?.name).toBe("Ana Lima");
    expect(priyas?.name).toBe("Ana L.");
    const perUser = await env.DB.prepare(
      "select u.email, count(i.id) as n from users u join interactions i on i.user_id = u.id group by u.email order by u.email",
    ).all<{ email: string; n: number }>();
    expect(perUser.results).toEqual([
      { email: PRIYA.address, n: 1 },
      { email: SAM.address, n: 1 },
    ]);
  });
});

describe("follow-up requests by address", () => {
  it("sets a reminder for tend+3d@ and says when", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { deliver, sent } = testWorker();
    await deliver(
      inlineMessage({ to: "Dev Patel <dev@patel.io>", subject: "Pricing question", date: "Wed, 25 Nov 2026 14:20:00 +0000" }),
      { from: SAM.address, to: "tend+3d@tend.example" },
    );
    const task = await env.DB.prepare("select kind, remind_at, thread_message_id, thread_subject from tasks").first<{
      kind: string;
      remind_at: number;
      thread_subject: string;
    }>();
    expect(task?.kind).toBe("reminder");
    expect(task?.thread_subject).toBe("Pricing question");
    expect(task?.remind_at).toBeGreaterThan(TEST_NOW);
    expect(sent[0]?.parsed.text).toMatch(/I'll remind you about this thread on \w{3} \d{1,2} \w{3}, 09:00 \(UTC\)/);
    expect(sent[0]?.parsed.inReplyTo).toMatch(/^<inline-/);
  });

  it("explains an address tag it cannot read, and sets nothing", async () => {
    const { deliver, sent } = testWorker();
    await deliver(inlineMessage({ to: "Dev Patel <dev@patel.io>", subject: "Pricing" }), {
      from: SAM.address,
      to: "tend+someday@tend.example",
    });
    expect(await countRows("tasks")).toBe(0);
    expect(await countRows("interactions")).toBe(1);
    expect(sent[0]?.parsed.text).toContain("tend+someday@tend.example does not name a time I understand");
  });
});

describe("the same message twice by different routes", () => {
  it("logs a message CC'd to Tend and later forwarded to it once", async () => {
    const { deliver } = testWorker();
    const body = "Hi Dev,\r\n\r\nGreat to meet you at the climate meetup. Here is the pricing deck I mentioned; happy to walk you through it next week.\r\n\r\nSam";
    await deliver(
      inlineMessage({
        to: "Dev Patel <dev@patel.io>",
        cc: TEND,
        subject: "Pricing deck",
        date: "Tue, 24 Nov 2026 17:05:00 -0800",
        messageId: "<orig-cc@mail.gmail.com>",
        body,
      }),
      envelope,
    );
    const forward = [
      "FYI, logging this one.",
      "",
      "---------- Forwarded message ---------",
      `From: Sam Rivera <${SAM.address}>`,
      "Date: Tue, Nov 24, 2026 at 5:05 PM",
      "Subject: Pricing deck",
      "To: Dev Patel <dev@patel.io>",
      "",
      body,
    ].join("\r\n");
    await deliver(inlineMessage({ subject: "Fwd: Pricing deck", messageId: "<fwd@mail.gmail.com>", body: forward }), envelope);
    expect(await countRows("interactions")).toBe(1);

    // A different message in the same thread on the same day is still logged.
    await deliver(
      inlineMessage({ to: "Dev Patel <dev@patel.io>", cc: TEND, subject: "Re: Pricing deck", messageId: "<second@mail.gmail.com>", body: "One more thing: the annual plan has a discount for nonprofits." }),
      envelope,
    );
    expect(await countRows("interactions")).toBe(2);
  });
});
