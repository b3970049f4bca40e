// Replies to a digest, as each mail client writes them, through the real email() handler.
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS } from "../src/model.ts";
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
import { seedContact, seedDigest, seedTask, seedUser, seedWeek } from "./helpers/seed-actions.ts";
import { testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const PRIYA = { name: "Priya Natarajan", address: "priya.natarajan@outlook.com" };
const JON = { name: "Jon Okafor", address: "jon.okafor@icloud.com" };

/** Midnight UTC `days` from today: a snooze lands at the start of a local day (these users are on UTC). */
function utcDayFromNow(days: number): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS;
}

async function week(person: { name: string; address: string }) {
  const user = await seedUser(person.address, person.name);
  return { user, ...(await seedWeek(user)) };
}

describe("replies from each client", () => {
  it("Gmail, the real fixture: exactly its three commands, nothing from the signature or the quote", async () => {
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
    const { deliver, sent } = testWorker();
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
    const { deliver, sent } = testWorker();
    const before = Date.now();
    const delivered = await deliver(gmailReply({ from: SAM, to: digest.replyAddress, inReplyTo: digest.messageId }, ["done 1", "snooze 3 2w", "Thanks!"]), {
      from: SAM.address,
      to: digest.replyAddress,
    });
    expect(delivered.rejection).toBeNull();

    expect(await itemStates(digest.id)).toEqual(["done", "open", "snoozed", "open"]);
    const deckTask = await task(deck);
    expect(deckTask?.status).toBe("done");
    expect(deckTask?.completed_at).toBeGreaterThanOrEqual(before);
    expect(await suppression(user.id, `task:${deck}`)).toEqual({ until: NEVER_EXPIRES, reason: "done" });
    expect(await task(intro)).toEqual({ status: "open", completed_at: null, snoozed_until: utcDayFromNow(14) });
    expect(await suppression(user.id, `task:${intro}`)).toEqual({ until: utcDayFromNow(14), reason: "snoozed" });

    expect(sent).toHaveLength(1);
    const reply = sent[0]?.parsed;
    expect(reply?.to?.[0]?.address).toBe(SAM.address);
    expect(reply?.subject).toBe("Re: Your week with Tend: 4 suggestions");
    expect(reply?.inReplyTo).toMatch(/^<reply-\d+-\d+@gmail\.com>$/);
    expect(reply?.replyTo?.[0]?.address).toBe(digest.replyAddress);
    const text = reply?.text ?? "";
    expect(text).toContain("Applied:");
    expect(text).toContain("1. Send Ana the deck: done.");
    expect(text).toMatch(/3\. Introduce Ben to Priya: snoozed until \w{3} \d{1,2} \w{3}/);
    expect(text).not.toContain("Not understood");
    expect(text).toContain("snooze 3 until March 3");
    expect(text).toContain("brief <name or address>");
  });

  it("Outlook: skip and a note, with a sign-off and a 'From: … Sent: …' block that also says 'done 1'", async () => {
    const { user, ana, ben, deck, digest } = await week(PRIYA);
    const { deliver, sent } = testWorker();
    const before = Date.now();
    await deliver(outlookReply({ from: PRIYA, to: digest.replyAddress }, ["Skip 2", "note 4 she got the job!"], ["Priya"]), {
      from: PRIYA.address,
      to: digest.replyAddress,
    });

    expect(await itemStates(digest.id)).toEqual(["open", "skipped", "open", "open"]);
    expect((await task(deck))?.status).toBe("open");
    // A skipped check-in comes back after the person's rhythm (21 days, learned).
    const skipped = await suppression(user.id, `contact:${ben}`);
    expect(skipped?.reason).toBe("skipped");
    expect(skipped?.until).toBeGreaterThanOrEqual(before + 21 * DAY_MS);
    expect(skipped?.until).toBeLessThan(Date.now() + 21 * DAY_MS + 1);
    expect(await notesOn(ana)).toEqual(["she got the job!"]);

    const text = sent[0]?.parsed.text ?? "";
    expect(text).toContain("2. Check in with Ben Okoro: skipped.");
    expect(text).toContain("Noted on Ana Lima: “she got the job!”");
    expect(text).not.toContain("Not understood");
  });

  it("Outlook classic: never and cadence under '-----Original Message-----'", async () => {
    const { ana, ben, digest } = await week(PRIYA);
    const { deliver, sent } = testWorker();
    await deliver(outlookClassicReply({ from: PRIYA, to: digest.replyAddress }, ["never 4", "cadence 2 monthly"]), {
      from: PRIYA.address,
      to: digest.replyAddress,
    });

    expect(await itemStates(digest.id)).toEqual(["open", "open", "open", "never"]);
    expect((await contactRow(ana))?.muted).toBe(1);
    const benRow = await contactRow(ben);
    expect(benRow?.cadence_days).toBe(30);
    expect(benRow?.next_check_in_at).toBe((benRow?.last_interaction_at ?? 0) + 30 * DAY_MS);

    const text = sent[0]?.parsed.text ?? "";
    expect(text).toContain("4. Check in with Ana Lima: Tend will stop suggesting Ana Lima.");
    expect(text).toContain("Check in with Ben Okoro every month.");
  });

  it("Apple Mail: done all, signed with a name, '> On … wrote:' below", async () => {
    const { deck, intro, digest } = await week(JON);
    const { deliver, sent } = testWorker();
    await deliver(appleMailReply({ from: JON, to: digest.replyAddress }, ["Done all", "", "Jon"]), {
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
    const { deliver, sent } = testWorker();
    await deliver(iphoneReply({ from: JON, to: digest.replyAddress }, ["2 done"]), { from: JON.address, to: digest.replyAddress });

    expect(await itemStates(digest.id)).toEqual(["open", "done", "open", "open"]);
    expect((await task(deck))?.status).toBe("open");
    expect(sent[0]?.parsed.text).toContain("2. Check in with Ben Okoro: done.");
  });

  it("HTML only (Outlook on the web): commands read from the HTML, the quoted digest ignored", async () => {
    const { intro, digest } = await week(PRIYA);
    const { deliver, sent } = testWorker();
    await deliver(htmlOnlyReply({ from: PRIYA, to: digest.replyAddress }, ["snooze 3 until March 3", "skip 1"]), {
      from: PRIYA.address,
      to: digest.replyAddress,
    });

    expect(await itemStates(digest.id)).toEqual(["skipped", "open", "snoozed", "open"]);
    const snoozedUntil = (await task(intro))?.snoozed_until ?? 0;
    const until = new Date(snoozedUntil);
    expect([until.getUTCMonth(), until.getUTCDate(), until.getUTCHours()]).toEqual([2, 3, 0]);
    expect(snoozedUntil).toBeGreaterThan(Date.now());
    expect(sent[0]?.parsed.text).toMatch(/3\. Introduce Ben to Priya: snoozed until \w{3} 3 Mar/);
  });
});

describe("HTML-only phone replies", () => {
  it("iPhone Mail in HTML: the line above 'Sent from my iPhone' applies, the cited digest does not", async () => {
    const { digest } = await week(JON);
    const { deliver, sent } = testWorker();
    await deliver(iphoneHtmlReply({ from: JON, to: digest.replyAddress }, ["Skip 3"]), { from: JON.address, to: digest.replyAddress });
    expect(await itemStates(digest.id)).toEqual(["open", "open", "skipped", "open"]);
    expect(sent[0]?.parsed.text).toContain("3. Introduce Ben to Priya: skipped.");
    expect(sent[0]?.parsed.text).not.toContain("Not understood");
  });
});

describe("what is not understood, and undo", () => {
  it("reports unknown lines verbatim and impossible ones with why, applying the rest", async () => {
    const { digest } = await week(SAM);
    const { deliver, sent } = testWorker();
    await deliver(gmailReply({ from: SAM, to: digest.replyAddress }, ["done 1", "I'll do 2 later", "done 9", "snooze 2 after the launch"]), {
      from: SAM.address,
      to: digest.replyAddress,
    });

    expect(await itemStates(digest.id)).toEqual(["done", "open", "open", "open"]);
    const text = sent[0]?.parsed.text ?? "";
    expect(text).toContain("1. Send Ana the deck: done.");
    expect(text).toContain("Not applied:\n  • done 9: this digest has no item 9 (it has 4).");
    expect(text).toContain("“I'll do 2 later”");
    expect(text).toContain("“snooze 2 after the launch”");
  });

  it("undo in a later reply reverses the latest action, then the one before", async () => {
    const { user, ana, deck, digest } = await week(SAM);
    const { deliver, sent } = testWorker();
    const envelope = { from: SAM.address, to: digest.replyAddress };
    await deliver(gmailReply({ from: SAM, to: digest.replyAddress }, ["done 1", "note 4 moved to Lisbon"]), envelope);
    expect(await notesOn(ana)).toEqual(["moved to Lisbon"]);

    await deliver(gmailReply({ from: SAM, to: digest.replyAddress }, ["undo"]), envelope);
    expect(await notesOn(ana)).toEqual([]);
    expect((await task(deck))?.status).toBe("done");
    expect(sent[1]?.parsed.text).toContain("Undone: Noted on Ana Lima: “moved to Lisbon”.");

    await deliver(gmailReply({ from: SAM, to: digest.replyAddress }, ["undo"]), envelope);
    expect(await itemStates(digest.id)).toEqual(["open", "open", "open", "open"]);
    expect(await task(deck)).toEqual({ status: "open", completed_at: null, snoozed_until: null });
    expect(await suppression(user.id, `task:${deck}`)).toBeNull();
    expect(sent[2]?.parsed.text).toContain("Undone: 1. Send Ana the deck: done.");

    await deliver(gmailReply({ from: SAM, to: digest.replyAddress }, ["undo"]), envelope);
    expect(sent[3]?.parsed.text).toContain("undo: there is nothing left to undo.");
  });

  it("undo on a later line of the same reply reverses that reply's previous line", async () => {
    const { deck, digest } = await week(SAM);
    const { deliver, sent } = testWorker();
    await deliver(gmailReply({ from: SAM, to: digest.replyAddress }, ["done 1", "skip 2", "undo"]), {
      from: SAM.address,
      to: digest.replyAddress,
    });
    expect(await itemStates(digest.id)).toEqual(["done", "open", "open", "open"]);
    expect((await task(deck))?.status).toBe("done");
    expect(sent[0]?.parsed.text).toContain("Undone: 2. Check in with Ben Okoro: skipped.");
  });

  it("the same command twice changes nothing the second time and says so", async () => {
    const { user, deck, digest } = await week(SAM);
    const { deliver, sent } = testWorker();
    const envelope = { from: SAM.address, to: digest.replyAddress };
    await deliver(gmailReply({ from: SAM, to: digest.replyAddress }, ["done 1"]), envelope);
    const first = await task(deck);
    await deliver(gmailReply({ from: SAM, to: digest.replyAddress }, ["done 1"]), envelope);
    expect(await task(deck)).toEqual(first);
    expect(sent[1]?.parsed.text).toContain("1. Send Ana the deck was already done.");
    // Only the first one is in the undo log.
    await deliver(gmailReply({ from: SAM, to: digest.replyAddress }, ["undo", "undo"]), envelope);
    expect((await task(deck))?.status).toBe("open");
    expect(sent[2]?.parsed.text).toContain("undo: there is nothing left to undo.");
    expect(await suppression(user.id, `task:${deck}`)).toBeNull();
  });

  it("answers a reply without commands with the help text", async () => {
    const { digest } = await week(SAM);
    const { deliver, sent } = testWorker();
    await deliver(gmailReply({ from: SAM, to: digest.replyAddress }, ["Thanks!"]), { from: SAM.address, to: digest.replyAddress });
    expect(await itemStates(digest.id)).toEqual(["open", "open", "open", "open"]);
    const text = sent[0]?.parsed.text ?? "";
    expect(text).toContain("I found no commands in your reply, so nothing changed.");
    expect(text).toContain("cadence 4 monthly");
  });
});
