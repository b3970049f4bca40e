// Drives the digest through the real scheduled() and queue() handlers.
//
// The cron's producer is a recorder: in tests the local queue would otherwise
// deliver the jobs to the default Worker in the background, racing the test's
// own queue() call for the week's claim. The recorder keeps exactly what the
// cron passed to sendBatch, and the test feeds those same bodies to queue().
import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  type QueueResult,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { vi } from "vitest";
import type { DigestJob } from "../../src/domain/jobs.ts";
import { testWorker } from "./worker.ts";

export function recordingQueue(): { queue: Queue<DigestJob>; jobs: DigestJob[] } {
  const jobs: DigestJob[] = [];
  const metrics = { backlogCount: 0, backlogBytes: 0 };
  const queue: Queue<DigestJob> = {
    async metrics() {
      return metrics;
    },
    async send(body) {
      jobs.push(body);
      return { metadata: { metrics } };
    },
    async sendBatch(messages) {
      for (const message of messages) jobs.push(message.body);
      return { metadata: { metrics } };
    },
  };
  return { queue, jobs };
}

let messageCounter = 0;

/** `now`: the Worker's clock (see testWorker); queue messages are stamped with it too. */
export function digestHarness(clock: { now?: () => number } = {}) {
  const harness = testWorker(clock);

  /** Fires the hourly cron as of `at`; returns the jobs it enqueued. */
  async function runCron(at: number, overrides: Partial<Env> = {}): Promise<DigestJob[]> {
    const recorder = recordingQueue();
    await harness.worker.scheduled(createScheduledController({ scheduledTime: at, cron: "0 * * * *" }), {
      ...env,
      DIGEST_QUEUE: recorder.queue,
      ...overrides,
    });
    return recorder.jobs;
  }

  /** Delivers `bodies` as one batch to queue(); returns what was acked and retried. */
  async function runJobs(
    bodies: readonly unknown[],
    options: { env?: Env; attempts?: number } = {},
  ): Promise<{ result: QueueResult; ids: string[]; retryDelays: (number | undefined)[] }> {
    const messages = bodies.map((body) => ({
      id: `msg-${++messageCounter}`,
      // Nothing reads a message's timestamp; it is the clock's, or the epoch.
      timestamp: new Date(clock.now?.() ?? 0),
      attempts: options.attempts ?? 1,
      body,
    }));
    const batch = createMessageBatch("tend-digests", messages);
    // getQueueResult reports which messages were retried but not the delay asked for.
    const retries = batch.messages.map((message) => vi.spyOn(message, "retry"));
    const ctx = createExecutionContext();
    await harness.worker.queue(batch, options.env ?? env);
    const retryDelays = retries.flatMap((spy) => spy.mock.calls.map(([retryOptions]) => retryOptions?.delaySeconds));
    return { result: await getQueueResult(batch, ctx), ids: messages.map((m) => m.id), retryDelays };
  }

  return { ...harness, runCron, runJobs };
}
