import { expect, it } from "vitest";
import EmailForwardParser from "email-forward-parser";
import EmailReplyParser from "email-reply-parser";
import * as chrono from "chrono-node";
import ICAL from "ical.js";
import { createMimeMessage } from "mimetext/browser";
import PostalMime from "postal-mime";
import { convert } from "html-to-text";
import { getDomain } from "tldts";
import { TZDate } from "@date-fns/tz";
import { UTCDate } from "@date-fns/utc";
import { addDays, format, getISOWeek } from "date-fns";
import Papa from "papaparse";

it("libraries run in workerd", async () => {
  const fwd = new EmailForwardParser().read("hi\n\n---------- Forwarded message ---------\nFrom: Ana <ana@x.com>\nDate: Mon, 1 Jan 2024\nSubject: Hello\nTo: Ben <ben@y.com>\n\nBody here\n", "Fwd: Hello");
  expect(fwd.forwarded).toBe(true);
  const rep = new EmailReplyParser().read("Thanks!\n\nOn Mon, Jan 1, 2024 at 10:00 AM Ana <ana@x.com> wrote:\n> old\n").getVisibleText();
  expect(rep.trim()).toBe("Thanks!");
  expect(chrono.parseDate("next friday", new Date("2026-11-25T12:00:00Z"))).toBeInstanceOf(Date);
  const ics = ICAL.parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:Hi\r\nDTSTART:20260101T100000Z\r\nATTENDEE;CN=Ana:mailto:ana@x.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
  expect(ics).toBeTruthy();
  const m = createMimeMessage();
  m.setSender({ name: "Tend", addr: "tend@x.com" });
  m.setRecipient("ana@x.com");
  m.setSubject("Hi ✓");
  m.addMessage({ contentType: "text/plain", data: "héllo" });
  m.addMessage({ contentType: "text/html", data: "<p>héllo</p>" });
  const parsed = await PostalMime.parse(m.asRaw());
  expect(parsed.subject).toBe("Hi ✓");
  expect(parsed.text?.trim()).toBe("héllo");
  expect(convert("<p>Hello <b>there</b></p><p>Second</p>")).toContain("Hello there");
  // The public suffix list ships inside tldts; nothing is fetched at run time.
  expect(getDomain("news.bbc.co.uk", { allowPrivateDomains: true })).toBe("bbc.co.uk");
  expect(getDomain("co.uk", { allowPrivateDomains: true })).toBeNull();
  expect(getDomain("sam.github.io", { allowPrivateDomains: true })).toBe("sam.github.io");
  // date-fns with @date-fns/tz: zone data comes from workerd's Intl, DST included.
  expect(new TZDate(2026, 2, 29, 2, 30, "Europe/Berlin").toISOString()).toBe("2026-03-29T03:30:00.000+02:00");
  expect(format(new TZDate(Date.UTC(2026, 8, 18, 23, 30), "Pacific/Auckland"), "EEE d MMM, HH:mm")).toBe("Sat 19 Sep, 11:30");
  expect(getISOWeek(new TZDate(Date.UTC(2026, 10, 29, 19), "Pacific/Auckland"))).toBe(49);
  expect(format(addDays(new UTCDate(2026, 2, 28), 2), "yyyy-MM-dd")).toBe("2026-03-30");
  // papaparse reads quoted commas and line breaks; ical.js reads vCard (both for address-book imports).
  expect(Papa.parse<string[]>('Ana,"Lima, Ana","two\r\nlines"\r\n', { delimiter: ",", skipEmptyLines: true }).data).toEqual([["Ana", "Lima, Ana", "two\r\nlines"]]);
  const card = new ICAL.Component(ICAL.parse("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Lima\r\nEMAIL:ana@x.com\r\nEND:VCARD\r\n"));
  expect(card.getFirstPropertyValue("email")).toBe("ana@x.com");
});
