// forget: "forget ana@x.com" asks first; the erasure happens only when the user
// replies to that question, whose subject carries a signed, expiring reference
// naming this one person.
import { addressesOf, findPersonByAddress, findPersonById } from "../db/action-people.ts";
import { forgetPerson, forgetSummary, type ForgetSummary } from "../db/action-forget.ts";
import type { Database } from "../db/client.ts";
import { formatDayTime } from "../lib/time/format.ts";
import { linkToken, verifyLinkToken } from "../lib/tokens.ts";
import { DAY_MS } from "../model.ts";
import type { Answer } from "./answer.ts";

/** Long enough to answer after a weekend, short enough that an old thread cannot erase someone. */
export const FORGET_CONFIRM_TTL_DAYS = 3;
export const FORGET_ACTION = "forget";

export interface ForgetDeps {
  db: Database;
  signingKey: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function describe(summary: ForgetSummary): string {
  return [
    `${plural(summary.soloInteractions, "conversation")} with only them (erased)`,
    `${plural(summary.sharedInteractions, "conversation")} shared with others (kept, without them)`,
    `${plural(summary.signals, "thing")} Tend understood about them`,
    plural(summary.tasks, "promise or reminder", "promises and reminders"),
    plural(summary.notes, "note"),
    plural(summary.introductions, "introduction"),
  ]
    .map((line) => `  • ${line}`)
    .join("\n");
}

export async function requestForget(deps: ForgetDeps, userId: string, address: string, now: number, timeZone: string): Promise<Answer> {
  const person = await findPersonByAddress(deps.db, userId, address);
  if (!person) return { text: `Tend knows nobody at ${address}, so there is nothing to forget.` };
  const expiresAt = now + FORGET_CONFIRM_TTL_DAYS * DAY_MS;
  const ref = await linkToken(deps.signingKey, { subject: person.id, action: FORGET_ACTION, expiresAt });
  const [summary, addresses] = await Promise.all([forgetSummary(deps.db, userId, person.id), addressesOf(deps.db, userId, person.id)]);
  const who = person.name ? `${person.name} (${addresses.join(", ")})` : addresses.join(", ");
  return {
    subject: `Confirm: forget ${address} (ref ${ref})`,
    text: [
      `Forget ${who}? This erases them and everything about them:`,
      describe(summary),
      "",
      `To confirm, reply to this email (keep the subject as it is). Nothing is erased until you do, and this request lapses on ${formatDayTime(expiresAt, timeZone, now)}.`,
      "It cannot be undone. To keep a copy first, email “export” to Tend.",
    ].join("\n"),
  };
}

export async function confirmForget(deps: ForgetDeps, userId: string, address: string, ref: string, now: number): Promise<Answer> {
  const check = await verifyLinkToken(deps.signingKey, ref, now);
  if (!check.ok || check.claim.action !== FORGET_ACTION) {
    const why = check.ok || check.reason === "invalid" ? "is not valid" : "has lapsed";
    return { text: `That confirmation ${why}, so nothing was erased. Email “forget ${address}” again to start over.` };
  }
  const person = await findPersonById(deps.db, userId, check.claim.subject);
  if (!person) {
    return { text: "Tend found nobody to forget for that confirmation: it was already done, or it is not yours. Nothing was erased." };
  }
  const addresses = await addressesOf(deps.db, userId, person.id);
  // The reference names the person; the address in the subject must still be theirs.
  if (!addresses.includes(address)) return { text: `That confirmation does not match ${address}, so nothing was erased.` };
  await forgetPerson(deps.db, userId, { id: person.id, name: person.name, addresses });
  return {
    // Not "Re: Confirm: forget <address>": Tend's record of what it sent must not name them.
    subject: "Forgotten, as you asked",
    text: `Forgotten: ${person.name ?? address} and everything about them. Tend will not bring them up again unless you write about them.`,
  };
}
