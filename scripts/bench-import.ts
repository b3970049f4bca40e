// npm run bench:import: what importing a 10,000-row LinkedIn Connections.csv
// costs, step by step, and what importing the same file again costs.
//
// Runs the real import code (read the file → store the run → one queue job per
// chunk → reply) from Node against a local D1 in Miniflare with the migrations
// applied; the queue is an in-memory list drained in order, the mailer counts.
// A measurement, not a test: nothing here is asserted (test/import.test.ts
// holds the assertions, including a per-job query budget).
import { runImportJob } from "../src/actions/import/run-import-job.ts";
import { startImport } from "../src/actions/import/start-import.ts";
import { openDatabase } from "../src/db/client.ts";
import { findUserByAddress } from "../src/db/users.ts";
import { loadConfig } from "../src/domain/config.ts";
import type { Deps } from "../src/domain/deps.ts";
import type { ImportJob, Job, JobQueue } from "../src/domain/jobs.ts";
import type { Mailer } from "../src/mail/transport.ts";
import type { ParsedEmail } from "../src/model.ts";
import { type D1Cost, meterD1 } from "../test/helpers/d1-meter.ts";
import { linkedInConnections } from "../test/helpers/import-files.ts";
import { seeder } from "../test/helpers/seed.ts";
import { withLocalD1 } from "./local-d1.ts";

const ROWS = 10_000;
const NOW = Date.parse("2026-11-30T08:00:00Z");

interface Pass {
  label: string;
  emailMs: number;
  emailCost: D1Cost;
  jobs: number;
  jobMs: number[];
  jobCosts: D1Cost[];
  reply: string;
}

const sum = (costs: readonly D1Cost[], key: keyof D1Cost) => costs.reduce((n, c) => n + c[key], 0);

async function main(): Promise<void> {
  await withLocalD1(async (d1) => {
    const seed = seeder(d1);
    await seed.user({ id: "bench", email: "bench@tend.example", name: "Bench User", now: NOW - 86_400_000 });
    const user = await findUserByAddress(openDatabase(d1), "bench@tend.example");
    if (!user) throw new Error("no bench user");
    const config = loadConfig({
      TEND_ADDRESS: "tend@tend.example",
      OWNERS: "bench@tend.example",
      PUBLIC_URL: "https://tend.example",
      SIGNING_KEY: "bench-signing-key-not-secret",
    });
    const replies: string[] = [];
    const mailer: Mailer = {
      async send(message) {
        replies.push(message.raw);
      },
    };
    const queue: Job[] = [];
    const jobs: JobQueue = {
      async send(job) {
        queue.push(job);
      },
      async sendBatch(batch) {
        queue.push(...batch);
      },
    };
    const csv = linkedInConnections(ROWS);
    const content = new TextEncoder().encode(csv);
    process.stderr.write(`Connections.csv: ${ROWS.toLocaleString("en-US")} rows, ${(content.byteLength / 1024 / 1024).toFixed(2)} MiB\n`);

    const passes: Pass[] = [];
    for (const label of ["first import", "same file again"]) {
      const email: ParsedEmail = {
        messageId: `<bench-${label.replace(/\W/g, "")}@tend.example>`,
        subject: "My LinkedIn connections",
        date: NOW,
        from: { name: "Bench User", address: user.email },
        to: [{ name: "Tend", address: config.tendAddress }],
        cc: [],
        replyTo: [],
        inReplyTo: null,
        references: [],
        headers: [],
        text: "Here they are.",
        htmlOnly: false,
        attachments: [],
      };
      const attachment = { filename: "Connections.csv", mimeType: "text/csv", method: null, content };
      const meter = meterD1(d1);
      const deps = (db: D1Database): Deps => ({ config, db: openDatabase(db), mailer, jobs, ai: undefined });
      const start = performance.now();
      const started = await startImport(deps(meter.db), user, { email, attachment, truncated: false, messageKey: email.messageId ?? "" }, NOW);
      const emailMs = performance.now() - start;
      if (started.status !== "queued") throw new Error(`import not queued: ${JSON.stringify(started)}`);
      const pass: Pass = { label, emailMs, emailCost: meter.cost, jobs: 0, jobMs: [], jobCosts: [], reply: "" };
      const before = replies.length;
      while (queue.length > 0) {
        const job = queue.shift();
        if (job?.kind !== "import") throw new Error("unexpected job");
        meter.reset();
        const jobStart = performance.now();
        await runImportJob(deps(meter.db), job satisfies ImportJob, NOW);
        pass.jobMs.push(performance.now() - jobStart);
        pass.jobCosts.push(meter.cost);
        pass.jobs++;
      }
      const raw = replies[before] ?? "";
      pass.reply = /Added: [\d,]+ people|Nothing changed: [^\r\n=]*/.exec(raw)?.[0] ?? "";
      passes.push(pass);
    }

    const header = ["pass", "email() ms", "email() statements", "jobs", "job ms (max)", "jobs ms (total)", "statements/job (max)", "round trips/job (max)", "rows read", "rows written", "reply"];
    const table = passes.map((p) => [
      p.label,
      p.emailMs.toFixed(0),
      String(p.emailCost.statements),
      String(p.jobs),
      Math.max(...p.jobMs).toFixed(0),
      p.jobMs.reduce((a, b) => a + b, 0).toFixed(0),
      String(Math.max(...p.jobCosts.map((c) => c.statements))),
      String(Math.max(...p.jobCosts.map((c) => c.roundTrips))),
      sum(p.jobCosts, "rowsRead").toLocaleString("en-US"),
      sum(p.jobCosts, "rowsWritten").toLocaleString("en-US"),
      p.reply,
    ]);
    const widths = header.map((title, i) => Math.max(title.length, ...table.map((cells) => cells[i]?.length ?? 0)));
    const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | ")} |`;
    console.log(line(header));
    console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
    for (const cells of table) console.log(line(cells));
    console.log(
      `\nMiniflare local D1 through its Node proxy (every round trip is a local HTTP call). "email()" is the part in the email handler: ` +
        `read and check the whole file, store the run and its chunks, queue the first job. Each job merges one chunk in one batch.`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
