// The one wrapper around papaparse: CSV text becomes rows of cells, each with
// the line of the file it starts on, and the rows papaparse could not read are
// named by line instead of swallowing the rest of the file.
import Papa from "papaparse";

export interface CsvRow {
  /** 1-based line of the file where the row starts (a quoted field may span lines). */
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  reason: string;
}

export interface CsvResult {
  rows: CsvRow[];
  problems: CsvProblem[];
  /** False when more than maxRestarts rows were malformed: the file is not read any further. */
  complete: boolean;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line containing `offset`, by binary search over line starts. */
function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/**
 * Reads CSV from line `fromLine` on. An unbalanced quote makes a CSV parser read
 * the rest of the file as one field; that row is reported and reading starts
 * again on the next line, at most `maxRestarts` times.
 */
export function parseCsv(text: string, options: { delimiter: string; fromLine: number; maxRestarts: number }): CsvResult {
  const starts = lineStarts(text);
  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  let offset = starts[options.fromLine - 1] ?? text.length;
  let restarts = 0;
  while (offset < text.length) {
    let restartAt: number | null = null;
    let rowStart = offset;
    Papa.parse<string[]>(text.slice(offset), {
      delimiter: options.delimiter,
      skipEmptyLines: false,
      step(result, handle) {
        const start = rowStart;
        rowStart = offset + result.meta.cursor;
        const line = lineAt(starts, start);
        if (result.errors.some((e) => e.type === "Quotes")) {
          problems.push({ line, reason: "a quote that is never closed" });
          restartAt = starts[line] ?? text.length;
          handle.abort();
          return;
        }
        const cells = result.data;
        if (cells.length === 1 && cells[0] === "") return;
        rows.push({ line, cells });
      },
    });
    if (restartAt === null) break;
    if (++restarts > options.maxRestarts) return { rows, problems, complete: false };
    offset = restartAt;
  }
  return { rows, problems, complete: true };
}
