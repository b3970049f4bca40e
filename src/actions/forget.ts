// forget: "forget ana@x.com" asks first; the erasure happens only when the user
// replies to that question, whose subject carries a signed, expiring reference
// naming this one person. Then every row about them goes, and rows that also
// belong to others keep only what is theirs (see redact-person.ts).
import type { Contact } from "../model.ts";
import { addressesOf, findPersonByAddress, findPersonById } from "../db/action-people.ts";
import {
  countForget,
  findMentions,
  firstNameShared,
  forgetPerson,
  type ForgetPlan,
  type Mention,
  type MentionTable,
  type Redaction,
  type RedactedCounts,
  type RemovedCounts,
} from "../db/action-forget.ts";
import type { Database } from "../db/client.ts";
import { formatDayTime } from "../lib/time/format.ts";
import { linkToken, verifyLinkToken } from "../lib/tokens.ts";
import { DAY_MS } from "../model.ts";
import type { Answer } from "./answer.ts";
import { personTerms, type Redactor, redactor, searchTerms } from "./redact-person.ts";

/** Long enough to answer after a weekend, short enough that an old thread cannot erase someone. */
export const FORGET_CONFIRM_TTL_DAYS = 3;
export const FORGET_ACTION = "forget";

export interface ForgetDeps {
  db: Database;
  signingKey: string;
}

/**
 * What to do with a row filed under someone else that may name the person.
 * Signals, tasks and digest items are short things said about one matter: when
 * their own words name the person ("send him Ana's portfolio") they are about
 * her and go; otherwise only the context that names her is rewritten. The undo
 * log cannot be rewritten safely and goes. Everything else keeps its row, with
 * her taken out of its text.
 */
const NAMED_MEANS_GONE: Partial<Record<MentionTable, readonly string[]>> = {
  signals: ["text"],
  tasks: ["title"],
  digest_items: ["title"],
  action_log: ["command", "undo"],
};

export function planForget(mentions: readonly Mention[], { redact, mentions: names }: Redactor): ForgetPlan {
  const alsoRemove = new Set<string>();
  for (const mention of mentions) {
    const columns = NAMED_MEANS_GONE[mention.table] ?? [];
    if (columns.some((column) => names(mention.text[column] ?? ""))) alsoRemove.add(mention.id);
  }
  const redactions: Redaction[] = [];
  for (const mention of mentions) {
    // A task goes with the signal it came from.
    if (alsoRemove.has(mention.id) || (mention.signalId !== null && alsoRemove.has(mention.signalId))) continue;
    const set: Record<string, string> = {};
    for (const [column, text] of Object.entries(mention.text)) {
      if (text === null) continue;
      const redacted = redact(text);
      if (redacted !== text) set[column] = redacted;
    }
    if (Object.keys(set).length > 0) redactions.push({ table: mention.table, id: mention.id, set });
  }
  return { alsoRemove: [...alsoRemove], redactions };
}

async function planFor(db: Database, userId: string, person: Contact, addresses: readonly string[]): Promise<ForgetPlan> {
  const firstName = person.name?.trim().split(/\s+/)[0] ?? null;
  const shared = firstName ? await firstNameShared(db, userId, person.id, firstName) : false;
  const terms = personTerms({ id: person.id, name: person.name, addresses }, shared);
  return planForget(await findMentions(db, userId, person.id, searchTerms(terms)), redactor(terms));
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function list(title: string, lines: readonly (readonly [number, string])[]): string {
  const shown = lines.filter(([n]) => n > 0);
  return shown.length === 0 ? "" : [title, ...shown.map(([, line]) => `  • ${line}`)].join("\n");
}

function describe(removed: RemovedCounts, redacted: RedactedCounts): string {
  const r = (table: MentionTable) => redacted[table] ?? 0;
  return [
    list("Removed:", [
      [removed.soloInteractions, plural(removed.soloInteractions, "conversation with only them", "conversations with only them")],
      [removed.signals, plural(removed.signals, "thing Tend understood about them", "things Tend understood about them")],
      [removed.tasks, plural(removed.tasks, "promise or reminder", "promises and reminders")],
      [removed.notes, plural(removed.notes, "note")],
      [removed.introductions, plural(removed.introductions, "introduction")],
      [removed.digestItems, plural(removed.digestItems, "suggestion in a past digest", "suggestions in past digests")],
    ]),
    list("Kept for the others in them, without them:", [
      [removed.sharedInteractions, plural(removed.sharedInteractions, "conversation they shared with others", "conversations they shared with others")],
    ]),
    list("Redacted (their name and address taken out, the rest kept):", [
      [r("interactions"), plural(r("interactions"), "conversation")],
      [r("signals"), plural(r("signals"), "thing Tend understood about someone else", "things Tend understood about someone else")],
      [r("tasks"), plural(r("tasks"), "reminder on a thread", "reminders on a thread")],
      [r("contact_notes"), plural(r("contact_notes"), "note about someone else", "notes about someone else")],
      [r("introductions"), plural(r("introductions"), "introduction of others", "introductions of others")],
      [r("digest_items"), plural(r("digest_items"), "suggestion in a past digest", "suggestions in past digests")],
      [r("outbound_messages"), plural(r("outbound_messages"), "record of mail Tend sent", "records of mail Tend sent")],
    ]),
  ]
    .filter(Boolean)
    .join("\n");
}

function plannedRedactions(plan: ForgetPlan): RedactedCounts {
  const counts: RedactedCounts = {};
  for (const redaction of plan.redactions) counts[redaction.table] = (counts[redaction.table] ?? 0) + 1;
  return counts;
}

export async function requestForget(deps: ForgetDeps, userId: string, address: string, now: number, timeZone: string): Promise<Answer> {
  const person = await findPersonByAddress(deps.db, userId, address);
  if (!person) return { text: `Tend knows nobody at ${address}, so there is nothing to forget.` };
  const expiresAt = now + FORGET_CONFIRM_TTL_DAYS * DAY_MS;
  const ref = await linkToken(deps.signingKey, { subject: person.id, action: FORGET_ACTION, expiresAt });
  const addresses = await addressesOf(deps.db, userId, person.id);
  const plan = await planFor(deps.db, userId, person, addresses);
  const removed = await countForget(deps.db, userId, person.id, plan);
  const who = person.name ? `${person.name} (${addresses.join(", ")})` : addresses.join(", ");
  return {
    subject: `Confirm: forget ${address} (ref ${ref})`,
    text: [
      `Forget ${who}? This erases them and everything about them:`,
      describe(removed, plannedRedactions(plan)),
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
  const plan = await planFor(deps.db, userId, person, addresses);
  const { removed, redacted } = await forgetPerson(deps.db, userId, person.id, plan);
  return {
    // Not "Re: Confirm: forget <address>": Tend's record of what it sent must not name them.
    subject: "Forgotten, as you asked",
    text: [
      `Forgotten: ${person.name ?? address} and everything about them.`,
      describe(removed, redacted),
      "",
      "Tend will not bring them up again unless you write about them.",
    ].join("\n"),
  };
}
