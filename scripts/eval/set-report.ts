// The shape every public-set scorer returns, so `npm run eval` prints them all alike.
// A scorer reads its file in eval/public, runs Tend's real steps on every item, and
// scores dev and test separately: tune on dev only; report test.

export type Split = "dev" | "test";

export type SplitFigures = {
  /** Items scored in this split. */
  n: number;
  /** Named figures, each in [0, 1]: e.g. { precision, recall, f1 } or { accuracy }. */
  figures: Record<string, number>;
};

export type SetReport = {
  /** e.g. "introductions", "asks (user waits on them)", "replies". */
  name: string;
  /** The file it read, relative to the repository root. */
  file: string;
  /** Where the items come from: distinct repositories or sites, with counts. */
  sources: { source: string; items: number }[];
  /** The figure the goal is about, e.g. "f1", and the goal itself (from issue 11). */
  goal: { figure: string; atLeast: number };
  dev: SplitFigures;
  test: SplitFigures;
};

export type SetScorer = () => SetReport | Promise<SetReport>;

/** True when the test figure meets the goal. Only test figures are reported as results. */
export function meetsGoal(report: SetReport): boolean {
  return (report.test.figures[report.goal.figure] ?? 0) >= report.goal.atLeast;
}

export function f1(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}
