// classify → extract → store → acknowledge, for a user's message that is not a
// reply to Tend: what it says is logged on the user's timeline.
import { findContactsByAddressOrPendingName, findContactsByName } from "../db/contacts.ts";
import { alreadyLogged, isNewContactTaken, logMessage, markProcessed } from "../db/log-message.ts";
import type { User } from "../db/users.ts";
import type { Deps } from "../domain/deps.ts";
import { isPrivateMessage } from "../domain/privacy.ts";
import type { ExtractJob } from "../domain/jobs.ts";
import { withSubaddress } from "../lib/addresses.ts";
import { newId } from "../lib/ids.ts";
import { CORRECTION_TOKEN_PREFIX, correctionToken } from "../lib/tokens.ts";
import { sendMail } from "../domain/outbox.ts";
import type { Mailbox, ParsedEmail, Participant } from "../model.ts";
import { composeAcknowledgement, composeNotice } from "./acknowledge.ts";
import type { Addressing, MessageKind } from "./classify.ts";
import { messageKeys } from "./message-keys.ts";
import { MAX_MENTION_MATCHES, mentionedContacts, nameCandidates, nameKeys } from "./people.ts";
import { planLog } from "./plan-log.ts";
import { defaultSignalExtractor } from "./signal-extractor.ts";
import { publicText } from "./signals/sentences.ts";
import { understand } from "./understand.ts";

export type LogOutcome =
  | { status: "stored"; kind: MessageKind; interactionId: string }
  | { status: "duplicate" }
  | { status: "ignored"; reason: string }
  | { status: "unreadable"; reason: string };

/** Kinds the user sent to Tend on purpose, so they hear back what was understood; a CC'd thread is logged quietly. */
const ACKNOWLEDGED: ReadonlySet<MessageKind> = new Set(["notes", "forwarded", "invite", "introduction", "reminder"]);

export interface LogInput {
  user: User;
  email: ParsedEmail;
  messageKey: string;
  /** Tend's address, the user's, and the envelope recipient: the same the message was routed by. */
  addressing: Addressing;
  /** Only the first MAX_RAW_BYTES were read; the user is told. */
  truncated: boolean;
  /** The message's own text, when routing read it already: understand reuses it. */
  visibleText?: string;
}

/** The message is stored already; losing its second reading is not worth a redelivery. */
async function requestAiReading(deps: Deps, job: ExtractJob): Promise<void> {
  try {
    await deps.jobs.send(job);
  } catch (error) {
    console.warn(`tend: could not queue the AI reading of ${job.interactionId}`, error);
  }
}

/** The names of people this mail gives an address for: a pending contact of that name may be them. */
function headerNameKeys(people: readonly Participant[]): string[] {
  const keys = people.flatMap((p) => {
    if (!p.address || !p.name) return [];
    const { nameKey, firstNameKey } = nameKeys(p.name);
    return [nameKey, firstNameKey].filter((key): key is string => key !== null);
  });
  return [...new Set(keys)];
}

export async function logEmail(input: LogInput, deps: Deps, now: number): Promise<LogOutcome> {
  const { config, db } = deps;
  const { user, email, messageKey } = input;
  const tend: Mailbox = { name: "Tend", address: config.tendAddress };
  const userMailbox = { id: user.id, address: user.email, name: user.name };
  const { addressing } = input;
  // Only what may be quoted names people: someone named only in confidence is not listed, nor sent to a model.
  const text = email.text.slice(0, 5000);
  const names = nameCandidates(`${email.subject}\n${publicText(text, { private: isPrivateMessage(text) })}`);
  const mentioned = mentionedContacts(names, await findContactsByName(db, user.id, names, MAX_MENTION_MATCHES));
  const understanding = understand({
    email,
    addressing,
    user: { name: user.name, address: user.email, timeZone: user.timeZone },
    now,
    knownPeople: mentioned.map((c) => ({ name: c.name, address: c.address, role: "mentioned" as const })),
    visibleText: input.visibleText,
    extractSignals: defaultSignalExtractor,
  });
  const { kind, classification } = understanding;

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
  const planned = async () => {
    const known = await findContactsByAddressOrPendingName(db, user.id, addresses, headerNameKeys(understanding.people));
    return planLog({
      userId: user.id,
      understanding,
      reminder: classification.reminder,
      existing: [...known.byAddress, ...mentioned, ...known.pending],
      keys: keys.store,
      timeZone: user.timeZone,
      now,
      newId,
    });
  };
  let plan = await planned();
  let outcome: Awaited<ReturnType<typeof logMessage>>;
  try {
    outcome = await logMessage(db, plan);
  } catch (error) {
    // Two of the user's messages naming the same new person, logged at once: the
    // other one added the contact first and this batch rolled back whole. Planned
    // again, it finds that contact (found by `npm run load`).
    if (!isNewContactTaken(error)) throw error;
    plan = await planned();
    outcome = await logMessage(db, plan);
  }
  if (outcome === "duplicate") return { status: "duplicate" };
  if (deps.ai && understanding.text.trim()) await requestAiReading(deps, { kind: "extract", userId: user.id, interactionId: plan.interaction.id });

  if (ACKNOWLEDGED.has(kind) || understanding.notUnderstood.length > 0 || input.truncated) {
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
        truncated: input.truncated,
        now,
      }),
    );
  }
  return { status: "stored", kind, interactionId: plan.interaction.id };
}
