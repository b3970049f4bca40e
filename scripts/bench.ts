// npm run bench: what one digest costs for users with 100 … 100,000 contacts.
//
// Runs the real digest code (select → rank/compose → claim → send → record)
// from Node against a local D1 in Miniflare with the migrations applied. Each
// user's address book is generated in bulk by test/helpers/seed.ts, with
// history, signals, tasks and introductions in fixed proportions. A
// measurement, not a test: nothing here is asserted.
import { loadConfig } from "../src/domain/config.ts";
import { openDatabase } from "../src/db/client.ts";
import { deliverDigest } from "../src/digest/deliver-digest.ts";
import type { DigestJob, JobQueue } from "../src/domain/jobs.ts";
import { rankSuggestions } from "../src/digest/rank.ts";
import { selectDigest } from "../src/digest/select.ts";
import { suggest } from "../src/digest/suggest.ts";
import type { Mailer } from "../src/mail/transport.ts";
import type { Deps } from "../src/domain/deps.ts";
import { type D1Cost, meterD1 } from "../test/helpers/d1-meter.ts";
import { seeder } from "../test/helpers/seed.ts";
import { withLocalD1 } from "./local-d1.ts";

const SIZES = [100, 1_000, 10_000, 100_000];
/** Digests per size; the first two build up "recently shown" history, the rest are timed. */
const RUNS = 7;
const WARM_UP_RUNS = 2;
const NOW = Date.parse("2026-11-30T08:00:00Z");
const WEEK_MS = 7 * 86_400_000;

async function count(d1: D1Database, table: string, userId: string): Promise<number> {
  const row = await d1.prepare(`select count(*) as n from ${table} where user_id = ?`).bind(userId).first<{ n: number }>();
  return row?.n ?? 0;
}

// The digest never enqueues; only the cron does.
async function noQueue(): Promise<never> {
  throw new Error("the bench has no queue");
}

function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

interface Row {
  contacts: number;
  interactions: number;
  signals: number;
  seedSeconds: number;
  buildMs: number;
  composeMs: number;
  cost: D1Cost;
  items: number;
}

async function main(): Promise<void> {
  await withLocalD1(async (d1) => {
    const seed = seeder(d1);
    const config = loadConfig({
      TEND_ADDRESS: "tend@tend.example",
      // Every seeded bench user (bench100@…, bench100000@…): a digest goes only to an owner.
      OWNERS: "*@tend.example",
      PUBLIC_URL: "https://tend.example",
      SIGNING_KEY: "bench-signing-key-not-secret",
    });
    let sent = 0;
    const mailer: Mailer = {
      async send() {
        sent++;
      },
    };
    const jobs: JobQueue = { send: noQueue, sendBatch: noQueue };

    const rows: Row[] = [];
    for (const size of SIZES) {
      process.stderr.write(`seeding ${size.toLocaleString("en-US")} contacts… `);
      const seedStart = performance.now();
      const user = await seed.user({ id: `bench${size}`, email: `bench${size}@tend.example`, name: "Bench User", now: NOW - 30 * 86_400_000 });
      await seed.addressBook(user.id, { count: size, now: NOW });
      const seedSeconds = (performance.now() - seedStart) / 1000;
      process.stderr.write(`${seedSeconds.toFixed(1)} s; building digests\n`);

      const times: number[] = [];
      const composeTimes: number[] = [];
      let cost: D1Cost | null = null;
      let items = 0;
      for (let run = 0; run < RUNS; run++) {
        // A digest a week: each run claims its own week, as the cron would.
        const asOf = NOW - (RUNS - 1 - run) * WEEK_MS;
        const job: DigestJob = { kind: "digest", userId: user.id, scheduledFor: asOf, week: `2026-W${43 + run}` };
        const meter = meterD1(d1);
        const deps: Deps = { config, db: openDatabase(meter.db), mailer, jobs, ai: undefined };
        const before = sent;
        const start = performance.now();
        const outcome = await deliverDigest(deps, job, asOf);
        const elapsed = performance.now() - start;
        if (outcome !== "sent" && outcome !== "quiet_note") throw new Error(`digest ${job.week} for ${user.id}: ${outcome}`);
        if (run < WARM_UP_RUNS) continue;
        times.push(elapsed);
        cost = meter.cost;

        // The pure part alone: suggest + rank on the same data (compose is a string join).
        const selection = await selectDigest(openDatabase(d1), user.id, "2026-W49", asOf);
        const composeStart = performance.now();
        const ranked = rankSuggestions(suggest({ ...selection, asOf, timeZone: "UTC" }), { maxItems: 7, recentlyShown: new Set() });
        composeTimes.push(performance.now() - composeStart);
        items = ranked.length;
        if (sent !== before + 1) throw new Error("expected one mail per digest");
      }
      if (!cost) throw new Error("no timed runs");
      rows.push({
        contacts: size,
        interactions: await count(d1, "interactions", user.id),
        signals: await count(d1, "signals", user.id),
        seedSeconds,
        buildMs: median(times),
        composeMs: median(composeTimes),
        cost,
        items,
      });
    }

    const header = ["contacts", "interactions", "signals", "digest ms (p50)", "rank ms", "D1 statements", "round trips", "rows read", "rows written", "items"];
    const table = rows.map((row) => [
      row.contacts.toLocaleString("en-US"),
      row.interactions.toLocaleString("en-US"),
      row.signals.toLocaleString("en-US"),
      row.buildMs.toFixed(1),
      row.composeMs.toFixed(2),
      String(row.cost.statements),
      String(row.cost.roundTrips),
      String(row.cost.rowsRead),
      String(row.cost.rowsWritten),
      String(row.items),
    ]);
    const widths = header.map((title, i) => Math.max(title.length, ...table.map((cells) => cells[i]?.length ?? 0)));
    const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join(" | ")} |`;
    console.log(line(header));
    console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
    for (const cells of table) console.log(line(cells));
    console.log(
      `\nMiniflare local D1 through its Node proxy (every round trip is a local HTTP call); median of ${RUNS - WARM_UP_RUNS} digests per size after ${WARM_UP_RUNS} warm-up weeks; ` +
        `"rank ms" is suggest + rank alone, in Node.`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
