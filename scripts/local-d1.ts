// A local D1 in Miniflare with Tend's migrations applied, for benchmarks run
// from Node: `withLocalD1` hands it to `run` and disposes of it afterwards.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";

const MIGRATIONS = path.resolve(import.meta.dirname, "..", "migrations");

async function migrate(d1: D1Database): Promise<void> {
  for (const file of readdirSync(MIGRATIONS).filter((name) => name.endsWith(".sql")).toSorted()) {
    const statements = readFileSync(path.join(MIGRATIONS, file), "utf8")
      .split("--> statement-breakpoint")
      .map((statement) => statement.trim())
      .filter(Boolean);
    for (const statement of statements) await d1.prepare(statement).run();
  }
}

export async function withLocalD1<T>(run: (d1: D1Database) => Promise<T>): Promise<T> {
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      script: "export default { fetch() { return new Response(null, { status: 204 }); } }",
      compatibilityDate: "2026-11-01",
      d1Databases: ["DB"],
    }),
  );
  try {
    const d1 = await mf.getD1Database("DB");
    await migrate(d1);
    return await run(d1);
  } finally {
    await mf.dispose();
  }
}
