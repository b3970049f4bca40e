// Which attachment of a mail is an address book, and what it holds.
import type { ImportedContact, ImportProblem } from "../../db/import-runs.ts";
import type { ParsedAttachment, ParsedEmail } from "../../model.ts";
import { decodeText } from "./decode-text.ts";
import { isProblem } from "./imported-contact.ts";
import { MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS } from "./limits.ts";
import { readCsvFile } from "./read-csv.ts";
import { readVCardFile } from "./read-vcard.ts";

type Kind = "vcard" | "csv";

// Mail clients label CSV in many ways (Outlook attaches it as an Excel type); the name decides when the type is vague.
const VCARD_TYPES = ["text/vcard", "text/x-vcard", "text/directory"];
const CSV_TYPES = ["text/csv", "text/comma-separated-values", "application/csv", "text/x-csv"];
const VAGUE_TYPES = ["application/octet-stream", "text/plain", "application/vnd.ms-excel", "application/x-csv"];

function kindOf(attachment: Pick<ParsedAttachment, "filename" | "mimeType">): Kind | null {
  const name = attachment.filename?.toLowerCase() ?? "";
  if (VCARD_TYPES.includes(attachment.mimeType) || /\.(vcf|vcard)$/.test(name)) return "vcard";
  if (CSV_TYPES.includes(attachment.mimeType)) return "csv";
  if (name.endsWith(".csv") && (VAGUE_TYPES.includes(attachment.mimeType) || attachment.mimeType.startsWith("text/"))) return "csv";
  return null;
}

/** The first attachment that is an address book (vCard or CSV), or null. */
export function addressBookAttachment(email: Pick<ParsedEmail, "attachments">): ParsedAttachment | null {
  return email.attachments.find((a) => kindOf(a) !== null) ?? null;
}

export type AddressBook =
  | { ok: true; format: string; contacts: ImportedContact[]; problems: ImportProblem[] }
  | { ok: false; reason: string };

/** Reads the whole file or refuses it with a reason; nothing is stored either way. */
export function readAddressBook(attachment: ParsedAttachment, options: { truncated: boolean }): AddressBook {
  const kind = kindOf(attachment);
  if (!kind) return { ok: false, reason: "it is neither a vCard (.vcf) nor a CSV file" };
  if (options.truncated || attachment.content.byteLength > MAX_IMPORT_FILE_BYTES) {
    return { ok: false, reason: `it is larger than Tend reads (${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB); split it into smaller files` };
  }
  const decoded = decodeText(attachment.content);
  if (!decoded.ok) return decoded;
  const read = kind === "vcard" ? { ok: true as const, format: "vCard", ...readVCardFile(decoded.text) } : readCsvFile(decoded.text);
  if (!read.ok) return read;
  if (read.entries.length > MAX_IMPORT_ROWS) {
    return { ok: false, reason: `it has ${read.entries.length.toLocaleString("en-US")} entries; Tend imports at most ${MAX_IMPORT_ROWS.toLocaleString("en-US")} at a time` };
  }
  const contacts = read.entries.filter((e): e is ImportedContact => !isProblem(e));
  const problems = read.entries.filter(isProblem);
  if (contacts.length === 0 && problems.length === 0) return { ok: false, reason: "it holds no contacts" };
  return { ok: true, format: read.format, contacts, problems };
}
