// What one command mailed to Tend answers; several answers share one reply.
import type { Attachment } from "../mail/build-mime.ts";

export interface Answer {
  text: string;
  /** A subject the reply must carry (a forget confirmation's reference lives there). */
  subject?: string;
  attachments?: Attachment[];
}
