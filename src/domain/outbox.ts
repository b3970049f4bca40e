// Sends one message: cap, build, send, record. Every outgoing mail goes through here.
import type { Database } from "../db/client.ts";
import { countRecentSends, recordOutbound } from "../db/outbound.ts";
import { newId } from "../lib/ids.ts";
import { HOUR_MS, type OutboundKind } from "../model.ts";
import { buildMime, makeMessageId, type OutgoingMail } from "../mail/build-mime.ts";
import type { Mailer } from "../mail/transport.ts";

/**
 * Replies Tend sends to one address in an hour. Stops a loop with a robot that
 * ignores Auto-Submitted, and a flood if someone scripts commands at Tend.
 */
export const MAX_REPLIES_PER_RECIPIENT_PER_HOUR = 20;
const CAPPED_KINDS: readonly OutboundKind[] = ["acknowledgement", "confirmation", "notice"];

export interface OutboxDeps {
  db: Database;
  mailer: Mailer;
  now: number;
}

export type SendOutcome = { status: "sent"; messageId: string } | { status: "capped" };

export async function sendMail(deps: OutboxDeps, mail: OutgoingMail): Promise<SendOutcome> {
  const to = mail.to.address.toLowerCase();
  if (CAPPED_KINDS.includes(mail.kind)) {
    const recent = await countRecentSends(deps.db, to, CAPPED_KINDS, deps.now - HOUR_MS);
    if (recent >= MAX_REPLIES_PER_RECIPIENT_PER_HOUR) {
      console.warn(`tend: reply cap reached for ${to}; not sending "${mail.subject}"`);
      return { status: "capped" };
    }
  }
  const id = newId();
  const message = buildMime(mail, makeMessageId(id, mail.from.address), new Date(deps.now));
  await deps.mailer.send(message);
  await recordOutbound(deps.db, {
    id,
    userId: mail.userId,
    kind: mail.kind,
    toAddress: to,
    subject: mail.subject,
    messageId: message.messageId,
    inReplyTo: mail.inReplyTo ?? null,
    sentAt: deps.now,
  });
  return { status: "sent", messageId: message.messageId };
}
