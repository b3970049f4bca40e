// Recurring reminders through the real handlers: tend+everymonday@ reminds at
// 09:00 local each Monday, across the end of summer time, threaded to the
// original; "pending" lists it; a reply "stop" ends it.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { commandMail, gmailReply } from "./helpers/client-replies.ts";
import { digestHarness } from "./helpers/digest-run.ts";
import { inlineMessage } from "./helpers/mail.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { seeder } from "./helpers/seed.ts";

const seed = seeder(env.DB);
const TEND = "tend@tend.example";
const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const at = (text: string) => Date.parse(text);

async function runningRules(): Promise<number> {
  const row = await env.DB.prepare("select count(*) as n from recurring_reminders").first<{ n: number }>();
  return row?.n ?? 0;
}

describe("recurring reminders", () => {
  beforeEach(resetDatabase);

  it("fire every Monday at 09:00 in Berlin across the change to winter time, and stop on “stop”", async () => {
    await seed.user({ email: SAM.address, name: SAM.name, timeZone: "Europe/Berlin", now: at("2026-10-01T10:00:00Z"), nextDigestAt: null });
    let now = at("2026-10-14T10:00:00Z"); // Wed 14 Oct, 12:00 CEST
    const { deliver, runCron, sent } = digestHarness({ now: () => now });

    await deliver(
      inlineMessage({
        from: `${SAM.name} <${SAM.address}>`,
        to: "Ana Lima <ana@lima.example>",
        subject: "Weekly sync",
        messageId: "<weekly-sync@mail.gmail.com>",
        date: "Wed, 14 Oct 2026 12:00:00 +0200",
        body: "Ana, shall we keep our weekly sync going?",
      }),
      { from: SAM.address, to: "tend+everymonday@tend.example" },
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]?.parsed.text).toContain("every Monday (Europe/Berlin), first on Mon 19 Oct, 09:00");

    // Mon 19 Oct, 09:00 CEST is 07:00 UTC: not at 06:00, once at 07:00, not again the same hour.
    await runCron(at("2026-10-19T06:00:00Z"));
    expect(sent).toHaveLength(1);
    await runCron(at("2026-10-19T07:00:00Z"));
    await runCron(at("2026-10-19T07:00:00Z"));
    expect(sent).toHaveLength(2);
    const firstReminder = sent[1];
    expect(firstReminder?.parsed.inReplyTo).toBe("<weekly-sync@mail.gmail.com>");
    expect(firstReminder?.parsed.subject).toBe("Re: Weekly sync");
    expect(firstReminder?.parsed.text).toContain("repeats every Monday; the next is on Mon 26 Oct, 09:00 (Europe/Berlin)");
    expect(firstReminder?.parsed.replyTo?.[0]?.address).toMatch(/^tend\+s\.[a-z0-9]+\.[a-z0-9]+@tend\.example$/);

    // Sun 25 Oct ends summer time: Mon 26 Oct, 09:00 CET is 08:00 UTC.
    await runCron(at("2026-10-26T07:00:00Z"));
    expect(sent).toHaveLength(2);
    await runCron(at("2026-10-26T08:00:00Z"));
    expect(sent).toHaveLength(3);
    const secondReminder = sent[2];
    expect(secondReminder?.parsed.inReplyTo).toBe("<weekly-sync@mail.gmail.com>");
    expect(secondReminder?.parsed.text).toContain("the next is on Mon 2 Nov, 09:00");

    now = at("2026-10-27T09:00:00Z");
    await deliver(commandMail({ from: SAM, to: TEND, subject: "pending", at: now }), { from: SAM.address, to: TEND });
    expect(sent).toHaveLength(4);
    expect(sent[3]?.parsed.text).toContain("Follow up: Weekly sync — every Monday, next Mon 2 Nov, 09:00");

    if (!secondReminder) throw new Error("no reminder");
    const stopTo = secondReminder.parsed.replyTo?.[0]?.address ?? "";
    await deliver(gmailReply(secondReminder, SAM, ["Stop, thanks"], { at: now }), { from: SAM.address, to: stopTo });
    expect(sent).toHaveLength(5);
    expect(sent[4]?.parsed.text).toContain("Stopped: you will get no more of these reminders.");
    expect(await runningRules()).toBe(0);

    await runCron(at("2026-11-02T08:00:00Z"));
    await runCron(at("2026-11-09T08:00:00Z"));
    expect(sent).toHaveLength(5);
  });

  it("keeps going on a reply that is not “stop”, and a token of another user's reminder stops nothing", async () => {
    await seed.user({ email: SAM.address, name: SAM.name, timeZone: "Europe/Berlin", now: at("2026-10-01T10:00:00Z"), nextDigestAt: null });
    await seed.user({ email: "kim@posteo.de", name: "Kim", timeZone: "Europe/Berlin", now: at("2026-10-01T10:00:00Z"), nextDigestAt: null });
    let now = at("2026-10-14T10:00:00Z");
    const { deliver, runCron, sent } = digestHarness({ now: () => now });
    await deliver(
      inlineMessage({ from: `${SAM.name} <${SAM.address}>`, to: "Ana Lima <ana@lima.example>", subject: "Monthly", body: "Ana, monthly check-in?" }),
      { from: SAM.address, to: "tend+every1st@tend.example" },
    );
    await runCron(at("2026-11-01T08:00:00Z")); // Sun 1 Nov, 09:00 CET
    expect(sent).toHaveLength(2);
    const reminder = sent[1];
    if (!reminder) throw new Error("no reminder");
    expect(reminder.parsed.text).toContain("repeats every month on the 1st; the next is on Tue 1 Dec, 09:00");
    const stopTo = reminder.parsed.replyTo?.[0]?.address ?? "";

    now = at("2026-11-01T10:00:00Z");
    await deliver(gmailReply(reminder, SAM, ["Thanks, will do"], { at: now }), { from: SAM.address, to: stopTo });
    expect(sent[2]?.parsed.text).toContain("this one keeps going");
    await deliver(gmailReply(reminder, { name: "Kim", address: "kim@posteo.de" }, ["stop"], { at: now }), { from: "kim@posteo.de", to: stopTo });
    expect(sent[3]?.parsed.text).toContain("does not match a reminder of yours");
    expect(await runningRules()).toBe(1);

    await runCron(at("2026-12-01T08:00:00Z"));
    expect(sent).toHaveLength(5);
  });
});
