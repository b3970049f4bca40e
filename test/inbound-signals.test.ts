// What people write becomes signals about people, stored with provenance, and
// acknowledged as a numbered list the user can correct.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { fixtures, USERS } from "./helpers/fixtures.ts";
import { inlineMessage, SAM, TEND } from "./helpers/mail.ts";
import { countRows, resetDatabase } from "./helpers/rows.ts";
import { testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const envelope = { from: SAM.address, to: TEND };

interface SignalRow {
  kind: string;
  text: string;
  sentence: string;
  due_at: number | null;
  private: number;
  status: string;
  about_user: number;
  interaction_id: string;
  person: string | null;
}

/** Signals of the interactions with this subject (all, without one), in acknowledgement order. */
async function signalRows(subject?: string): Promise<SignalRow[]> {
  const { results } = await env.DB.prepare(
    `select s.*, c.name as person from signals s left join contacts c on c.id = s.contact_id
     join interactions i on i.id = s.interaction_id where ?1 is null or i.subject = ?1 order by s.rowid`,
  )
    .bind(subject ?? null)
    .all<SignalRow>();
  return results;
}

/** Creates Sam as a user in `timeZone` with Ana and Dev as contacts; the Worker's clock reads `now`. */
async function samIn(timeZone: string, now = Date.parse("2026-11-25T12:00:00Z")) {
  const worker = testWorker({ now: () => now });
  await worker.deliver(fixtures.gmailIntroCc, envelope);
  await worker.deliver(
    inlineMessage({ to: "Dev Patel <dev@patel.io>", cc: TEND, subject: "Hello Dev", body: "Good to meet you." }),
    envelope,
  );
  await env.DB.prepare("update users set time_zone = ?").bind(timeZone).run();
  worker.sent.length = 0;
  return worker;
}

describe("signals from notes", () => {
  it("stores each kind with its sentence, interaction and person", async () => {
    const { deliver } = await samIn("Europe/Lisbon");
    await deliver(
      inlineMessage({
        subject: "Coffee with Ana",
        date: "Wed, 25 Nov 2026 10:00:00 +0000",
        body: [
          "Coffee with Ana this morning.",
          "Ana is hiring a senior designer for Lumen.",
          "I'll send Ana the hiring guide by Friday.",
          "She asked me to review the pitch deck.",
          "Dev said he'd send the term sheet next week.",
          "Dev knows pricing inside out.",
          "Ana is moving to Lisbon in June.",
          "Follow up with Dev in 3 weeks.",
          "#climate",
        ].join("\r\n"),
      }),
      envelope,
    );
    const rows = await signalRows("Coffee with Ana");
    const interaction = await env.DB.prepare("select id from interactions where subject = 'Coffee with Ana'").first<{ id: string }>();
    expect(rows.every((r) => r.interaction_id === interaction?.id)).toBe(true);
    const summary = rows.map((r) => [r.kind, r.person, r.due_at === null ? null : new Date(r.due_at).toISOString().slice(0, 10)]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["need", "Ana Lima", null],
        ["promise", "Ana Lima", "2026-11-27"],
        // "She" in a sentence of its own could be Ana or Dev: kept on the interaction, not guessed.
        ["ask", null, null],
        ["waiting_on", "Dev Patel", expect.any(String)],
        ["offer", "Dev Patel", null],
        ["life_event", "Ana Lima", "2027-06-01"],
        ["follow_up", "Dev Patel", "2026-12-16"],
        ["interest", null, null],
      ]),
    );
    expect(rows.find((r) => r.kind === "need")?.sentence).toBe("Ana is hiring a senior designer for Lumen.");
    expect(rows.find((r) => r.kind === "interest")?.text).toContain("climate");

    const tasks = await env.DB.prepare("select kind, signal_id is not null as linked from tasks order by kind").all();
    expect(tasks.results).toEqual([
      { kind: "ask", linked: 1 },
      { kind: "follow_up", linked: 1 },
      { kind: "promise", linked: 1 },
      { kind: "waiting_on", linked: 1 },
    ]);
  });

  it("flags nothing in sentences that only look like signals", async () => {
    const { deliver } = await samIn("UTC");
    await deliver(
      inlineMessage({
        subject: "Misc",
        body: "I'll be in Berlin next week.\r\nThanks for the intro!\r\nMeet me at 5.\r\nLet me know if you have questions.",
      }),
      envelope,
    );
    expect(await signalRows("Misc")).toEqual([]);
    expect(await countRows("tasks")).toBe(0);
  });
});

async function promiseDue(timeZone: string, date: string): Promise<{ due: string; dueAt: number }> {
  const { deliver } = await samIn(timeZone, Date.parse(date) + 60_000);
  await deliver(inlineMessage({ subject: "Deck", date, body: "I'll send Ana the deck by Friday." }), envelope);
  const row = (await signalRows("Deck")).find((r) => r.kind === "promise");
  const task = await env.DB.prepare("select due_at from tasks where kind = 'promise'").first<{ due_at: number }>();
  if (!row?.due_at || !task) throw new Error("no dated promise");
  return { due: new Date(row.due_at).toISOString(), dueAt: task.due_at };
}

describe("dates", () => {

  it("resolves 'by Friday' across the year end in the user's zone", async () => {
    // Thursday 31 Dec 2026, 23:30 in Los Angeles: Friday is 1 Jan 2027, at 09:00 there.
    const la = await promiseDue("America/Los_Angeles", "Thu, 31 Dec 2026 23:30:00 -0800");
    expect(la.due).toBe("2027-01-01T17:00:00.000Z");
    expect(la.dueAt).toBe(Date.parse(la.due));
  });

  it("reads the same instant as Friday already, in Tokyo", async () => {
    // The same instant is Friday 1 Jan 2027, 16:30 in Tokyo: said on a Friday, "by Friday" means the next one.
    const tokyo = await promiseDue("Asia/Tokyo", "Thu, 31 Dec 2026 23:30:00 -0800");
    expect(tokyo.due).toBe("2027-01-08T00:00:00.000Z");
  });

  it("rolls a month end over into the next month", async () => {
    // Monday 30 Nov 2026 in Berlin: Friday is 4 December.
    const berlin = await promiseDue("Europe/Berlin", "Mon, 30 Nov 2026 18:00:00 +0100");
    expect(berlin.due).toBe("2026-12-04T08:00:00.000Z");
  });
});

describe("privacy", () => {
  it("keeps what was told in confidence but never quotes it back", async () => {
    const { deliver, sent } = await samIn("UTC");
    await deliver(
      inlineMessage({
        subject: "Ana",
        body: "Ana is hiring a designer.\r\nprivate: Ana is pregnant, due in May.\r\nAna's father is in hospital #private",
      }),
      envelope,
    );
    const privateRows = (await signalRows("Ana")).filter((r) => r.private === 1);
    expect(privateRows.length).toBeGreaterThan(0);
    const ack = sent.at(-1)?.parsed.text ?? "";
    expect(ack).toContain("kept private");
    for (const row of privateRows) expect(ack).not.toContain(row.text);
  });
});

async function noteAndAck() {
  const worker = await samIn("UTC");
  await worker.deliver(
    inlineMessage({
      subject: "Call with Dev",
      messageId: "<call-with-dev@mail.gmail.com>",
      body: "Dev is hiring a senior designer.\r\nDev is moving to Porto in June.\r\nI'll send Dev the pricing deck by Friday.",
    }),
    envelope,
  );
  const ack = worker.sent.at(-1);
  const replyTo = ack?.parsed.replyTo?.[0]?.address ?? "";
  return { ...worker, ack, replyTo };
}

describe("correcting what was understood", () => {

  it("numbers what it understood and removes the one the user calls wrong", async () => {
    const { deliver, ack, replyTo, sent } = await noteAndAck();
    expect(replyTo).toMatch(/^tend\+n\.[a-z0-9]+\.[a-z0-9]+@tend\.example$/);
    expect(ack?.parsed.text).toMatch(/1\. Need \(Dev Patel\): .*hiring a senior designer/);
    expect(ack?.parsed.text).toMatch(/2\. Life event \(Dev Patel\): .*Porto/);
    expect(ack?.parsed.text).toContain("wrong 2");

    await deliver(
      inlineMessage({
        to: replyTo,
        subject: "Re: Call with Dev",
        body: "wrong 2\r\nHe is moving to Braga, not Porto.\r\n\r\nOn Wed, Nov 25, 2026 at 10:00 AM Tend <tend@tend.example> wrote:\r\n> 1. Need (Dev Patel)",
      }),
      { from: SAM.address, to: replyTo },
    );
    const rows = await signalRows("Call with Dev");
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ["need", "open"],
      ["life_event", "dismissed"],
      ["promise", "open"],
    ]);
    const note = await env.DB.prepare("select note from interactions where subject = 'Call with Dev'").first<{ note: string }>();
    expect(note?.note).toContain("He is moving to Braga, not Porto.");
    expect(note?.note).not.toContain("wrote:");
    const confirmation = sent.at(-1)?.parsed.text ?? "";
    expect(confirmation).toContain("Removed 2:");
    expect(confirmation).toContain("Kept the rest of your reply as a note");
  });

  it("removes the task that came from a wrong promise", async () => {
    const { deliver, replyTo } = await noteAndAck();
    expect(await countRows("tasks")).toBe(1);
    await deliver(inlineMessage({ to: replyTo, subject: "Re: Call with Dev", body: "3 is wrong" }), { from: SAM.address, to: replyTo });
    expect(await countRows("tasks")).toBe(0);
  });

  it("changes nothing for another user's or a tampered token", async () => {
    const { deliver, replyTo, sent } = await noteAndAck();
    const priya = "priya.natarajan@outlook.com";
    await deliver(
      inlineMessage({ from: `Priya <${priya}>`, to: replyTo, subject: "Re: Call with Dev", body: "wrong 1" }),
      { from: priya, to: replyTo },
    );
    const tampered = replyTo.replace(/\.([a-z0-9]+)@/, (_m, mac: string) => `.${mac.split("").toReversed().join("")}@`);
    await deliver(inlineMessage({ to: tampered, subject: "Re: Call with Dev", body: "wrong 1" }), { from: SAM.address, to: tampered });
    expect((await signalRows("Call with Dev")).every((r) => r.status === "open")).toBe(true);
    expect(sent.at(-1)?.parsed.text).toContain("does not match anything I logged for you");
    expect(sent.at(-2)?.parsed.to?.[0]?.address).toBe(priya);
  });
});

describe("the fixtures' signals", () => {
  it("finds the promise and the need in Outlook's forwarded notes", async () => {
    const { deliver } = testWorker();
    await deliver(fixtures.outlookForwardedNotes, { from: USERS.priya, to: TEND });
    const rows = await signalRows();
    expect(rows.some((r) => r.kind === "promise" && r.text.includes("pricing deck"))).toBe(true);
    expect(rows.some((r) => r.kind === "need" && r.person === "Dev Patel" && r.text.includes("senior designer"))).toBe(true);
  });
});
