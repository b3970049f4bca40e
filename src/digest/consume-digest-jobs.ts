// The queue edge: one message per user's digest. Success acks; a failure is
// retried with backoff, and after wrangler.toml's max_retries the message goes
// to the dead-letter queue.
import type { Deps } from "../worker.ts";
import { deliverDigest } from "./deliver-digest.ts";
import { type DigestJob, DigestJobSchema } from "./digest-job.ts";

export type { DigestJob } from "./digest-job.ts";

export const RETRY_BASE_DELAY_SECONDS = 60;
/** Long enough to ride out a D1 or mail hiccup, short enough that the digest still lands the same day. */
export const MAX_RETRY_DELAY_SECONDS = 60 * 60;

/** 60 s, 2 min, 4 min … capped at an hour; `attempts` counts this delivery (1 on the first). */
export function retryDelaySeconds(attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 16));
  return Math.min(MAX_RETRY_DELAY_SECONDS, RETRY_BASE_DELAY_SECONDS * 2 ** exponent);
}

export async function consumeDigestJobs(batch: MessageBatch, deps: Deps, now: number): Promise<void> {
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = DigestJobSchema.safeParse(message.body);
      if (!parsed.success) {
        // No retry can repair a malformed body; say what it was and drop it.
        console.error(`tend: dropping malformed digest job ${message.id}: ${parsed.error.message}`, message.body);
        message.ack();
        return;
      }
      const job: DigestJob = parsed.data;
      try {
        const outcome = await deliverDigest(deps, job, now);
        console.info(`tend: digest for ${job.userId} (${job.week}): ${outcome}`);
        message.ack();
      } catch (error) {
        const delaySeconds = retryDelaySeconds(message.attempts);
        console.error(`tend: digest for ${job.userId} (${job.week}) failed, attempt ${message.attempts}; retrying in ${delaySeconds}s`, error);
        message.retry({ delaySeconds });
      }
    }),
  );
}
