// The fuzz run behind `npm run fuzz` (scripts/fuzz.ts sets runs and seed).
// Its summary travels back to Node as the test's meta; the test fails when
// the run found a problem, so `vitest -c vitest.fuzz.config.ts` alone works too.
import { expect, inject, it } from "vitest";
import { runCampaign } from "./campaign.ts";
import { failed, type FuzzSummary, formatSummary } from "./summary.ts";

declare module "vitest" {
  interface ProvidedContext {
    fuzz: { runs: number; seed: number; path: string | null; progressEvery: number };
  }
  interface TaskMeta {
    fuzz?: FuzzSummary;
  }
}

it("email() survives mutated fixtures", async ({ task }) => {
  const summary = await runCampaign(inject("fuzz"));
  task.meta.fuzz = summary;
  expect(failed(summary) ? formatSummary(summary) : "no problems").toBe("no problems");
});
