// receive → authenticate → parse: the front every inbound message goes
// through, whatever it turns out to be. Cheap checks come first: a robot, a
// stranger or a duplicate costs a read of the header block and nothing more;
// the body is parsed only for a user's new message.
import { markProcessed, alreadyLogged } from "../db/log-message.ts";
import { createUser, findUserByAddress, type User } from "../db/users.ts";
import type { Deps } from "../domain/deps.ts";
import { DEFAULT_DIGEST_SCHEDULE, nextDigestAt } from "../domain/digest-schedule.ts";
import { newId } from "../lib/ids.ts";
import { sendMail } from "../domain/outbox.ts";
import type { EmailBody, EmailHeaders, Mailbox, ParsedEmail } from "../model.ts";
import { composeNotice } from "./acknowledge.ts";
import { authenticateSender } from "./authenticate.ts";
import { automaticReason } from "./automatic.ts";
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
  | { status: "unreadable"; reason: string };

export interface Admitted {
  status: "admitted";
  user: User;
  email: ParsedEmail;
  /** The Message-ID, or a hash of the bytes when there is none: what makes a redelivery a duplicate. */
  messageKey: string;
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

export async function admit(
  received: ReceivedMessage,
  envelope: Envelope,
  deps: Deps,
  now: number,
  readers: MessageReaders = POSTAL_MIME,
): Promise<Admitted | Refusal> {
  const { config, db } = deps;
  const headers = await readHeaderBlock(received.bytes, readers);
  if (!headers) return { status: "rejected", reason: "Tend could not read this message's headers." };

  const automatic = automaticReason(headers, envelope.from);
  if (automatic) return { status: "ignored", reason: automatic };

  const authentication = authenticateSender({
    headers: headers.headers,
    allowUnauthenticated: config.allowUnauthenticatedSenders,
  });
  if (!authentication.ok) return { status: "rejected", reason: `${REJECT_PREFIX}: ${authentication.reason}.` };
  const user = await resolveUser(deps, authentication.sender, now);
  if (!user) return { status: "rejected", reason: `${REJECT_PREFIX}; ${authentication.sender.address} is not one.` };

  const messageKey = headers.messageId ?? (await fallbackKey(received.bytes));
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
