// classify: structural signals first (recipient subaddress, who it is
// addressed to, forwarded blocks, invites), wording last.
import { splitSubaddress } from "../lib/addresses.ts";
import type { EmailHeaders, Mailbox, ParsedEmail } from "../model.ts";
import { type ReminderTime, reminderTime } from "./reminder-address.ts";
import { type ForwardedMessage, findForwarded } from "./forwarded.ts";
import { findInvite, type Invite } from "./invite.ts";

/** What a message the user wants logged turns out to be. Replies to Tend are routed at the edge and never classified. */
export const MESSAGE_KINDS = ["introduction", "forwarded", "invite", "notes", "thread", "reminder"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface Addressing {
  tendAddress: string;
  /** The user's own addresses (lower-cased). */
  userAddresses: readonly string[];
  /** The envelope recipient Email Routing delivered this copy for. */
  envelopeTo: string;
}

export interface Classification {
  kind: MessageKind;
  /** The +tag of the Tend address the message was sent to. */
  subaddress: string | null;
  reminder: ReminderTime | null;
  /** To/Cc recipients other than the user and Tend. */
  recipients: Mailbox[];
  /** Tend was the only recipient: notes, a forward or a command meant for Tend alone. */
  direct: boolean;
  forwarded: ForwardedMessage | null;
  invite: Invite | null;
  /** Problems worth telling the user about (an address tag that is not a time…). */
  notUnderstood: string[];
}

export function isTendAddress(address: string, tendAddress: string): boolean {
  return splitSubaddress(address).base === splitSubaddress(tendAddress).base;
}

/** The +tag of the Tend address this copy was sent to (envelope first, then To and Cc). */
export function tendSubaddress(email: Pick<EmailHeaders, "to" | "cc">, addressing: Pick<Addressing, "tendAddress" | "envelopeTo">): string | null {
  const candidates = [addressing.envelopeTo, ...email.to.map((m) => m.address), ...email.cc.map((m) => m.address)];
  for (const address of candidates) {
    if (!isTendAddress(address, addressing.tendAddress)) continue;
    const { subaddress } = splitSubaddress(address);
    if (subaddress) return subaddress;
  }
  return null;
}

/** To/Cc recipients other than the user and Tend, each address once (a client may repeat a header or an address). */
export function otherRecipients(email: Pick<EmailHeaders, "to" | "cc">, addressing: Addressing): Mailbox[] {
  const isUser = (address: string) => addressing.userAddresses.includes(address);
  const seen = new Set<string>();
  return [...email.to, ...email.cc].filter((m) => {
    if (isUser(m.address) || isTendAddress(m.address, addressing.tendAddress) || seen.has(m.address)) return false;
    seen.add(m.address);
    return true;
  });
}

/** Tend was the only recipient: notes, a forward or a command meant for Tend alone. */
export function isDirect(email: Pick<EmailHeaders, "to" | "cc">, addressing: Addressing): boolean {
  const isUser = (address: string) => addressing.userAddresses.includes(address);
  const tendInTo = email.to.some((m) => isTendAddress(m.address, addressing.tendAddress));
  return otherRecipients(email, addressing).length === 0 && (tendInTo || email.to.length === 0 || email.to.every((m) => isUser(m.address)));
}

export function classify(email: ParsedEmail, addressing: Addressing, now: number, timeZone: string): Classification {
  const recipients = otherRecipients(email, addressing);
  const direct = isDirect(email, addressing);
  const base: Classification = {
    kind: "thread",
    subaddress: tendSubaddress(email, addressing),
    reminder: null,
    recipients,
    direct,
    forwarded: null,
    invite: null,
    notUnderstood: [],
  };

  // A forward or an invite keeps its authors whatever address it was sent to.
  const forwarded = findForwarded(email.text, email.subject);
  const invite = findInvite(email.attachments);
  if (base.subaddress) {
    const reminder = reminderTime(base.subaddress, now, timeZone);
    if (reminder) return { ...base, forwarded, invite, kind: "reminder", reminder };
    base.notUnderstood.push(
      `The address ${splitSubaddress(addressing.tendAddress).base.replace("@", `+${base.subaddress}@`)} does not name a time I understand (try +3d, +2w, +friday or +2027-01-15), so I set no reminder.`,
    );
  }

  if (!direct) return { ...base, forwarded, invite, kind: "thread" };
  if (forwarded) return { ...base, forwarded, invite, kind: "forwarded" };
  if (invite) return { ...base, invite, kind: "invite" };
  return { ...base, kind: "notes" };
}
