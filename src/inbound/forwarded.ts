// The one wrapper around email-forward-parser: a forwarded block (Gmail,
// Outlook, Apple Mail, Thunderbird… in many languages) becomes ForwardedMessage.
import EmailForwardParser, { type EmailForwardMailbox } from "email-forward-parser";
import { isAddress, normalizeAddress } from "../lib/addresses.ts";
import type { Mailbox } from "../model.ts";

export interface ForwardedMessage {
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  subject: string;
  /** The date as the forwarding client wrote it (often without a zone). */
  date: string | null;
  /** What the forwarder wrote above the forwarded block. */
  note: string;
  /** The forwarded message's own text. */
  body: string;
}

function mailbox(entry: EmailForwardMailbox): Mailbox | null {
  // Some clients write only a name ("From: Greg"), or the address as the name.
  const address = entry.address ?? (entry.name && isAddress(entry.name) ? entry.name : null);
  if (!address || !isAddress(address)) return null;
  const name = entry.name && entry.name !== address ? entry.name.replace(/^["']|["']$/g, "").trim() : null;
  return { name: name || null, address: normalizeAddress(address) };
}

function mailboxes(value: EmailForwardMailbox | EmailForwardMailbox[] | null | undefined): Mailbox[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.map(mailbox).filter((m): m is Mailbox => m !== null);
}

// Building a parser compiles a few hundred regexes, more than most reads cost;
// one is built on first use and kept (it holds no state between reads: it runs
// its regexes through String match/replace/split, which reset them).
let parser: EmailForwardParser | null = null;

export function findForwarded(text: string, subject: string): ForwardedMessage | null {
  parser ??= new EmailForwardParser();
  const result = parser.read(text, subject);
  if (!result.forwarded) return null;
  return {
    from: mailbox(result.email.from),
    to: mailboxes(result.email.to),
    cc: mailboxes(result.email.cc),
    subject: result.email.subject?.trim() ?? "",
    date: result.email.date?.trim() || null,
    note: result.message?.trim() ?? "",
    body: result.email.body?.trim() ?? "",
  };
}
