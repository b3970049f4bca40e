// The inbound pipeline: receive → authenticate → parse → classify → extract →
// store → acknowledge. Expected outcomes are values; anything unexpected is
// logged and rethrown, so the sending server retries instead of losing mail.
import { handleCommand } from "../actions/handle-command.ts";
import { handleDigestReply } from "../actions/handle-digest-reply.ts";
import { findContactsByAddress, findContactsByName } from "../db/contacts.ts";
import { alreadyLogged, logMessage, markProcessed } from "../db/log-message.ts";
import { createUser, findUserByAddress, type User } from "../db/users.ts";
import { DEFAULT_DIGEST_SCHEDULE, nextDigestAt } from "../domain/digest-schedule.ts";
import { normalizeAddress, withSubaddress } from "../lib/addresses.ts";
import { CORRECTION_TOKEN_PREFIX, correctionToken } from "../lib/tokens.ts";
import { newId } from "../lib/ids.ts";
import type { Mailbox, ParsedEmail } from "../model.ts";
import { sendMail } from "../mail/outbox.ts";
import type { Deps } from "../domain/deps.ts";
import { composeAcknowledgement, composeNotice } from "./acknowledge.ts";
import { applyCorrection } from "../actions/apply-correction.ts";
import { authenticateSender } from "./authenticate.ts";
import { automaticReason } from "./automatic.ts";
import { parseEmail, UnparseableEmailError } from "./parse-email.ts";
import { MAX_NAME_MATCHES, mentionedContacts, nameCandidates } from "./people.ts";
import { planLog } from "./plan-log.ts";
import { messageKeys } from "./message-keys.ts";
import type { ExtractJob } from "../domain/jobs.ts";
import { receive } from "./receive.ts";
import { defaultSignalExtractor } from "./signal-extractor.ts";
import { understand } from "./understand.ts";

export type InboundOutcome =
  | { status: "stored"; kind: string; interactionId: string }
  | { status: "duplicate" }
  | { status: "answered"; kind: "digest_reply" | "correction" | "command" }
  | { status: "ignored"; reason: string }
  | { status: "rejected"; reason: string }
  | { status: "unreadable"; reason: string };

const ACKNOWLEDGED = new Set(["notes", "forwarded", "invite", "introduction", "follow_up"]);
const REJECT_PREFIX = "Tend accepts mail only from its registered users";

export interface InboundMessage {
  from: string;
  to: string;
  raw: ReadableStream<Uint8Array>;
  rawSize: number;
}

async function fallbackKey(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `<sha256.${Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("")}@tend.invalid>`;
}

/** The header block alone, for a message whose body the parser refused. */
function headerBlock(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder("latin1").decode(bytes.subarray(0, 256 * 1024));
  const end = text.search(/\r?\n\r?\n/);
  return new TextEncoder().encode(`${end < 0 ? text : text.slice(0, end)}\r\n\r\n`);
}

async function resolveUser(deps: Deps, sender: Mailbox, now: number): Promise<User | null> {
  const existing = await findUserByAddress(deps.db, sender.address);
  if (existing) return existing;
  if (!deps.config.owners.includes(sender.address)) return null;
  return createUser(deps.db, {
    id: newId(),
    email: sender.address,
    name: sender.name,
    nextDigestAt: nextDigestAt(DEFAULT_DIGEST_SCHEDULE, now),
    createdAt: now,
  });
}

/** The message is stored already; losing its second reading is not worth a redelivery. */
async function requestAiReading(deps: Deps, job: ExtractJob): Promise<void> {
  try {
    await deps.jobs.send(job);
  } catch (error) {
    console.warn(`tend: could not queue the AI reading of ${job.interactionId}`, error);
  }
}

export async function processInbound(message: InboundMessage, deps: Deps, now: number): Promise<InboundOutcome> {
  const { config, db } = deps;
  const tend: Mailbox = { name: "Tend", address: config.tendAddress };
  const received = await receive(message.raw, message.rawSize);

  let email: ParsedEmail;
  let unreadable: string | null = null;
  try {
    email = await parseEmail(received.bytes);
  } catch (error) {
    if (!(error instanceof UnparseableEmailError)) throw error;
    unreadable = error.message;
    email = await parseEmail(headerBlock(received.bytes));
  }

  const automatic = automaticReason(email, message.from);
  if (automatic) return { status: "ignored", reason: automatic };

  const authentication = authenticateSender({
    headers: email.headers,
    allowUnauthenticated: config.allowUnauthenticatedSenders,
  });
  if (!authentication.ok) return { status: "rejected", reason: `${REJECT_PREFIX}: ${authentication.reason}.` };
  const user = await resolveUser(deps, authentication.sender, now);
  if (!user) return { status: "rejected", reason: `${REJECT_PREFIX}; ${authentication.sender.address} is not one.` };

  const messageKey = email.messageId ?? (await fallbackKey(received.bytes));
  if (await alreadyLogged(db, user.id, [messageKey])) return { status: "duplicate" };
  const userMailbox = { id: user.id, address: user.email, name: user.name };

  if (unreadable !== null) {
    await markProcessed(db, user.id, messageKey, "unreadable", now);
    await sendMail({ ...deps, now }, composeNotice({ user: userMailbox, tend, subject: email.subject, inReplyTo: email.messageId, problems: [unreadable] }));
    return { status: "unreadable", reason: unreadable };
  }

  const addressing = {
    tendAddress: config.tendAddress,
    userAddresses: [user.email, normalizeAddress(authentication.sender.address)],
    envelopeTo: normalizeAddress(message.to),
    envelopeFrom: message.from,
  };
  const names = nameCandidates(`${email.subject}\n${email.text.slice(0, 5000)}`);
  const mentioned = mentionedContacts(names, await findContactsByName(db, user.id, names, MAX_NAME_MATCHES));
  const understanding = understand({
    email,
    addressing,
    user: { name: user.name, address: user.email, timeZone: user.timeZone },
    now,
    knownPeople: mentioned.map((c) => ({ name: c.name, address: c.address, role: "mentioned" as const })),
    extractSignals: defaultSignalExtractor,
  });

  const { kind, classification } = understanding;
  if (kind === "automatic") return { status: "ignored", reason: classification.automatic ?? "automatic" };
  if (kind === "digest_reply" || kind === "correction" || kind === "command") {
    if (kind === "digest_reply") await handleDigestReply(deps, user, email, classification.token ?? "", now);
    else if (kind === "correction") await applyCorrection(deps, user, email, classification.token ?? "", now);
    else await handleCommand(deps, user, email, now);
    await markProcessed(db, user.id, messageKey, kind, now);
    return { status: "answered", kind };
  }

  const meaningful =
    understanding.people.length > 0 || understanding.text.trim().length > 0 || understanding.signals.length > 0;
  if (!meaningful) {
    await markProcessed(db, user.id, messageKey, "empty", now);
    await sendMail(
      { ...deps, now },
      composeNotice({
        user: userMailbox,
        tend,
        subject: email.subject,
        inReplyTo: email.messageId,
        problems: ["I found no people and no text in it.", ...understanding.notUnderstood],
      }),
    );
    return { status: "unreadable", reason: "nothing to log" };
  }

  const keys = await messageKeys(messageKey, understanding, user.timeZone);
  if (await alreadyLogged(db, user.id, keys.lookup)) return { status: "duplicate" };
  const addresses = understanding.people.flatMap((p) => (p.address ? [p.address] : []));
  const existing = [...(await findContactsByAddress(db, user.id, addresses)), ...mentioned];
  const plan = planLog({
    userId: user.id,
    understanding,
    followUp: classification.followUp,
    existing,
    keys: keys.store,
    timeZone: user.timeZone,
    now,
    newId,
  });
  if ((await logMessage(db, plan)) === "duplicate") return { status: "duplicate" };
  if (deps.ai && understanding.text.trim()) await requestAiReading(deps, { kind: "extract", userId: user.id, interactionId: plan.interaction.id });

  if (ACKNOWLEDGED.has(kind) || understanding.notUnderstood.length > 0 || received.truncated) {
    await sendMail(
      { ...deps, now },
      composeAcknowledgement({
        understanding,
        plan,
        user: { ...userMailbox, timeZone: user.timeZone },
        tend,
        replyTo: withSubaddress(
          config.tendAddress,
          CORRECTION_TOKEN_PREFIX + (await correctionToken(config.signingKey, user.id, plan.interaction.id)),
        ),
        truncated: received.truncated,
        now,
      }),
    );
  }
  return { status: "stored", kind, interactionId: plan.interaction.id };
}

export async function handleEmail(message: ForwardableEmailMessage, deps: Deps, now: number): Promise<void> {
  try {
    const outcome = await processInbound(message, deps, now);
    if (outcome.status === "rejected") message.setReject(outcome.reason);
    console.info(JSON.stringify({ event: "inbound", from: message.from, ...outcome }));
  } catch (error) {
    console.error(JSON.stringify({ event: "inbound_failed", from: message.from, error: String(error) }));
    throw error;
  }
}
