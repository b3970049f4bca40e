// A locally running Tend, for `npm run demo` and the browser test: `wrangler
// dev` on a free port with its own local D1 (migrations applied), plus the ways
// in that production has (mail through the local Email Routing endpoint, the
// cron, the database) and the mail it sends (the .eml files wrangler writes).
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
// Run with this process's Node (the project's Node 22), not whatever `node` is first on PATH.
const WRANGLER = path.join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js");
// CI: no prompts; NO_COLOR: the log is parsed for the paths of sent mail.
const WRANGLER_ENV = { ...process.env, CI: "1", NO_COLOR: "1", FORCE_COLOR: "0" };
/** wrangler dev builds and starts workerd; a cold start on CI is well under this. */
const START_TIMEOUT_MS = 90_000;
/** How long wrangler gets to exit on SIGTERM before its process group is killed. */
const STOP_TIMEOUT_MS = 5_000;
const POLL_MS = 250;

export interface LocalTendOptions {
  /** Who may use it (OWNERS). */
  owners: readonly string[];
  tendAddress: string;
  signingKey: string;
  /** Where the local D1 lives, kept after stop(). Default: a temporary directory that stop() removes. */
  persistTo?: string;
  /** A Worker entry in place of wrangler.toml's `main` (the load test's metered wrapper), relative to the project. */
  entry?: string;
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

/** Polls `probe` until it returns something other than null (a throw counts as null). */
export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

function wrangler(args: readonly string[]): Promise<{ stdout: string }> {
  return run(process.execPath, [WRANGLER, ...args], { cwd: ROOT, env: WRANGLER_ENV });
}

export class LocalTend {
  readonly url: string;
  private child: ChildProcess | null = null;
  private output = "";
  private readonly stopOnSignal = () => void this.stop().then(() => process.exit(130));

  private constructor(
    private readonly options: LocalTendOptions,
    readonly persistTo: string,
    private readonly ownsState: boolean,
    readonly port: number,
    private readonly inspectorPort: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Picks the ports and the state directory; nothing runs yet. */
  static async create(options: LocalTendOptions): Promise<LocalTend> {
    const persistTo = options.persistTo ?? (await mkdtemp(path.join(tmpdir(), "tend-local-")));
    return new LocalTend(options, persistTo, options.persistTo === undefined, await freePort(), await freePort());
  }

  /** create(), migrate() and listen(): a Tend ready for mail. */
  static async start(options: LocalTendOptions): Promise<LocalTend> {
    const tend = await LocalTend.create(options);
    try {
      await tend.migrate();
      await tend.listen();
    } catch (error) {
      await tend.stop();
      throw error;
    }
    return tend;
  }

  /** Creates the local D1 and applies the migrations, as `npm start` does. */
  async migrate(): Promise<void> {
    await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", this.persistTo]);
  }

  /** Starts `wrangler dev` and waits until it answers /health. */
  async listen(): Promise<void> {
    const vars = {
      OWNERS: this.options.owners.join(","),
      TEND_ADDRESS: this.options.tendAddress,
      PUBLIC_URL: this.url,
      SIGNING_KEY: this.options.signingKey,
      // wrangler dev stamps no Authentication-Results; the documented local-only switch.
      ALLOW_UNAUTHENTICATED_SENDERS: "true",
    };
    const args = [
      WRANGLER,
      "dev",
      ...(this.options.entry ? [this.options.entry] : []),
      "--ip",
      "127.0.0.1",
      "--port",
      String(this.port),
      // Its own inspector port too, so two local Tends (or a wrangler dev of one's own) can run side by side.
      "--inspector-port",
      String(this.inspectorPort),
      "--persist-to",
      this.persistTo,
      "--show-interactive-dev-session=false",
    ];
    for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
    // Its own process group, so stopping it also stops workerd. That also keeps
    // a Ctrl-C in the terminal from reaching it: stop it then instead.
    const child = spawn(process.execPath, args, { cwd: ROOT, env: WRANGLER_ENV, detached: true });
    this.child = child;
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString("utf8");
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    process.once("SIGINT", this.stopOnSignal);
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`wrangler dev exited with ${child.exitCode ?? child.signalCode}\n--- wrangler output ---\n${this.output}`);
      }
      const ready = await fetch(`${this.url}/health`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return;
      if (Date.now() > deadline) {
        throw new Error(`wrangler dev did not answer /health within ${START_TIMEOUT_MS} ms\n--- wrangler output ---\n${this.output}`);
      }
      await sleep(POLL_MS);
    }
  }

  /** Hands a raw message to the email() handler, as Email Routing would; throws when it is not accepted. */
  async deliver(raw: string | Uint8Array, envelope: { from: string; to: string }): Promise<void> {
    const query = new URLSearchParams({ from: envelope.from, to: envelope.to });
    const response = await fetch(`${this.url}/cdn-cgi/local/email?${query.toString()}`, { method: "POST", body: raw });
    if (!response.ok) throw new Error(`delivery failed: ${response.status} ${(await response.text()).trim()}`);
  }

  /** Fires the hourly cron as if it were `at` (ms since the epoch); resolves with wrangler's answer. */
  async fireCron(at: number): Promise<string> {
    const query = new URLSearchParams({ cron: "0 * * * *", time: String(at) });
    const response = await fetch(`${this.url}/cdn-cgi/local/scheduled?${query.toString()}`);
    const answer = (await response.text()).trim();
    if (!response.ok) throw new Error(`scheduled failed: ${response.status} ${answer}`);
    return answer;
  }

  /** Rows from the local D1, through wrangler, as another process sees them. */
  async query<T>(sql: string, row: z.ZodType<T>): Promise<T[]> {
    const { stdout } = await wrangler(["d1", "execute", "DB", "--local", "--persist-to", this.persistTo, "--command", sql, "--json"]);
    const parsed: unknown = JSON.parse(stdout);
    const first: unknown = Array.isArray(parsed) ? parsed[0] : null;
    if (!first || typeof first !== "object" || !("results" in first) || !Array.isArray(first.results)) {
      throw new Error(`unexpected output from wrangler d1 execute: ${stdout.slice(0, 200)}`);
    }
    return z.array(row).parse(first.results);
  }

  /** Paths of the .eml files wrangler wrote for mail Tend sent, oldest first. */
  sentMail(): string[] {
    return [...this.output.matchAll(/Email: (\S+\.eml)/g)].map((match) => match[1] ?? "").filter(Boolean);
  }

  async readMail(file: string): Promise<string> {
    return readFile(file, "utf8");
  }

  /** Everything wrangler dev printed so far. */
  get log(): string {
    return this.output;
  }

  /** Stops wrangler dev and workerd (the whole process group); removes the state unless the caller chose where it lives. */
  async stop(): Promise<void> {
    process.removeListener("SIGINT", this.stopOnSignal);
    const child = this.child;
    const pid = child?.pid;
    if (child && pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      await Promise.race([exited, sleep(STOP_TIMEOUT_MS)]);
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }
    if (this.ownsState) await rm(this.persistTo, { recursive: true, force: true });
  }
}
