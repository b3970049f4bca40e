// A ParsedEmail built field by field, for unit tests of the steps after parsing.
// Whole client-written messages go through parseEmail instead (test/fixtures).
import type { Mailbox, ParsedEmail } from "../../src/model.ts";

export const TEND_ADDRESS = "tend@tend.example";
export const SAM: Mailbox = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
export const ANA: Mailbox = { name: "Ana Lima", address: "ana@lumen.studio" };
export const BEN: Mailbox = { name: "Ben Cho", address: "ben.cho@northwind.vc" };
export const DEV: Mailbox = { name: "Dev Patel", address: "dev@patel.io" };
export const TEND: Mailbox = { name: "Tend", address: TEND_ADDRESS };

/** Sam writing to Tend alone, with `overrides` on top. */
export function buildEmail(overrides: Partial<ParsedEmail> = {}): ParsedEmail {
  return {
    messageId: "<m1@mail.gmail.com>",
    subject: "Notes",
    date: null,
    from: SAM,
    to: [TEND],
    cc: [],
    replyTo: [],
    inReplyTo: null,
    references: [],
    headers: [],
    text: "Coffee with Ana Lima today.",
    htmlOnly: false,
    attachments: [],
    ...overrides,
  };
}

/** How Sam's mail is addressed when Email Routing delivers it to `envelopeTo`. */
export function samAddressing(envelopeTo: string = TEND_ADDRESS) {
  return { tendAddress: TEND_ADDRESS, userAddresses: [SAM.address], envelopeTo };
}

/** Gmail's forward of Dev's mail about the pricing deck, under the user's own `note`. */
export function gmailForwardFromDev(note: string, body = "Hi Sam, I will send the pricing deck by Friday. Let me know what you think."): string {
  return [
    note,
    "",
    "---------- Forwarded message ---------",
    "From: Dev Patel <dev@patel.io>",
    "Date: Mon, Nov 23, 2026 at 9:15 AM",
    "Subject: Pricing",
    "To: Sam Rivera <sam.rivera@gmail.com>",
    "",
    body,
  ].join("\n");
}
