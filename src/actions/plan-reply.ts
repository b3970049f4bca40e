// apply (pure): a reply's commands, line by line, against the state they act on.
// Returns the writes for one db.batch and what to tell the user.
import type { ActionLogEntry, ActionPlan, Change, ItemWithState } from "../db/action-records.ts";
import { nextCheckInAt } from "../domain/cadence.ts";
import { isPrivateNote } from "../domain/privacy.ts";
import { formatDay } from "../lib/time/format.ts";
import { daysBetween } from "../lib/time/local-date.ts";
import { localDateOf, startOfLocalDay } from "../lib/time/zoned.ts";
import type { Command, ItemRef } from "./command-types.ts";
import {
  type ActionState,
  applyToState,
  cloneState,
  inverseOf,
  type ItemVerb,
  itemChanges,
} from "./item-changes.ts";

/** How far ahead a snooze may reach; further than this is more likely a typo than a plan. */
export const MAX_SNOOZE_DAYS = 2 * 366;

export interface ReplyPlanInput {
  state: ActionState;
  digestId: string | null;
  commands: readonly Command[];
  /** The user's latest actions not yet undone, newest first (enough for every "undo" in the reply). */
  undoStack: readonly ActionLogEntry[];
  now: number;
  timeZone: string;
  newId: () => string;
}

export interface PlanOutcome {
  applied: string[];
  /** Understood, but not applied, each with why. */
  notApplied: string[];
}

const PAST: Record<ItemVerb, string> = { done: "done", skip: "skipped", snooze: "snoozed", never: "never again" };

function label(item: ItemWithState): string {
  return `${item.position}. ${item.title}`;
}

function who(state: ActionState, contactId: string): string {
  const contact = state.contacts.get(contactId);
  return contact?.name ?? contact?.address ?? "this person";
}

export function planReply(input: ReplyPlanInput): { plan: ActionPlan; outcome: PlanOutcome } {
  const state = cloneState(input.state);
  const { now, timeZone } = input;
  const plan: ActionPlan = { changes: [], logged: [], undone: [] };
  const outcome: PlanOutcome = { applied: [], notApplied: [] };
  const dbStack = [...input.undoStack];

  const commit = (command: string, changes: Change[]) => {
    const undo: Change[] = [];
    for (const change of changes) {
      const inverse = inverseOf(change, state);
      if (inverse) undo.unshift(inverse);
      applyToState(state, change);
      plan.changes.push(change);
    }
    // Lines of one reply share `now`; a millisecond apart keeps "undo" in their order.
    const createdAt = now + plan.logged.length;
    plan.logged.push({ id: input.newId(), digestId: input.digestId, command, undo, createdAt, undoneAt: null });
  };

  const findItem = (position: number) => state.items.find((item) => item.position === position);
  const resolve = (ref: ItemRef, verbText: string): ItemWithState[] => {
    if (ref === "all") {
      const open = state.items.filter((item) => item.state === "open");
      if (open.length === 0) outcome.notApplied.push(`${verbText} all: no open items are left in this digest.`);
      return open;
    }
    const found: ItemWithState[] = [];
    for (const position of ref) {
      const item = findItem(position);
      if (item) found.push(item);
      else outcome.notApplied.push(`${verbText} ${position}: this digest has no item ${position} (it has ${state.items.length}).`);
    }
    return found;
  };

  const onItems = (verb: ItemVerb, ref: ItemRef, until: string | null) => {
    const untilAt = until ? startOfLocalDay(until, timeZone) : null;
    for (const item of resolve(ref, verb)) {
      const result = itemChanges(item, verb, state, now, untilAt);
      if (!result.ok) {
        outcome.notApplied.push(`${verb} ${item.position}: ${result.why}.`);
        continue;
      }
      const suffix = until ? ` until ${formatDay(until, timeZone, now)}` : "";
      if (result.changes.length === 0) {
        outcome.applied.push(`${label(item)} was already ${PAST[verb]}${suffix}.`);
        continue;
      }
      const description =
        verb === "never" && item.contactId
          ? `${label(item)}: Tend will stop suggesting ${who(state, item.contactId)}`
          : `${label(item)}: ${PAST[verb]}${suffix}`;
      commit(description, result.changes);
      outcome.applied.push(`${description}.`);
    }
  };

  for (const command of input.commands) {
    switch (command.verb) {
      case "done":
      case "skip":
      case "never":
        onItems(command.verb, command.items, null);
        break;
      case "snooze":
        if (daysBetween(localDateOf(now, timeZone), command.until) > MAX_SNOOZE_DAYS) {
          outcome.notApplied.push(`snooze until ${formatDay(command.until, timeZone, now)}: that is more than two years away.`);
        } else onItems("snooze", command.items, command.until);
        break;
      case "note": {
        const item = findItem(command.item);
        if (!item) outcome.notApplied.push(`note ${command.item}: this digest has no item ${command.item}.`);
        else if (!item.contactId) outcome.notApplied.push(`note ${command.item}: item ${command.item} is not about one person.`);
        else {
          // The description is the confirmation's line and the action log's (which "undo" repeats).
          const description = isPrivateNote(command.text)
            ? `Noted on ${who(state, item.contactId)}, privately (not quoted)`
            : `Noted on ${who(state, item.contactId)}: “${command.text}”`;
          commit(description, [{ kind: "note", id: input.newId(), contactId: item.contactId, value: { text: command.text, createdAt: now } }]);
          outcome.applied.push(description);
        }
        break;
      }
      case "cadence": {
        const item = findItem(command.item);
        const contact = item?.contactId ? state.contacts.get(item.contactId) : undefined;
        if (!item) outcome.notApplied.push(`cadence ${command.item}: this digest has no item ${command.item}.`);
        else if (!contact) outcome.notApplied.push(`cadence ${command.item}: item ${command.item} is not about one person.`);
        else if (contact.cadenceDays === command.days) outcome.applied.push(`${who(state, contact.id)}'s rhythm was already ${rhythm(command.days)}.`);
        else {
          const settings = { cadenceDays: command.days, learnedCadenceDays: contact.learnedCadenceDays };
          const next = contact.lastInteractionAt === null ? contact.nextCheckInAt : nextCheckInAt(settings, contact.lastInteractionAt);
          const description = `Check in with ${who(state, contact.id)} ${rhythm(command.days)}`;
          commit(description, [{ kind: "contact", id: contact.id, muted: contact.muted, cadenceDays: command.days, nextCheckInAt: next }]);
          outcome.applied.push(`${description}.`);
        }
        break;
      }
      case "link": {
        const item = findItem(command.item);
        const contact = item?.contactId ? state.contacts.get(item.contactId) : undefined;
        if (!item) outcome.notApplied.push(`link ${command.item}: this digest has no item ${command.item}.`);
        else if (!contact) outcome.notApplied.push(`link ${command.item}: item ${command.item} is not about one person.`);
        else if (contact.address === command.address) outcome.applied.push(`${who(state, contact.id)} was already linked to ${command.address}.`);
        else if (contact.pending !== true) {
          outcome.notApplied.push(`link ${command.item}: ${who(state, contact.id)} already has an address (${contact.address ?? "unknown"}); link is for people named only in your notes.`);
        } else {
          // Merged into whoever already has the address, else given it (src/db/pending-contacts.ts).
          const description = `Linked ${who(state, contact.id)} to ${command.address}`;
          commit(description, [{ kind: "link", contactId: contact.id, address: command.address }]);
          outcome.applied.push(`${description}.`);
        }
        break;
      }
      case "undo": {
        const inReply = plan.logged.toReversed().find((entry) => entry.undoneAt === null);
        const entry = inReply ?? dbStack.shift();
        if (!entry) {
          outcome.notApplied.push("undo: there is nothing left to undo.");
          break;
        }
        for (const change of entry.undo) {
          applyToState(state, change);
          plan.changes.push(change);
        }
        if (inReply) inReply.undoneAt = now;
        else plan.undone.push(entry.id);
        outcome.applied.push(`Undone: ${entry.command}.`);
        break;
      }
      default:
        // "help" and mail commands change nothing here; the reply always carries the help text.
        break;
    }
  }
  return { plan, outcome };
}

function rhythm(days: number | null): string {
  if (days === null) return "at the rhythm Tend learns from your conversations";
  if (days % 7 === 0 && days < 60) return days === 7 ? "every week" : `every ${days / 7} weeks`;
  if (days === 30) return "every month";
  return `every ${days} days`;
}

