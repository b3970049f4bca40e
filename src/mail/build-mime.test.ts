import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { buildMime } from "./build-mime.ts";

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
});
