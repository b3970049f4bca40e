// npm run bench:inbound: what Tend's inbound steps cost per message, next to
// what postal-mime alone costs to parse the same bytes (the floor).
//
// "Tend" is the CPU work the email() handler does on a message, minus the
// database (scripts/inbound-steps.ts): header block, robot check, body,
// routing, understand. `npm run load` measures the database side. A measurement, not a test: nothing here
// is asserted, and the targets of issue 14 are printed, not enforced.
//
//   npm run bench:inbound                 the table
//   npm run bench:inbound -- --rounds 9   more timed passes
//   node --cpu-prof --import tsx scripts/bench-inbound.ts --only "text 1 MiB"   a profile of one message
//   npm run bench:inbound -- --dump > before.txt   what Tend reads from every message (route, understanding,
//                                                  message keys), in two zones: a speed-up must leave it unchanged
import { spawnSync } from "node:child_process";
import { mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import PostalMime from "postal-mime";
import { z } from "zod";
import {
  type CorpusMessage,
  evalMessages,
  fixtureMessages,
  generatedMessages,
  prose,
  TEND_ADDRESS,
  textMessage,
} from "./inbound-corpus.ts";
import { inbound } from "./inbound-steps.ts";
import { routeEmail } from "../src/edge/route-email.ts";
import { automaticReason } from "../src/inbound/automatic.ts";
import { messageKeys } from "../src/inbound/message-keys.ts";
import { readBody, readHeaders } from "../src/inbound/parse-email.ts";
import { understand } from "../src/inbound/understand.ts";
import { defaultSignalExtractor } from "../src/inbound/signal-extractor.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

const NOW = Date.parse("2026-11-25T12:00:00Z");
const KIB = 1024;
/** Text sizes of the doubling series: each twice the one before, so growth is visible. */
const DOUBLING_KIB = [25, 50, 100, 200, 400, 800];
/** Text sizes for the signal extractor alone, up to past MAX_SIGNAL_TEXT_CHARS: its own growth, unbounded. */
const EXTRACTOR_CHARS = [2_500, 5_000, 10_000, 20_000];
/** Messages timed again in a fresh process each: the first message after start (cold). */
const COLD_MESSAGES = ["gmail-notes-to-tend.eml", "outlook-html-only.eml", "thunderbird-invite.eml", "text 1 MiB"];
const ORDINARY_BYTES = 50 * KIB;
const SIZE_CLASSES: { label: string; below: number }[] = [
  { label: "< 10 KB", below: 10 * KIB },
  { label: "10–50 KB", below: ORDINARY_BYTES },
  { label: "50–500 KB", below: 500 * KIB },
  { label: "≥ 500 KB", below: Number.POSITIVE_INFINITY },
];

const steps = (message: CorpusMessage) => ({ bytes: message.bytes, envelope: message.envelope, tendAddress: TEND_ADDRESS, now: NOW });

/**
 * CPU time this process has used, in ms: what a Worker is limited and billed
 * by, and, unlike wall time, not inflated when other processes share the cores.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function floor(bytes: Uint8Array): Promise<number> {
  const start = cpuMs();
  await PostalMime.parse(bytes);
  return cpuMs() - start;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}
const median = (values: readonly number[]) => quantile(values, 0.5);
/** Per message, the fastest pass: on a shared machine the slower ones measure the neighbours. */
const fastest = (values: readonly number[]) => Math.min(...values);
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

interface Timing {
  message: CorpusMessage;
  floorMs: number;
  tendMs: number;
  parseMs: number;
  understandMs: number;
  textChars: number;
}

/** One untimed pass (JIT, lazy modules), then `rounds` timed ones, floor and Tend interleaved; per message the fastest. */
async function timeAll(messages: readonly CorpusMessage[], rounds: number): Promise<Timing[]> {
  for (const message of messages) {
    await floor(message.bytes);
    await inbound(steps(message), cpuMs);
  }
  const samples = messages.map(() => ({ floor: [] as number[], tend: [] as number[], parse: [] as number[], understand: [] as number[], text: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, message] of messages.entries()) {
      const sample = samples[i];
      if (!sample) continue;
      sample.floor.push(await floor(message.bytes));
      const result = await inbound(steps(message), cpuMs);
      sample.tend.push(result.parseMs + result.understandMs);
      sample.parse.push(result.parseMs);
      sample.understand.push(result.understandMs);
      sample.text = result.textChars;
    }
  }
  return messages.map((message, i) => {
    const sample = samples[i] ?? { floor: [], tend: [], parse: [], understand: [], text: 0 };
    return {
      message,
      floorMs: fastest(sample.floor),
      tendMs: fastest(sample.tend),
      parseMs: fastest(sample.parse),
      understandMs: fastest(sample.understand),
      textChars: sample.text,
    };
  });
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((cells) => cells[i]?.length ?? 0)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

const mark = (ok: boolean) => (ok ? "met" : "MISSED");
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const kb = (bytes: number) => `${(bytes / KIB).toFixed(bytes < 10 * KIB ? 1 : 0)} KB`;

function summaryRow(label: string, timings: readonly Timing[]): string[] {
  const tend = timings.map((t) => t.tendMs);
  const floorSum = sum(timings.map((t) => t.floorMs));
  const text = sum(timings.map((t) => t.textChars));
  return [
    label,
    String(timings.length),
    ms(median(timings.map((t) => t.floorMs))),
    ms(median(tend)),
    ms(quantile(tend, 0.99)),
    ms(Math.max(...tend)),
    ms(floorSum),
    ms(sum(tend)),
    `${(sum(tend) / floorSum).toFixed(2)}×`,
    text > 0 ? ms((sum(timings.map((t) => t.understandMs)) / text) * 100_000) : "–",
  ];
}

/**
 * The child that times a cold start: plain Node importing the bundle wrangler
 * builds of scripts/inbound-steps.ts (as it builds the Worker: one file, the
 * lazily loaded libraries evaluated only when called), then one message, twice.
 */
const COLD_CHILD = `
import { readFileSync } from "node:fs";
const [bundle, file, from, to, tendAddress, now] = process.argv.slice(1);
const input = { bytes: new Uint8Array(readFileSync(file)), envelope: { from, to }, tendAddress, now: Number(now) };
const cpuMs = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };
const start = cpuMs();
const { inbound } = await import(bundle);
const loaded = cpuMs();
await inbound(input);
const first = cpuMs();
await inbound(input);
console.log(JSON.stringify({ loadMs: loaded - start, firstMs: first - loaded, secondMs: cpuMs() - first }));
`;

const ColdTiming = z.object({ loadMs: z.number(), firstMs: z.number(), secondMs: z.number() });

/** Bundles the inbound steps with wrangler, as a deploy would; returns the bundle's path. */
function bundleSteps(dir: string): string {
  const wrangler = path.join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
  const build = spawnSync(process.execPath, [wrangler, "deploy", "--dry-run", "--outdir", dir, "scripts/inbound-steps.ts"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "1", NO_COLOR: "1" },
  });
  if (build.status !== 0) throw new Error(`wrangler could not bundle the inbound steps: ${build.stderr}`);
  // Node reads a .js file as CommonJS outside an ESM package; the bundle is ESM.
  const bundle = path.join(dir, "inbound-steps.mjs");
  renameSync(path.join(dir, "inbound-steps.js"), bundle);
  return bundle;
}

function cold(bundle: string, dir: string, message: CorpusMessage): z.infer<typeof ColdTiming> & { bundleBytes: number } {
  const file = path.join(dir, "message.eml");
  writeFileSync(file, message.bytes);
  const args = ["--input-type=module", "-e", COLD_CHILD, bundle, file, message.envelope.from, message.envelope.to, TEND_ADDRESS, String(NOW)];
  const child = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`cold run of ${message.name} failed: ${child.stderr}`);
  return { ...ColdTiming.parse(JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}")), bundleBytes: statSync(bundle).size };
}

/** Where the figures come from: they mean little without the machine and how busy it was. */
function machine(): string {
  const load = os.loadavg().map((n) => n.toFixed(1)).join(" ");
  return `Node ${process.version}, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? "unknown CPU"}, load average ${load}`;
}

/** Zones the dump reads each message in: dates resolve differently on either side of the Atlantic. */
const DUMP_ZONES = ["UTC", "America/New_York"];

/** One line per message and zone: everything the inbound steps read from it, to diff before and after a change. */
async function dump(corpus: readonly CorpusMessage[]): Promise<void> {
  for (const message of corpus) {
    const headers = await readHeaders(message.bytes);
    if (automaticReason(headers, message.envelope.from)) {
      console.log(`${message.name}\tautomatic`);
      continue;
    }
    const email = { ...headers, ...(await readBody(message.bytes)) };
    const addressing = { tendAddress: TEND_ADDRESS, userAddresses: [message.envelope.from], envelopeTo: message.envelope.to };
    for (const timeZone of DUMP_ZONES) {
      const route = routeEmail(email, addressing, NOW, timeZone);
      const user = { name: email.from?.name ?? null, address: message.envelope.from, timeZone };
      const visibleText = route.kind === "log" ? route.visibleText : undefined;
      const understood = understand({ email, addressing, user, now: NOW, extractSignals: defaultSignalExtractor, visibleText });
      const keys = await messageKeys(understood.messageId ?? "<none>", understood, timeZone);
      console.log(`${message.name}\t${timeZone}\t${JSON.stringify({ route, understood, keys })}`);
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" }, only: { type: "string" }, dump: { type: "boolean", default: false } } });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error(`--rounds must be a positive integer, got ${values.rounds}`);

  const corpus = [...fixtureMessages(), ...evalMessages(), ...generatedMessages()];
  if (values.dump) {
    await dump(corpus);
    return;
  }
  if (values.only) {
    // For a profile: one message, many times.
    const message = corpus.find((m) => m.name === values.only);
    if (!message) throw new Error(`no message named ${values.only}`);
    const [timing] = await timeAll([message], rounds);
    console.log(JSON.stringify({ name: message.name, ...timing, message: undefined }));
    return;
  }
  process.stderr.write(`timing ${corpus.length} messages, ${rounds} rounds… `);
  const timings = await timeAll(corpus, rounds);
  process.stderr.write("done\n");

  const header = ["messages", "n", "floor p50", "Tend p50", "Tend p99", "Tend max", "floor sum", "Tend sum", "Tend/floor", "understand ms/100 KB text"];
  const rows = [
    ...SIZE_CLASSES.map((sizeClass, i) => {
      const above = SIZE_CLASSES[i - 1]?.below ?? 0;
      return summaryRow(sizeClass.label, timings.filter((t) => t.message.bytes.byteLength >= above && t.message.bytes.byteLength < sizeClass.below));
    }),
    summaryRow("fixtures", timings.filter((t) => t.message.source === "fixture")),
    summaryRow("eval texts", timings.filter((t) => t.message.source === "eval")),
    summaryRow("generated", timings.filter((t) => t.message.source === "generated")),
    summaryRow("ordinary (< 50 KB)", timings.filter((t) => t.message.bytes.byteLength < ORDINARY_BYTES)),
    summaryRow("all", timings),
  ];
  console.log(machine());
  console.log(`\nWarm: CPU milliseconds of this process (user + system), per message the least of ${rounds} timed passes after one untimed pass; floor and Tend timed alike.\n`);
  console.log(table(header, rows.filter((row) => row[1] !== "0")));

  console.log("\nGenerated messages, one by one:\n");
  console.log(
    table(
      ["message", "raw", "text chars", "floor", "parse", "understand", "Tend", "Tend/floor"],
      timings
        .filter((t) => t.message.source === "generated")
        .map((t) => [
          t.message.name,
          kb(t.message.bytes.byteLength),
          t.textChars.toLocaleString("en-US"),
          ms(t.floorMs),
          ms(t.parseMs),
          ms(t.understandMs),
          ms(t.tendMs),
          `${(t.tendMs / t.floorMs).toFixed(1)}×`,
        ]),
    ),
  );

  const series = DOUBLING_KIB.map((size) => ({ name: `text ${size} KB`, source: "generated" as const, bytes: textMessage(size * KIB, 100 + size), envelope: { from: "sam.rivera@gmail.com", to: TEND_ADDRESS } }));
  const scaling = await timeAll(series, rounds * 2);
  console.log("\nDoubling the text (plain-text notes):\n");
  console.log(
    table(
      ["text", "floor", "Tend", "× previous", "Tend ms per 100 KB"],
      scaling.map((t, i) => {
        const previous = scaling[i - 1];
        return [
          t.message.name.replace("text ", ""),
          ms(t.floorMs),
          ms(t.tendMs),
          previous ? `${(t.tendMs / previous.tendMs).toFixed(2)}×` : "–",
          ms((t.tendMs / t.message.bytes.byteLength) * 100 * KIB),
        ];
      }),
    ),
  );

  console.log("\nThe signal extractor alone, on plain text (understand hands it at most MAX_SIGNAL_TEXT_CHARS):\n");
  const extractorRows: string[][] = [];
  let previousMs = Number.NaN;
  for (const chars of EXTRACTOR_CHARS) {
    const text = prose(chars, chars);
    const run = () => {
      const start = cpuMs();
      defaultSignalExtractor({ text, authorIsUser: true, author: { name: "Sam Rivera", address: "sam.rivera@gmail.com" }, people: [], userName: "Sam Rivera", sentAt: new Date(NOW), timeZone: "UTC" });
      return cpuMs() - start;
    };
    run();
    const best = fastest(Array.from({ length: rounds * 2 }, run));
    extractorRows.push([chars.toLocaleString("en-US"), ms(best), Number.isNaN(previousMs) ? "–" : `${(best / previousMs).toFixed(2)}×`, ms((best / chars) * 1000)]);
    previousMs = best;
  }
  console.log(table(["characters", "ms", "× previous", "ms per 1,000 chars"], extractorRows));

  const dir = mkdtempSync(path.join(os.tmpdir(), "tend-bench-"));
  try {
    const bundle = bundleSteps(dir);
    const colds = COLD_MESSAGES.map((name) => {
      const message = corpus.find((m) => m.name === name);
      if (!message) throw new Error(`no message named ${name}`);
      return { name, ...cold(bundle, dir, message) };
    });
    console.log(
      `\nCold: a fresh Node process imports the bundle of the inbound steps wrangler builds (${kb(colds[0]?.bundleBytes ?? 0)}), then reads one message, twice (CPU ms):\n`,
    );
    console.log(table(["message", "import bundle", "first message", "second"], colds.map((c) => [c.name, ms(c.loadMs), ms(c.firstMs), ms(c.secondMs)])));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const ordinary = timings.filter((t) => t.message.bytes.byteLength < ORDINARY_BYTES).map((t) => t.tendMs);
  const ratio = sum(timings.map((t) => t.tendMs)) / sum(timings.map((t) => t.floorMs));
  const mib = timings.find((t) => t.message.name === "text 1 MiB")?.tendMs ?? Number.NaN;
  const worstStep = Math.max(...scaling.slice(1).map((t, i) => t.tendMs / (scaling[i]?.tendMs ?? Number.NaN)));
  console.log("\nTargets (issue 14, warm):");
  console.log(`  corpus sum ≤ 1.5× floor:        ${ratio.toFixed(2)}×  ${mark(ratio <= 1.5)}`);
  console.log(`  p99 of mail under 50 KB < 5 ms: ${ms(quantile(ordinary, 0.99))} ms  ${mark(quantile(ordinary, 0.99) < 5)}`);
  console.log(`  1 MiB of text < 50 ms:          ${ms(mib)} ms  ${mark(mib < 50)}`);
  console.log(`  doubling text ≤ 2× time:        worst step ${worstStep.toFixed(2)}×  ${mark(worstStep <= 2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
