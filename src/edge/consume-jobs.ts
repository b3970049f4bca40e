// The queue edge: each message is validated as a Job and handed to its
// pipeline step. Success acks; a failure is retried with backoff, and after
// wrangler.toml's max_retries the message goes to the dead-letter queue.
import { deliverDigest } from "../digest/deliver-digest.ts";
import type { Deps } from "../domain/deps.ts";
import { type Job, JobSchema } from "../domain/jobs.ts";
import { enrichWithAi } from "../inbound/enrich-with-ai.ts";
import { runImportJob } from "../actions/import/run-import-job.ts";

export const RETRY_BASE_DELAY_SECONDS = 60;
/** Long enough to ride out a D1 or mail hiccup, short enough that the digest still lands the same day. */
export const MAX_RETRY_DELAY_SECONDS = 60 * 60;
/** A model that is down stays down for a while; no need to knock every minute. */
const AI_RETRY_DELAY_SECONDS = 300;

/** 60 s, 2 min, 4 min … capped at an hour; `attempts` counts this delivery (1 on the first). */
export function retryDelaySeconds(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 16));
  return Math.min(MAX_RETRY_DELAY_SECONDS, RETRY_BASE_DELAY_SECONDS * 2 ** exponent);
}

function describe(job: Job): string {
  if (job.kind === "import") return `import ${job.runId} chunk ${job.chunk}`;
  return job.kind === "digest" ? `digest for ${job.userId} (${job.week})` : `AI reading of ${job.interactionId}`;
}

/** A model that failed was already replaced by the deterministic reading, so an extract job never needs a retry for that. */
function runJob(job: Job, deps: Deps, now: number): Promise<string> {
  if (job.kind === "import") return runImportJob(deps, job, now);
  return job.kind === "digest" ? deliverDigest(deps, job, now) : enrichWithAi(deps, job, now);
}

export async function consumeJobs(batch: MessageBatch, deps: Deps, now: number): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = JobSchema.safeParse(message.body);
      if (!parsed.success) {
        // No retry can repair a malformed body; say what it was and drop it.
        console.error(`tend: dropping malformed job ${message.id}: ${parsed.error.message}`, message.body);
        message.ack();
        return;
      }
      const job = parsed.data;
      try {
        console.info(`tend: ${describe(job)}: ${await runJob(job, deps, now)}`);
        message.ack();
      } catch (error) {
        const delaySeconds = job.kind !== "extract" ? retryDelaySeconds(message.attempts) : AI_RETRY_DELAY_SECONDS;
        console.error(`tend: ${describe(job)} failed, attempt ${message.attempts}; retrying in ${delaySeconds}s`, error);
        message.retry({ delaySeconds });
      }
    }),
  );
}
