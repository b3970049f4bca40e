import { describe, expect, it } from "vitest";
import { type ComposedItem, composeDigest, composeQuietWeek, type Letter } from "./compose.ts";

const letter: Letter = {
  recipientName: "Sam Rivera",
  asOf: Date.parse("2026-11-30T07:00:00Z"),
  timeZone: "Europe/Berlin",
  tendAddress: "tend@tend.example",
  unsubscribeUrl: "https://tend.example/u/tok",
};
const link = (n: number) => `https://x/a/${n}o`;
const items: ComposedItem[] = [
  {
    position: 1,
    section: "promises",
    title: "Ana Lima — you said you'd send them the deck; was due Fri 27 Nov, 3 days ago",
    reason: "You promised Ana on Fri 20 Nov.",
    quote: "You wrote, Fri 20 Nov: “I'll send you the deck by Friday”",
    link: link(1),
  },
  { position: 2, section: "check_in", title: "<Ben> & Co — time to check in", reason: "Still open: Ben needs a flat in Lisbon.", link: link(2) },
  { position: 3, section: "check_in", title: "Eve Park — time to check in", reason: "You last wrote 2 months ago.", link: link(3) },
];

describe("composeDigest", () => {
  const mail = composeDigest(letter, items);

  it("reads well on a phone: each item at most three lines and one link, the reply syntax once at the end", () => {
    expect(mail.subject).toBe("Tend: 3 things for the week of Mon 30 Nov");
    expect(mail.text.startsWith("Hi Sam,\n\nHere are 3 things for the week of Mon 30 Nov, the most pressing first.")).toBe(true);
    expect(mail.text).toContain(
      "1. Ana Lima — you said you'd send them the deck; was due Fri 27 Nov, 3 days ago\n   You promised Ana on Fri 20 Nov.\n   You wrote, Fri 20 Nov: “I'll send you the deck by Friday”\n   https://x/a/1o\n\n2. ",
    );
    expect(mail.text).toContain("3. Eve Park — time to check in\n   You last wrote 2 months ago.\n   https://x/a/3o\n\n");
    // The syntax is explained once, not under every item.
    expect(mail.text.match(/snooze 3 2w/g)).toHaveLength(1);
    expect(mail.text.indexOf("snooze 3 2w")).toBeGreaterThan(mail.text.indexOf("3. Eve Park"));
    expect(mail.text).toContain("set timezone");
    expect(mail.text).toContain("Unsubscribe: https://tend.example/u/tok");
  });

  it("escapes the HTML part and styles it inline", () => {
    expect(mail.html).toContain("&lt;Ben&gt; &amp; Co — time to check in");
    expect(mail.html).not.toContain("<Ben>");
    expect(mail.html).not.toMatch(/<style/);
    expect(mail.html).toContain('href="https://x/a/2o"');
    expect(mail.html).toContain("I&#39;ll send you the deck");
  });
});

describe("a hostile name or note in the HTML part", () => {
  // Markup, a quote that would end an attribute, an ampersand that would start an entity.
  const hostile = `<script>alert("hi")</script> & "Co"`;
  const escaped = "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &quot;Co&quot;";
  const hostileLetter: Letter = { ...letter, recipientName: `${hostile} Rivera`, unsubscribeUrl: `https://tend.example/u/tok?a=1&b="2"` };
  const hostileItem: ComposedItem = {
    position: 1,
    section: "check_in",
    title: `Check in with ${hostile}`,
    reason: `She said: ${hostile}`,
    link: `https://x/a/1d?"&`,
  };

  it("comes out as text in the digest: title, reason, links, unsubscribe", () => {
    const { html } = composeDigest(hostileLetter, [hostileItem]);
    expect(html).not.toMatch(/<script|"Co"/);
    expect(html).toContain(`</span> Check in with ${escaped}</div>`);
    expect(html).toContain(`>She said: ${escaped}</p>`);
    expect(html).toContain('href="https://x/a/1d?&quot;&amp;"');
    expect(html).toContain('href="https://tend.example/u/tok?a=1&amp;b=&quot;2&quot;"');
    // The greeting takes the first word of the name, escaped like the rest.
    expect(html).toContain(">Hi &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;,</p>");
  });

  it("comes out as text in the quiet-week note", () => {
    const { html } = composeQuietWeek(hostileLetter);
    expect(html).not.toMatch(/<script|b="2"/);
    expect(html).toContain('href="https://tend.example/u/tok?a=1&amp;b=&quot;2&quot;"');
  });
});

describe("composeQuietWeek", () => {
  it("is short, says why, and keeps the unsubscribe link", () => {
    const note = composeQuietWeek({ ...letter, recipientName: null });
    expect(note.subject).toBe("Tend: a quiet week (Mon 30 Nov)");
    expect(note.text.startsWith("Hi,\n\nNothing needs you this week")).toBe(true);
    expect(note.text).toContain("https://tend.example/u/tok");
    expect(note.text.split("\n").length).toBeLessThan(12);
  });
});
