// npm run demo: Tend end to end on this machine, with no account.
//
// Starts the Worker with `wrangler dev` on a fresh local D1 (migrations
// applied), delivers real mail from test/fixtures through the local Email
// Routing endpoint, fires the hourly cron as of a week later, waits for the
// queue consumer, then prints each digest as text and saves it as .eml and
// .html. Stops wrangler before it exits.
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import PostalMime, { type Email } from "postal-mime";

const ROOT = path.resolve(import.meta.dirname, "..");
const WRANGLER = path.join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
const FIXTURES = path.join(ROOT, "test", "fixtures");
const TEND = "tend@tend.example";
const SAM = "sam.rivera@gmail.com";
const PRIYA = "priya.natarajan@outlook.com";
const JON = "jon.okafor@icloud.com";
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** How long to wait for wrangler to listen, and for the queue to deliver digests. */
const READY_TIMEOUT_MS = 90_000;
const DIGEST_TIMEOUT_MS = 45_000;

const DELIVERIES = [
  { file: "gmail-intro-cc.eml", from: SAM, to: TEND, what: "Gmail: Sam introduces Ana and Ben, Tend in Cc" },
  { file: "gmail-notes-to-tend.eml", from: SAM, to: TEND, what: "Gmail: Sam's notes after coffee with Ana" },
  { file: "gmail-forwarded-intro.eml", from: SAM, to: TEND, what: "Gmail: Ana's intro of Sam to Carla, forwarded" },
  { file: "gmail-follow-up-3d.eml", from: SAM, to: "tend+3d@tend.example", what: "Gmail: follow up in 3 days, Tend in Bcc" },
  { file: "outlook-forwarded-notes.eml", from: PRIYA, to: TEND, what: "Outlook: forwarded notes with a promise and a need" },
  { file: "apple-mail-bcc-thread.eml", from: JON, to: TEND, what: "Apple Mail: a thread with Tend in Bcc" },
] as const;

function say(line = ""): void {
  process.stdout.write(`${line}\n`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs wrangler to completion; resolves with its output, rejects on a non-zero exit. */
function runWrangler(args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: { ...process.env, CI: "true" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => (code === 0 ? resolve(output) : reject(new Error(`wrangler ${args.join(" ")} exited ${code}\n${output}`))));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("close", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGINT");
  });
}

/**
 * The fixtures are dated November 2026. Run later, they move forward by whole
 * weeks (weekdays, and so "by Friday", stay true) to end a day before now.
 */
function shiftDates(raw: Buffer, shiftMs: number): Buffer {
  if (shiftMs === 0) return raw;
  const text = raw.toString("latin1");
  const headerEnd = text.search(/\r?\n\r?\n/);
  const header = text.slice(0, headerEnd).replace(/^Date: (.+)$/m, (_line, value: string) => {
    const offset = value.match(/([+-])(\d\d)(\d\d)\s*$/);
    const sign = offset?.[1] === "-" ? -1 : 1;
    const offsetMs = offset ? sign * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000 : 0;
    const local = new Date(Date.parse(value) + shiftMs + offsetMs);
    const day = local.toUTCString().replace(/ GMT$/, "");
    return `Date: ${day} ${offset ? offset[0].trim() : "+0000"}`;
  });
  return Buffer.from(header + text.slice(headerEnd), "latin1");
}

function fixtureDate(raw: Buffer): number {
  const match = raw.toString("latin1").match(/^Date: (.+)$/m);
  return match?.[1] ? Date.parse(match[1]) : Number.NaN;
}

function emlFilesIn(dir: string, since: number, found: string[] = []): string[] {
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) emlFilesIn(full, since, found);
    else if (entry.name.endsWith(".eml") && statSync(full).mtimeMs >= since) found.push(full);
  }
  return found;
}

function isDigest(email: Email): boolean {
  return email.headers.some((h) => h.key === "list-unsubscribe") && (email.subject ?? "").startsWith("Tend:");
}

async function main(): Promise<void> {
  const started = Date.now();
  const work = mkdtempSync(path.join(tmpdir(), "tend-demo-"));
  const persist = path.join(work, "state");
  const out = path.join(work, "out");
  mkdirSync(out);
  const port = await freePort();
  const inspectorPort = await freePort();
  const base = `http://127.0.0.1:${port}`;

  say(`Tend demo: local Worker at ${base}, state in ${persist}`);
  await runWrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persist]);
  say("1. Local D1 created and migrations applied.");

  const dev = spawn(
    process.execPath,
    [
      WRANGLER,
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspectorPort),
      "--persist-to",
      persist,
      "--show-interactive-dev-session=false",
      "--var",
      "ALLOW_UNAUTHENTICATED_SENDERS:true",
      "--var",
      "SIGNING_KEY:local-demo-signing-key-not-secret",
      "--var",
      `OWNERS:${[SAM, PRIYA, JON].join(",")}`,
      "--var",
      `TEND_ADDRESS:${TEND}`,
      "--var",
      `PUBLIC_URL:${base}`,
    ],
    { cwd: ROOT, env: { ...process.env, CI: "true", FORCE_COLOR: "0" } },
  );
  let log = "";
  dev.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  dev.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const stopOnSignal = () => void stop(dev).then(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);

  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (dev.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log}`);
      try {
        await fetch(`${base}/health`);
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`wrangler dev did not start in time:\n${log}`);
        await sleep(500);
      }
    }
    say(`2. wrangler dev is up.`);

    const raws = DELIVERIES.map((delivery) => readFileSync(path.join(FIXTURES, delivery.file)));
    const latest = Math.max(...raws.map(fixtureDate));
    const shift = Math.max(0, Math.floor((Date.now() - DAY_MS - latest) / (7 * DAY_MS))) * 7 * DAY_MS;
    say(`3. Delivering ${DELIVERIES.length} emails through the local Email Routing endpoint${shift ? ` (dates moved ${shift / (7 * DAY_MS)} weeks forward)` : ""}:`);
    for (const [i, delivery] of DELIVERIES.entries()) {
      const raw = raws[i];
      if (!raw) continue;
      const url = `${base}/cdn-cgi/local/email?from=${encodeURIComponent(delivery.from)}&to=${encodeURIComponent(delivery.to)}`;
      const response = await fetch(url, { method: "POST", body: new Uint8Array(shiftDates(raw, shift)) });
      const answer = (await response.text()).trim().split("\n")[0] ?? "";
      say(`   ${response.ok ? "✓" : "✗"} ${delivery.file.padEnd(28)} ${delivery.what}${response.ok ? "" : ` (${response.status} ${answer})`}`);
    }

    // Cron runs on the hour; this one is a week from now.
    const fireAt = Math.floor((Date.now() + 7 * DAY_MS) / HOUR_MS) * HOUR_MS;
    // Miniflare reads `time` as milliseconds since the epoch (new Date(parseInt(time))).
    const fired = await fetch(`${base}/cdn-cgi/local/scheduled?time=${fireAt}&cron=${encodeURIComponent("0 * * * *")}`);
    say(`4. Fired the hourly cron as of ${new Date(fireAt).toUTCString()}: ${(await fired.text()).trim()}.`);

    const digests = new Map<string, { file: string; email: Email }>();
    const seen = new Set<string>();
    const digestDeadline = Date.now() + DIGEST_TIMEOUT_MS;
    while (Date.now() < digestDeadline && digests.size < 3) {
      await sleep(1_000);
      const logged = [...log.matchAll(/Email: (\S+\.eml)/g)].map((m) => m[1] ?? "");
      const files = [...new Set([...logged, ...emlFilesIn(path.join(ROOT, ".wrangler", "tmp"), started)])];
      for (const file of files) {
        if (seen.has(file) || !existsSync(file)) continue;
        seen.add(file);
        const email = await PostalMime.parse(readFileSync(file));
        const to = email.to?.[0]?.address ?? "";
        if (isDigest(email)) digests.set(to, { file, email });
      }
    }
    if (digests.size === 0) {
      throw new Error(`no digest arrived within ${DIGEST_TIMEOUT_MS / 1000}s. wrangler's log:\n${log.slice(-4000)}`);
    }

    say(`5. ${digests.size} digest${digests.size === 1 ? "" : "s"} sent (${seen.size - digests.size} other mails: acknowledgements, reminders).`);
    for (const [to, { file, email }] of [...digests.entries()].toSorted(([a], [b]) => a.localeCompare(b))) {
      const name = to.split("@")[0] ?? "digest";
      const eml = path.join(out, `digest-${name}.eml`);
      const html = path.join(out, `digest-${name}.html`);
      copyFileSync(file, eml);
      writeFileSync(html, email.html ?? "");
      say();
      say("=".repeat(78));
      say(`To: ${to}`);
      say(`Subject: ${email.subject ?? ""}`);
      say(`Reply-To: ${email.replyTo?.map((r) => r.address).join(", ") ?? ""}`);
      say("-".repeat(78));
      say((email.text ?? "").trimEnd());
      say("-".repeat(78));
      say(`.eml:  ${eml}`);
      say(`.html: ${html}`);
    }
  } finally {
    process.removeListener("SIGINT", stopOnSignal);
    await stop(dev);
    say();
    say("wrangler stopped.");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
