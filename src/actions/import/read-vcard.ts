// A .vcf file: one or many BEGIN:VCARD … END:VCARD blocks (an iPhone exports
// all contacts into one file). Each block is read on its own, so one broken
// card is reported by its line and the rest still come in.
import type { ImportedContact, ImportProblem } from "../../db/import-runs.ts";
import { readVCard, UnreadableVCardError } from "../../lib/vcard.ts";
import { importedContact } from "./imported-contact.ts";

export interface EntriesRead {
  entries: (ImportedContact | ImportProblem)[];
}

export function readVCardFile(text: string): EntriesRead {
  const lines = text.split(/\r\n|\r|\n/);
  const entries: (ImportedContact | ImportProblem)[] = [];
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim().toUpperCase();
    if (line === "BEGIN:VCARD") {
      if (start >= 0) entries.push({ line: start + 1, reason: "a card with no END:VCARD" });
      start = i;
    } else if (line === "END:VCARD" && start >= 0) {
      entries.push(entry(lines.slice(start, i + 1).join("\r\n"), start + 1));
      start = -1;
    }
  }
  if (start >= 0) entries.push({ line: start + 1, reason: "a card with no END:VCARD" });
  return { entries };
}

function entry(card: string, line: number): ImportedContact | ImportProblem {
  try {
    const fields = readVCard(card);
    return importedContact({
      line,
      fullName: fields.formattedName,
      given: fields.given,
      middle: fields.additional,
      family: fields.family,
      emails: fields.emails,
      company: fields.organization,
      position: fields.title,
      notes: fields.note,
      birthday: fields.birthday?.value ?? null,
      birthdayYearOmitted: fields.birthday?.yearOmitted ?? false,
      connectedOn: null,
    });
  } catch (error) {
    if (!(error instanceof UnreadableVCardError)) throw error;
    return { line, reason: "a card that is not valid vCard" };
  }
}
