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

export const LINK_VERBS = ["done", "snooze", "skip", "never"] as const;
export type LinkVerb = (typeof LINK_VERBS)[number];
/** A digest's one link per item: its page offers every verb, and the form says which. */
export const CHOOSE_ACTION = "open";
/** The snooze lengths a link page offers, in days. */
export const SNOOZE_CHOICES_DAYS = [3, 7, 14, 30] as const;

/** The state an item is in once a link's verb is applied. */
export const STATE_AFTER = { done: "done", snooze: "snoozed", skip: "skipped", never: "never" } as const;

export interface LinkTarget {
  item: ItemWithState;
  verb: LinkVerb;
  timeZone: string;
  /** True when the item is already in the state the link asks for. */
  alreadyApplied: boolean;
}

/** `choose`: the link leaves the verb to the page's form (see withVerb). */
export type ItemLinkCheck = { ok: true; target: LinkTarget; choose: boolean } | { ok: false; reason: "invalid" | "expired" | "gone" };

export function isLinkVerb(action: unknown): action is LinkVerb {
  return typeof action === "string" && (LINK_VERBS as readonly string[]).includes(action);
}

/** The target as the verb the user picked on a choosing link's page. */
export function withVerb(target: LinkTarget, verb: LinkVerb): LinkTarget {
  return { ...target, verb, alreadyApplied: target.item.state === STATE_AFTER[verb] };
}

export async function checkItemLink(db: Database, signingKey: string, token: string, now: number): Promise<ItemLinkCheck> {
  const check = await verifyLinkToken(signingKey, token, now);
  if (!check.ok) return { ok: false, reason: check.reason };
  const { subject, action } = check.claim;
  const choose = action === CHOOSE_ACTION;
  // "never" is offered on a choosing link's page only; no digest ever signed a link for it alone.
  if (!choose && (!isLinkVerb(action) || action === "never")) return { ok: false, reason: "invalid" };
  const verb: LinkVerb = isLinkVerb(action) ? action : "done";
  const item = await findDigestItem(db, subject);
  const user = item ? await findUserZone(db, item.userId) : null;
  if (!item || !user) return { ok: false, reason: "gone" };
  return {
    ok: true,
    choose,
    target: { item, verb, timeZone: usableTimeZone(user.timeZone), alreadyApplied: !choose && item.state === STATE_AFTER[verb] },
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
  if (target.alreadyApplied) return { changed: false, said: `This was already ${STATE_AFTER[verb]}; nothing changed.` };
  const items = [item.position];
  const command: DigestCommand =
    verb === "snooze" ? { verb, items, until: addDays(localDateOf(now, timeZone), days) } : { verb, items };
  const state = await loadActionState(db, item.userId, [item]);
  const { plan, outcome } = planReply({ state, digestId: item.digestId, commands: [command], undoStack: [], now, timeZone, newId });
  await applyPlan(db, item.userId, plan, now);
  return { changed: plan.changes.length > 0, said: outcome.applied[0] ?? outcome.notApplied[0] ?? "Nothing changed." };
}
