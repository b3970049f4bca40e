// Whole .eml files from Gmail, Outlook, Apple Mail and Thunderbird through the
// real email() handler, asserting what lands in D1 and what Tend replies.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS } from "../src/model.ts";
import { fixtures, USERS } from "./helpers/fixtures.ts";
import { TEND } from "./helpers/mail.ts";
import { allCounts, resetDatabase } from "./helpers/rows.ts";
import { registerUsers } from "./helpers/registered-users.ts";
import { testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

interface InteractionRow {
  id: string;
  kind: string;
  subject: string;
  note: string;
  occurred_at: number;
  message_id: string;
}

async function lastInteraction(): Promise<InteractionRow> {
  const row = await env.DB.prepare("select * from interactions order by created_at desc, rowid desc limit 1").first<InteractionRow>();
  if (!row) throw new Error("no interaction was logged");
  return row;
}

async function participants(interactionId: string): Promise<[string | null, string | null, string][]> {
  const { results } = await env.DB.prepare(
    `select c.name, c.primary_address as address, p.role from interaction_participants p
     join contacts c on c.id = p.contact_id where p.interaction_id = ? order by c.name`,
  )
    .bind(interactionId)
    .all<{ name: string | null; address: string | null; role: string }>();
  return results.map((r) => [r.name, r.address, r.role]);
}

async function contactId(address: string): Promise<string | null> {
  return env.DB.prepare("select contact_id from contact_addresses where address = ?").bind(address).first("contact_id");
}

describe("Gmail: an introduction with Tend in Cc (quoted-printable)", () => {
  it("logs who was introduced, why, and when to ask whether they connected", async () => {
    await registerUsers("sam.rivera@gmail.com"); // not their first message: no welcome, UTC
    const { deliver, sent } = testWorker();
    const message = await deliver(fixtures.gmailIntroCc, { from: USERS.sam, to: TEND });
    expect(message.rejection).toBeNull();

    const interaction = await lastInteraction();
    expect(interaction.kind).toBe("introduction");
    expect(interaction.subject).toBe("Intro: Ana (Lumen) <> Ben (Northwind)");
    expect(interaction.occurred_at).toBe(Date.parse("2026-11-23T09:42:05-08:00"));
    expect(await participants(interaction.id)).toEqual([
      ["Ana Lima", "ana@lumen.studio", "introduced"],
      ["Ben Cho", "ben.cho@northwind.vc", "introduced"],
    ]);
    // The signature below "-- " is not part of what Sam wrote.
    expect(interaction.note).toContain("Ana, meet Ben.");
    expect(interaction.note).not.toMatch(/^-- $/m);

    const intro = await env.DB.prepare("select * from introductions").first();
    expect(intro?.introducer_contact_id).toBeNull();
    expect(new Set([intro?.person_a_contact_id, intro?.person_b_contact_id])).toEqual(
      new Set([await contactId("ana@lumen.studio"), await contactId("ben.cho@northwind.vc")]),
    );
    expect(intro?.reason).toMatch(/invests in early-stage climate tools/);
    expect(intro?.status).toBe("made");
    expect(intro?.follow_up_at).toBe(interaction.occurred_at + 14 * DAY_MS);

    expect(sent).toHaveLength(1);
    const ack = sent[0]?.parsed;
    expect(ack?.to?.[0]?.address).toBe(USERS.sam);
    expect(ack?.subject).toBe("Re: Intro: Ana (Lumen) <> Ben (Northwind)");
    expect(ack?.inReplyTo).toBe("<CAJx7qT3mQ5v+8ZbR2nWkE4pLd0yH9sVfUcX1aT6oGq=Nw2K_Bw@mail.gmail.com>");
    expect(ack?.text).toContain("You introduced Ana Lima and Ben Cho. On Mon 7 Dec I'll ask whether they connected.");
  });
});

describe("Outlook: forwarded meeting notes (base64)", () => {
  it("links the notes to the people of the forwarded message", async () => {
    const { deliver, sent } = testWorker();
    await deliver(fixtures.outlookForwardedNotes, { from: USERS.priya, to: TEND });
    const interaction = await lastInteraction();
    expect(interaction.kind).toBe("forwarded");
    expect(await participants(interaction.id)).toEqual([
      ["Dev Patel", "dev@patel.io", "from"],
      ["Farah Haddad", "farah@greenloop.org", "cc"],
    ]);
    expect(interaction.note).toContain("I'll send Dev the pricing deck by Friday.");
    expect(interaction.note).toContain("We're hiring a senior designer");
    expect(sent[0]?.parsed.text).toContain("Logged the forwarded message from Thu 19 Nov.");
  });
});

describe("Apple Mail: a reply with Tend in Bcc", () => {
  it("logs the thread with Carla, without the quoted history, and does not reply", async () => {
    await registerUsers("jon.okafor@icloud.com"); // not their first message: no welcome, UTC
    const { deliver, sent } = testWorker();
    await deliver(fixtures.appleMailBccThread, { from: USERS.jon, to: TEND });
    const interaction = await lastInteraction();
    expect(interaction.kind).toBe("thread");
    // Dev Patel is named with no address ("loop in Dev Patel: he's hiring"): a pending contact, mentioned.
    expect(await participants(interaction.id)).toEqual([
      ["Carla Mendes", "carla@mendes.design", "to"],
      ["Dev Patel", null, "mentioned"],
    ]);
    expect(interaction.note).toContain("I’ll send you my comments by Wednesday.");
    expect(interaction.note).not.toContain("wrote:");
    const carla = await env.DB.prepare("select last_interaction_at, next_check_in_at from contacts").first<{
      last_interaction_at: number;
      next_check_in_at: number;
    }>();
    expect(carla?.last_interaction_at).toBe(Date.parse("2026-11-23T09:12:40+01:00"));
    expect(carla?.next_check_in_at).toBe(Date.parse("2026-11-23T09:12:40+01:00") + 60 * DAY_MS);
    expect(sent).toEqual([]);
  });
});

describe("Thunderbird: an invite in ISO-8859-1", () => {
  it("makes the invite's attendees participants and decodes the text", async () => {
    const { deliver } = testWorker();
    await deliver(fixtures.thunderbirdInvite, { from: USERS.kim, to: TEND });
    const interaction = await lastInteraction();
    expect(interaction.kind).toBe("invite");
    expect(await participants(interaction.id)).toEqual([
      ["Elena Voss", "elena.voss@tu-berlin.de", "attendee"],
      ["Greg", "greg@acme-corp.com", "attendee"],
    ]);
    expect(interaction.note).toContain("Straße des 17. Juni");
    expect(interaction.note).toContain("Köln or München");
    expect(interaction.note).not.toContain("\uFFFD");
  });
});

describe("Outlook: HTML-only notes in windows-1252", () => {
  it("turns the HTML into text and links a person already known by name", async () => {
    const { deliver } = testWorker();
    await deliver(fixtures.outlookForwardedNotes, { from: USERS.priya, to: TEND });
    await deliver(fixtures.outlookHtmlOnly, { from: USERS.priya, to: TEND });
    const interaction = await lastInteraction();
    expect(interaction.kind).toBe("notes");
    expect(interaction.subject).toBe("Call with Farah – climate investors");
    expect(interaction.note).toContain("Farah is happy to make intros to climate investors – she mentioned Northwind");
    expect(interaction.note).toContain("“Don’t wait for perfect data");
    expect(interaction.note).not.toContain("<o:p>");
    expect(await participants(interaction.id)).toEqual([["Farah Haddad", "farah@greenloop.org", "mentioned"]]);
  });
});

describe("Gmail: a forwarded introduction of the user", () => {
  it("records who introduced the user to whom", async () => {
    const { deliver, sent } = testWorker();
    await deliver(fixtures.gmailForwardedIntro, { from: USERS.sam, to: TEND });
    const interaction = await lastInteraction();
    expect(interaction.kind).toBe("introduction");
    expect(await participants(interaction.id)).toEqual([
      ["Ana Lima", "ana@lumen.studio", "introducer"],
      ["Carla Mendes", "carla@mendes.design", "introduced"],
    ]);
    const intro = await env.DB.prepare("select * from introductions").first();
    expect(intro?.introducer_contact_id).toBe(await contactId("ana@lumen.studio"));
    expect(intro?.person_a_contact_id).toBe(await contactId("carla@mendes.design"));
    expect(intro?.person_b_contact_id).toBeNull();
    expect(sent[0]?.parsed.text).toContain("Ana Lima introduced you to Carla Mendes.");
  });
});

describe("Gmail: a double opt-in ask, Tend in Bcc", () => {
  it("records an asked introduction to someone known only by name", async () => {
    const { deliver, sent } = testWorker();
    await deliver(fixtures.gmailDoubleOptIn, { from: USERS.sam, to: TEND });
    const intro = await env.DB.prepare("select * from introductions").first();
    expect(intro?.opt_in).toBe(1);
    expect(intro?.status).toBe("asked");
    expect(intro?.person_a_contact_id).toBe(await contactId("dev@patel.io"));
    const ben = await env.DB.prepare("select name, primary_address from contacts where id = ?")
      .bind(intro?.person_b_contact_id ?? "")
      .first();
    expect(ben).toEqual({ name: "Ben Cho", primary_address: null });
    expect(sent[0]?.parsed.text).toContain("You asked Dev Patel about an introduction to Ben Cho.");
  });
});

describe("forwards in other languages", () => {
  it("reads Apple Mail's German forward header", async () => {
    const { deliver } = testWorker();
    await deliver(fixtures.appleMailForwardGerman, { from: USERS.jon, to: TEND });
    const interaction = await lastInteraction();
    expect(interaction.kind).toBe("forwarded");
    expect(await participants(interaction.id)).toEqual([["Elena Voss", "elena.voss@tu-berlin.de", "from"]]);
  });

  it("reads Outlook's French forward header", async () => {
    const { deliver } = testWorker();
    await deliver(fixtures.outlookForwardFrench, { from: USERS.priya, to: TEND });
    const interaction = await lastInteraction();
    expect(interaction.kind).toBe("forwarded");
    expect((await participants(interaction.id))[0]).toEqual(["Greg", "greg@acme-corp.com", "from"]);
  });
});

describe("Gmail: notes written straight to Tend", () => {
  it("links a known contact mentioned by first name", async () => {
    const { deliver } = testWorker();
    await deliver(fixtures.gmailIntroCc, { from: USERS.sam, to: TEND });
    await deliver(fixtures.gmailNotesToTend, { from: USERS.sam, to: TEND });
    const interaction = await lastInteraction();
    expect(interaction.kind).toBe("notes");
    expect(interaction.subject).toBe("Coffee with Ana ☕");
    expect((await participants(interaction.id)).map(([name]) => name)).toContain("Ana Lima");
  });
});

describe("Gmail: a follow-up request by Bcc to tend+3d@", () => {
  it("logs the thread and a reminder three days on", async () => {
    const { deliver, sent } = testWorker();
    await deliver(fixtures.gmailFollowUp3d, { from: USERS.sam, to: "tend+3d@tend.example" });
    const interaction = await lastInteraction();
    expect(interaction.kind).toBe("reminder");
    const task = await env.DB.prepare("select kind, remind_at, thread_message_id from tasks where kind = 'reminder'").first();
    expect(task?.kind).toBe("reminder");
    // "Could you let me know by the end of next week?" to Dev: the user now waits on Dev too.
    const waiting = await env.DB.prepare("select kind from tasks where kind = 'waiting_on'").first();
    expect(waiting?.kind).toBe("waiting_on");
    expect(task?.thread_message_id).toBe(interaction.message_id);
    expect(sent[0]?.parsed.text).toContain("I'll remind you about this thread on");
  });
});

describe("automatic mail", () => {
  it.each([
    ["a Gmail bounce", "bounceGmail", "mailer-daemon@googlemail.com"],
    ["an Outlook out-of-office", "outOfOfficeOutlook", "ben.cho@northwind.vc"],
    ["a mailing list", "mailingList", "climate-founders+bncBAABB@googlegroups.com"],
  ] as const)("ignores %s: no rows, no reply", async (_what, name, from) => {
    const { deliver, sent } = testWorker();
    const message = await deliver(fixtures[name], { from, to: TEND });
    expect(message.rejection).toBeNull();
    expect(sent).toEqual([]);
    expect(Object.values(await allCounts()).every((n) => n === 0)).toBe(true);
  });
});
