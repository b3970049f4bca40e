import { beforeAll, describe, expect, it } from "vitest";
import { ANA, BEN, buildEmail, DEV, gmailForwardFromDev, SAM, samAddressing, TEND, TEND_ADDRESS } from "../../test/helpers/build-email.ts";
import type { ParsedAttachment } from "../model.ts";
import { classify, isDirect, isTendAddress, otherRecipients, tendSubaddress } from "./classify.ts";
import { loadInviteReader } from "./invite.ts";

// Tuesday 24 November 2026, 10:15 in Los Angeles (18:15 UTC).
const NOW = Date.UTC(2026, 10, 24, 18, 15);
const LA = "America/Los_Angeles";

const FORWARD = gmailForwardFromDev("Keeping this for the record.");

function calendar(): ParsedAttachment {
  const ics = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "METHOD:REQUEST",
    "BEGIN:VEVENT",
    "UID:kickoff-1@posteo.de",
    "DTSTART:20261203T140000Z",
    "DTEND:20261203T150000Z",
    "SUMMARY:Kickoff",
    "ORGANIZER;CN=Sam Rivera:mailto:sam.rivera@gmail.com",
    "ATTENDEE;CN=Ana Lima:mailto:ana@lumen.studio",
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\r\n");
  return { filename: "invite.ics", mimeType: "text/calendar", method: "REQUEST", content: new TextEncoder().encode(ics) };
}

// The body reader loads the calendar parser; these attachments are built by hand.
beforeAll(() => loadInviteReader([calendar()]));

describe("isTendAddress", () => {
  it("is Tend with or without a tag, in any case, and nobody else", () => {
    expect(isTendAddress("tend@tend.example", TEND_ADDRESS)).toBe(true);
    expect(isTendAddress("Tend+3d@Tend.Example", TEND_ADDRESS)).toBe(true);
    expect(isTendAddress("tend+r.abc.def@tend.example", TEND_ADDRESS)).toBe(true);
    expect(isTendAddress("tend@other.example", TEND_ADDRESS)).toBe(false);
    expect(isTendAddress("tender@tend.example", TEND_ADDRESS)).toBe(false);
  });
});

describe("tendSubaddress", () => {
  it("reads the envelope first: a BCC copy names the tag nowhere else", () => {
    expect(tendSubaddress({ to: [DEV], cc: [] }, { tendAddress: TEND_ADDRESS, envelopeTo: "tend+3d@tend.example" })).toBe("3d");
  });

  it("falls back to a tagged Tend in To, then Cc, lower-cased", () => {
    const addressing = { tendAddress: TEND_ADDRESS, envelopeTo: TEND_ADDRESS };
    expect(tendSubaddress({ to: [{ name: "Tend", address: "tend+Friday@tend.example" }], cc: [] }, addressing)).toBe("friday");
    expect(tendSubaddress({ to: [DEV], cc: [{ name: null, address: "tend+2w@tend.example" }] }, addressing)).toBe("2w");
  });

  it("ignores tags on other people's addresses", () => {
    expect(tendSubaddress({ to: [{ name: null, address: "dev+3d@patel.io" }], cc: [] }, { tendAddress: TEND_ADDRESS, envelopeTo: TEND_ADDRESS })).toBeNull();
  });
});

describe("otherRecipients and isDirect", () => {
  const addressing = samAddressing();

  it("leaves out the user and every form of Tend's address", () => {
    const email = { to: [ANA, SAM], cc: [{ name: null, address: "tend+3d@tend.example" }, BEN, TEND] };
    expect(otherRecipients(email, addressing)).toEqual([ANA, BEN]);
  });

  it("names each recipient once, though a client repeats the To header or the address", () => {
    expect(otherRecipients({ to: [ANA, ANA], cc: [{ name: "Ana", address: ANA.address }] }, addressing)).toEqual([ANA]);
    // So a reply to Ana alone, with its To header doubled, is no introduction of Ana to Ana.
    expect(classify(buildEmail({ to: [ANA, ANA], text: "Ana, meet Ana: you should talk." }), addressing, NOW, LA).recipients).toHaveLength(1);
  });

  it("is direct when Tend is the only recipient, or the user wrote to themselves and BCC'd Tend", () => {
    expect(isDirect({ to: [TEND], cc: [] }, addressing)).toBe(true);
    expect(isDirect({ to: [SAM], cc: [] }, addressing)).toBe(true);
    // "Undisclosed recipients": no To at all.
    expect(isDirect({ to: [], cc: [] }, addressing)).toBe(true);
    expect(isDirect({ to: [SAM], cc: [TEND] }, addressing)).toBe(true);
  });

  it("is not direct when anyone else is on it, in To or Cc", () => {
    expect(isDirect({ to: [TEND], cc: [ANA] }, addressing)).toBe(false);
    expect(isDirect({ to: [ANA], cc: [TEND] }, addressing)).toBe(false);
    // BCC'd on a mail to Dev: Tend is in no header at all.
    expect(isDirect({ to: [DEV], cc: [] }, addressing)).toBe(false);
  });
});

describe("classify", () => {
  it("reads a mail to Tend alone as notes, with no recipients", () => {
    const result = classify(buildEmail(), samAddressing(), NOW, LA);
    expect(result).toMatchObject({ kind: "notes", direct: true, recipients: [], subaddress: null, reminder: null, notUnderstood: [] });
  });

  it("reads a CC'd mail as a thread with its other recipients", () => {
    const result = classify(buildEmail({ to: [ANA, BEN], cc: [TEND] }), samAddressing(), NOW, LA);
    expect(result.kind).toBe("thread");
    expect(result.direct).toBe(false);
    expect(result.recipients).toEqual([ANA, BEN]);
  });

  it("reads a forward to Tend alone as forwarded, with the original author", () => {
    const result = classify(buildEmail({ subject: "Fwd: Pricing", text: FORWARD }), samAddressing(), NOW, LA);
    expect(result.kind).toBe("forwarded");
    expect(result.forwarded?.from).toEqual(DEV);
    expect(result.forwarded?.to).toEqual([SAM]);
    expect(result.forwarded?.subject).toBe("Pricing");
    expect(result.forwarded?.note).toBe("Keeping this for the record.");
  });

  it("reads a calendar attachment to Tend alone as an invite", () => {
    const result = classify(buildEmail({ subject: "Kickoff", attachments: [calendar()] }), samAddressing(), NOW, LA);
    expect(result.kind).toBe("invite");
    expect(result.invite?.summary).toBe("Kickoff");
    expect(result.invite?.start).toBe(Date.UTC(2026, 11, 3, 14));
    expect(result.invite?.attendees).toEqual([ANA]);
  });

  it("keeps a forward or invite found in a CC'd thread, but it stays a thread", () => {
    const result = classify(
      buildEmail({ subject: "Fwd: Pricing", to: [ANA], cc: [TEND], text: FORWARD, attachments: [calendar()] }),
      samAddressing(),
      NOW,
      LA,
    );
    expect(result.kind).toBe("thread");
    expect(result.forwarded?.from).toEqual(DEV);
    expect(result.invite?.summary).toBe("Kickoff");
  });

  it("reads a reminder address as a follow-up at 09:00 in the user's zone", () => {
    const result = classify(buildEmail({ to: [DEV] }), samAddressing("tend+3d@tend.example"), NOW, LA);
    expect(result.kind).toBe("reminder");
    expect(result.subaddress).toBe("3d");
    // Friday 27 November, 09:00 in Los Angeles.
    expect(result.reminder).toEqual({ at: Date.UTC(2026, 10, 27, 17), label: "3d" });
    expect(result.recipients).toEqual([DEV]);
  });

  it("counts days from the user's date, not UTC's, late in the evening", () => {
    // 23:30 on Monday in Los Angeles is already Tuesday in UTC and in Berlin.
    const lateEvening = Date.UTC(2026, 10, 24, 7, 30);
    const email = buildEmail({ to: [DEV] });
    expect(classify(email, samAddressing("tend+1d@tend.example"), lateEvening, LA).reminder?.at).toBe(Date.UTC(2026, 10, 24, 17));
    expect(classify(email, samAddressing("tend+1d@tend.example"), lateEvening, "Europe/Berlin").reminder?.at).toBe(
      Date.UTC(2026, 10, 25, 8),
    );
  });

  it("says so when the address tag is not a time, and logs the mail anyway", () => {
    const result = classify(buildEmail(), samAddressing("tend+someday@tend.example"), NOW, LA);
    expect(result.kind).toBe("notes");
    expect(result.reminder).toBeNull();
    expect(result.notUnderstood).toEqual([
      "The address tend+someday@tend.example does not name a time I understand (try +3d, +2w, +friday or +2027-01-15), so I set no reminder.",
    ]);
  });

  it("does not set a reminder for a date already past", () => {
    const result = classify(buildEmail({ to: [DEV] }), samAddressing("tend+2026-11-01@tend.example"), NOW, LA);
    expect(result.kind).toBe("thread");
    expect(result.reminder).toBeNull();
    expect(result.notUnderstood).toHaveLength(1);
  });

  // "Forward this to tend+3d@" keeps the original author: otherwise understand()
  // would read Dev's "I will send the deck" as the user's own promise.
  it("keeps the forwarded message of a forward sent to a reminder address", () => {
    const result = classify(buildEmail({ subject: "Fwd: Pricing", text: FORWARD }), samAddressing("tend+3d@tend.example"), NOW, LA);
    expect(result.kind).toBe("reminder");
    expect(result.forwarded?.from).toEqual(DEV);
  });
});
