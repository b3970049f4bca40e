// The one wrapper around mimetext: Tend's OutgoingMail becomes raw MIME.
import { Mailbox as MimeMailbox, createMimeMessage } from "mimetext/browser";
import type { Mailbox, OutboundKind } from "../model.ts";

export interface Attachment {
  filename: string;
  contentType: string;
  /** Base64 of the bytes. */
  base64: string;
}

/** Everything Tend sends, before it becomes MIME. */
export interface OutgoingMail {
  kind: OutboundKind;
  userId: string | null;
  from: Mailbox;
  to: Mailbox;
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  inReplyTo?: string | null;
  references?: readonly string[];
  /** Extra headers, e.g. List-Unsubscribe. Auto-Submitted is always set. */
  headers?: Readonly<Record<string, string>>;
  attachments?: readonly Attachment[];
}

export interface BuiltMessage {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  raw: string;
}

/** `<id@domain>` with the domain of the sender, as RFC 5322 recommends. */
export function makeMessageId(id: string, fromAddress: string): string {
  return `<${id}@${fromAddress.split("@").pop() ?? "localhost"}>`;
}

export function buildMime(mail: OutgoingMail, messageId: string, date: Date): BuiltMessage {
  const msg = createMimeMessage();
  msg.setSender(mail.from.name ? { name: mail.from.name, addr: mail.from.address } : mail.from.address);
  msg.setRecipient(mail.to.name ? { name: mail.to.name, addr: mail.to.address } : mail.to.address);
  msg.setSubject(mail.subject);
  msg.setHeader("Message-ID", messageId);
  msg.setHeader("Date", date.toUTCString().replace("GMT", "+0000"));
  // Everything Tend sends is machine-made; well-behaved robots will not answer it.
  msg.setHeader("Auto-Submitted", "auto-generated");
  if (mail.replyTo) msg.setHeader("Reply-To", new MimeMailbox(mail.replyTo));
  if (mail.inReplyTo) {
    msg.setHeader("In-Reply-To", mail.inReplyTo);
    msg.setHeader("References", [...(mail.references ?? []), mail.inReplyTo].join(" "));
  }
  for (const [name, value] of Object.entries(mail.headers ?? {})) msg.setHeader(name, value);
  msg.addMessage({ contentType: "text/plain", data: mail.text, encoding: "quoted-printable" });
  if (mail.html) msg.addMessage({ contentType: "text/html", data: mail.html, encoding: "quoted-printable" });
  for (const attachment of mail.attachments ?? []) {
    msg.addAttachment({
      filename: attachment.filename,
      contentType: attachment.contentType,
      data: attachment.base64,
    });
  }
  return {
    messageId,
    from: mail.from.address,
    to: mail.to.address,
    subject: mail.subject,
    raw: msg.asRaw(),
  };
}
