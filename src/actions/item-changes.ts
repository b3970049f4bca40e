// apply (pure): what "done", "skip", "snooze" and "never" change for one digest
// item, stated as whole new values, and the state they are computed against.
import type {
  Change,
  ContactState,
  IntroductionState,
  ItemWithState,
  ItemState,
  SuppressionReason,
  SuppressionValue,
  TaskState,
} from "../db/action-records.ts";
import { checkInCadenceDays } from "../domain/cadence.ts";
import { DAY_MS } from "../model.ts";

/** A suppression that does not lapse: the latest instant a JS Date can hold. */
export const NEVER_EXPIRES = 8_640_000_000_000_000;

/** What a command acts on, loaded once per reply or link and updated as lines apply. */
export interface ActionState {
  items: ItemWithState[];
  suppressions: Map<string, SuppressionValue>;
  tasks: Map<string, TaskState>;
  contacts: Map<string, ContactState>;
  /** Introductions the items are about: `done` on one closes it. */
  introductions?: Map<string, IntroductionState>;
}

export type ItemVerb = "done" | "skip" | "snooze" | "never";

const TARGET_STATE: Record<ItemVerb, SuppressionReason & ItemState> = { done: "done", skip: "skipped", snooze: "snoozed", never: "never" };

export function taskIdOf(subjectKey: string): string | null {
  return subjectKey.startsWith("task:") ? subjectKey.slice("task:".length) || null : null;
}

export function introductionIdOf(subjectKey: string): string | null {
  return subjectKey.startsWith("introduction:") ? subjectKey.slice("introduction:".length) || null : null;
}

/** The subject keys, task, introduction and contact ids a set of items may touch. */
export function touchedBy(items: readonly ItemWithState[]) {
  const introductionIds = items.map((item) => introductionIdOf(item.subjectKey)).filter((id): id is string => id !== null);
  const taskIds = items.map((item) => taskIdOf(item.subjectKey)).filter((id): id is string => id !== null);
  const contactIds = items.map((item) => item.contactId).filter((id): id is string => id !== null);
  return {
    subjectKeys: [...new Set(items.map((item) => item.subjectKey))],
    taskIds: [...new Set(taskIds)],
    contactIds: [...new Set(contactIds)],
    introductionIds: [...new Set(introductionIds)],
  };
}

function suppressionUntil(verb: ItemVerb, item: ItemWithState, state: ActionState, now: number, until: number | null): number {
  if (verb === "snooze" && until !== null) return until;
  const contact = item.contactId ? state.contacts.get(item.contactId) : undefined;
  // A check-in that was done or skipped comes back after the person's rhythm, not never.
  if (item.subjectKey.startsWith("contact:") && verb !== "never" && contact) {
    return now + checkInCadenceDays(contact) * DAY_MS;
  }
  return NEVER_EXPIRES;
}

export type ItemChanges = { ok: true; changes: Change[] } | { ok: false; why: string };

/**
 * The changes that put `item` in the state `verb` asks for; empty when it is
 * already there, so applying twice is the same as once.
 */
export function itemChanges(
  item: ItemWithState,
  verb: ItemVerb,
  state: ActionState,
  now: number,
  until: number | null,
): ItemChanges {
  const contact = item.contactId ? state.contacts.get(item.contactId) : undefined;
  if (verb === "never" && !contact) return { ok: false, why: `item ${item.position} is not about one person` };
  const target = TARGET_STATE[verb];
  const currentSuppression = state.suppressions.get(item.subjectKey);
  if (item.state === target && (verb !== "snooze" || currentSuppression?.until === until)) return { ok: true, changes: [] };

  const reason = target;
  const changes: Change[] = [
    { kind: "item", id: item.id, state: target, actedAt: now },
    { kind: "suppression", subjectKey: item.subjectKey, value: { until: suppressionUntil(verb, item, state, now, until), reason } },
  ];
  const taskId = taskIdOf(item.subjectKey);
  const task = taskId ? state.tasks.get(taskId) : undefined;
  if (task) {
    if (verb === "done") changes.push({ kind: "task", id: task.id, status: "done", completedAt: now, snoozedUntil: null });
    else if (verb === "skip") changes.push({ kind: "task", id: task.id, status: "skipped", completedAt: now, snoozedUntil: null });
    else if (verb === "snooze") changes.push({ kind: "task", id: task.id, status: "open", completedAt: null, snoozedUntil: until });
  }
  const introductionId = introductionIdOf(item.subjectKey);
  const introduction = introductionId ? state.introductions?.get(introductionId) : undefined;
  // The user closing the loop closes the introduction: no more follow-ups about it.
  if (verb === "done" && introduction && introduction.status !== "closed") {
    changes.push({ kind: "introduction", id: introduction.id, status: "closed" });
  }
  if (verb === "never" && contact && !contact.muted) {
    changes.push({ kind: "contact", id: contact.id, muted: true, cadenceDays: contact.cadenceDays, nextCheckInAt: contact.nextCheckInAt });
  }
  return { ok: true, changes };
}

/** The change that would restore what `change` overwrites, read from the state before it applies. */
export function inverseOf(change: Change, state: ActionState): Change | null {
  switch (change.kind) {
    case "item": {
      const item = state.items.find((candidate) => candidate.id === change.id);
      return item ? { kind: "item", id: item.id, state: item.state, actedAt: item.actedAt } : null;
    }
    case "suppression":
      return { kind: "suppression", subjectKey: change.subjectKey, value: state.suppressions.get(change.subjectKey) ?? null };
    case "task": {
      const task = state.tasks.get(change.id);
      return task ? { kind: "task", ...task } : null;
    }
    case "contact": {
      const contact = state.contacts.get(change.id);
      return contact
        ? { kind: "contact", id: contact.id, muted: contact.muted, cadenceDays: contact.cadenceDays, nextCheckInAt: contact.nextCheckInAt }
        : null;
    }
    case "link":
      return { kind: "unlink", contactId: change.contactId, address: change.address };
    case "unlink":
      return null;
    case "introduction": {
      const introduction = state.introductions?.get(change.id);
      return introduction ? { kind: "introduction", id: introduction.id, status: introduction.status } : null;
    }
    default:
      return change.value ? { kind: "note", id: change.id, contactId: change.contactId, value: null } : null;
  }
}

/** Updates the working state as a change lands, so later lines of the same reply see it. */
export function applyToState(state: ActionState, change: Change): void {
  switch (change.kind) {
    case "item": {
      const item = state.items.find((candidate) => candidate.id === change.id);
      if (item) Object.assign(item, { state: change.state, actedAt: change.actedAt });
      return;
    }
    case "suppression":
      if (change.value) state.suppressions.set(change.subjectKey, change.value);
      else state.suppressions.delete(change.subjectKey);
      return;
    case "task":
      if (state.tasks.has(change.id)) {
        state.tasks.set(change.id, { id: change.id, status: change.status, completedAt: change.completedAt, snoozedUntil: change.snoozedUntil });
      }
      return;
    case "contact": {
      const contact = state.contacts.get(change.id);
      if (contact) Object.assign(contact, { muted: change.muted, cadenceDays: change.cadenceDays, nextCheckInAt: change.nextCheckInAt });
      return;
    }
    case "link":
    case "unlink": {
      const contact = state.contacts.get(change.contactId);
      if (contact) Object.assign(contact, change.kind === "link" ? { address: change.address, pending: false } : { address: null, pending: true });
      return;
    }
    case "introduction": {
      const introduction = state.introductions?.get(change.id);
      if (introduction) introduction.status = change.status;
      return;
    }
    default:
      return;
  }
}

export function cloneState(state: ActionState): ActionState {
  return {
    items: state.items.map((item) => ({ ...item })),
    suppressions: new Map(state.suppressions),
    tasks: new Map([...state.tasks].map(([id, task]) => [id, { ...task }])),
    contacts: new Map([...state.contacts].map(([id, contact]) => [id, { ...contact }])),
    ...(state.introductions ? { introductions: new Map([...state.introductions].map(([id, intro]) => [id, { ...intro }])) } : {}),
  };
}
