// npm run fuzz -- --runs N --seed S [--path P]
//
// Mutates the real fixtures (test/fixtures/*.eml) and drives each message
// through the real email() handler against a local D1 with the migrations
// applied: test/fuzz/ in workerd, through vitest.fuzz.config.ts. Prints the
// run's summary and writes a minimal reproducer of each problem found to
// fuzz-output/ (git-ignored). Exits 1 when any message threw out of email(),
// was half-written or got a reply to a robot; 2 when the run itself failed.
//
// --path P replays one case printed by an earlier run (with its --seed), to
// check a fix against it.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { TestModule } from "vitest/node";
import { startVitest } from "vitest/node";
import { failed, type FuzzSummary, formatSummary } from "../test/fuzz/summary.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const OUTPUT_DIR = path.join(ROOT, "fuzz-output");
const DEFAULT_RUNS = 1000;

function naturalOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, not ${JSON.stringify(value)}`);
  return n;
}

const { values } = parseArgs({
  options: { runs: { type: "string" }, seed: { type: "string" }, path: { type: "string" } },
  strict: true,
});
const runs = naturalOption(values.runs, "runs", DEFAULT_RUNS);
const seed = naturalOption(values.seed, "seed", Math.floor(Math.random() * 2 ** 31));

process.env.FUZZ_RUNS = String(runs);
process.env.FUZZ_SEED = String(seed);
if (values.path) process.env.FUZZ_PATH = values.path;
console.info(values.path ? `Replaying seed ${seed}, path ${values.path}` : `Fuzzing email(): ${runs} runs, seed ${seed}`);

const outcome: { summary: FuzzSummary | null } = { summary: null };

// After a long run workerd prints hundreds of "disconnected: client error
// (SendRequest)" lines with a stack of addresses, from its own connections back
// to Node; none reaches the Worker (a failed send would throw out of email()
// and be counted). Counted and left out; everything else passes through.
const SHUTDOWN_NOISE = /^(exception = rust\/worker\/ffi\.rs:\d+: disconnected: client error \(SendRequest\)|stack: (\S*workerd@\w+ ?)+)$/;
let noiseLines = 0;

function withoutNoise(text: string): string {
  const lines = text.split("\n");
  const kept = lines.filter((line) => !SHUTDOWN_NOISE.test(line.trim()));
  noiseLines += lines.length - kept.length;
  return kept.join("\n");
}

for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk: string | Uint8Array, ...rest: never[]) =>
    write(withoutNoise(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk)), ...rest);
}
const runErrors: string[] = [];

function collect(modules: readonly TestModule[]): void {
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      outcome.summary = test.meta().fuzz ?? outcome.summary;
      const result = test.result();
      // A run that found problems fails its test by design; any other failure is the fuzzer's own.
      if (result.state === "failed" && !test.meta().fuzz) {
        runErrors.push(...(result.errors ?? []).map((e) => e.stack ?? e.message));
      }
    }
    runErrors.push(...module.errors().map((e) => e.stack ?? e.message));
  }
}

const vitest = await startVitest("test", [], {
  config: path.join(ROOT, "vitest.fuzz.config.ts"),
  root: ROOT,
  run: true,
  watch: false,
  reporters: [
    {
      onUserConsoleLog(log) {
        if (log.content.startsWith("fuzz:")) process.stderr.write(log.content);
      },
      onTestRunEnd(modules, unhandledErrors) {
        collect(modules);
        runErrors.push(...unhandledErrors.map((e) => e.stack ?? e.message));
      },
    },
  ],
});
await vitest.close();

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}

/** Writes each reproducer's message (.eml) and its case (.json); returns the .eml path per problem class. */
function saveReproducers(result: FuzzSummary): Map<string, string> {
  const saved = new Map<string, string>();
  for (const c of result.classes) {
    const r = c.reproducer;
    if (!r) continue;
    mkdirSync(OUTPUT_DIR, { recursive: true });
    const base = path.join(OUTPUT_DIR, `seed-${result.seed}-${slug(c.class)}`);
    writeFileSync(`${base}.eml`, Buffer.from(r.messageBase64, "base64"));
    writeFileSync(
      `${base}.json`,
      `${JSON.stringify(
        {
          problem: c.class,
          detail: r.detail,
          envelope: r.envelope,
          case: JSON.parse(r.caseJson),
          description: r.description,
          replay: r.path ? `npm run fuzz -- --seed ${result.seed} --path ${r.path}` : null,
        },
        null,
        2,
      )}\n`,
    );
    saved.set(c.class, path.relative(ROOT, `${base}.eml`));
  }
  return saved;
}

const final = outcome.summary;
if (!final) {
  console.error("The fuzz run ended without a summary.");
  for (const error of runErrors) console.error(error);
  process.exit(2);
}
console.info(formatSummary(final, saveReproducers(final)));
if (noiseLines > 0) console.info(`(${noiseLines} lines of workerd shutdown noise left out)`);
if (runErrors.length > 0) {
  for (const error of runErrors) console.error(error);
  process.exit(2);
}
process.exit(failed(final) ? 1 : 0);
