// npm run fuzz: the inbound fuzzer (test/fuzz/) in workerd against local D1,
// with the same bindings and migrations as the test suite. scripts/fuzz.ts
// sets FUZZ_RUNS, FUZZ_SEED and FUZZ_PATH; the test reads them with inject("fuzz").
import { defineConfig } from "vitest/config";
import suiteConfig from "./vitest.config.ts";

export default defineConfig(async (configEnv) => {
  const suite = typeof suiteConfig === "function" ? await suiteConfig(configEnv) : await suiteConfig;
  return {
    ...suite,
    test: {
      ...suite.test,
      include: ["test/fuzz/**/*.fuzz.ts"],
      exclude: [],
      provide: {
        fuzz: {
          runs: Number(process.env.FUZZ_RUNS ?? 1000),
          seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31),
          path: process.env.FUZZ_PATH ?? null,
          progressEvery: Number(process.env.FUZZ_PROGRESS_EVERY ?? 250),
        },
      },
      // A long run is one test; its own summary is the result.
      testTimeout: 0,
    },
  };
});
