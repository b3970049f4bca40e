import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { buildMime, MAX_LINE_OCTETS, MAX_REFERENCES } from "./build-mime.ts";

const lines = (raw: string) => raw.split("\r\n");
const octets = (line: string) => new TextEncoder().encode(line).length;
const headerLines = (raw: string) => lines(raw.slice(0, raw.indexOf("\r\n\r\n")));

describe("buildMime", () => {
  const base = {
    kind: "acknowledgement" as const,
    userId: "u1",
    from: { name: "Tend", address: "tend@tend.example" },
    to: { name: "Sam Rivera", address: "sam.rivera@gmail.com" },
    subject: "Re: Ana ↔ Ben — logged",
    text: "Logged the introduction of Ana Lima and Ben Cho.\nCafé ✓ and a long line ".repeat(5),
    html: "<p>Logged <b>Ana</b> and Ben. Café ✓</p>",
  };

  it("threads a reply and reads back with postal-mime", async () => {
    const built = buildMime(
      { ...base, inReplyTo: "<orig@mail.gmail.com>", references: ["<root@mail.gmail.com>"], replyTo: "tend+r.abc@tend.example" },
      "<m1@tend.example>",
      new Date("2026-11-25T10:00:00Z"),
    );
    const parsed = await PostalMime.parse(built.raw);
    expect(parsed.subject).toBe(base.subject);
    expect(parsed.messageId).toBe("<m1@tend.example>");
    expect(parsed.inReplyTo).toBe("<orig@mail.gmail.com>");
    expect(parsed.references).toBe("<root@mail.gmail.com> <orig@mail.gmail.com>");
    expect(parsed.replyTo?.[0]?.address).toBe("tend+r.abc@tend.example");
    expect(parsed.text).toContain("Café ✓");
    expect(parsed.html).toContain("<b>Ana</b>");
    const header = (name: string) => parsed.headers.find((h) => h.key === name)?.value;
    expect(header("auto-submitted")).toBe("auto-generated");
    expect(new Date(header("date") ?? "").toISOString()).toBe("2026-11-25T10:00:00.000Z");
  });

  it("carries attachments and extra headers", async () => {
    const built = buildMime(
      {
        ...base,
        headers: { "List-Unsubscribe": "<https://tend.example/u/x>" },
        attachments: [{ filename: "tend-export.json", contentType: "application/json", base64: btoa('{"a":1}') }],
      },
      "<m2@tend.example>",
      new Date("2026-11-25T10:00:00Z"),
    );
    const parsed = await PostalMime.parse(built.raw);
    expect(parsed.attachments[0]?.filename).toBe("tend-export.json");
    const content = parsed.attachments[0]?.content;
    expect(typeof content === "string" ? content : new TextDecoder().decode(content)).toBe('{"a":1}');
    expect(parsed.headers.find((h) => h.key === "list-unsubscribe")?.value).toBe("<https://tend.example/u/x>");
  });

  it("encodes the body: '=' and long lines read back as written, no line over 76", async () => {
    const text = `price=20, a=3D b, ends with =\nnext ${"y".repeat(1200)} \n\ttabbed  \n.\n..dots\nCafé ✓`;
    const built = buildMime({ ...base, text, html: `<p class="x">${"z".repeat(1500)}</p>` }, "<m3@tend.example>", new Date(0));
    const parsed = await PostalMime.parse(built.raw);
    expect(parsed.text?.replace(/\n+$/, "")).toBe(text);
    expect(parsed.html).toContain(`<p class="x">${"z".repeat(1500)}</p>`);
    const body = built.raw.slice(built.raw.indexOf("\r\n\r\n"));
    expect(lines(body).filter((line) => line.length > 76)).toEqual([]);
  });

  it("folds a long subject and long names into encoded words, every header line within 78", async () => {
    const subject = `Re: ${"Café ✓ climate design 🌍 ".repeat(100)}`.trim();
    const name = "Sam “the organiser” Rivera-Okoro ".repeat(40).trim();
    const built = buildMime({ ...base, subject, to: { name, address: "sam.rivera@gmail.com" } }, "<m4@tend.example>", new Date(0));
    const parsed = await PostalMime.parse(built.raw);
    expect(parsed.subject).toBe(subject);
    expect(parsed.to?.[0]).toMatchObject({ name, address: "sam.rivera@gmail.com" });
    expect(headerLines(built.raw).filter((line) => octets(line) > 78)).toEqual([]);
  });

  it("keeps the first and latest references of a long thread, and drops ids no header line could hold", async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `<thread-${i}-${"x".repeat(50)}@mail.gmail.com>`);
    const huge = `<${"h".repeat(1200)}@mail.example>`;
    const built = buildMime(
      { ...base, inReplyTo: ids.at(-1) ?? "", references: [ids[0] ?? "", huge, ...ids.slice(1, -1)] },
      "<m5@tend.example>",
      new Date(0),
    );
    const parsed = await PostalMime.parse(built.raw);
    const references = (parsed.references ?? "").split(/\s+/);
    expect(references).toEqual([ids[0], ...ids.slice(-(MAX_REFERENCES - 1))]);
    expect(parsed.inReplyTo).toBe(ids.at(-1));
    expect(Math.max(...lines(built.raw).map(octets))).toBeLessThanOrEqual(MAX_LINE_OCTETS);

    // A message answered whose own id cannot be sent is answered unthreaded, not with a broken header.
    const unthreaded = buildMime({ ...base, inReplyTo: huge, references: [] }, "<m6@tend.example>", new Date(0));
    expect(unthreaded.raw).not.toContain("In-Reply-To");
    expect(Math.max(...lines(unthreaded.raw).map(octets))).toBeLessThanOrEqual(MAX_LINE_OCTETS);
  });

  it("wraps an attachment's base64 in 76-character lines", async () => {
    const content = JSON.stringify({ notes: "x".repeat(5000) });
    const built = buildMime(
      { ...base, attachments: [{ filename: "tend-export.json", contentType: "application/json", base64: btoa(content) }] },
      "<m7@tend.example>",
      new Date(0),
    );
    expect(Math.max(...lines(built.raw).map((line) => line.length))).toBeLessThanOrEqual(78);
    const parsed = await PostalMime.parse(built.raw);
    const read = parsed.attachments[0]?.content;
    expect(typeof read === "string" ? read : new TextDecoder().decode(read)).toBe(content);
  });

  it("sends no control characters, whatever the text it was given holds", async () => {
    const built = buildMime(
      { ...base, subject: "Lunch\u0000 with\u0007 Ana\r\nBcc: x@y.example", text: "Ana\u0000 Lima\u001b[2J\tok\r\nnext", to: { name: "Sam\u0000 Rivera", address: "sam.rivera@gmail.com" } },
      "<m8@tend.example>",
      new Date(0),
    );
    expect(built.raw).not.toMatch(/(?![\t\r\n])\p{Cc}/u);
    const parsed = await PostalMime.parse(built.raw);
    expect(parsed.subject).toBe("Lunch with Ana Bcc: x@y.example");
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.text).toContain("Ana Lima[2J\tok\nnext");
    expect(parsed.to?.[0]?.name).toBe("Sam Rivera");
    expect(built.subject).toBe("Lunch with Ana Bcc: x@y.example");
  });
});
