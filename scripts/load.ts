// npm run load: Tend under concurrent mail, end to end, on this machine only.
//
// Starts `wrangler dev` (a fresh local D1 in a temporary folder, migrations
// applied, a free port) with a dev-only entry that meters D1
// (scripts/load/worker.ts), delivers the planned mail (scripts/load/plan.ts)
// to the local Email Routing endpoint with a fixed number in flight, stops the
// server, and reads the local D1 back: every message must be logged exactly
// once and nothing lost. Prints throughput, latency, errors and D1 statements
// per message; exits non-zero on any loss, double log, server error or timeout.
//
//   npm run load
//   npm run load -- --messages 200 --concurrency 8     a shorter run
import { mkdtemp, rm } from "node:fs/promises";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { TEND_ADDRESS } from "./inbound-corpus.ts";
import { LocalTend } from "./local-tend.ts";
import { type Expectation, type LoadPlan, type PlannedMessage, planLoad } from "./load/plan.ts";
import { D1_COUNTERS_PATH } from "./load/counters-path.ts";

/** Longest one delivery may take before it counts as an error; a 1.5 MiB message takes well under a second. */
const DELIVERY_TIMEOUT_MS = 60_000;
/** Longest the whole run may take, start to stop; a bound, so a stuck server fails the run instead of hanging it. */
const RUN_TIMEOUT_MS = 20 * 60_000;
/** Most messages a run may send: the load test only ever talks to its own local server, and never floods it. */
const MAX_MESSAGES = 5_000;

const D1Cost = z.object({ statements: z.number(), roundTrips: z.number(), rowsRead: z.number(), rowsWritten: z.number() });

interface Delivery {
  message: PlannedMessage;
  status: number;
  ms: number;
  error: string | null;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

async function deliver(tend: LocalTend, message: PlannedMessage): Promise<Delivery> {
  const query = new URLSearchParams({ from: message.envelope.from, to: message.envelope.to });
  const start = performance.now();
  try {
    const response = await fetch(`${tend.url}/cdn-cgi/local/email?${query.toString()}`, {
      method: "POST",
      body: message.bytes,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    const text = (await response.text()).trim();
    const ms = performance.now() - start;
    const expected = response.status === message.expectStatus;
    return { message, status: response.status, ms, error: expected ? null : `${response.status} ${text.slice(0, 200)}` };
  } catch (error) {
    return { message, status: 0, ms: performance.now() - start, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** Sends every message with at most `concurrency` in flight; stops starting new ones at the deadline. */
async function sendAll(tend: LocalTend, messages: readonly PlannedMessage[], concurrency: number, deadline: number): Promise<Delivery[]> {
  const results: Delivery[] = [];
  let nextIndex = 0;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const message = messages[nextIndex++];
      if (!message || Date.now() > deadline) return;
      results.push(await deliver(tend, message));
      done++;
      if (done % 100 === 0) process.stderr.write(`  ${done}/${messages.length} delivered\n`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

async function counters(tend: LocalTend): Promise<z.infer<typeof D1Cost>> {
  const response = await fetch(`${tend.url}${D1_COUNTERS_PATH}`);
  return D1Cost.parse(await response.json());
}

interface Check {
  lost: string[];
  doubled: string[];
  unexpected: string[];
}

function countByMessage(rows: readonly { user_id: string; message_id: string | null }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.user_id} ${row.message_id ?? ""}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Reads the local D1 back and holds each group of messages to what the plan expects of it. */
async function check(tend: LocalTend, plan: LoadPlan): Promise<Check> {
  const users = await tend.query("select id, email from users", z.object({ id: z.string(), email: z.string() }));
  const userIds = new Map(users.map((u) => [u.email, u.id]));
  const interactions = await tend.query("select user_id, message_id from interactions", z.object({ user_id: z.string(), message_id: z.string().nullable() }));
  const processed = await tend.query("select user_id, message_id from processed_messages", z.object({ user_id: z.string(), message_id: z.string() }));
  const interactionCounts = countByMessage(interactions);
  const processedCounts = countByMessage(processed);
  const anyUser = (messageId: string, counts: Map<string, number>) =>
    [...userIds.values()].reduce((sum, id) => sum + (counts.get(`${id} ${messageId}`) ?? 0), 0);

  const ids = new Map<number, string[]>();
  for (const message of plan.messages) ids.set(message.group, [...(ids.get(message.group) ?? []), message.messageId]);
  const result: Check = { lost: [], doubled: [], unexpected: [] };
  for (const [group, { expectation, label }] of plan.groups.entries()) {
    const messageIds = [...new Set(ids.get(group) ?? [])];
    const logged = messageIds.reduce((sum, id) => sum + anyUser(id, interactionCounts), 0);
    const marked = messageIds.reduce((sum, id) => sum + anyUser(id, processedCounts), 0);
    const name = `${label} ${messageIds.join(" ")}`;
    const outcomes: Record<Expectation, () => void> = {
      logged: () => {
        if (logged === 0) result.lost.push(name);
        if (logged > 1) result.doubled.push(`${name} (${logged} interactions)`);
      },
      at_most_once: () => {
        if (logged > 1 || marked > 1) result.doubled.push(`${name} (${logged} interactions, ${marked} processed rows)`);
      },
      nothing: () => {
        if (logged > 0 || marked > 0) result.unexpected.push(`${name} was stored (${logged} interactions, ${marked} processed rows)`);
      },
    };
    outcomes[expectation]();
  }
  const expectedUsers = new Set(plan.groups.filter((g) => g.expectation === "logged").map((g) => g.user));
  for (const user of expectedUsers) if (user && !userIds.has(user)) result.lost.push(`user ${user} was never created`);
  return result;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      messages: { type: "string", default: "1000" },
      users: { type: "string", default: "20" },
      concurrency: { type: "string", default: "16" },
    },
  });
  const messages = Number(values.messages);
  const userCount = Number(values.users);
  const concurrency = Number(values.concurrency);
  for (const [name, value, max] of [["messages", messages, MAX_MESSAGES], ["users", userCount, 100], ["concurrency", concurrency, 64]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${name} must be an integer from 1 to ${max}, got ${value}`);
  }

  const startedAt = Date.now();
  const plan = planLoad({ messages, users: userCount, duplicateShare: 0.1, hostileShare: 0.05, now: startedAt, seed: 14 });
  const persistTo = await mkdtemp(path.join(tmpdir(), "tend-load-"));
  const tend = await LocalTend.create({
    owners: plan.users,
    tendAddress: TEND_ADDRESS,
    signingKey: "load-test-key-not-secret",
    persistTo,
    entry: "scripts/load/worker.ts",
  });
  let deliveries: Delivery[] = [];
  let cost: z.infer<typeof D1Cost> | null = null;
  let elapsedMs = 0;
  try {
    process.stderr.write(`starting wrangler dev on ${tend.url} (D1 in ${persistTo})…\n`);
    await tend.migrate();
    await tend.listen();
    const before = await counters(tend);
    process.stderr.write(`sending ${plan.messages.length} messages from ${plan.users.length} users, ${concurrency} at a time…\n`);
    const start = performance.now();
    deliveries = await sendAll(tend, plan.messages, concurrency, startedAt + RUN_TIMEOUT_MS);
    elapsedMs = performance.now() - start;
    const after = await counters(tend);
    cost = {
      statements: after.statements - before.statements,
      roundTrips: after.roundTrips - before.roundTrips,
      rowsRead: after.rowsRead - before.rowsRead,
      rowsWritten: after.rowsWritten - before.rowsWritten,
    };
  } finally {
    await tend.stop();
  }

  let verdict: Check;
  try {
    verdict = await check(tend, plan);
  } finally {
    await rm(persistTo, { recursive: true, force: true });
  }

  const latencies = deliveries.map((d) => d.ms);
  const serverErrors = deliveries.filter((d) => d.status >= 500);
  const errors = deliveries.filter((d) => d.error !== null);
  const unsent = plan.messages.length - deliveries.length;
  const byStatus = new Map<number, number>();
  for (const d of deliveries) byStatus.set(d.status, (byStatus.get(d.status) ?? 0) + 1);
  const perMessage = (n: number) => (n / Math.max(1, deliveries.length)).toFixed(1);
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";

  console.log(`\nnpm run load: ${deliveries.length} messages from ${plan.users.length} users, ${concurrency} in flight, wrangler dev on ${os.availableParallelism()} cores (${cpu}), load average ${os.loadavg().map((n) => n.toFixed(1)).join(" ")}`);
  console.log(`  mix: ${plan.groups.filter((g) => g.expectation === "logged").length} distinct messages, ${plan.messages.length - plan.groups.length} copies (same or new Message-ID), ${plan.groups.filter((g) => g.expectation !== "logged").length} hostile`);
  console.log(`  throughput:   ${((deliveries.length / elapsedMs) * 1000).toFixed(1)} messages/s (${(elapsedMs / 1000).toFixed(1)} s)`);
  console.log(`  latency:      p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p99 ${quantile(latencies, 0.99).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`);
  console.log(`  responses:    ${[...byStatus.entries()].toSorted(([a], [b]) => a - b).map(([status, n]) => `${status || "no answer"}: ${n}`).join(", ")}`);
  if (cost) {
    console.log(`  D1 per message: ${perMessage(cost.statements)} statements in ${perMessage(cost.roundTrips)} round trips, ${perMessage(cost.rowsRead)} rows read, ${perMessage(cost.rowsWritten)} rows written`);
  }
  console.log(`  errors:       ${errors.length} (server errors ${serverErrors.length}, not sent ${unsent})`);
  console.log(`  lost:         ${verdict.lost.length}`);
  console.log(`  logged twice: ${verdict.doubled.length}`);
  console.log(`  stored but should not be: ${verdict.unexpected.length}`);
  for (const line of [...errors.map((d) => `error: ${d.message.label} ${d.message.messageId}: ${d.error ?? ""}`), ...verdict.lost.map((l) => `lost: ${l}`), ...verdict.doubled.map((l) => `twice: ${l}`), ...verdict.unexpected.map((l) => `stored: ${l}`)].slice(0, 20)) {
    console.log(`    ${line}`);
  }
  const failed = errors.length > 0 || unsent > 0 || verdict.lost.length > 0 || verdict.doubled.length > 0 || verdict.unexpected.length > 0;
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
