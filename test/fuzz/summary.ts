// What a fuzz run reports, shared by the run inside workerd (test/fuzz/) and
// the command that prints it (scripts/fuzz.ts). Plain data, so it travels as
// the test's meta from workerd to Node.

export type ProblemKind = "uncaught" | "half-written" | "robot-reply";

export interface Problem {
  kind: ProblemKind;
  /** What groups problems of one cause, e.g. "uncaught: RangeError: Maximum call stack size exceeded". */
  class: string;
  detail: string;
}

/** How far a message got: its interaction stored, refused at the door, answered without storing, or nothing at all. */
export type Outcome = "stored" | "refused" | "answered" | "silent" | "crashed";

export interface Reproducer {
  /** The shrunk case, readable. */
  description: string;
  /** The shrunk case as generated (fixture, sender, mutations), JSON. */
  caseJson: string;
  envelope: { from: string; to: string };
  detail: string;
  /** fast-check's replay path, for `npm run fuzz -- --seed S --path P`. */
  path: string | null;
  shrinks: number;
  /** The mutated message, base64. */
  messageBase64: string;
}

export interface ProblemClass {
  kind: ProblemKind;
  class: string;
  /** Messages of the run that showed it. */
  count: number;
  /** Index of the first such message in the run (its fast-check path before shrinking). */
  firstIndex: number;
  firstCase: string;
  firstDetail: string;
  /** null when shrinking was not attempted or the first case did not fail again on replay. */
  reproducer: Reproducer | null;
}

export interface FuzzSummary {
  seed: number;
  runs: number;
  messages: number;
  outcomes: Record<Outcome, number>;
  /** Messages whose email() threw. */
  uncaught: number;
  /** Messages that left rows without their other half. */
  halfWritten: number;
  /** Mails Tend sent to an address that had just sent it automatic mail. */
  robotReplies: number;
  slowest: { ms: number; index: number; description: string } | null;
  /** How often each mutation kind was applied, and the total time of the messages it was applied to. */
  mutations: Record<string, { count: number; ms: number }>;
  classes: ProblemClass[];
  elapsedMs: number;
}

export function failed(summary: FuzzSummary): boolean {
  return summary.uncaught + summary.halfWritten + summary.robotReplies > 0;
}

function count(n: number): string {
  return n.toLocaleString("en-US").padStart(8);
}

function duration(ms: number): string {
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** The run as a short report; `saved` maps a problem class to the files its reproducer was written to. */
export function formatSummary(summary: FuzzSummary, saved: ReadonlyMap<string, string> = new Map()): string {
  const o = summary.outcomes;
  const lines = [
    `Fuzzed email() with ${summary.runs} run${summary.runs === 1 ? "" : "s"}, seed ${summary.seed}, in ${duration(summary.elapsedMs)}.`,
    `  messages           ${count(summary.messages)}   (stored ${o.stored}, refused ${o.refused}, answered without storing ${o.answered}, silent ${o.silent}, crashed ${o.crashed})`,
    `  uncaught exceptions${count(summary.uncaught)}`,
    `  half-written       ${count(summary.halfWritten)}`,
    `  replies to robots  ${count(summary.robotReplies)}`,
    summary.slowest
      ? `  slowest message    ${count(Math.round(summary.slowest.ms))} ms  (#${summary.slowest.index}: ${summary.slowest.description})`
      : "  slowest message         -",
    "  mutations applied (count, mean time of the messages they were in):",
    ...Object.entries(summary.mutations)
      .toSorted(([a], [b]) => a.localeCompare(b))
      .map(([kind, m]) => `    ${kind.padEnd(18)}${count(m.count)}  ${Math.round(m.ms / m.count)} ms`),
  ];
  for (const c of summary.classes) {
    lines.push("", `${c.class}: ${c.count} message${c.count === 1 ? "" : "s"}, first #${c.firstIndex}: ${c.firstCase}`);
    const r = c.reproducer;
    if (!r) {
      lines.push("  (no reproducer: not shrunk, or the first case did not fail again)", ...indent(c.firstDetail));
      continue;
    }
    lines.push(`  minimal (${r.shrinks} shrinks): ${r.description}`);
    lines.push(`  envelope: from ${JSON.stringify(r.envelope.from)} to ${r.envelope.to}`);
    const file = saved.get(c.class);
    if (file) lines.push(`  saved: ${file}`);
    if (r.path) lines.push(`  replay: npm run fuzz -- --seed ${summary.seed} --path ${r.path}`);
    lines.push(...indent(r.detail));
  }
  return lines.join("\n");
}

function indent(text: string): string[] {
  return text.split("\n").map((line) => `    ${line}`);
}
