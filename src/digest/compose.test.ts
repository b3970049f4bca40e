import { describe, expect, it } from "vitest";
import { type ComposedItem, composeDigest, composeQuietWeek, type Letter } from "./compose.ts";

const letter: Letter = {
  recipientName: "Sam Rivera",
  asOf: Date.parse("2026-11-30T07:00:00Z"),
  timeZone: "Europe/Berlin",
  tendAddress: "tend@tend.example",
  unsubscribeUrl: "https://tend.example/u/tok",
};
const links = (n: number) => ({ done: `https://x/a/${n}d`, snooze: `https://x/a/${n}s`, skip: `https://x/a/${n}k` });
const items: ComposedItem[] = [
  { position: 1, section: "promises", title: "Send Ana the deck", reason: "You promised Ana Lima on Fri 20 Nov.", links: links(1) },
  { position: 2, section: "check_in", title: "Check in with <Ben> & Co", reason: "On Wed 25 Nov Ben said: “a flat in Lisbon”.", links: links(2) },
  { position: 3, section: "check_in", title: "Check in with Eve Park", reason: "You last talked 2 months ago.", links: links(3) },
];

describe("composeDigest", () => {
  const mail = composeDigest(letter, items);

  it("reads on its own as plain text: greeting, sections, numbered items, reply syntax, links", () => {
    expect(mail.subject).toBe("Tend: 3 things for the week of Mon 30 Nov");
    expect(mail.text.startsWith("Hi Sam,\n\nHere are 3 things for the week of Mon 30 Nov.")).toBe(true);
    expect(mail.text).toContain("PROMISES TO KEEP\n\n1. Send Ana the deck\n   You promised Ana Lima on Fri 20 Nov.\n   Reply: done 1 · snooze 1 2w · skip 1 · note 1 …\n   Done: https://x/a/1d");
    // One heading for both check-ins.
    expect(mail.text.match(/CHECK IN/g)).toHaveLength(1);
    expect(mail.text).toContain("3. Check in with Eve Park");
    expect(mail.text).toContain("Unsubscribe: https://tend.example/u/tok");
    expect(Math.max(...mail.text.split("\n").filter((line) => !line.includes("https://")).map((line) => line.length))).toBeLessThanOrEqual(78);
  });

  it("escapes the HTML part and styles it inline", () => {
    expect(mail.html).toContain("Check in with &lt;Ben&gt; &amp; Co");
    expect(mail.html).not.toContain("<Ben>");
    expect(mail.html).not.toMatch(/<style/);
    expect(mail.html).toContain('href="https://x/a/2s"');
    expect(mail.html).toContain("<h2 style=");
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
    links: { done: `https://x/a/1d?"&`, snooze: "https://x/a/1s", skip: "https://x/a/1k" },
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
