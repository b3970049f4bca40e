// Tend's own types. They cross every boundary: library results become these in
// one wrapper each, and database rows become these under src/db/.

export interface Mailbox {
  name: string | null;
  address: string;
}

/** A received message, as the parse step reads it (inbound/parse-email.ts). */
export interface ParsedAttachment {
  filename: string | null;
  mimeType: string;
  /** iTIP method of a text/calendar part (REQUEST, CANCEL…). */
  method: string | null;
  content: Uint8Array;
}

/** What a message's header block says: enough to decide robot, sender and duplicate before the body is read. */
export interface EmailHeaders {
  messageId: string | null;
  subject: string;
  /** Date: header as epoch ms; null when absent or unreadable. */
  date: number | null;
  from: Mailbox | null;
  to: Mailbox[];
  cc: Mailbox[];
  replyTo: Mailbox[];
  inReplyTo: string | null;
  references: string[];
  /** Every header in order, keys lower-cased. */
  headers: { key: string; value: string }[];
}

/** What a message's body says, read only once its sender is known to be a user. */
export interface EmailBody {
  /** The text part, or the HTML part as text when there is no text part. */
  text: string;
  htmlOnly: boolean;
  attachments: ParsedAttachment[];
}

export interface ParsedEmail extends EmailHeaders, EmailBody {}

export const PARTICIPANT_ROLES = [
  "from",
  "to",
  "cc",
  "introducer",
  "introduced",
  "attendee",
  "mentioned",
] as const;
export type Role = (typeof PARTICIPANT_ROLES)[number];

/** Someone as a text or a message names them: a name, an address, or both. */
export interface Person {
  name: string | null;
  address: string | null;
}

/** A person in one message, with the part they play in it. A mentioned person may have no address yet. */
export interface Participant extends Person {
  role: Role;
}

/** A person in the user's address book: a stored row, with its primary address. */
export interface Contact {
  id: string;
  name: string | null;
  address: string | null;
}

export const INTERACTION_KINDS = [
  "thread",
  "notes",
  "forwarded",
  "introduction",
  "invite",
  "reminder",
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const SIGNAL_KINDS = [
  "promise",
  "ask",
  "waiting_on",
  "need",
  "offer",
  "life_event",
  "interest",
  "follow_up",
] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

/** Something a text says about a person, with where it came from. */
export interface Signal {
  kind: SignalKind;
  /**
   * Whom it is about. For the user's own promise or follow-up (aboutUser), whom
   * it is to: the one participant the sentence names as its object ("send Ana
   * the guide", "follow up with Dev", "you" in a mail to one person). Null when
   * no one is named, it is ambiguous, or the person could not be resolved.
   */
  person: Person | null;
  /** True when the subject is the user (their promise, their follow-up). */
  aboutUser: boolean;
  /** A short statement of the signal, in the author's words. */
  text: string;
  /** Local date (YYYY-MM-DD, the user's zone) when one was stated. */
  due: string | null;
  /** The whole sentence it came from. */
  sentence: string;
  /** Told in confidence: kept, never quoted in a digest nor sent to a model. */
  private: boolean;
  /** For interests: the normalised tag ("climate"). */
  tag: string | null;
  /**
   * When `due` is a range ("the week of 7 December", "early next year"), its
   * first and last local days; `due` is then the last day for a promise, ask,
   * waiting-on or follow-up (when it is late) and the first day for a life
   * event or anything else (when it begins). Absent or null: `due` is one day.
   */
  dueRange?: DueRange | null;
  /** Who said the sentence: null when the user did (their notes, their mail). Absent: the user. */
  speaker?: Person | null;
  /** For life events: hard news, good news, or neither. */
  tone?: LifeEventTone | null;
}

export const DUE_PRECISIONS = ["day", "week", "month", "quarter", "season", "year", "vague"] as const;
/** How exactly a date was said: "day" is one day; the rest are ranges. */
export type DuePrecision = (typeof DUE_PRECISIONS)[number];

/** A date as people say it: a first and last local day (YYYY-MM-DD), and the words they used. */
export interface DueRange {
  start: string;
  end: string;
  precision: DuePrecision;
  /** The phrase as written ("the week of 7 December"), for wording. */
  text: string;
}

export const LIFE_EVENT_TONES = ["loss", "hard", "good", "neutral"] as const;
/** A loss (a death, a funeral, a miscarriage) and hard news (illness, a layoff) ask for care, never cheer; good news for warmth. */
export type LifeEventTone = (typeof LIFE_EVENT_TONES)[number];

/** An introduction's life: see src/db/schema.ts (introductions.status). */
export const INTRODUCTION_STATUSES = ["asked", "accepted", "made", "connected", "closed"] as const;
export type IntroductionStatus = (typeof INTRODUCTION_STATUSES)[number];

export const TASK_KINDS = ["promise", "ask", "waiting_on", "follow_up", "reminder"] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const DIGEST_SECTIONS = [
  "promises",
  "check_in",
  "offer_help",
  "introductions",
  "close_loop",
  "coming_up",
  "waiting_on",
] as const;
export type DigestSection = (typeof DIGEST_SECTIONS)[number];

/** An item: one numbered suggestion of a digest, stored before the digest is sent so a reply can name it. */
export interface DigestItem {
  id: string;
  /** The number the digest shows for this item. */
  position: number;
  section: DigestSection;
  subjectKey: string;
  contactId: string | null;
  title: string;
  reason: string;
}

export const OUTBOUND_KINDS = [
  "acknowledgement",
  "digest",
  "reminder",
  "confirmation",
  "notice",
  "welcome",
] as const;
export type OutboundKind = (typeof OUTBOUND_KINDS)[number];

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/**
 * The give-first ledger of one relationship, counted from stored rows
 * (src/db/give-ask-ledger.ts): what the user gave and what they asked. Never
 * shown as a score; src/domain/give-ask.ts says it in words and weighs it.
 */
export interface GiveAskLedger {
  contactId: string;
  gave: {
    /** Promises the user made to them. */
    promised: number;
    /** Of those, kept (done). */
    kept: number;
    /** Introductions the user made for them. */
    introductions: number;
    /** Their asks of the user that the user did. */
    answered: number;
  };
  asked: {
    /** What they promised the user: favours the user is waiting on or received. */
    favours: number;
    /** Introductions they made for the user. */
    introductions: number;
  };
}
