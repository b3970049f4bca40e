// Tend's own shapes for what acting on a digest reads and writes. Queries under
// src/db/action-*.ts map rows to these; src/actions never sees a drizzle row.
import type { Contact, DigestItem, IntroductionStatus } from "../model.ts";

export const ITEM_STATES = ["open", "done", "snoozed", "skipped", "never"] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export type SuppressionReason = "done" | "snoozed" | "skipped" | "never";
export type TaskStatus = "open" | "done" | "skipped";

export interface DigestRecord {
  id: string;
  userId: string;
  week: string;
  sentAt: number | null;
  claimedAt: number;
}

/** An item as the digest stored it, with what the user has done with it since. */
export interface ItemWithState extends DigestItem {
  digestId: string;
  userId: string;
  state: ItemState;
  actedAt: number | null;
}

export interface SuppressionValue {
  until: number;
  reason: SuppressionReason;
}

/** An introduction as `done` on its digest item needs it: `done` closes it. */
export interface IntroductionState {
  id: string;
  status: IntroductionStatus;
}

export interface TaskState {
  id: string;
  status: TaskStatus;
  completedAt: number | null;
  snoozedUntil: number | null;
}

/** A contact as acting on a digest needs it: muted or not, and its check-in clock. */
export interface ContactState extends Contact {
  muted: boolean;
  /** Named in notes with no address yet; `link N address` settles it. */
  pending?: boolean;
  cadenceDays: number | null;
  learnedCadenceDays: number | null;
  lastInteractionAt: number | null;
  nextCheckInAt: number | null;
}

/**
 * One write, stated as the whole new value of what it touches, so the value
 * before it is its exact inverse (that is what `undo` replays).
 */
export type Change =
  | { kind: "item"; id: string; state: ItemState; actedAt: number | null }
  | { kind: "suppression"; subjectKey: string; value: SuppressionValue | null }
  | { kind: "task"; id: string; status: TaskStatus; completedAt: number | null; snoozedUntil: number | null }
  | { kind: "contact"; id: string; muted: boolean; cadenceDays: number | null; nextCheckInAt: number | null }
  | { kind: "introduction"; id: string; status: IntroductionStatus }
  | { kind: "note"; id: string; contactId: string; value: { text: string; createdAt: number } | null }
  /** A pending contact given an address, or merged into whoever has it (src/db/pending-contacts.ts). */
  | { kind: "link"; contactId: string; address: string }
  /** Undoes a link that gave an address; a merge is not undone. */
  | { kind: "unlink"; contactId: string; address: string };

export interface ActionLogEntry {
  id: string;
  digestId: string | null;
  /** What the user asked for, as a confirmation would say it ("done 2: Send Ana the deck"). */
  command: string;
  /** Changes that restore the state before the command, in the order to apply them. */
  undo: Change[];
  createdAt: number;
  undoneAt: number | null;
}

/** A set of changes and log writes that land together in one db.batch. */
export interface ActionPlan {
  changes: Change[];
  /** New entries to log (undoneAt set when a later line of the same reply undid them). */
  logged: ActionLogEntry[];
  /** Earlier entries that this plan undid. */
  undone: string[];
}
