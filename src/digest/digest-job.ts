// The queue message for one user's digest: what the cron enqueues and the consumer validates.
import { z } from "zod";

export const DigestJobSchema = z.object({
  userId: z.string().min(1).max(64),
  /** The local digest time that came due, as a UTC instant; the digest is written as of then. */
  scheduledFor: z.number().int().nonnegative(),
  /** ISO week in the user's zone at enqueue time: the claim key, fixed so every retry claims the same week. */
  week: z.string().regex(/^\d{4}-W\d{2}$/),
});

export type DigestJob = z.infer<typeof DigestJobSchema>;
