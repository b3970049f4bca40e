// An address book mailed to Tend as Gmail sends an attachment (multipart/mixed,
// base64 at 76 columns), and a harness that runs the import through the real
// email() and queue() handlers with the queue recorded, so a test drains the
// import's jobs itself instead of racing the local queue.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { Job } from "../../src/domain/jobs.ts";
import { emailMessage } from "./email-message.ts";
import { cloudflarePass } from "./mail.ts";
import { testWorker } from "./worker.ts";

export const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
export const TEND = "tend@tend.example";

let counter = 0;

function base64Lines(bytes: Uint8Array): string[] {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).match(/.{1,76}/g) ?? [];
}

export interface ImportMail {
  filename: string;
  contentType: string;
  content: Uint8Array | string;
  subject?: string;
  text?: string;
  messageId?: string;
  /** Extra raw text before the attachment (to push it past the first megabyte, say). */
  padding?: string;
}

export function importMail(m: ImportMail): { raw: Uint8Array; messageId: string } {
  counter += 1;
  const boundary = `000000000000a1b2c3d4e5f6${counter}`;
  const messageId = m.messageId ?? `<CAimport${counter}@mail.gmail.com>`;
  const content = typeof m.content === "string" ? new TextEncoder().encode(m.content) : m.content;
  const lines = [
    cloudflarePass("gmail.com"),
    "MIME-Version: 1.0",
    "Date: Mon, 30 Nov 2026 09:00:00 +0000",
    `Message-ID: ${messageId}`,
    `Subject: ${m.subject ?? "My contacts"}`,
    `From: ${SAM.name} <${SAM.address}>`,
    `To: Tend <${TEND}>`,
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    m.text ?? "Here is my address book.",
    ...(m.padding ? [m.padding] : []),
    "",
    `--${boundary}`,
    `Content-Type: ${m.contentType}; name="${m.filename}"`,
    `Content-Disposition: attachment; filename="${m.filename}"`,
    "Content-Transfer-Encoding: base64",
    `X-Attachment-Id: f_import${counter}`,
    "",
    ...base64Lines(content),
    `--${boundary}--`,
    "",
  ];
  return { raw: new TextEncoder().encode(lines.join("\r\n")), messageId };
}

export function importHarness(clock: { now: () => number }) {
  const harness = testWorker(clock);
  const queued: Job[] = [];
  const queue: Queue<Job> = {
    async metrics() {
      return { backlogCount: 0, backlogBytes: 0 };
    },
    async send(body: Job) {
      queued.push(body);
      return { metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } };
    },
    async sendBatch(messages) {
      for (const message of messages) queued.push(message.body);
      return { metadata: { metrics: { backlogCount: 0, backlogBytes: 0 } } };
    },
  };
  const recordedEnv = (overrides: Partial<Env> = {}): Env => ({ ...env, DIGEST_QUEUE: queue, ...overrides });

  async function send(mail: ImportMail, overrides: Partial<Env> = {}) {
    const built = importMail(mail);
    const message = emailMessage(built.raw, { from: SAM.address, to: TEND });
    await harness.worker.email(message, recordedEnv(overrides));
    return { message, messageId: built.messageId };
  }

  /**
   * Runs queued jobs one queue() call each until none are left, or `maxJobs`
   * have run; a job the consumer retries goes back on the queue, as Queues
   * would redeliver it.
   */
  async function drain(overrides: Partial<Env> = {}, maxJobs = 1_000): Promise<{ jobs: number; retries: number }> {
    let jobs = 0;
    let retries = 0;
    while (queued.length > 0 && jobs < maxJobs) {
      jobs++;
      const body = queued.shift();
      const batch = createMessageBatch("tend-digests", [{ id: `import-${jobs}`, timestamp: new Date(clock.now()), attempts: 1, body }]);
      const ctx = createExecutionContext();
      await harness.worker.queue(batch, recordedEnv(overrides));
      const result = await getQueueResult(batch, ctx);
      if (result.retryMessages.length > 0 && body) {
        retries++;
        queued.push(body);
      }
    }
    return { jobs, retries };
  }

  return { ...harness, queued, send, drain };
}
