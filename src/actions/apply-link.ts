// One-click links: authorize a signed link to one action on one digest item,
// then apply it through the same planner as a reply, so a click can be undone
// by replying "undo" and clicking twice is the same as clicking once.
import type { ItemWithState } from "../db/action-records.ts";
import { findDigestItem } from "../db/action-digest.ts";
import { findUserZone } from "../db/action-settings.ts";
import { applyPlan } from "../db/action-state.ts";
import type { Database } from "../db/client.ts";
import { usableTimeZone } from "../domain/digest-schedule.ts";
import { newId } from "../lib/ids.ts";
import { addDays } from "../lib/time/local-date.ts";
import { localDateOf } from "../lib/time/zoned.ts";
import { verifyLinkToken } from "../lib/tokens.ts";
import type { DigestCommand } from "./command-types.ts";
import { loadActionState } from "./load-state.ts";
import { DEFAULT_SNOOZE_DAYS } from "./parse-digest-line.ts";
import { planReply } from "./plan-reply.ts";

export const LINK_VERBS = ["done", "snooze", "skip"] as const;
export type LinkVerb = (typeof LINK_VERBS)[number];
/** The snooze lengths a link page offers, in days. */
export const SNOOZE_CHOICES_DAYS = [3, 7, 14, 30] as const;

const TARGET = { done: "done", snooze: "snoozed", skip: "skipped" } as const;

export interface LinkTarget {
  item: ItemWithState;
  verb: LinkVerb;
  timeZone: string;
  /** True when the item is already in the state the link asks for. */
  alreadyApplied: boolean;
}

export type ItemLinkCheck = { ok: true; target: LinkTarget } | { ok: false; reason: "invalid" | "expired" | "gone" };

function isLinkVerb(action: string): action is LinkVerb {
  return (LINK_VERBS as readonly string[]).includes(action);
}

export async function checkItemLink(db: Database, signingKey: string, token: string, now: number): Promise<ItemLinkCheck> {
  const check = await verifyLinkToken(signingKey, token, now);
  if (!check.ok) return { ok: false, reason: check.reason };
  const { subject, action } = check.claim;
  if (!isLinkVerb(action)) return { ok: false, reason: "invalid" };
  const item = await findDigestItem(db, subject);
  const user = item ? await findUserZone(db, item.userId) : null;
  if (!item || !user) return { ok: false, reason: "gone" };
  return {
    ok: true,
    target: { item, verb: action, timeZone: usableTimeZone(user.timeZone), alreadyApplied: item.state === TARGET[action] },
  };
}

export function snoozeDays(value: unknown): number {
  const days = typeof value === "string" ? Number(value) : Number.NaN;
  return (SNOOZE_CHOICES_DAYS as readonly number[]).includes(days) ? days : DEFAULT_SNOOZE_DAYS;
}

export interface LinkResult {
  changed: boolean;
  /** What happened, as the confirmation says it. */
  said: string;
}

export async function applyItemLink(db: Database, target: LinkTarget, days: number, now: number): Promise<LinkResult> {
  const { item, verb, timeZone } = target;
  // A repeated click on "snooze" must not push the date further out.
  if (target.alreadyApplied) return { changed: false, said: `This was already ${TARGET[verb]}; nothing changed.` };
  const items = [item.position];
  const command: DigestCommand =
    verb === "snooze" ? { verb, items, until: addDays(localDateOf(now, timeZone), days) } : { verb, items };
  const state = await loadActionState(db, item.userId, [item]);
  const { plan, outcome } = planReply({ state, digestId: item.digestId, commands: [command], undoStack: [], now, timeZone, newId });
  await applyPlan(db, item.userId, plan, now);
  return { changed: plan.changes.length > 0, said: outcome.applied[0] ?? outcome.notApplied[0] ?? "Nothing changed." };
}
