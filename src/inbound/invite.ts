// The one wrapper around ical.js: a calendar invite's event and attendees.
// ical.js is loaded only once a message has a calendar part (loadInviteReader,
// called by the body reader): most mail has none, and a Worker should not
// evaluate a calendar library to log a thread.
import type ICAL from "ical.js";
import { isAddress, normalizeAddress } from "../lib/addresses.ts";
import type { Mailbox } from "../model.ts";
import { MAX_ICS_BYTES } from "./limits.ts";
import type { ParsedAttachment } from "../model.ts";

export interface Invite {
  summary: string;
  /** Start as a UTC instant, when the invite states one. */
  start: number | null;
  organizer: Mailbox | null;
  attendees: Mailbox[];
}

function person(property: ICAL.Property | null): Mailbox | null {
  if (!property) return null;
  const value = String(property.getFirstValue() ?? "").replace(/^mailto:/i, "");
  if (!isAddress(value)) return null;
  const cn = property.getParameter("cn");
  const name = typeof cn === "string" ? cn.replace(/^"|"$/g, "").trim() : "";
  return { name: name && !isAddress(name) ? name : null, address: normalizeAddress(value) };
}

export function isCalendar(attachment: ParsedAttachment): boolean {
  return (
    attachment.mimeType === "text/calendar" ||
    attachment.mimeType === "application/ics" ||
    /\.ics$/i.test(attachment.filename ?? "")
  );
}

let ical: typeof ICAL | null = null;

/** Loads the iCalendar parser when one of `attachments` is a calendar; findInvite needs it for those. */
export async function loadInviteReader(attachments: readonly ParsedAttachment[]): Promise<void> {
  if (ical || !attachments.some(isCalendar)) return;
  ical = (await import("ical.js")).default;
}

/** The first readable VEVENT among the calendar attachments, or null. */
export function findInvite(attachments: readonly ParsedAttachment[]): Invite | null {
  for (const attachment of attachments) {
    if (!isCalendar(attachment) || attachment.content.byteLength > MAX_ICS_BYTES) continue;
    // A programming error, not a broken invite: the body reader loads the parser for every calendar part.
    if (!ical) throw new Error("findInvite: a calendar part was read without loadInviteReader");
    const ICAL = ical;
    try {
      const calendar = new ICAL.Component(ICAL.parse(new TextDecoder().decode(attachment.content)));
      const vevent = calendar.getFirstSubcomponent("vevent");
      if (!vevent) continue;
      // Register the invite's own VTIMEZONEs so TZID=Europe/Berlin start times convert correctly.
      for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) {
        ICAL.TimezoneService.register(vtimezone);
      }
      const event = new ICAL.Event(vevent);
      const seen = new Set<string>();
      const attendees = vevent
        .getAllProperties("attendee")
        .map(person)
        .filter((m): m is Mailbox => m !== null && !seen.has(m.address) && Boolean(seen.add(m.address)));
      return {
        summary: event.summary?.trim() ?? "",
        start: event.startDate ? event.startDate.toJSDate().getTime() : null,
        organizer: person(vevent.getFirstProperty("organizer")),
        attendees,
      };
    } catch {
      // A broken invite is read as no invite; the message is still logged as notes.
      continue;
    }
  }
  return null;
}
