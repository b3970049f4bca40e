// Reads one vCard (3.0 or 4.0) with ical.js, which parses vCard as it parses
// iCalendar (RFC 6350 and RFC 2426 share RFC 5545's grammar). Only the fields
// Tend keeps leave this file, as plain strings.
import ICAL from "ical.js";

export interface VCardFields {
  formattedName: string | null;
  /** N: family, given, additional names. */
  family: string | null;
  given: string | null;
  additional: string | null;
  emails: string[];
  organization: string | null;
  title: string | null;
  note: string | null;
  /** BDAY as written ("1985-04-12", "--04-12"), with Apple's placeholder year for "no year" flagged. */
  birthday: { value: string; yearOmitted: boolean } | null;
}

export class UnreadableVCardError extends Error {
  override name = "UnreadableVCardError";
}

function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value.filter((v) => typeof v === "string" && v.trim()).join(", "));
  // Dates (BDAY) come back as ical.js time objects that print as written.
  const s = typeof value === "string" ? value : value instanceof ICAL.VCardTime || value instanceof ICAL.Time ? value.toString() : "";
  // ical.js unescapes "\," and "\n" but leaves vCard 3.0's "\;" (RFC 2426 §5) as written.
  return s.replace(/\\([;,\\])/g, "$1").trim() || null;
}

/** `card` is the text of exactly one BEGIN:VCARD … END:VCARD block. */
export function readVCard(card: string): VCardFields {
  let component: ICAL.Component;
  try {
    const parsed: unknown = ICAL.parse(card);
    if (!Array.isArray(parsed)) throw new UnreadableVCardError("not one vCard");
    component = new ICAL.Component(parsed);
  } catch (error) {
    throw new UnreadableVCardError(error instanceof Error ? error.message : String(error));
  }
  if (component.name !== "vcard") throw new UnreadableVCardError(`a ${component.name} is not a vCard`);
  const n = component.getFirstProperty("n")?.getFirstValue();
  const names: unknown[] = Array.isArray(n) ? n : typeof n === "string" ? n.split(";") : [];
  const org = component.getFirstProperty("org")?.getFirstValue();
  const bday = component.getFirstProperty("bday");
  const bdayValue = bday ? text(bday.getFirstValue()) : null;
  return {
    formattedName: text(component.getFirstPropertyValue("fn")),
    family: text(names[0]),
    given: text(names[1]),
    additional: text(names[2]),
    emails: component.getAllProperties("email").flatMap((p) => {
      const value = text(p.getFirstValue());
      return value ? [value] : [];
    }),
    // ORG is company;department;…: the company is the first part.
    organization: text(Array.isArray(org) ? org[0] : org),
    title: text(component.getFirstPropertyValue("title")),
    note: text(component.getFirstPropertyValue("note")),
    birthday: bday && bdayValue ? { value: bdayValue, yearOmitted: bday.getParameter("x-apple-omit-year") !== undefined } : null,
  };
}
