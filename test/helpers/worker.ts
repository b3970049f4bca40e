// The real Worker, wired as in production, with a tap on the mailer so tests can
// read what Tend sent (the send_email binding still receives every message).
import { env } from "cloudflare:workers";
import PostalMime, { type Email } from "postal-mime";
import type { BuiltMessage } from "../../src/mail/build-mime.ts";
import type { AiBinding } from "../../src/lib/workers-ai.ts";
import { sendEmailMailer } from "../../src/mail/transport.ts";
import { createWorker } from "../../src/edge/worker.ts";
import { type DeliveredMessage, emailMessage } from "./email-message.ts";

export interface SentMail extends BuiltMessage {
  parsed: Email;
}

/** What the Worker's clock reads when a test names no time: fixed, so no test reads the wall clock. */
export const TEST_NOW = Date.parse("2026-12-02T09:00:00Z");

/** `now`: what the Worker's clock reads (default: TEST_NOW); `ai`: a stub at the AI binding. */
export function testWorker(options: { now?: () => number; ai?: AiBinding } = {}) {
  const sent: SentMail[] = [];
  const { ai } = options;
  const worker = createWorker({
    clock: options.now ?? (() => TEST_NOW),
    ...(ai ? { ai: () => ai } : {}),
    mailer: (e) => {
      const real = sendEmailMailer(e.SEND_EMAIL);
      return {
        async send(message) {
          await real.send(message);
          sent.push({ ...message, parsed: await PostalMime.parse(message.raw) });
        },
      };
    },
  });

  /** Delivers raw mail to the real email() handler, as Email Routing would. */
  async function deliver(
    raw: string | Uint8Array,
    envelope: { from: string; to: string; declaredSize?: number },
  ): Promise<DeliveredMessage> {
    const message = emailMessage(raw, envelope);
    await worker.email(message, env);
    return message;
  }

  return { worker, sent, deliver };
}
