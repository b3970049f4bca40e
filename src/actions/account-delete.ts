// "delete my account": asks first, naming what will go; only a reply carrying
// its signed, expiring reference acts. Then every row of the user goes, in
// one batch, and a last mail says so. Nothing of the mail that asked is kept.
import { accountSize, deleteAccount, forgetMailTo } from "../db/accounts.ts";
import { userAddressList } from "../db/action-settings.ts";
import { markProcessed } from "../db/log-message.ts";
import type { User } from "../db/users.ts";
import type { Deps } from "../domain/deps.ts";
import { sendMail } from "../domain/outbox.ts";
import { formatDayTime } from "../lib/time/format.ts";
import { linkToken, verifyLinkToken } from "../lib/tokens.ts";
import { DAY_MS, type ParsedEmail } from "../model.ts";
import type { Answer } from "./answer.ts";
import { replyMail } from "./reply-mail.ts";

/** As long as a forget confirmation: answerable after a weekend, useless in an old thread. */
export const DELETE_ACCOUNT_CONFIRM_TTL_DAYS = 3;
export const DELETE_ACCOUNT_ACTION = "deleteaccount";

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export async function requestDeleteAccount(deps: Deps, user: User, now: number, timeZone: string): Promise<Answer> {
  const expiresAt = now + DELETE_ACCOUNT_CONFIRM_TTL_DAYS * DAY_MS;
  const ref = await linkToken(deps.config.signingKey, { subject: user.id, action: DELETE_ACCOUNT_ACTION, expiresAt });
  const size = await accountSize(deps.db, user.id);
  const addresses = await userAddressList(deps.db, user.id);
  return {
    subject: `Confirm: delete my account (ref ${ref})`,
    text: [
      "Delete your Tend account? This erases everything Tend keeps for you:",
      `  • ${plural(size.contacts, "person", "people")}, ${plural(size.interactions, "conversation")}, ${plural(size.tasks, "promise or reminder", "promises and reminders")}, ${plural(size.notes, "note")}`,
      `  • ${plural(size.digests, "digest")} and what you did with them, your settings, and your addresses (${addresses.join(", ")})`,
      "",
      `To confirm, reply to this email (keep the subject as it is). Nothing is erased until you do, and this request lapses on ${formatDayTime(expiresAt, timeZone, now)}.`,
      "It cannot be undone. To keep a copy first, email “export” to Tend.",
    ].join("\n"),
  };
}

export type DeleteOutcome = { status: "answered"; kind: "command" | "account_deleted" };

/** The reply that confirms: erase, then say so. A reference that is not this user's, or lapsed, erases nothing. */
export async function confirmDeleteAccount(deps: Deps, user: User, email: ParsedEmail, ref: string, messageKey: string, now: number): Promise<DeleteOutcome> {
  const check = await verifyLinkToken(deps.config.signingKey, ref, now);
  if (!check.ok || check.claim.action !== DELETE_ACCOUNT_ACTION || check.claim.subject !== user.id) {
    const why = !check.ok && check.reason === "expired" ? "has lapsed" : "is not valid";
    await sendMail(
      { ...deps, now },
      replyMail(deps.config, user, email, { text: `That confirmation ${why}, so nothing was deleted. Email “delete my account” again to start over.\n\n— Tend` }),
    );
    await markProcessed(deps.db, user.id, messageKey, "command", now);
    return { status: "answered", kind: "command" };
  }
  const size = await accountSize(deps.db, user.id);
  const addresses = await userAddressList(deps.db, user.id);
  await deleteAccount(deps.db, user.id, addresses);
  const goodbye = replyMail(deps.config, user, email, {
    subject: "Your Tend account is deleted",
    text: [
      `Deleted, as you asked: ${plural(size.contacts, "person", "people")}, ${plural(size.interactions, "conversation")}, ${plural(size.tasks, "promise or reminder", "promises and reminders")}, ${plural(size.notes, "note")}, ${plural(size.digests, "digest")}, your settings and your addresses. Tend keeps nothing of it, not even a record of this mail.`,
      "",
      "If you write to Tend again from an address this deployment serves, you start a new, empty account. To be sure you never do, ask whoever runs it to take you out of its OWNERS.",
      "",
      "— Tend",
    ].join("\n"),
  });
  // Filed under no user: the user is gone, and the record is erased right after.
  await sendMail({ ...deps, now }, { ...goodbye, userId: null });
  await forgetMailTo(deps.db, addresses);
  return { status: "answered", kind: "account_deleted" };
}
