// classify: structural signals first (recipient subaddress, who it is
// addressed to, forwarded blocks, invites), wording last.
import { isCommandMail } from "../actions/parse-commands.ts";
import { splitSubaddress } from "../lib/addresses.ts";
import { CORRECTION_TOKEN_PREFIX, REPLY_TOKEN_PREFIX } from "../lib/tokens.ts";
import type { Mailbox } from "../model.ts";
import { automaticReason } from "./automatic.ts";
import { type FollowUpTime, followUpTime } from "./follow-up-address.ts";
import { type ForwardedMessage, findForwarded } from "./forwarded.ts";
import { findInvite, type Invite } from "./invite.ts";
import type { ParsedEmail } from "../model.ts";

export const MESSAGE_KINDS = [
  "introduction",
  "forwarded",
  "invite",
  "notes",
  "thread",
  "digest_reply",
  "correction",
  "command",
  "follow_up",
  "automatic",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface Addressing {
  tendAddress: string;
  /** The user's own addresses (lower-cased). */
  userAddresses: readonly string[];
  /** The envelope recipient Email Routing delivered this copy for. */
  envelopeTo: string;
  envelopeFrom: string;
}

export interface Classification {
  kind: MessageKind;
  /** Why the message is automatic, when it is. */
  automatic: string | null;
  /** The +tag of the Tend address the message was sent to. */
  tag: string | null;
  followUp: FollowUpTime | null;
  /** The signed token of a digest reply or a correction (without its prefix). */
  token: string | null;
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

function tendTag(email: ParsedEmail, addressing: Addressing): string | null {
  const candidates = [addressing.envelopeTo, ...email.to.map((m) => m.address), ...email.cc.map((m) => m.address)];
  for (const address of candidates) {
    if (!isTendAddress(address, addressing.tendAddress)) continue;
    const { tag } = splitSubaddress(address);
    if (tag) return tag;
  }
  return null;
}

export function classify(email: ParsedEmail, addressing: Addressing, now: number, timeZone: string): Classification {
  const isUser = (address: string) => addressing.userAddresses.includes(address);
  const recipients = [...email.to, ...email.cc].filter(
    (m) => !isUser(m.address) && !isTendAddress(m.address, addressing.tendAddress),
  );
  const tendInTo = email.to.some((m) => isTendAddress(m.address, addressing.tendAddress));
  const direct = recipients.length === 0 && (tendInTo || email.to.length === 0 || email.to.every((m) => isUser(m.address)));
  const base: Classification = {
    kind: "thread",
    automatic: null,
    tag: tendTag(email, addressing),
    followUp: null,
    token: null,
    recipients,
    direct,
    forwarded: null,
    invite: null,
    notUnderstood: [],
  };

  const automatic = automaticReason(email, addressing.envelopeFrom);
  if (automatic) return { ...base, kind: "automatic", automatic };

  if (base.tag?.startsWith(REPLY_TOKEN_PREFIX)) {
    return { ...base, kind: "digest_reply", token: base.tag.slice(REPLY_TOKEN_PREFIX.length) };
  }
  if (base.tag?.startsWith(CORRECTION_TOKEN_PREFIX)) {
    return { ...base, kind: "correction", token: base.tag.slice(CORRECTION_TOKEN_PREFIX.length) };
  }
  if (base.tag) {
    const followUp = followUpTime(base.tag, now, timeZone);
    if (followUp) return { ...base, kind: "follow_up", followUp };
    base.notUnderstood.push(
      `The address ${splitSubaddress(addressing.tendAddress).base.replace("@", `+${base.tag}@`)} does not name a time I understand (try +3d, +2w, +friday or +2027-01-15), so I set no reminder.`,
    );
  }

  if (direct && isCommandMail(email.subject, email.text)) return { ...base, kind: "command" };

  const forwarded = findForwarded(email.text, email.subject);
  const invite = findInvite(email.attachments);
  if (!direct) return { ...base, forwarded, invite, kind: "thread" };
  if (forwarded) return { ...base, forwarded, invite, kind: "forwarded" };
  if (invite) return { ...base, invite, kind: "invite" };
  return { ...base, kind: "notes" };
}
