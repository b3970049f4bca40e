// The one place that touches `cloudflare:email`.
import { EmailMessage } from "cloudflare:email";
import type { BuiltMessage } from "./build-mime.ts";

export interface Mailer {
  send(message: BuiltMessage): Promise<void>;
}

export function sendEmailMailer(binding: SendEmail): Mailer {
  return {
    async send(message) {
      await binding.send(new EmailMessage(message.from, message.to, message.raw));
    },
  };
}
