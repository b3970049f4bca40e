// The jobs Tend puts on its queue. Every job names its kind, so the edge can
// dispatch each message without guessing from its shape.
import { z } from "zod";

export const DigestJobSchema = z.object({
  kind: z.literal("digest"),
  userId: z.string().min(1).max(64),
  /** The local digest time that came due, as a UTC instant; the digest is written as of then. */
  scheduledFor: z.number().int().nonnegative(),
  /** ISO week in the user's zone at enqueue time: the claim key, fixed so every retry claims the same week. */
  week: z.string().regex(/^\d{4}-W\d{2}$/),
});
export type DigestJob = z.infer<typeof DigestJobSchema>;

/** A second reading of an interaction by the optional Workers AI extractor, outside email()'s time budget. */
export const ExtractJobSchema = z.object({
  kind: z.literal("extract"),
  userId: z.string().min(1).max(64),
  interactionId: z.string().min(1).max(64),
});
export type ExtractJob = z.infer<typeof ExtractJobSchema>;

/** One chunk of an address-book import (src/actions/import/); the job for the next chunk is sent when this one is in. */
export const ImportJobSchema = z.object({
  kind: z.literal("import"),
  userId: z.string().min(1).max(64),
  runId: z.string().min(1).max(64),
  chunk: z.number().int().nonnegative(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

// Digest jobs enqueued before jobs carried a kind are still digests.
const legacyDigest = (body: unknown): unknown =>
  typeof body === "object" && body !== null && !("kind" in body) && "week" in body ? { ...body, kind: "digest" } : body;

export const JobSchema = z.preprocess(legacyDigest, z.discriminatedUnion("kind", [DigestJobSchema, ExtractJobSchema, ImportJobSchema]));
export type Job = DigestJob | ExtractJob | ImportJob;

/** Where jobs go: the queue producer, seen through the one method Tend uses. */
export interface JobQueue {
  send(job: Job): Promise<void>;
  /** At most 100 jobs, Queue.sendBatch's limit. */
  sendBatch(jobs: readonly Job[]): Promise<void>;
}
