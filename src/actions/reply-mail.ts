// confirm: every answer is a reply threaded to the mail it answers.
import type { Config } from "../domain/config.ts";
import type { User } from "../db/users.ts";
import type { ParsedEmail } from "../model.ts";
import type { Attachment, OutgoingMail } from "../mail/build-mime.ts";
import type { OutboundKind } from "../model.ts";
import { stripReplyPrefix } from "./parse-mail-command.ts";

export interface ReplyContent {
  text: string;
  /** Defaults to "Re: " and the subject of the mail answered. */
  subject?: string;
  kind?: OutboundKind;
  /** Where the user's answer to this reply should go (a digest's token address, say). */
  replyTo?: string;
  attachments?: readonly Attachment[];
}

export function replyMail(config: Config, user: User, email: ParsedEmail, content: ReplyContent): OutgoingMail {
  const original = stripReplyPrefix(email.subject);
  return {
    kind: content.kind ?? "confirmation",
    userId: user.id,
    from: { name: "Tend", address: config.tendAddress },
    to: email.from ?? { name: user.name, address: user.email },
    ...(content.replyTo ? { replyTo: content.replyTo } : {}),
    subject: content.subject ?? `Re: ${original || "your message to Tend"}`,
    text: content.text,
    inReplyTo: email.messageId,
    references: email.references,
    ...(content.attachments ? { attachments: content.attachments } : {}),
  };
}

/** A bulleted section, or nothing when it is empty. */
export function section(title: string, lines: readonly string[]): string {
  return lines.length === 0 ? "" : `${title}\n${lines.map((line) => `  • ${line}`).join("\n")}`;
}

export function joinSections(...parts: readonly string[]): string {
  return parts.filter(Boolean).join("\n\n");
}
