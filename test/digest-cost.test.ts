// What a digest costs in D1: the same at 100 and at 10,000 contacts, because
// every statement walks an index and stops at its LIMIT.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { resetDatabase } from "./helpers/rows.ts";
import type { DigestJob } from "../src/domain/jobs.ts";
import { type D1Cost, meterD1 } from "./helpers/d1-meter.ts";
import { digestHarness } from "./helpers/digest-run.ts";
import { seeder } from "./helpers/seed.ts";

const seed = seeder(env.DB);
const now = Date.parse("2026-11-30T08:00:00Z");
const SIZES = [100, 10_000] as const;

interface Measured {
  cost: D1Cost;
  statements: readonly string[];
  items: number;
}

describe("digest cost", () => {
  const measured = new Map<number, Measured>();

  beforeAll(async () => {
    await resetDatabase();
    const jobs: DigestJob[] = [];
    for (const size of SIZES) {
      const user = await seed.user({ id: `cost${size}`, email: `cost${size}@tend.test`, name: "Cost Test", now: now - 30 * 86_400_000 });
      await seed.addressBook(user.id, { count: size, now });
      jobs.push({ kind: "digest", userId: user.id, scheduledFor: now, week: "2026-W49" });
    }
    const { runJobs, sent } = digestHarness();
    for (const job of jobs) {
      const meter = meterD1(env.DB);
      const before = sent.length;
      await runJobs([job], { env: { ...env, DB: meter.db } });
      const mail = sent[before];
      measured.set(Number(job.userId.slice("cost".length)), {
        cost: meter.cost,
        statements: meter.log,
        items: [...(mail?.parsed.text ?? "").matchAll(/^\d+\. /gm)].length,
      });
    }
  }, 60_000);

  it("reads the same rows with the same statements at 100 and at 10,000 contacts", () => {
    const small = measured.get(100);
    const large = measured.get(10_000);
    console.info(`digest cost at 100 / 10,000 contacts: ${JSON.stringify(small?.cost)} / ${JSON.stringify(large?.cost)}`);
    expect(small?.items).toBe(7);
    expect(large?.items).toBe(7);
    expect(large?.cost.statements).toBe(small?.cost.statements);
    expect(large?.cost.roundTrips).toBe(small?.cost.roundTrips);
    expect(large?.cost.rowsRead).toBe(small?.cost.rowsRead);
    // And small in absolute terms: a few hundred rows, not the address book.
    expect(large?.cost.rowsRead).toBeLessThan(600);
    expect(large?.cost.roundTrips).toBeLessThanOrEqual(8);
  });

  it("walks an index in every statement, never a whole table", async () => {
    const statements = new Set(measured.get(10_000)?.statements ?? []);
    expect(statements.size).toBeGreaterThan(10);
    for (const statement of statements) {
      const params = (statement.match(/\?/g) ?? []).map(() => null);
      const plan = await env.DB.prepare(`explain query plan ${statement}`)
        .bind(...params)
        .all<{ detail: string }>();
      const details = plan.results.map((row) => row.detail);
      const fullScans = details.filter((detail) => /^SCAN (?!CONSTANT ROW)/.test(detail) && !/USING (COVERING )?INDEX/.test(detail));
      expect({ statement, fullScans }).toEqual({ statement, fullScans: [] });
      // A LIMIT after a sort would read every match first.
      expect({ statement, sorts: details.filter((detail) => detail.includes("TEMP B-TREE")) }).toEqual({ statement, sorts: [] });
      // Tag lookups go through the tag index, not through every open interest.
      const tagLookup = statement.includes('"signals"."tag" in');
      expect({ statement, tagIndex: !tagLookup || details.some((detail) => detail.includes("signals_user_tag")) }).toEqual({ statement, tagIndex: true });
    }
  });
});
