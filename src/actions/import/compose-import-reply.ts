// The one answer to an address book: what came in, what merged, what was
// skipped and why (by line), and when the imported people will come up.
import { type ImportProblem, type ImportRun, importProblems } from "../../db/import-runs.ts";
import { formatDay } from "../../lib/time/format.ts";
import { MAX_PROBLEMS_LISTED } from "./limits.ts";

const people = (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "person" : "people"}`;

function problemLines(problems: readonly ImportProblem[]): string[] {
  const sorted = problems.toSorted((a, b) => a.line - b.line);
  const listed = sorted.slice(0, MAX_PROBLEMS_LISTED).map((p) => `  line ${p.line}: ${p.reason}`);
  const more = sorted.length - listed.length;
  return more > 0 ? [...listed, `  … and ${more.toLocaleString("en-US")} more`] : listed;
}

export function composeImportReply(run: ImportRun, context: { timeZone: string; perWeek: number; now: number }): string {
  const file = run.filename ? `${run.filename} (${run.format})` : `your ${run.format} file`;
  const problems = importProblems(run);
  const lines = [`I read ${file}: ${run.rowCount + run.skipped === 1 ? "1 entry" : `${(run.rowCount + run.skipped).toLocaleString("en-US")} entries`}.`, ""];
  if (run.added === 0 && run.merged === 0) {
    lines.push(`Nothing changed: ${run.unchanged > 0 ? `all ${people(run.unchanged)} were already in Tend, up to date` : "no one in it could be imported"}.`);
  } else {
    lines.push(`  • Added: ${people(run.added)}`);
    if (run.merged > 0) lines.push(`  • Merged into people Tend already knew: ${people(run.merged)}`);
    if (run.unchanged > 0) lines.push(`  • Already up to date: ${people(run.unchanged)}`);
  }
  if (run.skipped > 0) {
    lines.push("", `Skipped, not understood: ${run.skipped.toLocaleString("en-US")} ${run.skipped === 1 ? "row" : "rows"}`, ...problemLines(problems));
    lines.push("Fix those lines and send the file again: everything already imported stays as it is.");
  }
  if (run.added > 0) {
    const from = formatDay(run.checkInsFrom, context.timeZone, context.now);
    lines.push(
      "",
      `The people added come up for a check-in ${context.perWeek} a week from ${from}, so no digest is flooded. Anyone you write to in the meantime leaves that queue.`,
    );
  }
  return lines.join("\n");
}

export function composeImportRefusal(filename: string | null, reason: string): string {
  return [`I could not import ${filename ?? "the attached file"}: ${reason}.`, "", "Nothing was changed."].join("\n");
}
