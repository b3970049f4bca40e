// The queue edge for AI extraction jobs: ack on success or when there is
// nothing to do; retry later when the model or the database failed.
import type { Deps } from "../worker.ts";
import { enrichWithAi } from "./enrich-with-ai.ts";
import { ExtractJobSchema } from "./extract-job.ts";

const RETRY_DELAY_SECONDS = 300;

export function isExtractJob(body: unknown): boolean {
  return typeof body === "object" && body !== null && "kind" in body && body.kind === "extract";
}

export async function consumeExtractJobs(messages: readonly Message[], deps: Deps, now: number): Promise<void> {
  await Promise.all(
    messages.map(async (message) => {
      const job = ExtractJobSchema.safeParse(message.body);
      if (!job.success) {
        console.error(`tend: dropping malformed extract job ${message.id}: ${job.error.message}`);
        message.ack();
        return;
      }
      try {
        const outcome = await enrichWithAi(deps, job.data, now);
        console.info(`tend: AI reading of ${job.data.interactionId}: ${outcome}`);
        // A model that failed was already replaced by the deterministic reading; no retry needed.
        message.ack();
      } catch (error) {
        console.error(`tend: AI reading of ${job.data.interactionId} failed; retrying`, error);
        message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
      }
    }),
  );
}
