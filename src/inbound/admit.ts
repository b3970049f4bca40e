// receive → authenticate → parse: the front every inbound message goes
// through, whatever it turns out to be. Cheap checks come first: a robot, a
// stranger or a duplicate costs a read of the header block and nothing more;
// the body is parsed only for a user's new message, or for a new reply from a
// person on a thread a user logged (a participant), which is never bounced.
import { markProcessed, alreadyLogged } from "../db/log-message.ts";
import { findThreadOwners, usersWhoLogged } from "../db/threads.ts";
import { createUser, findUserByAddress, type User } from "../db/users.ts";
import type { Deps } from "../domain/deps.ts";
import { DEFAULT_DIGEST_SCHEDULE, nextDigestAt } from "../domain/digest-schedule.ts";
import { newId } from "../lib/ids.ts";
import { sendMail } from "../domain/outbox.ts";
import type { EmailBody, EmailHeaders, Mailbox, ParsedEmail } from "../model.ts";
import { composeNotice } from "./acknowledge.ts";
import { authenticateSender } from "./authenticate.ts";
import { automaticReason } from "./automatic.ts";
import { isTendAddress } from "./classify.ts";
import { readBody, readHeaders, UnparseableEmailError } from "./parse-email.ts";
import type { ReceivedMessage } from "./receive.ts";

export const REJECT_PREFIX = "Tend accepts mail only from its registered users";

export interface Envelope {
  from: string;
  to: string;
}

/** How a message that is not logged ends. Expected outcomes are values; only the unexpected throws. */
export type Refusal =
  | { status: "duplicate" }
  | { status: "ignored"; reason: string }
  | { status: "rejected"; reason: string }
  /** Accepted and thrown away without a word: a bounce would reach a person on a user's thread. */
  | { status: "dropped"; reason: string }
  | { status: "unreadable"; reason: string };

export interface Admitted {
  status: "admitted";
  user: User;
  email: ParsedEmail;
  /** The Message-ID, or a hash of the bytes when there is none: what makes a redelivery a duplicate. */
  messageKey: string;
}

/**
 * A reply from someone who is not a user, on a thread that users logged: it is
 * that person's turn on each of those users' timelines, and nothing more.
 */
export interface ParticipantReply {
  status: "participant";
  /** Users whose logged thread this message continues and who have not logged it yet. */
  users: User[];
  /** The authenticated author. */
  sender: Mailbox;
  email: ParsedEmail;
  messageKey: string;
}

/**
 * Message-IDs of a message's thread looked up: In-Reply-To and the newest
 * References. Clients keep References to the thread's first and latest few
 * messages; a header listing thousands is someone's attempt at a costly query
 * (D1 binds at most 100 parameters in one statement).
 */
export const MAX_THREAD_REFERENCES = 20;

export function threadMessageIds(headers: Pick<EmailHeaders, "inReplyTo" | "references">): string[] {
  const ids = [...(headers.inReplyTo ? [headers.inReplyTo] : []), ...headers.references.slice(-MAX_THREAD_REFERENCES)];
  return [...new Set(ids)].slice(0, MAX_THREAD_REFERENCES);
}

async function fallbackKey(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return `<sha256.${Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, "0")).join("")}@tend.invalid>`;
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

async function readHeaderBlock(bytes: Uint8Array, readers: MessageReaders): Promise<EmailHeaders | null> {
  try {
    return await readers.readHeaders(bytes);
  } catch (error) {
    if (error instanceof UnparseableEmailError) return null;
    throw error;
  }
}

/** How the message is read; the body reader is a parameter so a test can see when the body is read at all. */
export interface MessageReaders {
  readHeaders: (raw: Uint8Array) => Promise<EmailHeaders>;
  readBody: (raw: Uint8Array) => Promise<EmailBody>;
}

const POSTAL_MIME: MessageReaders = { readHeaders, readBody };

async function claimsUser(deps: Deps, from: Mailbox | null): Promise<boolean> {
  if (!from) return false;
  return deps.config.owners.includes(from.address) || (await findUserByAddress(deps.db, from.address)) !== null;
}

/** Someone who is not a user: accepted only on a thread a user logged, read only when new to one of them. */
async function admitParticipant(
  received: ReceivedMessage,
  headers: EmailHeaders,
  sender: Mailbox,
  messageKey: string,
  deps: Deps,
  readers: MessageReaders,
): Promise<ParticipantReply | Refusal> {
  // Tend's own mail come back (a user's auto-forward to Tend) is no one's turn.
  if (isTendAddress(sender.address, deps.config.tendAddress)) return { status: "ignored", reason: "Tend's own mail" };
  const owners = await findThreadOwners(deps.db, threadMessageIds(headers));
  if (owners.length === 0) return { status: "rejected", reason: `${REJECT_PREFIX}; ${sender.address} is not one.` };
  const logged = await usersWhoLogged(deps.db, owners.map((u) => u.id), messageKey);
  const users = owners.filter((u) => !logged.has(u.id));
  if (users.length === 0) return { status: "duplicate" };
  try {
    const body = await readers.readBody(received.bytes);
    return { status: "participant", users, sender, messageKey, email: { ...headers, ...body } };
  } catch (error) {
    // A participant is never written to, so an unreadable reply has no one to tell.
    if (!(error instanceof UnparseableEmailError)) console.warn(JSON.stringify({ event: "unreadable_body", error: String(error) }));
    return { status: "dropped", reason: error instanceof UnparseableEmailError ? error.message : "could not read the message body" };
  }
}

export async function admit(
  received: ReceivedMessage,
  envelope: Envelope,
  deps: Deps,
  now: number,
  readers: MessageReaders = POSTAL_MIME,
): Promise<Admitted | ParticipantReply | Refusal> {
  const { config, db } = deps;
  const headers = await readHeaderBlock(received.bytes, readers);
  if (!headers) return { status: "rejected", reason: "Tend could not read this message's headers." };

  const automatic = automaticReason(headers, envelope.from);
  if (automatic) return { status: "ignored", reason: automatic };

  const authentication = authenticateSender({
    headers: headers.headers,
    allowUnauthenticated: config.allowUnauthenticatedSenders,
  });
  if (!authentication.ok) {
    const reason = `${REJECT_PREFIX}: ${authentication.reason}.`;
    // Mail claiming a user's From keeps its refusal: the user's own mail is
    // never silently lost. Anyone else on a user's thread is dropped unheard.
    if (await claimsUser(deps, headers.from)) return { status: "rejected", reason };
    if ((await findThreadOwners(db, threadMessageIds(headers))).length > 0) return { status: "dropped", reason: authentication.reason };
    return { status: "rejected", reason };
  }
  const user = await resolveUser(deps, authentication.sender, now);
  const messageKey = headers.messageId ?? (await fallbackKey(received.bytes));
  if (!user) return admitParticipant(received, headers, authentication.sender, messageKey, deps, readers);

  if (await alreadyLogged(db, user.id, [messageKey])) return { status: "duplicate" };

  let body: EmailBody;
  try {
    body = await readers.readBody(received.bytes);
  } catch (error) {
    // Reading the body is pure work on untrusted bytes: whatever fails in it
    // (the parser, the HTML converter) fails the same way on every retry, so
    // the user hears what went wrong instead of the sender retrying forever.
    const reason = error instanceof UnparseableEmailError ? error.message : `could not read the message body (${error instanceof Error ? error.name : "error"})`;
    if (!(error instanceof UnparseableEmailError)) console.warn(JSON.stringify({ event: "unreadable_body", error: String(error) }));
    await markProcessed(db, user.id, messageKey, "unreadable", now);
    await sendMail(
      { ...deps, now },
      composeNotice({
        user: { id: user.id, address: user.email, name: user.name },
        tend: { name: "Tend", address: config.tendAddress },
        subject: headers.subject,
        inReplyTo: headers.messageId,
        problems: [reason],
      }),
    );
    return { status: "unreadable", reason };
  }
  return { status: "admitted", user, messageKey, email: { ...headers, ...body } };
}
