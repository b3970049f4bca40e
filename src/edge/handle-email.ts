// The email() edge: receive the runtime's message, admit it (robot, sender,
// duplicate, body), route it, and turn the outcome into what Email Routing
// understands. Expected outcomes are values; anything unexpected is logged and
// rethrown, so the sending server retries instead of losing mail.
import { applyCorrection } from "../actions/apply-correction.ts";
import { handleCommand } from "../actions/handle-command.ts";
import { handleDigestReply } from "../actions/handle-digest-reply.ts";
import { MAX_IMPORT_MESSAGE_BYTES } from "../actions/import/limits.ts";
import { startImport } from "../actions/import/start-import.ts";
import { markProcessed } from "../db/log-message.ts";
import type { Deps } from "../domain/deps.ts";
import { admit, type Refusal } from "../inbound/admit.ts";
import { type LogOutcome, logEmail } from "../inbound/log-email.ts";
import { logParticipantReply, type ParticipantOutcome } from "../inbound/log-participant-reply.ts";
import { readBody } from "../inbound/parse-email.ts";
import { type ReceivedMessage, receive } from "../inbound/receive.ts";
import { usableTimeZone } from "../domain/digest-schedule.ts";
import { normalizeAddress } from "../lib/addresses.ts";
import { routeEmail } from "./route-email.ts";

export type InboundOutcome = Refusal | LogOutcome | ParticipantOutcome | { status: "answered"; kind: "digest_reply" | "correction" | "command" | "import" };

/**
 * An address book is often larger than the part of a message other mail is
 * read to. `spare` is a second reader of the same stream, read on only for a
 * user's import: a stranger's message still costs no more than MAX_RAW_BYTES.
 */
async function readImport(spare: ReadableStream<Uint8Array>, received: ReceivedMessage, rawSize: number) {
  if (!received.truncated) return null;
  const whole = await receive(spare, rawSize, MAX_IMPORT_MESSAGE_BYTES);
  return { body: await readBody(whole.bytes), truncated: whole.truncated };
}

async function processEmail(message: ForwardableEmailMessage, deps: Deps, now: number): Promise<InboundOutcome> {
  const [raw, spare] = message.raw.tee();
  try {
    return await processReceived(message, await receive(raw, message.rawSize), spare, deps, now);
  } finally {
    await spare.cancel().catch(() => undefined);
  }
}

async function processReceived(
  message: ForwardableEmailMessage,
  received: ReceivedMessage,
  spare: ReadableStream<Uint8Array>,
  deps: Deps,
  now: number,
): Promise<InboundOutcome> {
  const envelope = { from: message.from, to: message.to };
  const admitted = await admit(received, envelope, deps, now);
  // A participant's reply is logged and nothing more: it is never routed, so
  // no subaddress, command or correction of theirs is ever acted on.
  if (admitted.status === "participant") return logParticipantReply(admitted, deps, now);
  if (admitted.status !== "admitted") return admitted;
  const { user, email, messageKey } = admitted;

  const addressing = {
    tendAddress: deps.config.tendAddress,
    userAddresses: [user.email, ...(email.from ? [email.from.address] : [])],
    envelopeTo: normalizeAddress(envelope.to),
  };
  const route = routeEmail(email, addressing, now, usableTimeZone(user.timeZone));
  switch (route.kind) {
    case "log":
      return logEmail({ user, email, messageKey, addressing, truncated: received.truncated }, deps, now);
    case "digest_reply":
      await handleDigestReply(deps, user, { email, token: route.token, parsed: route.parsed }, now);
      break;
    case "correction":
      await applyCorrection(deps, user, { email, token: route.token, corrections: route.corrections }, now);
      break;
    case "command":
      await handleCommand(deps, user, email, route.parsed, now);
      break;
    case "import": {
      const whole = await readImport(spare, received, message.rawSize);
      const attachment = whole ? (whole.body.attachments.find((a) => a.filename === route.attachment.filename) ?? route.attachment) : route.attachment;
      await startImport(deps, user, { email, attachment, truncated: whole ? whole.truncated : received.truncated, messageKey }, now);
      break;
    }
  }
  await markProcessed(deps.db, user.id, messageKey, route.kind, now);
  return { status: "answered", kind: route.kind };
}

export async function handleEmail(message: ForwardableEmailMessage, deps: Deps, now: number): Promise<void> {
  try {
    const outcome = await processEmail(message, deps, now);
    if (outcome.status === "rejected") message.setReject(outcome.reason);
    console.info(JSON.stringify({ event: "inbound", from: message.from, ...outcome }));
  } catch (error) {
    console.error(JSON.stringify({ event: "inbound_failed", from: message.from, error: String(error) }));
    throw error;
  }
}
