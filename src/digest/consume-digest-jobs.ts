import type { Deps } from "../worker.ts";

export interface DigestJob {
  userId: string;
  /** The local digest time that came due, as a UTC instant. */
  scheduledFor: number;
}

export async function consumeDigestJobs(batch: MessageBatch, _deps: Deps, _now: number): Promise<void> {
  batch.ackAll();
}
