// A CSV address book: Google Contacts, Outlook, LinkedIn's Connections.csv, or
// any CSV whose header names a person and an address. Columns are found by
// their header, so the exporter's column order and extra columns do not matter.
import type { ImportedContact, ImportProblem } from "../../db/import-runs.ts";
import { parseCsv } from "../../lib/csv.ts";
import { importedContact } from "./imported-contact.ts";
import { MAX_MALFORMED_ROWS, MAX_PREAMBLE_LINES } from "./limits.ts";

export type CsvFormat = "LinkedIn connections" | "Google Contacts CSV" | "Outlook CSV" | "CSV";

type Role = "fullName" | "given" | "middle" | "family" | "email" | "company" | "position" | "notes" | "birthday" | "connectedOn";

// Header names as Google (both its current and its older export), Outlook
// (desktop and outlook.com) and LinkedIn write them, lower-cased. Outlook's
// "Title" is Mr/Ms, so it is not a position.
const COLUMNS: Record<string, Role> = {
  name: "fullName",
  "full name": "fullName",
  "display name": "fullName",
  "first name": "given",
  "given name": "given",
  "middle name": "middle",
  "additional name": "middle",
  "last name": "family",
  "family name": "family",
  "e-mail address": "email",
  "e-mail 2 address": "email",
  "e-mail 3 address": "email",
  "email address": "email",
  email: "email",
  "e-mail": "email",
  company: "company",
  "organization name": "company",
  "organization 1 - name": "company",
  "job title": "position",
  "organization title": "position",
  "organization 1 - title": "position",
  position: "position",
  notes: "notes",
  birthday: "birthday",
  "connected on": "connectedOn",
};

function role(header: string): Role | undefined {
  const key = header.trim().toLowerCase();
  if (/^e-mail \d+ - value$/.test(key)) return "email";
  return COLUMNS[key];
}

function formatOf(headers: readonly string[]): CsvFormat {
  const keys = new Set(headers.map((h) => h.trim().toLowerCase()));
  if (keys.has("connected on")) return "LinkedIn connections";
  if (keys.has("e-mail 1 - value")) return "Google Contacts CSV";
  if (keys.has("e-mail address") && keys.has("job title")) return "Outlook CSV";
  return "CSV";
}

const DELIMITERS = [",", ";", "\t"];

/** The header row: the first line (within the preamble allowance) whose cells name a person or an address. */
function findHeader(text: string): { line: number; delimiter: string } | null {
  const lines = text.split("\n", MAX_PREAMBLE_LINES);
  for (let i = 0; i < lines.length; i++) {
    for (const delimiter of DELIMITERS) {
      const cells = (lines[i] ?? "").replace(/\r$/, "").split(delimiter).map((c) => c.replace(/^"|"$/g, ""));
      const roles = new Set(cells.map(role));
      const names = roles.has("given") || roles.has("family") || roles.has("fullName");
      if (cells.length > 1 && names && (roles.has("email") || roles.has("company") || roles.has("connectedOn"))) {
        return { line: i + 1, delimiter };
      }
    }
  }
  return null;
}

export type CsvRead =
  | { ok: true; format: CsvFormat; entries: (ImportedContact | ImportProblem)[] }
  | { ok: false; reason: string };

export function readCsvFile(text: string): CsvRead {
  const header = findHeader(text);
  if (!header) {
    return { ok: false, reason: "its first lines have no header row naming people and e-mail addresses (First Name, E-mail Address…)" };
  }
  const csv = parseCsv(text, { delimiter: header.delimiter, fromLine: header.line, maxRestarts: MAX_MALFORMED_ROWS });
  if (!csv.complete) return { ok: false, reason: `more than ${MAX_MALFORMED_ROWS} of its rows have a quote that is never closed` };
  const [head, ...rows] = csv.rows;
  if (!head) return { ok: false, reason: "it has no header row" };
  const roles = head.cells.map(role);
  const cell = (cells: readonly string[], wanted: Role) => {
    const index = roles.indexOf(wanted);
    return index < 0 ? null : (cells[index] ?? null);
  };
  const entries: (ImportedContact | ImportProblem)[] = csv.problems.map((p) => ({ line: p.line, reason: p.reason }));
  for (const { line, cells } of rows) {
    // Trailing empty cells are harmless; a row that is cut short or runs over is not this file's shape.
    const width = cells.length > head.cells.length && cells.slice(head.cells.length).every((c) => !c.trim()) ? head.cells.length : cells.length;
    if (width !== head.cells.length) {
      entries.push({ line, reason: `${width} fields where the header has ${head.cells.length}` });
      continue;
    }
    entries.push(
      importedContact({
        line,
        fullName: cell(cells, "fullName"),
        given: cell(cells, "given"),
        middle: cell(cells, "middle"),
        family: cell(cells, "family"),
        emails: roles.flatMap((r, i) => (r === "email" && cells[i]?.trim() ? [cells[i] ?? ""] : [])),
        company: cell(cells, "company"),
        position: cell(cells, "position"),
        notes: cell(cells, "notes"),
        birthday: cell(cells, "birthday"),
        connectedOn: cell(cells, "connectedOn"),
      }),
    );
  }
  entries.sort((a, b) => a.line - b.line);
  return { ok: true, format: formatOf(head.cells), entries };
}
