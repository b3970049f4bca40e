// The email() edge: receive the runtime's message, admit it (robot, sender,
// duplicate, body), route it, and turn the outcome into what Email Routing
// understands. Expected outcomes are values; anything unexpected is logged and
// rethrown, so the sending server retries instead of losing mail.
import { confirmAddress, type ConfirmOutcome } from "../actions/account-address.ts";
import { confirmDeleteAccount } from "../actions/account-delete.ts";
import { type FirstMessage, sendWelcome } from "../actions/account-welcome.ts";
import { applyCorrection } from "../actions/apply-correction.ts";
import { handleCommand } from "../actions/handle-command.ts";
import { handleDigestReply } from "../actions/handle-digest-reply.ts";
import { MAX_IMPORT_MESSAGE_BYTES } from "../actions/import/limits.ts";
import { startImport } from "../actions/import/start-import.ts";
import { handleReminderReply } from "../actions/reminder-reply.ts";
import { markProcessed } from "../db/log-message.ts";
import type { Deps } from "../domain/deps.ts";
import { type Admitted, admit, type Refusal } from "../inbound/admit.ts";
import { type LogOutcome, logEmail } from "../inbound/log-email.ts";
import { logParticipantReply, type ParticipantOutcome } from "../inbound/log-participant-reply.ts";
import { readBody } from "../inbound/parse-email.ts";
import { type ReceivedMessage, receive } from "../inbound/receive.ts";
import { usableTimeZone } from "../domain/digest-schedule.ts";
import { normalizeAddress } from "../lib/addresses.ts";
import { routeEmail } from "./route-email.ts";

export type InboundOutcome =
  | Refusal
  | LogOutcome
  | ParticipantOutcome
  | ConfirmOutcome
  | { status: "answered"; kind: "digest_reply" | "correction" | "command" | "reminder_reply" | "account_deleted" | "import" };

/** What the welcome says became of a new user's first message. */
function firstMessage(outcome: InboundOutcome): FirstMessage {
  if (outcome.status === "stored") return outcome;
  if (outcome.status === "answered") return outcome;
  return { status: "other", reason: "reason" in outcome ? outcome.reason : outcome.status };
}

/** The message as read: its first MAX_RAW_BYTES, and a second reader of the same stream for an import. */
interface Source {
  received: ReceivedMessage;
  spare: ReadableStream<Uint8Array>;
  rawSize: number;
}

/**
 * An address book is often larger than the part of a message other mail is
 * read to. `spare` is read on only for a user's import: a stranger's message
 * still costs no more than MAX_RAW_BYTES.
 */
async function readImport(source: Source) {
  if (!source.received.truncated) return null;
  const whole = await receive(source.spare, source.rawSize, MAX_IMPORT_MESSAGE_BYTES);
  return { body: await readBody(whole.bytes), truncated: whole.truncated };
}

async function processEmail(message: ForwardableEmailMessage, deps: Deps, now: number): Promise<InboundOutcome> {
  const [raw, spare] = message.raw.tee();
  try {
    return await processReceived(message, { received: await receive(raw, message.rawSize), spare, rawSize: message.rawSize }, deps, now);
  } finally {
    await spare.cancel().catch(() => undefined);
  }
}

async function processReceived(message: ForwardableEmailMessage, source: Source, deps: Deps, now: number): Promise<InboundOutcome> {
  const { received } = source;
  const envelope = { from: message.from, to: message.to };
  const admitted = await admit(received, envelope, deps, now);
  // A participant's reply is logged and nothing more: it is never routed, so
  // no subaddress, command or correction of theirs is ever acted on.
  if (admitted.status === "participant") return logParticipantReply(admitted, deps, now);
  // A message from an address joining an account does that and nothing else.
  if (admitted.status === "address_confirmation") return confirmAddress(deps, admitted, now);
  if (admitted.status !== "admitted") return admitted;
  const outcome = await routeAdmitted(admitted, source, envelope, deps, now);
  const erased = outcome.status === "answered" && outcome.kind === "account_deleted";
  if (admitted.welcome && !erased) {
    try {
      await sendWelcome(deps, admitted.user, admitted.email, admitted.welcome, firstMessage(outcome), now);
    } catch (error) {
      // The message is stored and answered; a lost welcome is not worth a redelivery, which would find a duplicate.
      console.warn(JSON.stringify({ event: "welcome_failed", error: String(error) }));
    }
  }
  return outcome;
}

async function routeAdmitted(admitted: Admitted, source: Source, envelope: { to: string }, deps: Deps, now: number): Promise<InboundOutcome> {
  const { user, email, messageKey } = admitted;
  const { truncated } = source.received;
  const addressing = {
    tendAddress: deps.config.tendAddress,
    userAddresses: [...new Set([user.email, ...admitted.addresses, ...(email.from ? [email.from.address] : [])])],
    envelopeTo: normalizeAddress(envelope.to),
  };
  const route = routeEmail(email, addressing, now, usableTimeZone(user.timeZone));
  switch (route.kind) {
    case "log":
      return logEmail({ user, email, messageKey, addressing, truncated, visibleText: route.visibleText }, deps, now);
    case "digest_reply":
      await handleDigestReply(deps, user, { email, token: route.token, parsed: route.parsed }, now);
      break;
    case "correction":
      await applyCorrection(deps, user, { email, token: route.token, corrections: route.corrections }, now);
      break;
    case "command": {
      // Deleting the account erases the user's rows, this message's record included: it ends here.
      const erase = route.parsed.commands.find((command) => command.verb === "confirm_delete_account");
      if (erase) return confirmDeleteAccount(deps, user, email, erase.ref, messageKey, now);
      await handleCommand(deps, user, email, route.parsed, now);
      break;
    }
    case "reminder_reply":
      await handleReminderReply(deps, user, { email, token: route.token, text: route.text }, now);
      break;
    case "import": {
      const whole = await readImport(source);
      const attachment = whole ? (whole.body.attachments.find((a) => a.filename === route.attachment.filename) ?? route.attachment) : route.attachment;
      await startImport(deps, user, { email, attachment, truncated: whole ? whole.truncated : truncated, messageKey }, now);
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
