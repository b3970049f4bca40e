import { describe, expect, it } from "vitest";
import type { DueReminder } from "../db/digest-reminders.ts";
import { DAY_MS } from "../model.ts";
import { composeReminder } from "./compose-reminder.ts";

const asOf = Date.parse("2026-12-01T08:00:00Z");
const reminder = (extra: Partial<DueReminder>): DueReminder => ({
  taskId: "t1",
  userId: "u1",
  kind: "follow_up",
  title: "ask about the Lisbon offsite",
  status: "open",
  dueAt: asOf,
  remindAt: asOf,
  createdAt: asOf - 7 * DAY_MS,
  threadMessageId: "<t@mail>",
  threadSubject: "Offsite",
  private: false,
  contactName: "Ana Lima",
  contactAddress: "ana@lima.example",
  user: { email: "sam@x.example", name: "Sam Rivera", timeZone: "Europe/Berlin", unsubscribedAt: null },
  ...extra,
});

describe("composeReminder", () => {
  it("answers on the thread with what to do and when", () => {
    const mail = composeReminder(reminder({}), asOf);
    expect(mail.subject).toBe("Re: Offsite");
    expect(mail.text).toBe(
      "Hi Sam,\n\nFollow up with Ana Lima: Ask about the Lisbon offsite. It is due today (Tue 1 Dec). You asked for this reminder on Tue 24 Nov, on this thread.\n\n-- \nTend",
    );
  });

  it("keeps an existing Re: and names the kind of obligation", () => {
    expect(composeReminder(reminder({ threadSubject: "RE: Offsite" }), asOf).subject).toBe("RE: Offsite");
    expect(composeReminder(reminder({ kind: "promise", title: "send the deck" }), asOf).text).toContain("You promised Ana Lima: Send the deck.");
    expect(composeReminder(reminder({ threadSubject: null, threadMessageId: null }), asOf).subject).toBe("Reminder: ask about the Lisbon offsite");
  });

  it("never repeats words told in confidence", () => {
    const mail = composeReminder(reminder({ private: true, threadSubject: null, title: "call about her diagnosis" }), asOf);
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain("diagnosis");
    expect(mail.subject).toBe("Reminder");
  });

  it("shows a hostile name, title or subject as text in the HTML part", () => {
    const hostile = `<script>alert("hi")</script> & "Co"`;
    const mail = composeReminder(
      reminder({ kind: "promise", title: hostile, contactName: hostile, user: { email: "sam@x.example", name: hostile, timeZone: "Europe/Berlin", unsubscribedAt: null } }),
      asOf,
    );
    expect(mail.html).not.toMatch(/<script|"Co"/);
    expect(mail.html).toContain("<p>Hi &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;,</p>");
    expect(mail.html).toContain(
      "<p>You promised &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &quot;Co&quot;: &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &quot;Co&quot;.",
    );
  });
});
