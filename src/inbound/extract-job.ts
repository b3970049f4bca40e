// The queue message that asks for a second reading of an interaction by the
// optional Workers AI extractor, outside the email() handler's time budget.
import { z } from "zod";

export const ExtractJobSchema = z.object({
  kind: z.literal("extract"),
  userId: z.string().min(1).max(64),
  interactionId: z.string().min(1).max(64),
});

export type ExtractJob = z.infer<typeof ExtractJobSchema>;
