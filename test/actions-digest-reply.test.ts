// Replies to a digest, as each mail client writes them, through the real email()
// handler. Each reply quotes the digest Tend sent in the test (seedWeek), the way
// that client quotes; the Gmail fixture keeps the older digest it was written with.
import PostalMime from "postal-mime";
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "../src/model.ts";
import { NEVER_EXPIRES } from "../src/actions/item-changes.ts";
import { contactRow, itemStates, notesOn, suppression, task } from "./helpers/action-rows.ts";
import {
  appleMailReply,
  gmailReply,
  htmlOnlyReply,
  iphoneHtmlReply,
  iphoneReply,
  outlookClassicReply,
  outlookReply,
} from "./helpers/client-replies.ts";
import gmailFixture from "./fixtures/gmail-reply-to-digest.eml?raw";
import { resetDatabase } from "./helpers/rows.ts";
import { clock, NOW, seedContact, seedDigest, seedTask, seedUser, seedWeek } from "./helpers/seed-actions.ts";
import { testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const PRIYA = { name: "Priya Natarajan", address: "priya.natarajan@outlook.com" };
const JON = { name: "Jon Okafor", address: "jon.okafor@icloud.com" };

/** Midnight UTC `days` after NOW: a snooze lands at the start of a local day (these users are on UTC). */
function utcDayFromNow(days: number): number {
  return Date.UTC(2026, 10, 30) + days * DAY_MS;
}

/** A user and the digest Tend sent them at 08:00: 1. Carla Diaz — you said you'd send Carla the deck; was due Sun 29 Nov, 1 day ago, 2. Priya Nair — you said you'd introduce Ben to Priya; due Thu 3 Dec (in 3 days), 3. Ana Lima — time to check in (last in touch six weeks ago), 4. Ben Okoro — time to check in (last in touch six weeks ago). */
async function week(person: { name: string; address: string }) {
  const user = await seedUser(person.address, person.name);
  return { user, ...(await seedWeek(user)) };
}

describe("replies from each client", () => {
  it("Gmail, the fixture: exactly its three commands, nothing from the signature or the quote", async () => {
    // The fixture quotes the digest it was written with, not the one Tend sends
    // today; this digest mirrors its five items. What the test relies on is in the
    // fixture's quote: a footer that reads like commands, "skip 1" among them.
    const { text: fixtureText } = await PostalMime.parse(gmailFixture);
    expect(fixtureText).toContain("\n> Reply with a number and what to do: done 2, snooze 3 2w, skip 1, note 4 ...\n");
    const user = await seedUser(SAM.address, SAM.name);
    const ana = await seedContact(user.id, { name: "Ana Lima", address: "ana@lumen.studio" });
    const dev = await seedContact(user.id, { name: "Dev Patel", address: "dev@patel.dev" });
    const carla = await seedContact(user.id, { name: "Carla Mendes", address: "carla@mendes.studio" });
    const elena = await seedContact(user.id, { name: "Elena Voss", address: "elena@eth.example" });
    const guide = await seedTask(user.id, { title: "Send Ana the hiring guide", contactId: ana });
    const digest = await seedDigest(user.id, [
      { subjectKey: `task:${guide}`, contactId: ana, title: "Keep your promise to Ana Lima" },
      { subjectKey: `contact:${dev}`, contactId: dev, title: "Check in with Dev Patel" },
      { subjectKey: `pair:${carla}:${dev}`, contactId: dev, title: "Introduce Carla Mendes and Dev Patel?", section: "introductions" },
      { subjectKey: `contact:${elena}`, contactId: elena, title: "Ask Elena Voss about the postdoc" },
      { subjectKey: `signal:birthday`, contactId: ana, title: "Coming up: Ana Lima's birthday", section: "coming_up" },
    ]);
    const raw = gmailFixture.replaceAll("TOKEN", digest.token);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(raw, { from: SAM.address, to: digest.replyAddress });

    expect(await itemStates(digest.id)).toEqual(["open", "done", "snoozed", "open", "open"]);
    expect(await suppression(user.id, `pair:${carla}:${dev}`)).toEqual({ until: utcDayFromNow(14), reason: "snoozed" });
    expect(await notesOn(elena)).toEqual(["she got the job!"]);
    expect((await task(guide))?.status).toBe("open");
    const text = sent[0]?.parsed.text ?? "";
    expect(text).toContain("2. Check in with Dev Patel: done.");
    expect(text).toContain("Noted on Elena Voss: “she got the job!”");
    expect(text).not.toContain("Not understood");
    expect(sent[0]?.parsed.inReplyTo).toBe("<CAJx7qT5Hd8k+Mz3Qa9fXr6bWn1pKs4eTc0gLv=Uy2Nd_Jo7Rsw@mail.gmail.com>");
  });

  it("Gmail: done and snooze with a time, below the user's lines the quote is ignored", async () => {
    const { user, deck, intro, digest } = await week(SAM);
    const { deliver, sent } = testWorker({ now: clock });
    const delivered = await deliver(gmailReply(digest.mail, SAM, ["done 1", "snooze 2 2w", "Thanks!"]), {
      from: SAM.address,
      to: digest.replyAddress,
    });
    expect(delivered.rejection).toBeNull();

    expect(await itemStates(digest.id)).toEqual(["done", "snoozed", "open", "open"]);
    expect(await task(deck)).toEqual({ status: "done", completed_at: NOW, snoozed_until: null });
    expect(await suppression(user.id, `task:${deck}`)).toEqual({ until: NEVER_EXPIRES, reason: "done" });
    expect(await task(intro)).toEqual({ status: "open", completed_at: null, snoozed_until: utcDayFromNow(14) });
    expect(await suppression(user.id, `task:${intro}`)).toEqual({ until: utcDayFromNow(14), reason: "snoozed" });

    expect(sent).toHaveLength(1);
    const reply = sent[0]?.parsed;
    expect(reply?.to?.[0]?.address).toBe(SAM.address);
    expect(reply?.subject).toBe(`Re: ${digest.mail.parsed.subject}`);
    expect(reply?.inReplyTo).toMatch(/^<reply-\d+@gmail\.com>$/);
    expect(reply?.replyTo?.[0]?.address).toBe(digest.replyAddress);
    const text = reply?.text ?? "";
    expect(text).toContain("Applied:");
    expect(text).toContain("1. Carla Diaz — you said you'd send Carla the deck; was due Sun 29 Nov, 1 day ago: done.");
    expect(text).toContain("2. Priya Nair — you said you'd introduce Ben to Priya; due Thu 3 Dec (in 3 days): snoozed until Mon 14 Dec");
    expect(text).not.toContain("Not understood");
    expect(text).toContain("snooze 3 until March 3");
    expect(text).toContain("brief <name or address>");
  });

  it("Outlook: skip and a note, with a sign-off and a 'From: … Sent: …' block above the unquoted digest", async () => {
    const { user, ana, ben, deck, digest } = await week(PRIYA);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(outlookReply(digest.mail, PRIYA, ["Skip 4", "note 3 she got the job!"], ["Priya"]), {
      from: PRIYA.address,
      to: digest.replyAddress,
    });

    expect(await itemStates(digest.id)).toEqual(["open", "open", "open", "skipped"]);
    expect((await task(deck))?.status).toBe("open");
    // A skipped check-in comes back after the person's rhythm (21 days, learned).
    expect(await suppression(user.id, `contact:${ben}`)).toEqual({ until: NOW + 21 * DAY_MS, reason: "skipped" });
    expect(await notesOn(ana)).toEqual(["she got the job!"]);

    const text = sent[0]?.parsed.text ?? "";
    expect(text).toContain("4. Ben Okoro — time to check in (last in touch six weeks ago): skipped.");
    expect(text).toContain("Noted on Ana Lima: “she got the job!”");
    expect(text).not.toContain("Not understood");
  });

  it("Outlook classic: never and cadence under '-----Original Message-----'", async () => {
    const { ana, ben, digest } = await week(PRIYA);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(outlookClassicReply(digest.mail, PRIYA, ["never 3", "cadence 4 monthly"]), {
      from: PRIYA.address,
      to: digest.replyAddress,
    });

    expect(await itemStates(digest.id)).toEqual(["open", "open", "never", "open"]);
    expect((await contactRow(ana))?.muted).toBe(1);
    const benRow = await contactRow(ben);
    expect(benRow?.cadence_days).toBe(30);
    expect(benRow?.next_check_in_at).toBe((benRow?.last_interaction_at ?? 0) + 30 * DAY_MS);

    const text = sent[0]?.parsed.text ?? "";
    expect(text).toContain("3. Ana Lima — time to check in (last in touch six weeks ago): Tend will stop suggesting Ana Lima.");
    expect(text).toContain("Check in with Ben Okoro every month.");
  });

  it("Apple Mail: done all, signed with a name, '> On … wrote:' below", async () => {
    const { deck, intro, digest } = await week(JON);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(appleMailReply(digest.mail, JON, ["Done all", "", "Jon"]), {
      from: JON.address,
      to: digest.replyAddress,
    });

    expect(await itemStates(digest.id)).toEqual(["done", "done", "done", "done"]);
    expect((await task(deck))?.status).toBe("done");
    expect((await task(intro))?.status).toBe("done");
    expect(sent[0]?.parsed.text).not.toContain("Not understood");
  });

  it("iPhone, top-posted above 'Sent from my iPhone': only the user's line applies", async () => {
    const { deck, digest } = await week(JON);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(iphoneReply(digest.mail, JON, ["4 done"]), { from: JON.address, to: digest.replyAddress });

    expect(await itemStates(digest.id)).toEqual(["open", "open", "open", "done"]);
    expect((await task(deck))?.status).toBe("open");
    expect(sent[0]?.parsed.text).toContain("4. Ben Okoro — time to check in (last in touch six weeks ago): done.");
  });

  it("HTML only (Outlook on the web): commands read from the HTML, the quoted digest ignored", async () => {
    const { intro, digest } = await week(PRIYA);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(htmlOnlyReply(digest.mail, PRIYA, ["snooze 2 until March 3", "skip 1"]), {
      from: PRIYA.address,
      to: digest.replyAddress,
    });

    expect(await itemStates(digest.id)).toEqual(["skipped", "snoozed", "open", "open"]);
    expect((await task(intro))?.snoozed_until).toBe(Date.UTC(2027, 2, 3));
    expect(sent[0]?.parsed.text).toContain("2. Priya Nair — you said you'd introduce Ben to Priya; due Thu 3 Dec (in 3 days): snoozed until Wed 3 Mar");
  });
});

describe("the replies' quotes", () => {
  it("each client's reply quotes the digest Tend sent, commands and all, in that client's way", async () => {
    const { digest } = await week(SAM);
    const lines = ["done 1"];
    const texts = {
      gmail: (await PostalMime.parse(gmailReply(digest.mail, SAM, lines))).text ?? "",
      outlook: (await PostalMime.parse(outlookReply(digest.mail, SAM, lines))).text ?? "",
      classic: (await PostalMime.parse(outlookClassicReply(digest.mail, SAM, lines))).text ?? "",
      apple: (await PostalMime.parse(appleMailReply(digest.mail, SAM, lines))).text ?? "",
      iphone: (await PostalMime.parse(iphoneReply(digest.mail, SAM, lines))).text ?? "",
    };
    expect(digest.mail.parsed.text).toContain("\n  snooze 3 2w             bring it back in two weeks\n");
    expect(texts.gmail).toContain("On Mon, Nov 30, 2026 at 8:00 AM Tend <tend@tend.example> wrote:\n\n> Hi Sam,\n>\n");
    expect(texts.gmail).toContain("\n>   snooze 3 2w             bring it back in two weeks\n");
    expect(texts.outlook).toContain("Sent: Monday, November 30, 2026 8:00 AM\n");
    expect(texts.classic).toContain("-----Original Message-----\n");
    for (const text of [texts.outlook, texts.classic]) expect(text).toContain("\n  snooze 3 2w             bring it back in two weeks\n");
    expect(texts.apple).toContain("> On 30 Nov 2026, at 08:00, Tend <tend@tend.example> wrote:\n> \n> Hi Sam,\n> \n");
    expect(texts.iphone).toContain("Sent from my iPhone\n\n> On Nov 30, 2026, at 8:00 AM, Tend <tend@tend.example> wrote:\n");
    for (const text of [texts.apple, texts.iphone]) expect(text).toContain("\n>   snooze 3 2w             bring it back in two weeks\n");
    for (const raw of [htmlOnlyReply(digest.mail, SAM, lines), iphoneHtmlReply(digest.mail, SAM, lines)]) {
      const { html } = await PostalMime.parse(raw);
      expect(html).toContain(">done 1</div>");
      expect(html).toContain(`<span style="font-family:SFMono-Regular,Consolas,Menlo,monospace;background:#f1ede4;padding:1px 4px;border-radius:3px;">done 2</span>`);
    }
  });
});

describe("HTML-only phone replies", () => {
  it("iPhone Mail in HTML: the line above 'Sent from my iPhone' applies, the cited digest does not", async () => {
    const { digest } = await week(JON);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(iphoneHtmlReply(digest.mail, JON, ["Skip 2"]), { from: JON.address, to: digest.replyAddress });
    expect(await itemStates(digest.id)).toEqual(["open", "skipped", "open", "open"]);
    expect(sent[0]?.parsed.text).toContain("2. Priya Nair — you said you'd introduce Ben to Priya; due Thu 3 Dec (in 3 days): skipped.");
    expect(sent[0]?.parsed.text).not.toContain("Not understood");
  });
});

describe("what is not understood, and undo", () => {
  it("reports unknown lines verbatim and impossible ones with why, applying the rest", async () => {
    const { digest } = await week(SAM);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(gmailReply(digest.mail, SAM, ["done 1", "I'll do 2 later", "done 9", "snooze 2 after the launch"]), {
      from: SAM.address,
      to: digest.replyAddress,
    });

    expect(await itemStates(digest.id)).toEqual(["done", "open", "open", "open"]);
    const text = sent[0]?.parsed.text ?? "";
    expect(text).toContain("1. Carla Diaz — you said you'd send Carla the deck; was due Sun 29 Nov, 1 day ago: done.");
    expect(text).toContain("Not applied:\n  • done 9: this digest has no item 9 (it has 4).");
    expect(text).toContain("“I'll do 2 later”");
    expect(text).toContain("“snooze 2 after the launch”");
  });

  it("undo in a later reply reverses the latest action, then the one before", async () => {
    const { user, ana, deck, digest } = await week(SAM);
    const { deliver, sent } = testWorker({ now: clock });
    const envelope = { from: SAM.address, to: digest.replyAddress };
    await deliver(gmailReply(digest.mail, SAM, ["done 1", "note 3 moved to Lisbon"]), envelope);
    expect(await notesOn(ana)).toEqual(["moved to Lisbon"]);

    await deliver(gmailReply(digest.mail, SAM, ["undo"]), envelope);
    expect(await notesOn(ana)).toEqual([]);
    expect((await task(deck))?.status).toBe("done");
    expect(sent[1]?.parsed.text).toContain("Undone: Noted on Ana Lima: “moved to Lisbon”.");

    await deliver(gmailReply(digest.mail, SAM, ["undo"]), envelope);
    expect(await itemStates(digest.id)).toEqual(["open", "open", "open", "open"]);
    expect(await task(deck)).toEqual({ status: "open", completed_at: null, snoozed_until: null });
    expect(await suppression(user.id, `task:${deck}`)).toBeNull();
    expect(sent[2]?.parsed.text).toContain("Undone: 1. Carla Diaz — you said you'd send Carla the deck; was due Sun 29 Nov, 1 day ago: done.");

    await deliver(gmailReply(digest.mail, SAM, ["undo"]), envelope);
    expect(sent[3]?.parsed.text).toContain("undo: there is nothing left to undo.");
  });

  it("undo on a later line of the same reply reverses that reply's previous line", async () => {
    const { deck, digest } = await week(SAM);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(gmailReply(digest.mail, SAM, ["done 1", "skip 4", "undo"]), {
      from: SAM.address,
      to: digest.replyAddress,
    });
    expect(await itemStates(digest.id)).toEqual(["done", "open", "open", "open"]);
    expect((await task(deck))?.status).toBe("done");
    expect(sent[0]?.parsed.text).toContain("Undone: 4. Ben Okoro — time to check in (last in touch six weeks ago): skipped.");
  });

  it("the same command twice changes nothing the second time and says so", async () => {
    const { user, deck, digest } = await week(SAM);
    const envelope = { from: SAM.address, to: digest.replyAddress };
    await testWorker({ now: clock }).deliver(gmailReply(digest.mail, SAM, ["done 1"]), envelope);
    const first = await task(deck);
    expect(first?.completed_at).toBe(NOW);
    // An hour later, the same command again: the first completion stands.
    const later = NOW + HOUR_MS;
    const { deliver, sent } = testWorker({ now: () => later });
    await deliver(gmailReply(digest.mail, SAM, ["done 1"], { at: later }), envelope);
    expect(await task(deck)).toEqual(first);
    expect(sent[0]?.parsed.text).toContain("1. Carla Diaz — you said you'd send Carla the deck; was due Sun 29 Nov, 1 day ago was already done.");
    // Only the first one is in the undo log.
    await deliver(gmailReply(digest.mail, SAM, ["undo", "undo"], { at: later }), envelope);
    expect((await task(deck))?.status).toBe("open");
    expect(sent[1]?.parsed.text).toContain("undo: there is nothing left to undo.");
    expect(await suppression(user.id, `task:${deck}`)).toBeNull();
  });

  it("answers a reply without commands with the help text", async () => {
    const { digest } = await week(SAM);
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(gmailReply(digest.mail, SAM, ["Thanks!"]), { from: SAM.address, to: digest.replyAddress });
    expect(await itemStates(digest.id)).toEqual(["open", "open", "open", "open"]);
    const text = sent[0]?.parsed.text ?? "";
    expect(text).toContain("I found no commands in your reply, so nothing changed.");
    expect(text).toContain("cadence 4 monthly");
  });
});
