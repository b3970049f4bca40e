// npm run deploy:check — what `wrangler deploy` would upload, checked offline:
// 1. `wrangler deploy --dry-run --outdir <tmp>` bundles the Worker (no account, no network);
// 2. the bundle's size, raw and gzip, against the Workers Free and Paid limits;
// 3. every binding the code uses is bound by wrangler.toml (or is a secret, or optional).
// Exits 1 when the bundle does not build, is over the Paid limit, or a binding is missing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { checkBindings, dryRunBindings, envMembers, envReads } from "./deploy-check/bindings.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const MiB = 1024 * 1024;
const MB = 1000 * 1000;

// Worker size limits. Cloudflare's limits page (https://developers.cloudflare.com/workers/platform/limits/#worker-size,
// read December 2026) lists 64 MiB on Workers Free and Paid alike, uncompressed; before that it was a
// compressed (gzip) limit of 3 MB on Free and 10 MB on Paid (cloudflare/cloudflare-docs#18400), which
// older accounts and wrangler versions may still report. The bundle is checked against both.
const LIMITS = [
  { plan: "Free", rule: "gzip, former limit", bytes: 3 * MB, unit: MB, unitName: "MB", measure: "gzip" },
  { plan: "Paid", rule: "gzip, former limit", bytes: 10 * MB, unit: MB, unitName: "MB", measure: "gzip" },
  { plan: "Free and Paid", rule: "uncompressed, current limit", bytes: 64 * MiB, unit: MiB, unitName: "MiB", measure: "raw" },
] as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

function size(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function main(): number {
  const outdir = mkdtempSync(path.join(tmpdir(), "tend-deploy-check-"));
  try {
    const wrangler = path.join(ROOT, "node_modules", ".bin", "wrangler");
    const run = spawnSync(wrangler, ["deploy", "--dry-run", "--outdir", outdir], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    });
    const output = `${run.stdout}\n${run.stderr}`;
    if (run.status !== 0) {
      process.stderr.write(`${output}\ndeploy:check: wrangler deploy --dry-run failed (exit ${run.status ?? "signal"})\n`);
      return 1;
    }
    let failed = false;

    // What would be uploaded: the modules, not the source map or wrangler's README.
    const modules = readdirSync(outdir).filter((name) => !name.endsWith(".map") && name !== "README.md");
    const contents = modules.map((name) => readFileSync(path.join(outdir, name)));
    const raw = modules.reduce((n, name) => n + statSync(path.join(outdir, name)).size, 0);
    const gzip = contents.reduce((n, bytes) => n + gzipSync(bytes, { level: 9 }).byteLength, 0);
    console.log(`Bundle: ${modules.join(", ")}: ${size(raw)} raw, ${size(gzip)} gzip`);
    for (const limit of LIMITS) {
      const measured = limit.measure === "raw" ? raw : gzip;
      const fits = measured <= limit.bytes;
      const share = `${((100 * measured) / limit.bytes).toFixed(0)}%`;
      const inUnit = (bytes: number) => `${(bytes / limit.unit).toFixed(2)} ${limit.unitName}`;
      console.log(`  ${fits ? "ok  " : "OVER"} Workers ${limit.plan}: ${inUnit(measured)} of ${inUnit(limit.bytes)} (${limit.rule}), ${share}`);
      if (!fits && limit.plan !== "Free") failed = true;
    }

    const envDts = readFileSync(path.join(ROOT, "src", "env.d.ts"), "utf8");
    const members = [...envMembers(readFileSync(path.join(ROOT, "worker-configuration.d.ts"), "utf8")), ...envMembers(envDts)];
    const reads = sourceFiles(path.join(ROOT, "src")).flatMap((file) => envReads(readFileSync(file, "utf8")));
    const secrets = envMembers(envDts).filter((m) => !m.optional).map((m) => m.name);
    const declared = dryRunBindings(output);
    const bindings = checkBindings({ members, reads, secrets, declared });
    console.log(`Bindings in wrangler.toml: ${declared.join(", ")}`);
    console.log(`Secrets the Worker needs (wrangler secret put NAME): ${bindings.secrets.join(", ") || "none"}`);
    if (bindings.optionalAbsent.length > 0) console.log(`Optional, not bound: ${bindings.optionalAbsent.join(", ")}`);
    if (bindings.missing.length > 0) {
      console.error(`MISSING from wrangler.toml: ${bindings.missing.join(", ")} (the code uses them; the deploy would fail at run time)`);
      failed = true;
    }
    console.log(failed ? "deploy:check failed" : "deploy:check passed");
    return failed ? 1 : 0;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

process.exitCode = main();
