import { describe, expect, it } from "vitest";
import { parseEmail, readHeaders } from "./parse-email.ts";

const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\r\n"));

function message(extra: string[], body = "Hello"): Uint8Array {
  return bytes(["From: Sam Rivera <sam.rivera@gmail.com>", "To: tend@tend.example", "Subject: Notes", ...extra, "", body]);
}

describe("readHeaders", () => {
  it("reads the header block alone, whatever follows it", async () => {
    const headers = await readHeaders(message(["Message-ID: <a@mail.gmail.com>"], "x".repeat(10_000)));
    expect(headers).toMatchObject({ messageId: "<a@mail.gmail.com>", subject: "Notes", from: { address: "sam.rivera@gmail.com" } });
    expect("text" in headers).toBe(false);
  });

  it("takes only printable-ASCII message ids: a NUL or an 8-bit byte would be echoed into replies' threading headers", async () => {
    const nul = await readHeaders(message(["Message-ID: <ab\u0000cd@mail.example>", "In-Reply-To: <x\u0000y@mail.example>"]));
    expect(nul.messageId).toBeNull();
    expect(nul.inReplyTo).toBeNull();
    const eightBit = await readHeaders(message(["Message-ID: <caf\u00e9@mail.example>", "References: <ok@mail.example> <caf\u00e9@mail.example>"]));
    expect(eightBit.messageId).toBeNull();
    expect(eightBit.references).toEqual(["<ok@mail.example>"]);
  });
});

describe("parseEmail", () => {
  it("reads headers and body together", async () => {
    const email = await parseEmail(message(["Message-ID: <b@mail.gmail.com>"], "Coffee with Ana."));
    expect(email.messageId).toBe("<b@mail.gmail.com>");
    expect(email.text.trim()).toBe("Coffee with Ana.");
  });
});
