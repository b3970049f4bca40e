// Tests of what runs under Node rather than workerd: the inspect command, the
// layer check, and the fixture generator (which reads and compares test/fixtures/*.eml).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { include: ["test/cli/**/*.test.ts", "scripts/**/*.test.ts"], testTimeout: 30_000 },
});
