// receive → authenticate → parse: the front every inbound message goes
// through, whatever it turns out to be. Cheap checks come first: a robot, a
// stranger or a duplicate costs a read of the header block and nothing more;
// the body is parsed only for a user's new message, or for a new reply from a
// person on a thread a user logged (a participant), which is never bounced.
import { markProcessed, alreadyLogged } from "../db/log-message.ts";
import { findThreadOwners, usersWhoLogged } from "../db/threads.ts";
import { pendingForAddress } from "../db/accounts.ts";
import { createUser, findAccountByAddress, findUserByAddress, type User } from "../db/users.ts";
import { codeCandidates, hashConfirmationCode } from "../domain/address-confirmation.ts";
import type { Deps } from "../domain/deps.ts";
import { DEFAULT_DIGEST_SCHEDULE, nextDigestAt } from "../domain/digest-schedule.ts";
import { isOwner } from "../domain/owners.ts";
import { guessTimeZone, type TimeZoneGuess } from "../domain/time-zone-guess.ts";
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
  /** Every address of the user's account: none of them is ever a contact of theirs. */
  addresses: string[];
  /** Set only on the message that created the user: they get a welcome, with the zone Tend guessed. */
  welcome: TimeZoneGuess | null;
}

/**
 * A message from an address a user asked to add, carrying the code Tend mailed
 * them: it proves the address is theirs, and nothing in it is logged or run.
 */
export interface AddressConfirmation {
  status: "address_confirmation";
  /** The account the address joins. */
  userId: string;
  sender: Mailbox;
  email: ParsedEmail;
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

type Resolved = { kind: "user"; user: User; addresses: string[] } | { kind: "revoked" } | { kind: "new_owner" } | { kind: "none" };

/**
 * The sender's account. OWNERS is read on every message: an account is served
 * while the address it was created with is listed (or its domain is), and the
 * addresses added to it ride on that one.
 */
async function resolveUser(deps: Deps, sender: Mailbox): Promise<Resolved> {
  const existing = await findAccountByAddress(deps.db, sender.address);
  if (existing) return isOwner(deps.config.owners, existing.user.email) ? { kind: "user", ...existing } : { kind: "revoked" };
  return isOwner(deps.config.owners, sender.address) ? { kind: "new_owner" } : { kind: "none" };
}

/** An owner's first message creates their account, in the zone its Date header suggests; only the creating call welcomes. */
async function createOwner(deps: Deps, sender: Mailbox, headers: EmailHeaders, now: number): Promise<{ user: User; welcome: TimeZoneGuess | null }> {
  const dateHeader = headers.headers.find((h) => h.key === "date")?.value ?? null;
  const guess = guessTimeZone(dateHeader, headers.date ?? now);
  const { user, created } = await createUser(deps.db, {
    id: newId(),
    email: sender.address,
    name: sender.name,
    timeZone: guess.timeZone,
    nextDigestAt: nextDigestAt({ ...DEFAULT_DIGEST_SCHEDULE, timeZone: guess.timeZone }, now),
    createdAt: now,
  });
  return { user, welcome: created ? guess : null };
}

/** A message from an address waiting to join an account, carrying its code; null for anything else. */
async function admitAddressConfirmation(
  received: ReceivedMessage,
  headers: EmailHeaders,
  sender: Mailbox,
  messageKey: string,
  deps: Deps,
  readers: MessageReaders,
  now: number,
): Promise<AddressConfirmation | null> {
  const pending = await pendingForAddress(deps.db, sender.address, now);
  if (pending.length === 0) return null;
  let body: EmailBody;
  try {
    body = await readers.readBody(received.bytes);
  } catch (error) {
    if (error instanceof UnparseableEmailError) return null;
    throw error;
  }
  for (const code of codeCandidates(`${headers.subject}\n${body.text}`)) {
    const hash = await hashConfirmationCode(code);
    const match = pending.find((p) => p.codeHash === hash);
    if (match) return { status: "address_confirmation", userId: match.userId, sender, messageKey, email: { ...headers, ...body } };
  }
  return null;
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
  return isOwner(deps.config.owners, from.address) || (await findUserByAddress(deps.db, from.address)) !== null;
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
): Promise<Admitted | ParticipantReply | AddressConfirmation | Refusal> {
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
  const { sender } = authentication;
  const resolved = await resolveUser(deps, sender);
  if (resolved.kind === "revoked") return { status: "rejected", reason: `${REJECT_PREFIX}; ${sender.address} is no longer one.` };
  const messageKey = headers.messageId ?? (await fallbackKey(received.bytes));
  if (resolved.kind === "none") {
    // A turn on a user's thread first, at its usual cost; only a message that is
    // no one's turn may be an address confirming itself.
    const participant = await admitParticipant(received, headers, sender, messageKey, deps, readers);
    if (participant.status !== "rejected") return participant;
    return (await admitAddressConfirmation(received, headers, sender, messageKey, deps, readers, now)) ?? participant;
  }
  let user: User;
  let addresses = [sender.address];
  let welcome: TimeZoneGuess | null = null;
  if (resolved.kind === "new_owner") {
    // An address OWNERS admits (a colleague under *@company.com, say) may be
    // joining someone's account rather than starting its own.
    const confirmation = await admitAddressConfirmation(received, headers, sender, messageKey, deps, readers, now);
    if (confirmation) return confirmation;
    ({ user, welcome } = await createOwner(deps, sender, headers, now));
  } else ({ user, addresses } = resolved);

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
  return { status: "admitted", user, addresses, messageKey, welcome, email: { ...headers, ...body } };
}
