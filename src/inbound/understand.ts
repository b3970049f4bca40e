// parse → classify → extract, as one pure step: what Tend understands from a
// message, without touching a database. The Worker and `inspect` share it.
import type { Mailbox, ParsedEmail, Participant, Signal } from "../model.ts";
import { type Addressing, type Classification, classify, type MessageKind } from "./classify.ts";
import type { ForwardedMessage } from "./forwarded.ts";
import { type Introduction, userAsksToIntroduce, userIntroduces, userIsIntroduced } from "./introduction.ts";
import type { Invite } from "./invite.ts";
import { MAX_NOTE_CHARS, MAX_SIGNAL_TEXT_CHARS } from "./limits.ts";
import { collectPeople, mentionedByAddress, withRole } from "./people.ts";
import type { SignalInput } from "./signals/extract-signals.ts";
import { publicText } from "./signals/sentences.ts";
import { isPrivateMessage } from "../domain/privacy.ts";
import { visibleText } from "../mail/visible-text.ts";

/** The pluggable signal step (src/inbound/signals): text in, signals out. */
export type SignalExtractor = (input: SignalInput) => Signal[];

/** Separates what the user wrote from a forwarded message's text in an interaction's note. */
export const FORWARDED_SEPARATOR = "\n\n---------- Forwarded message";

export interface UnderstandInput {
  email: ParsedEmail;
  addressing: Addressing;
  user: Mailbox & { timeZone: string };
  now: number;
  /** Known contacts the text mentions by name (looked up by the caller, when it has a database). */
  knownPeople?: readonly Participant[];
  /** visibleText(email.text), when the caller has read it already (routing does, for mail straight to Tend). */
  visibleText?: string;
  extractSignals?: SignalExtractor;
}

export interface Understanding {
  kind: MessageKind;
  from: Mailbox;
  people: Participant[];
  forwarded: ForwardedMessage | null;
  introduction: Introduction | null;
  /** What the author wrote, quotes and signature removed. */
  text: string;
  /** The forwarded message's own text, quotes and signature removed; "" when nothing was forwarded. */
  forwardedText: string;
  signals: Signal[];
  subject: string;
  messageId: string | null;
  /** When it happened: the message's Date:, never later than its arrival. */
  occurredAt: number;
  classification: Classification;
  invite: Invite | null;
  notUnderstood: string[];
}

/**
 * The start of `text`, at most `maxChars` long, ended at a line break when one
 * falls in its second half, so the extractor never reads half a sentence.
 */
export function signalText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const head = text.slice(0, maxChars);
  const lineEnd = head.lastIndexOf("\n");
  return lineEnd >= maxChars / 2 ? head.slice(0, lineEnd) : head;
}

function clampNote(text: string): string {
  return text.length > MAX_NOTE_CHARS ? `${text.slice(0, MAX_NOTE_CHARS)}…` : text;
}

export function understand(input: UnderstandInput): Understanding {
  const { email, addressing, user, now } = input;
  const from = email.from ?? { name: user.name, address: user.address };
  const classification = classify(email, addressing, now, user.timeZone);
  const isUser = (address: string) => addressing.userAddresses.includes(address);
  const filter = {
    isExcluded: (address: string) => isUser(address) || address === addressing.tendAddress || address.startsWith(`${addressing.tendAddress.split("@")[0]}+`),
  };
  const occurredAt = email.date !== null && email.date <= now ? email.date : now;
  const base = {
    from,
    subject: email.subject,
    messageId: email.messageId,
    occurredAt,
    classification,
    invite: classification.invite,
    forwarded: classification.forwarded,
    notUnderstood: [...classification.notUnderstood],
  };
  let kind: MessageKind = classification.kind;
  const forwarded = classification.forwarded;
  const written = forwarded ? visibleText(forwarded.note) : (input.visibleText ?? visibleText(email.text));
  // A lone #private line in what the user wrote covers the whole message, the forwarded part included.
  const confidential = isPrivateMessage(written);
  const people: Participant[] = [...withRole(classification.recipients.filter((r) => email.to.includes(r)), "to")];
  people.push(...withRole(classification.recipients.filter((r) => !email.to.includes(r)), "cc"));

  let introduction: Introduction | null = null;
  if (forwarded) {
    const inner = [...forwarded.to, ...forwarded.cc];
    introduction = userIsIntroduced({
      user: { name: user.name, address: user.address },
      introducer: forwarded.from,
      recipients: inner,
      isUser,
      subject: forwarded.subject,
      text: forwarded.body,
      private: confidential,
    });
    if (forwarded.from) people.push({ ...forwarded.from, role: introduction ? "introducer" : "from" });
    people.push(...withRole(forwarded.to, introduction ? "introduced" : "to"));
    people.push(...withRole(forwarded.cc, introduction ? "introduced" : "cc"));
  } else if (kind === "thread" || kind === "reminder") {
    introduction =
      userIntroduces({ user: from, recipients: classification.recipients, subject: email.subject, text: written }) ??
      userAsksToIntroduce({ user: from, recipients: classification.recipients, text: written });
    if (introduction) {
      for (const person of introduction.people) {
        people.push({ ...person, role: introduction.optIn && person.address === null ? "mentioned" : "introduced" });
      }
    }
  }
  if (introduction && kind !== "reminder") kind = "introduction";

  if (classification.invite) {
    people.push(...withRole(classification.invite.attendees, "attendee"));
    if (classification.invite.organizer) people.push({ ...classification.invite.organizer, role: "attendee" });
  }
  const forwardedBody = forwarded ? visibleText(forwarded.body) : "";
  // An address written in confidence is not made a contact, which every list and brief would show.
  people.push(...mentionedByAddress(publicText(written)), ...(input.knownPeople ?? []));
  const collected = collectPeople(people, filter);

  const forwardedFrom = forwarded?.from?.name ?? forwarded?.from?.address ?? "someone";
  const note = clampNote(forwardedBody ? `${written}${FORWARDED_SEPARATOR} from ${forwardedFrom} ----------\n${forwardedBody}` : written);
  // The AI reading reads the stored note later: a cut must not drop the line that made all of it private.
  const text = confidential && !isPrivateMessage(note) ? `${note}\n#private` : note;
  const signals: Signal[] = [];
  if (input.extractSignals) {
    const sentAt = new Date(occurredAt);
    const userName = user.name;
    // One budget for both texts, spent in the order the note keeps them.
    const ownText = signalText(written, MAX_SIGNAL_TEXT_CHARS);
    const forwardedText = signalText(forwardedBody, MAX_SIGNAL_TEXT_CHARS - ownText.length);
    signals.push(
      ...input.extractSignals({ text: ownText, authorIsUser: true, author: from, people: collected, userName, sentAt, timeZone: user.timeZone }),
    );
    if (forwarded && forwardedText) {
      signals.push(
        ...input.extractSignals({
          text: forwardedText,
          authorIsUser: forwarded.from ? isUser(forwarded.from.address) : false,
          author: forwarded.from ?? { name: null, address: null },
          people: collected,
          userName,
          sentAt,
          timeZone: user.timeZone,
          private: confidential,
        }),
      );
    }
  }

  return { ...base, kind, people: collected, introduction, text, forwardedText: forwardedBody, signals };
}
