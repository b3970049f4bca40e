// Tests of what runs under Node rather than workerd: the inspect command and the layer check.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["test/cli/**/*.test.ts"], testTimeout: 30_000 },
});
