import { readFileSync } from "node:fs";
import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    plugins: [
      // `import raw from "./x.eml?bytes"`: the exact bytes, where `?raw` would
      // decode them as UTF-8 and mangle ISO-8859-1 and 8-bit fixtures.
      {
        name: "eml-bytes",
        load(id: string) {
          if (!id.endsWith("?bytes")) return null;
          const base64 = readFileSync(id.slice(0, -"?bytes".length)).toString("base64");
          return `export default Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0));`;
        },
      },
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            SIGNING_KEY: "test-signing-key-0123456789abcdef",
            // The registered users of test/fixtures (see its README), and the digest tests' seeded users.
            OWNERS: "sam.rivera@gmail.com,priya.natarajan@outlook.com,jon.okafor@icloud.com,kim@posteo.de,*@tend.test",
            TEND_ADDRESS: "tend@tend.example",
            PUBLIC_URL: "https://tend.example",
          },
        },
      }),
    ],
    // Same alias as wrangler.toml [alias]: the test bundle must not reach Node's `module`.
    resolve: { alias: { module: path.join(import.meta.dirname, "src/shims/module.ts") } },
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      exclude: ["test/cli/**"],
      setupFiles: ["./test/helpers/apply-migrations.ts"],
      // Generous: a loaded 2-core CI machine runs workerd, D1 and many files at once; a hang still fails.
      testTimeout: 30_000,
      // Clearing what a large seed (10,000 contacts) left behind is slow on a loaded machine.
      hookTimeout: 60_000,
      // Test files share a worker and its module cache (transforms were most of the run's time);
      // every file that touches D1 clears it before each test (test/helpers/rows.ts resetDatabase).
      isolate: false,
    },
  };
});
