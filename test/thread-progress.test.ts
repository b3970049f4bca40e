// What a reply from a person on a user's thread moves (issue 10): their asks,
// promises and news, attributed to them; the waiting-on item and the reminder
// the reply answers; introductions that connect; a double opt-in answered yes
// or no. Through the real email(), scheduled() and queue() handlers against
// real D1, with reply-all messages as Gmail, Outlook and Apple Mail write them.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "../src/model.ts";
import { commandMail, gmailReply } from "./helpers/client-replies.ts";
import { digestHarness } from "./helpers/digest-run.ts";
import { fixtures, USERS } from "./helpers/fixtures.ts";
import { inlineMessage, TEND } from "./helpers/mail.ts";
import { appleMailReplyAll, gmailReplyAll, outlookReplyAll, parseQuoted, type Person } from "./helpers/participant-replies.ts";
import { receiveDigest } from "./helpers/received-digest.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { testWorker } from "./helpers/worker.ts";

const NOW = Date.parse("2026-11-24T12:00:00Z");
/** What the Worker's clock reads; a test moves it forward as its mail arrives. */
let clock = NOW;

beforeEach(async () => {
  clock = NOW;
  await resetDatabase();
});
const SAM: Person = { name: "Sam Rivera", address: USERS.sam };
const ANA: Person = { name: "Ana Lima", address: "ana@lumen.studio" };
const BEN: Person = { name: "Ben Cho", address: "ben.cho@northwind.vc" };
const DEV: Person = { name: "Dev Patel", address: "dev@patel.io" };
/** The thank-you for Ana's introduction, alone or as part of Ana's one entry. */
const THANK_ANA = /^(?:Thank Ana|Ana Lima — (?:.*; )?thank them) for introducing you\b/;


async function userId(address: string): Promise<string> {
  const id = await env.DB.prepare("select user_id from user_addresses where address = ?").bind(address).first<string>("user_id");
  if (!id) throw new Error(`no user ${address}`);
  return id;
}

interface TaskRow {
  kind: string;
  title: string;
  status: string;
  address: string | null;
  resolution: string | null;
  remind_at: number | null;
}

async function tasksOf(user: string): Promise<TaskRow[]> {
  const { results } = await env.DB.prepare(
    `select t.kind, t.title, t.status, c.primary_address as address, t.resolution, t.remind_at from tasks t left join contacts c on c.id = t.contact_id
     where t.user_id = ? order by t.created_at, t.kind`,
  )
    .bind(user)
    .all<TaskRow>();
  return results;
}

async function introductionsOf(user: string) {
  const { results } = await env.DB.prepare(
    `select i.id, i.status, i.opt_in, i.follow_up_at, i.connected_at, a.primary_address as a, b.primary_address as b
     from introductions i left join contacts a on a.id = i.person_a_contact_id left join contacts b on b.id = i.person_b_contact_id where i.user_id = ?`,
  )
    .bind(user)
    .all<{ id: string; status: string; opt_in: number; follow_up_at: number | null; connected_at: number | null; a: string | null; b: string | null }>();
  return results;
}

/** Sam introduces Ana and Ben with Tend in Cc: the thread the replies continue. */
async function samIntroduces() {
  const tend = testWorker({ now: () => clock });
  expect((await tend.deliver(fixtures.gmailIntroCc, { from: USERS.sam, to: TEND })).rejection).toBeNull();
  return { ...tend, intro: await parseQuoted(fixtures.gmailIntroCc) };
}

describe("signals from a participant's reply, attributed to them", () => {
  it("turns Ana's ask into an item for Sam, her promise into waiting-on, and her news into her facts", async () => {
    const { deliver, intro } = await samIntroduces();
    const sam = await userId(USERS.sam);
    const raw = outlookReplyAll(intro, ANA, [
      "Thanks Sam! Could you send me the maps from the workshop?",
      "I'll send you the deck by Friday.",
      "We're hiring a designer for the studio.",
      "",
      "private: we're hiring a new CFO after ours quit.",
      "",
      "Ana",
    ]);
    expect((await deliver(raw, { from: ANA.address, to: TEND })).rejection).toBeNull();

    const tasks = await tasksOf(sam);
    expect(tasks.filter((t) => t.kind === "ask")).toEqual([expect.objectContaining({ address: ANA.address, status: "open", title: expect.stringContaining("maps") })]);
    expect(tasks.filter((t) => t.kind === "waiting_on")).toEqual([expect.objectContaining({ address: ANA.address, title: expect.stringContaining("deck") })]);

    const { results: signals } = await env.DB.prepare(
      "select s.kind, s.text, s.private, c.primary_address as address from signals s left join contacts c on c.id = s.contact_id where s.user_id = ? and s.kind = 'need'",
    )
      .bind(sam)
      .all<{ kind: string; text: string; private: number; address: string }>();
    expect(signals.find((s) => s.text.includes("designer"))).toMatchObject({ address: ANA.address, private: 0 });
    expect(signals.find((s) => s.text.includes("CFO"))).toMatchObject({ address: ANA.address, private: 1 });

    // The next digest carries them in Ana's words, and nothing she wrote under private:.
    const digest = await receiveDigest(sam, Date.parse("2026-11-30T08:00:00Z"));
    const text = digest.mail.parsed.text ?? "";
    // One entry per person: Ana's ask is a part of her entry, in Sam's terms.
    expect(digest.titles.some((t) => t.startsWith("Ana Lima — ") && /\bAna asked you to send \w+ the maps/.test(t))).toBe(true);
    expect(text).not.toContain("CFO");
  });

  it("leaves to them what the author asks or promises someone else on the thread", async () => {
    const { deliver, intro } = await samIntroduces();
    const sam = await userId(USERS.sam);
    const raw = gmailReplyAll(intro, BEN, ["Thanks Sam! Ana, great to meet you. Would Tuesday work for a call?", "I'll send you our term sheet template tonight.", "", "Ben"]);
    expect((await deliver(raw, { from: BEN.address, to: TEND })).rejection).toBeNull();
    expect((await tasksOf(sam)).filter((t) => t.kind === "ask" || t.kind === "waiting_on")).toEqual([]);

    // Turned back to Sam, the same words are his to answer.
    const back = gmailReplyAll(intro, BEN, ["Ana, great to meet you.", "", "Sam, could you send me the workshop maps?", "", "Ben"]);
    expect((await deliver(back, { from: BEN.address, to: TEND })).rejection).toBeNull();
    expect((await tasksOf(sam)).filter((t) => t.kind === "ask")).toEqual([expect.objectContaining({ address: BEN.address, title: expect.stringContaining("maps") })]);
  });

  it("never touches another user's data, even about the same person", async () => {
    const { deliver, intro } = await samIntroduces();
    // Priya knows Ana too, from her own mail.
    const priyaMail = inlineMessage({
      from: "Priya Natarajan <priya.natarajan@outlook.com>",
      to: `${ANA.name} <${ANA.address}>`,
      cc: TEND,
      subject: "Lunch",
      body: "Lunch next week, Ana?",
    });
    expect((await deliver(priyaMail, { from: USERS.priya, to: TEND })).rejection).toBeNull();
    const priya = await userId(USERS.priya);
    const snapshot = () =>
      env.DB.prepare(
        `select (select count(*) from signals where user_id = ?1) || ':' || (select count(*) from tasks where user_id = ?1) || ':' ||
         (select count(*) from interactions where user_id = ?1) || ':' || (select group_concat(last_interaction_at) from contacts where user_id = ?1) as s`,
      )
        .bind(priya)
        .first<string>("s");
    const before = await snapshot();
    await deliver(gmailReplyAll(intro, ANA, ["Could you send me the maps?", "I'll send you the deck by Friday.", "We're hiring a designer."]), {
      from: ANA.address,
      to: TEND,
    });
    expect((await tasksOf(await userId(USERS.sam))).length).toBeGreaterThan(0);
    expect(await snapshot()).toBe(before);
  });
});

/** Sam asks Dev with a reminder address in Bcc; Dev's reply (Tend in Cc of the reply-all) comes a day later. */
async function reminderThread(reminderAddress: string) {
  const tend = testWorker({ now: () => clock });
  const ask = inlineMessage({
    to: `${DEV.name} <${DEV.address}>`,
    cc: TEND,
    subject: "Beta for outside teams?",
    date: "Tue, 24 Nov 2026 10:15:33 -0800",
    body: "Hi Dev,\n\nAre you still planning to open the beta to outside teams in December?\n\nSam",
  });
  expect((await tend.deliver(ask, { from: USERS.sam, to: reminderAddress })).rejection).toBeNull();
  const sam = await userId(USERS.sam);
  expect((await tasksOf(sam)).filter((t) => t.kind === "reminder")).toHaveLength(1);
  const reply = gmailReplyAll(await parseQuoted(ask), DEV, ["Yes, in the second week of December."], { at: Date.parse("2026-11-25T16:00:00Z") });
  clock = Date.parse("2026-11-25T16:05:00Z");
  expect((await tend.deliver(reply, { from: DEV.address, to: TEND })).rejection).toBeNull();
  return { sam };
}

async function remindersSentAt(at: number): Promise<string[]> {
  const { runCron, sent } = digestHarness({ now: () => at });
  await runCron(at);
  return sent.filter((mail) => mail.parsed.inReplyTo).map((mail) => mail.parsed.subject ?? "");
}

describe("loops that close themselves", () => {
  it("resolves a waiting-on item when the awaited person replies on the thread, and says so", async () => {
    const { deliver, sent, intro } = await samIntroduces();
    const sam = await userId(USERS.sam);
    const promise = gmailReplyAll(intro, ANA, ["I'll send you the deck by Friday."], { at: Date.parse("2026-11-24T09:00:00Z") });
    await deliver(promise, { from: ANA.address, to: TEND });
    // Ben writing on the thread is not Ana answering.
    clock = Date.parse("2026-11-26T09:05:00Z");
    await deliver(appleMailReplyAll(await parseQuoted(promise), BEN, ["Looking forward to it."], { at: Date.parse("2026-11-26T09:00:00Z") }), {
      from: BEN.address,
      to: TEND,
    });
    expect((await tasksOf(sam)).find((t) => t.kind === "waiting_on")?.status).toBe("open");

    const answer = outlookReplyAll(await parseQuoted(promise), ANA, ["Here it is, attached."], { at: Date.parse("2026-12-01T10:00:00Z") });
    clock = Date.parse("2026-12-01T10:05:00Z");
    await deliver(answer, { from: ANA.address, to: TEND });
    expect((await tasksOf(sam)).find((t) => t.kind === "waiting_on")).toMatchObject({ status: "done", resolution: "Ana replied on Tue 1 Dec" });

    // pending no longer lists it as waiting, and says why it went.
    clock = Date.parse("2026-12-01T11:00:00Z");
    await deliver(commandMail({ from: SAM, to: TEND, subject: "pending", at: clock }), { from: USERS.sam, to: TEND });
    const text = sent.at(-1)?.parsed.text ?? "";
    expect(text).not.toContain("Waiting on others");
    expect(text).toMatch(/Closed by a reply on the thread, lately:\n  • I'll send you the deck by Friday\. — Ana Lima: Ana replied on Tue 1 Dec/);
  });

  it("cancels a tend+3d@ reminder when a recipient replies before it is due", async () => {
    const { sam } = await reminderThread("tend+3d@tend.example");
    const [reminder] = (await tasksOf(sam)).filter((t) => t.kind === "reminder");
    expect(reminder).toMatchObject({ status: "skipped", remind_at: null, resolution: expect.stringMatching(/^Dev replied on Wed 25 Nov/) });
    expect(await remindersSentAt(Date.parse("2026-11-27T09:00:00Z"))).toEqual([]);
  });

  it("keeps a tend+3d-keep@ reminder whatever the replies, and fires it when due", async () => {
    const { sam } = await reminderThread("tend+3d-keep@tend.example");
    const [reminder] = (await tasksOf(sam)).filter((t) => t.kind === "reminder");
    expect(reminder?.status).toBe("open");
    const due = reminder?.remind_at ?? 0;
    expect(await remindersSentAt(due)).toEqual([expect.stringContaining("Beta for outside teams?")]);
  });

  it("shows in pending which reminders wait for a reply and which are kept", async () => {
    const tend = testWorker({ now: () => clock });
    for (const [address, subject] of [["tend+3d@tend.example", "Beta?"], ["tend+1w-keep@tend.example", "Pricing?"]] as const) {
      await tend.deliver(inlineMessage({ to: `${DEV.name} <${DEV.address}>`, cc: TEND, subject, body: `Hi Dev, ${subject}` }), { from: USERS.sam, to: address });
    }
    await tend.deliver(commandMail({ from: SAM, to: TEND, subject: "pending", at: NOW }), { from: USERS.sam, to: TEND });
    const text = tend.sent.at(-1)?.parsed.text ?? "";
    expect(text).toMatch(/Follow up: Beta\?.*until someone replies/);
    expect(text).toMatch(/Follow up: Pricing\?.*even if someone replies/);
  });
});

describe("introductions that move", () => {
  it("reaches connected when both introduced people have written on the thread, and asks how it went weeks later", async () => {
    const { deliver, intro } = await samIntroduces();
    const sam = await userId(USERS.sam);
    const anas = gmailReplyAll(intro, ANA, ["Thanks Sam! Ben, lovely to meet you."]);
    await deliver(anas, { from: ANA.address, to: TEND });
    expect((await introductionsOf(sam))[0]?.status).toBe("made");

    const bens = outlookReplyAll(await parseQuoted(anas), BEN, ["Likewise, Ana! Thursday 3pm?"]);
    await deliver(bens, { from: BEN.address, to: TEND });
    const [connected] = await introductionsOf(sam);
    expect(connected?.status).toBe("connected");
    const connectedAt = connected?.connected_at ?? 0;
    expect(connected?.follow_up_at).toBe(connectedAt + 21 * DAY_MS);

    // Two weeks after the introduction, "did they connect?" is already answered: not asked.
    const early = await receiveDigest(sam, Date.parse("2026-12-08T09:00:00Z"));
    expect(early.titles.some((t) => t.includes("connect"))).toBe(false);
    // A few weeks later, gratitude: ask how it went, once.
    const later = await receiveDigest(sam, Date.parse("2026-12-21T09:00:00Z"));
    expect(later.titles).toContain("Ask Ana and Ben how it went");
    const again = await receiveDigest(sam, Date.parse("2026-12-28T09:00:00Z"));
    expect(again.titles).not.toContain("Ask Ana and Ben how it went");
  });

  it("is closed when the user says done on its item, and reopened by undo", async () => {
    const { deliver, intro } = await samIntroduces();
    const sam = await userId(USERS.sam);
    await deliver(gmailReplyAll(intro, BEN, ["Thanks Sam, moving you to Bcc. Ana, coffee next week?"]), { from: BEN.address, to: TEND });
    const digest = await receiveDigest(sam, Date.parse("2026-12-21T09:00:00Z"));
    const position = digest.titles.indexOf("Ask Ana and Ben how it went") + 1;
    expect(position).toBeGreaterThan(0);
    clock = Date.parse("2026-12-21T10:00:00Z");
    await deliver(gmailReply(digest.mail, SAM, [`done ${position}`]), { from: USERS.sam, to: digest.replyAddress });
    expect((await introductionsOf(sam))[0]?.status).toBe("closed");
    clock = Date.parse("2026-12-21T10:05:00Z");
    await deliver(gmailReply(digest.mail, SAM, ["undo"]), { from: USERS.sam, to: digest.replyAddress });
    expect((await introductionsOf(sam))[0]?.status).toBe("connected");
  });

  it("counts moving the introducer to Bcc as connecting, at once", async () => {
    const { deliver, intro } = await samIntroduces();
    const sam = await userId(USERS.sam);
    await deliver(appleMailReplyAll(intro, BEN, ["Thanks Sam, moving you to Bcc.", "Ana, great to meet you. Coffee next week?"]), { from: BEN.address, to: TEND });
    expect((await introductionsOf(sam))[0]?.status).toBe("connected");
  });

  it("stays made while only one of them has written", async () => {
    const { deliver, intro } = await samIntroduces();
    const sam = await userId(USERS.sam);
    const first = gmailReplyAll(intro, ANA, ["Thanks Sam!"]);
    await deliver(first, { from: ANA.address, to: TEND });
    await deliver(gmailReplyAll(await parseQuoted(first), ANA, ["(Ben, my calendar: lumen.studio/cal)"]), { from: ANA.address, to: TEND });
    expect((await introductionsOf(sam))[0]?.status).toBe("made");
    const digest = await receiveDigest(sam, Date.parse("2026-12-08T09:00:00Z"));
    expect(digest.titles).toContain("Did Ana and Ben connect?");
  });

  it("reminds the user once to thank whoever introduced them, when the two connect", async () => {
    const tend = testWorker({ now: () => clock });
    // Ana introduced Sam to Carla; Sam forwards it to Tend.
    expect((await tend.deliver(fixtures.gmailForwardedIntro, { from: USERS.sam, to: TEND })).rejection).toBeNull();
    const sam = await userId(USERS.sam);
    const [intro] = await introductionsOf(sam);
    expect(intro).toMatchObject({ status: "made", b: null });
    const carla = { name: "Carla", address: intro?.a ?? "" };
    // Sam writes to Carla with Tend in Cc; Carla answers.
    const samToCarla = inlineMessage({ to: carla.address, cc: TEND, subject: "Hello from Sam", body: "Hi Carla, Ana said we should talk. Coffee?" });
    await tend.deliver(samToCarla, { from: USERS.sam, to: TEND });
    await tend.deliver(gmailReplyAll(await parseQuoted(samToCarla), carla, ["Lovely to hear from you, Sam. Friday?"]), { from: carla.address, to: TEND });
    expect((await introductionsOf(sam))[0]?.status).toBe("connected");

    const digest = await receiveDigest(sam, Date.parse("2026-11-30T08:00:00Z"));
    expect(digest.titles.filter((t) => t.startsWith("Thank Ana for introducing you"))).toHaveLength(1);
    const next = await receiveDigest(sam, Date.parse("2026-12-07T08:00:00Z"));
    expect(next.titles.some((t) => t.startsWith("Thank Ana"))).toBe(false);
  });

  it("does not remind a second time when the 14-day item already asked for the thank-you", async () => {
    const tend = testWorker({ now: () => clock });
    await tend.deliver(fixtures.gmailForwardedIntro, { from: USERS.sam, to: TEND });
    const sam = await userId(USERS.sam);
    const carla = { name: "Carla", address: (await introductionsOf(sam))[0]?.a ?? "" };
    const shown = await receiveDigest(sam, Date.parse("2026-12-07T08:00:00Z"));
    // Alone it reads "Thank Ana for introducing you to Carla"; merged into Ana's one entry, "Ana Lima — thank them for…".
    expect(shown.titles.filter((t) => THANK_ANA.test(t))).toHaveLength(1);

    clock = Date.parse("2026-12-08T10:00:00Z");
    const samToCarla = inlineMessage({ to: carla.address, cc: TEND, subject: "Hello from Sam", date: "Tue, 8 Dec 2026 09:00:00 +0000", body: "Hi Carla, coffee?" });
    await tend.deliver(samToCarla, { from: USERS.sam, to: TEND });
    await tend.deliver(gmailReplyAll(await parseQuoted(samToCarla), carla, ["Yes! Friday?"], { at: Date.parse("2026-12-08T09:30:00Z") }), { from: carla.address, to: TEND });
    expect((await introductionsOf(sam))[0]?.status).toBe("connected");
    const next = await receiveDigest(sam, Date.parse("2026-12-14T08:00:00Z"));
    expect(next.titles.some((t) => THANK_ANA.test(t))).toBe(false);
  });
});

/** Sam knows Ben (from his introduction) and asks Dev, Tend in Cc, whether he would like to meet him. */
async function samAsksDev() {
  const tend = await samIntroduces();
  const ask = inlineMessage({
    to: `${DEV.name} <${DEV.address}>`,
    cc: TEND,
    subject: "Intro to Ben Cho at Northwind?",
    date: "Tue, 24 Nov 2026 07:58:12 -0800",
    body: [
      "Hi Dev,",
      "",
      "Would you be open to an intro to Ben Cho at Northwind? Ben invests in tools that help climate teams ship faster.",
      "",
      "Sam",
    ].join("\n"),
  });
  expect((await tend.deliver(ask, { from: USERS.sam, to: TEND })).rejection).toBeNull();
  const sam = await userId(USERS.sam);
  const asked = (await introductionsOf(sam)).find((i) => i.opt_in === 1);
  expect(asked).toMatchObject({ status: "asked", a: DEV.address, b: BEN.address });
  return { ...tend, sam, ask: await parseQuoted(ask), askId: asked?.id ?? "" };
}

describe("double opt-in, brokered", () => {
  it("turns Dev's “yes, happy to” into a digest item with a ready-to-send draft", async () => {
    const { deliver, sent, sam, ask, askId } = await samAsksDev();
    const mails = sent.length;
    await deliver(gmailReplyAll(ask, DEV, ["Yes, happy to! Thanks for thinking of me.", "", "Dev"]), { from: DEV.address, to: TEND });
    expect((await introductionsOf(sam)).find((i) => i.id === askId)?.status).toBe("accepted");
    // Tend writes to no one but its users, and to Sam only when he asked for it.
    expect(sent).toHaveLength(mails);

    const digest = await receiveDigest(sam, Date.parse("2026-11-30T08:00:00Z"));
    expect(digest.titles).toContain("Dev said yes: introduce them");
    expect(digest.titles).not.toContain("Did Dev say yes to meeting Ben?");
    const text = digest.mail.parsed.text ?? "";
    const link = text.match(/mailto:\S+/)?.[0] ?? "";
    const url = new URL(link);
    expect(decodeURIComponent(url.pathname).split(",")).toEqual([DEV.address, BEN.address]);
    expect(url.searchParams.get("subject")).toBe("Intro: Dev Patel <> Ben Cho");
    expect(url.searchParams.get("body")).toContain("Ben invests in tools that help climate teams ship faster.");
  });

  it("closes the ask kindly on “I'll pass”, and never suggests the pair again", async () => {
    const { deliver, sent, sam, ask, askId } = await samAsksDev();
    const mails = sent.length;
    await deliver(appleMailReplyAll(ask, DEV, ["Thanks Sam, I'll pass for now: we're heads down until spring."]), { from: DEV.address, to: TEND });
    expect((await introductionsOf(sam)).find((i) => i.id === askId)?.status).toBe("closed");
    expect(sent).toHaveLength(mails);
    const { results } = await env.DB.prepare("select subject_key, reason from suppressions where user_id = ?").bind(sam).all<{ subject_key: string; reason: string }>();
    expect(results).toEqual([expect.objectContaining({ subject_key: expect.stringMatching(/^pair:/), reason: "never" })]);
    const digest = await receiveDigest(sam, Date.parse("2026-11-30T08:00:00Z"));
    expect(digest.titles.some((t) => t.includes("Dev") && t.includes("Ben"))).toBe(false);
  });

  it("reads only the asked person's answer: someone else's yes on the thread settles nothing", async () => {
    const { deliver, sam, ask, askId } = await samAsksDev();
    await deliver(gmailReplyAll(ask, { name: "Someone Else", address: "else@patel.io" }, ["Yes, happy to!"]), { from: "else@patel.io", to: TEND });
    expect((await introductionsOf(sam)).find((i) => i.id === askId)?.status).toBe("asked");
  });

  it("sends Sam a short mail the same day when he allows it in settings", async () => {
    const { deliver, sent, sam, ask } = await samAsksDev();
    await deliver(commandMail({ from: SAM, to: TEND, subject: "set yes-mail on", at: NOW + HOUR_MS }), { from: USERS.sam, to: TEND });
    expect((await env.DB.prepare("select opt_in_mail from users where id = ?").bind(sam).first<number>("opt_in_mail"))).toBe(1);
    const mails = sent.length;
    await deliver(outlookReplyAll(ask, DEV, ["Sure, happy to meet Ben."]), { from: DEV.address, to: TEND });
    expect(sent).toHaveLength(mails + 1);
    const mail = sent.at(-1);
    expect(mail?.parsed.to?.map((t) => t.address)).toEqual([USERS.sam]);
    expect(mail?.parsed.subject).toBe("Dev said yes: introduce them");
    expect(mail?.parsed.text ?? "").toContain("mailto:");
  });
});
