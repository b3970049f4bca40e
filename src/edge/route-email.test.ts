import { describe, expect, it } from "vitest";
import { ANA, buildEmail, DEV, samAddressing, TEND } from "../../test/helpers/build-email.ts";
import { fixtures, USERS } from "../../test/helpers/fixtures.ts";
import { parseEmail } from "../inbound/parse-email.ts";
import { routeEmail } from "./route-email.ts";

// Monday 23 November 2026, 08:47 in Los Angeles: Sam's reply to the digest.
const NOW = Date.UTC(2026, 10, 23, 16, 47);
const LA = "America/Los_Angeles";
const TOKEN = "d7k2p9.0a1b2c3d4e5f";

async function digestReply() {
  const raw = new TextDecoder().decode(fixtures.gmailReplyToDigest).replaceAll("TOKEN", TOKEN);
  return parseEmail(raw);
}

describe("routeEmail", () => {
  it("reads a reply to tend+r.<token> as a digest reply: the token, and only the commands above the quote", async () => {
    const email = await digestReply();
    const route = routeEmail(
      email,
      { tendAddress: TEND.address, userAddresses: [USERS.sam], envelopeTo: `tend+r.${TOKEN}@tend.example` },
      NOW,
      LA,
    );
    expect(route).toEqual({
      kind: "digest_reply",
      token: TOKEN,
      parsed: {
        commands: [
          { verb: "done", items: [2] },
          // Two weeks from Monday 23 November in Sam's zone.
          { verb: "snooze", items: [3], until: "2026-12-07" },
          { verb: "note", item: 4, text: "she got the job!" },
        ],
        notUnderstood: [],
      },
    });
  });

  it("finds the reply token in To when the envelope is Tend's plain address", () => {
    const email = buildEmail({ to: [{ name: "Tend", address: `tend+r.${TOKEN}@tend.example` }], text: "skip 1" });
    const route = routeEmail(email, samAddressing(), NOW, LA);
    expect(route.kind).toBe("digest_reply");
    expect(route.kind === "digest_reply" && route.token).toBe(TOKEN);
  });

  it("reads the token case-insensitively, as a mail server may upper-case it", () => {
    const route = routeEmail(buildEmail({ text: "done 1" }), samAddressing(`Tend+R.${TOKEN.toUpperCase()}@tend.example`), NOW, LA);
    expect(route.kind === "digest_reply" && route.token).toBe(TOKEN);
  });

  it("reads a snooze's day in the user's zone, where it is still yesterday in UTC terms", () => {
    // 21:00 on Monday 23 November in Los Angeles is 05:00 on Tuesday in UTC.
    const evening = Date.UTC(2026, 10, 24, 5);
    const route = routeEmail(buildEmail({ text: "snooze 3 1w" }), samAddressing(`tend+r.${TOKEN}@tend.example`), evening, LA);
    expect(route.kind === "digest_reply" && route.parsed.commands).toEqual([{ verb: "snooze", items: [3], until: "2026-11-30" }]);
  });

  it("reports lines of a digest reply it does not understand, rather than logging them", () => {
    const route = routeEmail(buildEmail({ text: "done 2\nplease make it weekly forever" }), samAddressing(`tend+r.${TOKEN}@tend.example`), NOW, LA);
    expect(route).toEqual({
      kind: "digest_reply",
      token: TOKEN,
      parsed: { commands: [{ verb: "done", items: [2] }], notUnderstood: ["please make it weekly forever"] },
    });
  });

  it("reads a reply to tend+n.<token> as a correction: what was wrong, and the rest as a note", () => {
    const email = buildEmail({
      subject: "Re: Coffee with Ana",
      text: "wrong 2\n3 is wrong\nShe moved to Porto, not Lisbon.\n\nOn Wed, Nov 18, 2026 Tend <tend@tend.example> wrote:\n> 1. wrong 1",
    });
    expect(routeEmail(email, samAddressing("tend+n.abc123.ffee00112233@tend.example"), NOW, LA)).toEqual({
      kind: "correction",
      token: "abc123.ffee00112233",
      corrections: { wrong: [2, 3], note: "She moved to Porto, not Lisbon." },
    });
  });

  it("reads a mail to Tend alone whose subject or first line is a command as a command", () => {
    expect(routeEmail(buildEmail({ subject: "help", text: "" }), samAddressing(), NOW, LA)).toEqual({
      kind: "command",
      parsed: { commands: [{ verb: "help" }], notUnderstood: [] },
    });
    expect(routeEmail(buildEmail({ subject: "Before my call", text: "brief Ana Lima\n\nThanks" }), samAddressing(), NOW, LA)).toEqual({
      kind: "command",
      parsed: { commands: [{ verb: "brief", query: "Ana Lima" }], notUnderstood: [] },
    });
  });

  it("logs notes that only start like a command", () => {
    const email = buildEmail({ subject: "Notes", text: "Brief call with Ana today. She is hiring." });
    // The text routing read is handed on, so understanding does not read it again.
    expect(routeEmail(email, samAddressing(), NOW, LA)).toEqual({ kind: "log", visibleText: "Brief call with Ana today. She is hiring." });
  });

  it("never reads a CC'd thread as a command, whatever it says", () => {
    const email = buildEmail({ subject: "help", to: [ANA], cc: [TEND], text: "help" });
    expect(routeEmail(email, samAddressing(), NOW, LA)).toEqual({ kind: "log" });
  });

  it("logs a mail to a reminder address even when its first line is a command", () => {
    const email = buildEmail({ to: [{ name: null, address: "tend+friday@tend.example" }], subject: "export", text: "export" });
    expect(routeEmail(email, samAddressing("tend+friday@tend.example"), NOW, LA)).toEqual({ kind: "log" });
  });

  it("still answers a command sent to a tag that is not a time", () => {
    const email = buildEmail({ subject: "settings", text: "" });
    expect(routeEmail(email, samAddressing("tend+whatever@tend.example"), NOW, LA).kind).toBe("command");
  });

  it("reads a reply to tend+s.<token> as a reply to a recurring reminder, whatever it says", () => {
    const email = buildEmail({ to: [{ name: "Tend", address: "tend+s.task1.abc@tend.example" }], subject: "Re: Beta?", text: "stop\n\n> This reminder repeats every Monday" });
    expect(routeEmail(email, samAddressing("tend+s.task1.abc@tend.example"), NOW, LA)).toEqual({ kind: "reminder_reply", token: "task1.abc", text: "stop" });
  });

  it("logs a mail to a recurring reminder address", () => {
    const email = buildEmail({ to: [DEV], subject: "Sync", text: "Weekly?" });
    expect(routeEmail(email, samAddressing("tend+everymonday@tend.example"), NOW, LA)).toEqual({ kind: "log" });
  });

  it("logs a thread BCC'd to a reminder address", () => {
    const email = buildEmail({ to: [DEV], subject: "Beta?", text: "Are you opening the beta in December?" });
    expect(routeEmail(email, samAddressing("tend+3d@tend.example"), NOW, LA)).toEqual({ kind: "log" });
  });

  it("logs an empty mail to Tend", () => {
    expect(routeEmail(buildEmail({ subject: "", text: "" }), samAddressing(), NOW, LA)).toEqual({ kind: "log", visibleText: "" });
  });

  it("routes an address book attached to a mail to Tend as an import, and one on a CC'd thread as something to log", () => {
    const attachment = { filename: "Connections.csv", mimeType: "text/csv", method: null, content: new Uint8Array([65]) };
    const toTend = buildEmail({ subject: "help", text: "help", attachments: [attachment] });
    expect(routeEmail(toTend, samAddressing(), NOW, LA)).toEqual({ kind: "import", attachment });
    const thread = buildEmail({ to: [ANA], cc: [TEND], attachments: [attachment] });
    expect(routeEmail(thread, samAddressing(), NOW, LA)).toEqual({ kind: "log" });
    const calendar = buildEmail({ attachments: [{ ...attachment, filename: "invite.ics", mimeType: "text/calendar" }] });
    expect(routeEmail(calendar, samAddressing(), NOW, LA).kind).toBe("log");
  });
});
