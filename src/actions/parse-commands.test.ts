import { describe, expect, it } from "vitest";
import { visibleText } from "../mail/visible-text.ts";
import { isCommandMail, parseCommands } from "./parse-commands.ts";

// Monday 30 November 2026, 09:00 in Berlin.
const NOW = Date.UTC(2026, 10, 30, 8, 0);
const TZ = "Europe/Berlin";

function reply(text: string) {
  return parseCommands({ kind: "digest_reply", subject: "Re: Your week", text, now: NOW, timeZone: TZ });
}
function command(subject: string, text = "") {
  return parseCommands({ kind: "command", subject, text, now: NOW, timeZone: TZ });
}

describe("digest reply lines", () => {
  it.each([
    ["done 2", { verb: "done", items: [2] }],
    ["2 done", { verb: "done", items: [2] }],
    ["Done 1 3 5", { verb: "done", items: [1, 3, 5] }],
    ["done 1, 3 and 5.", { verb: "done", items: [1, 3, 5] }],
    ["DONE #2", { verb: "done", items: [2] }],
    ["done 1-3", { verb: "done", items: [1, 2, 3] }],
    ["done all", { verb: "done", items: "all" }],
    ["- done: 4", { verb: "done", items: [4] }],
    ["skip 1", { verb: "skip", items: [1] }],
    ["1 skip", { verb: "skip", items: [1] }],
    ["never 4", { verb: "never", items: [4] }],
    ["mute 4", { verb: "never", items: [4] }],
    ["undo", { verb: "undo" }],
    ["Undo that please", { verb: "undo" }],
    ["snooze 3", { verb: "snooze", items: [3], until: "2026-12-07" }],
    ["snooze 3 2w", { verb: "snooze", items: [3], until: "2026-12-14" }],
    ["snooze 3 2 weeks", { verb: "snooze", items: [3], until: "2026-12-14" }],
    ["snooze 3 for a month", { verb: "snooze", items: [3], until: "2026-12-30" }],
    ["snooze 3 until March 3", { verb: "snooze", items: [3], until: "2027-03-03" }],
    ["Snooze 2 and 3 till friday", { verb: "snooze", items: [2, 3], until: "2026-12-04" }],
    ["3 snooze 10d", { verb: "snooze", items: [3], until: "2026-12-10" }],
    ["note 2 she got the job!", { verb: "note", item: 2, text: "she got the job!" }],
    ["Note 2: She got the JOB", { verb: "note", item: 2, text: "She got the JOB" }],
    ["2 note moved to Lisbon", { verb: "note", item: 2, text: "moved to Lisbon" }],
    ["cadence 4 monthly", { verb: "cadence", item: 4, days: 30 }],
    ["cadence 4 every 2 weeks", { verb: "cadence", item: 4, days: 14 }],
    ["4 cadence quarterly", { verb: "cadence", item: 4, days: 91 }],
    ["cadence 4 off", { verb: "cadence", item: 4, days: null }],
  ])("%s", (line, expected) => {
    expect(reply(line)).toEqual({ commands: [expected], notUnderstood: [] });
  });

  it("reports what it does not understand, verbatim, and never guesses", () => {
    const parsed = reply(
      "done 2\nI think 3 is wrong\nsnooze 3 after the launch\ndone two\nnever mind\ncadence 4 sometimes\nnote 2",
    );
    expect(parsed.commands).toEqual([{ verb: "done", items: [2] }]);
    expect(parsed.notUnderstood).toEqual([
      "I think 3 is wrong",
      "snooze 3 after the launch",
      "done two",
      "never mind",
      "cadence 4 sometimes",
      "note 2",
    ]);
  });

  it("ignores greetings and a closing name, but not a bare command word", () => {
    expect(reply("Hi Tend,\ndone 1\nThanks!\nMaria")).toEqual({ commands: [{ verb: "done", items: [1] }], notUnderstood: [] });
    expect(reply("done 1\nSkip")).toEqual({ commands: [{ verb: "done", items: [1] }], notUnderstood: ["Skip"] });
  });

  it("reads a snooze date in the user's zone", () => {
    // 23:30 UTC on 30 Nov is already 1 December in Berlin.
    const late = Date.UTC(2026, 10, 30, 23, 30);
    const parsed = parseCommands({ kind: "digest_reply", subject: "", text: "snooze 1 3d", now: late, timeZone: TZ });
    expect(parsed.commands).toEqual([{ verb: "snooze", items: [1], until: "2026-12-04" }]);
  });
});

describe("command mails", () => {
  it.each([
    ["help", { verb: "help" }],
    ["Brief Ana", { verb: "brief", query: "Ana" }],
    ["brief me on Ana Lima", { verb: "brief", query: "Ana Lima" }],
    ["brief Ana@Example.com", { verb: "brief", query: "ana@example.com" }],
    ["pending", { verb: "pending" }],
    ["export", { verb: "export" }],
    ["forget ana@x.com", { verb: "forget", address: "ana@x.com" }],
    ["settings", { verb: "settings" }],
    ["set timezone Europe/Berlin", { verb: "set_timezone", timeZone: "Europe/Berlin" }],
    ["set time zone to America/New_York", { verb: "set_timezone", timeZone: "America/New_York" }],
    ["set digest monday 8am", { verb: "set_digest", weekday: 1, hour: 8 }],
    ["set digest Fridays at 5 pm", { verb: "set_digest", weekday: 5, hour: 17 }],
    ["set digest 07:00", { verb: "set_digest", weekday: null, hour: 7 }],
    ["set max 5", { verb: "set_max", max: 5 }],
    ["set empty skip", { verb: "set_empty", mode: "skip" }],
    ["pause 2w", { verb: "pause", until: "2026-12-14" }],
    ["pause", { verb: "pause", until: "2026-12-07" }],
    ["pause until January 10", { verb: "pause", until: "2027-01-10" }],
    ["resume", { verb: "resume" }],
    ["add address Sam@Work.example", { verb: "add_address", address: "sam@work.example" }],
    ["add an email address: <sam@work.example>", { verb: "add_address", address: "sam@work.example" }],
    ["remove address sam@work.example", { verb: "remove_address", address: "sam@work.example" }],
    ["confirm address abcdefgh234567ab", { verb: "confirm_address", code: "abcdefgh234567ab" }],
    ["Delete my account", { verb: "delete_account" }],
  ])("%s", (subject, expected) => {
    expect(command(subject)).toEqual({ commands: [expected], notUnderstood: [] });
    expect(command("", subject)).toEqual({ commands: [expected], notUnderstood: [] });
  });

  it("reads a confirming reply by its subject", () => {
    const parsed = command("Re: Confirm: forget ana@x.com (ref abc.forget.xyz.sig)", "yes");
    expect(parsed.commands).toEqual([{ verb: "confirm_forget", address: "ana@x.com", ref: "abc.forget.xyz.sig" }]);
  });

  it("reads a reply confirming an account's deletion by its subject, and nothing looser", () => {
    const parsed = command("Re: Confirm: delete my account (ref abc.deleteaccount.xyz.sig)", "Yes, delete it.");
    expect(parsed.commands).toEqual([{ verb: "confirm_delete_account", ref: "abc.deleteaccount.xyz.sig" }]);
    expect(command("delete my account please", "").commands).toEqual([]);
    expect(command("add address not-an-address", "").commands).toEqual([]);
  });

  it("reads several settings lines and reports the rest", () => {
    const parsed = command("Settings", "");
    expect(parsed.commands).toEqual([{ verb: "settings" }]);
    const body = command("hello", "set timezone Europe/Berlin\nset max 5\nand make it nicer");
    expect(body.commands).toEqual([
      { verb: "set_timezone", timeZone: "Europe/Berlin" },
      { verb: "set_max", max: 5 },
    ]);
    expect(body.notUnderstood).toEqual(["and make it nicer"]);
  });
});

describe("isCommandMail", () => {
  it.each([
    ["brief Ana", "", true],
    ["", "brief Ana", true],
    ["Re: brief Ana", "thanks", true],
    ["Brief call with Ana today, she's hiring", "She is hiring a designer.", false],
    ["Brief call with Ana", "", false],
    ["Notes", "Brief call with Ana today, she's hiring", false],
    ["Fwd: Resume", "---------- Forwarded message ---------\nFrom: Ana", false],
    ["Resume", "Attached is my resume.\nIt has the new job.\nAnd my portfolio.\nLet me know.", false],
    ["Help with hiring", "Ana asked for help", false],
    ["Coffee with Ben", "He wants to forget the whole thing", false],
    ["", "set digest monday 8am", true],
    ["", "pause until 2027-01-05", true],
    ["Re: Confirm: forget ana@x.com (ref a.forget.b.c)", "Yes\n\nOn Mon, Nov 30, 2026 at 9:00 AM Tend <tend@tend.test> wrote:\n> Reply", true],
  ])("%s / %s → %s", (subject, text, expected) => {
    expect(isCommandMail(subject, visibleText(text))).toBe(expected);
  });
});

describe("private lines in a reply", () => {
  it("keeps a note's own #private marker, and marks a note the rule covers", () => {
    expect(reply("note 2 her mother is ill #private").commands).toEqual([{ verb: "note", item: 2, text: "her mother is ill #private" }]);
    expect(reply("note 2 her mother is ill\n\n#private").commands).toEqual([{ verb: "note", item: 2, text: "her mother is ill #private" }]);
    expect(reply("note 2 she got the job").commands).toEqual([{ verb: "note", item: 2, text: "she got the job" }]);
  });

  it("never echoes a private line back as not understood, and takes a lone #private line for the marker it is", () => {
    const parsed = reply("private: her mother is ill\nsee you soon then, Ana was great\n\nI heard she is unwell #private\n#private");
    expect(parsed.notUnderstood).toEqual(["(a line marked private, not quoted)", "(a line marked private, not quoted)", "(a line marked private, not quoted)"]);
  });
});
