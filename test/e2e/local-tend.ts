// A locally running Tend for the browser test: `wrangler dev` on a free port
// with its own temporary state, plus the ways in that production has (mail in,
// the cron, the database) and the mail it sends (the .eml files wrangler writes).
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const WRANGLER = path.join(ROOT, "node_modules/.bin/wrangler");
/** wrangler dev builds, starts workerd and applies nothing else; a cold start on CI is well under this. */
const START_TIMEOUT_MS = 90_000;
const POLL_MS = 250;

export interface LocalTendOptions {
  owner: string;
  tendAddress: string;
  signingKey: string;
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

export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export class LocalTend {
  readonly url: string;
  private output = "";

  private constructor(
    private readonly child: ChildProcess,
    private readonly persistTo: string,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString("utf8");
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
  }

  static async start(options: LocalTendOptions): Promise<LocalTend> {
    const persistTo = await mkdtemp(path.join(tmpdir(), "tend-e2e-"));
    await run(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], { cwd: ROOT, env: { ...process.env, CI: "1" } });
    const port = await freePort();
    const vars = {
      OWNERS: options.owner,
      TEND_ADDRESS: options.tendAddress,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SIGNING_KEY: options.signingKey,
      // wrangler dev stamps no Authentication-Results; the documented local-only switch.
      ALLOW_UNAUTHENTICATED_SENDERS: "true",
    };
    const args = ["dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", persistTo, "--show-interactive-dev-session=false"];
    for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
    // Its own process group, so stopping it also stops workerd.
    const child = spawn(WRANGLER, args, { cwd: ROOT, env: { ...process.env, CI: "1", NO_COLOR: "1" }, detached: true });
    const tend = new LocalTend(child, persistTo, port);
    try {
      await waitFor("wrangler dev to answer /health", START_TIMEOUT_MS, async () => {
        if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${tend.output}`);
        const response = await fetch(`${tend.url}/health`);
        return response.ok ? true : null;
      });
    } catch (error) {
      await tend.stop();
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- wrangler output ---\n${tend.output}`, { cause: error });
    }
    return tend;
  }

  /** Hands a raw message to the email() handler, as Email Routing would. */
  async deliver(raw: string, envelope: { from: string; to: string }): Promise<void> {
    const query = new URLSearchParams(envelope);
    const response = await fetch(`${this.url}/cdn-cgi/local/email?${query.toString()}`, { method: "POST", body: raw });
    if (!response.ok) throw new Error(`delivery failed: ${response.status} ${await response.text()}`);
  }

  /** Fires the hourly cron as if it were `at`. */
  async fireCron(at: number): Promise<void> {
    const query = new URLSearchParams({ cron: "0 * * * *", time: String(at) });
    const response = await fetch(`${this.url}/cdn-cgi/local/scheduled?${query.toString()}`);
    if (!response.ok) throw new Error(`scheduled failed: ${response.status} ${await response.text()}`);
  }

  /** Rows from the local D1, through wrangler, as another process sees them. */
  async query<T>(sql: string, row: z.ZodType<T>): Promise<T[]> {
    const { stdout } = await run(
      WRANGLER,
      ["d1", "execute", "DB", "--local", "--persist-to", this.persistTo, "--command", sql, "--json"],
      { cwd: ROOT, env: { ...process.env, CI: "1" } },
    );
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

  get log(): string {
    return this.output;
  }

  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid !== undefined && this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once("exit", resolve));
      try {
        process.kill(-pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (this.child.exitCode === null) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    }
    await rm(this.persistTo, { recursive: true, force: true });
  }
}
