// One address-book entry, whatever the format, becomes an ImportedContact, or
// the reason it was not understood.
import type { ImportedContact, ImportProblem } from "../../db/import-runs.ts";
import { cleanName, nameKeys } from "../../domain/person-names.ts";
import { isAddress, normalizeAddress } from "../../lib/addresses.ts";
import { oneLine, truncateChars } from "../../lib/plain-text.ts";
import { importDate } from "./import-dates.ts";
import { MAX_ADDRESSES_PER_CONTACT, MAX_FIELD_CHARS, MAX_NOTES_CHARS } from "./limits.ts";

/** What a reader found in one entry, before any cleaning. */
export interface RawEntry {
  line: number;
  fullName: string | null;
  given: string | null;
  middle: string | null;
  family: string | null;
  /** Cells or properties that hold addresses; Google puts several in one cell (" ::: "). */
  emails: string[];
  company: string | null;
  position: string | null;
  notes: string | null;
  birthday: string | null;
  birthdayYearOmitted?: boolean;
  connectedOn: string | null;
}

function field(value: string | null, max: number): string | null {
  const clean = value ? truncateChars(oneLine(value).trim(), max) : "";
  return clean || null;
}

function notes(value: string | null): string | null {
  const clean = value?.replace(/\r\n?/g, "\n").trim();
  return clean ? truncateChars(clean, MAX_NOTES_CHARS) : null;
}

export function importedContact(entry: RawEntry): ImportedContact | ImportProblem {
  const parts = [entry.given, entry.middle, entry.family].map((p) => p?.trim()).filter(Boolean).join(" ");
  const name = field(cleanName(entry.fullName?.trim() || parts || null), MAX_FIELD_CHARS);
  const written = entry.emails.flatMap((cell) => cell.split(/\s*:::\s*|[;,\s]+/)).map((a) => a.replace(/^mailto:/i, "").trim()).filter(Boolean);
  const addresses = [...new Set(written.map(normalizeAddress).filter(isAddress))].slice(0, MAX_ADDRESSES_PER_CONTACT);
  const unreadable = written.find((a) => !isAddress(normalizeAddress(a)));
  if (unreadable !== undefined && addresses.length === 0) {
    return { line: entry.line, reason: `“${truncateChars(unreadable, 60)}” is not an e-mail address` };
  }
  if (!name && addresses.length === 0) return { line: entry.line, reason: "no name and no e-mail address" };
  return {
    line: entry.line,
    name,
    addresses,
    company: field(entry.company, MAX_FIELD_CHARS),
    position: field(entry.position, MAX_FIELD_CHARS),
    notes: notes(entry.notes),
    birthday: importDate(entry.birthday, { yearOmitted: entry.birthdayYearOmitted ?? false }),
    connectedOn: importDate(entry.connectedOn),
  };
}

export function isProblem(value: ImportedContact | ImportProblem): value is ImportProblem {
  return "reason" in value;
}

/** The key a name is matched by (lower-cased full name), shared with the rest of Tend. */
export function importNameKey(contact: Pick<ImportedContact, "name">): string | null {
  return nameKeys(contact.name).nameKey;
}
