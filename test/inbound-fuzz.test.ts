// A fixed-seed slice of `npm run fuzz`: a few hundred mutated fixtures through
// the real email() handler against local D1 (see test/fuzz/). No message may
// throw out of email(), be half-written, or get a reply sent to a robot.
import { expect, it } from "vitest";
import { runCampaign } from "./fuzz/campaign.ts";
import { MUTATION_KINDS } from "./fuzz/mutations.ts";
import { formatSummary } from "./fuzz/summary.ts";

const RUNS = 300;
const SEED = 42;

it(`survives ${RUNS} mutated fixtures (seed ${SEED})`, { timeout: 180_000 }, async () => {
  const summary = await runCampaign({
    runs: RUNS,
    seed: SEED,
    maxShrunkClasses: 2,
    shrinkTimeLimitMs: 20_000,
  });
  // On failure the whole report shows: counts, and a shrunk reproducer per problem.
  expect(summary.classes.length === 0 ? "no problems" : formatSummary(summary)).toBe("no problems");
  expect(summary.messages).toBe(RUNS);
  // The run reaches deep: every mutation was tried, and many messages were stored as interactions.
  expect(Object.keys(summary.mutations).toSorted()).toEqual([...MUTATION_KINDS].toSorted());
  expect(summary.outcomes.stored).toBeGreaterThan(RUNS / 4);
});
