// A second address for one account: `add address me@work.com` mails the user
// (at the address they wrote from, already theirs) a code; a message from the
// new address carrying it, authenticated like any user's mail, adds it. Tend
// never writes to an address before it is confirmed. `remove address` takes
// one off again.
import { addressOwnerId, attachAddress, detachAddress, savePendingAddress } from "../db/accounts.ts";
import { markProcessed } from "../db/log-message.ts";
import { findUserById, type User } from "../db/users.ts";
import { ADDRESS_CONFIRM_TTL_DAYS, hashConfirmationCode, newConfirmationCode } from "../domain/address-confirmation.ts";
import type { Deps } from "../domain/deps.ts";
import { sendMail } from "../domain/outbox.ts";
import { isOwner } from "../domain/owners.ts";
import { splitSubaddress } from "../lib/addresses.ts";
import { formatDayTime } from "../lib/time/format.ts";
import { DAY_MS, type Mailbox, type ParsedEmail } from "../model.ts";
import type { Answer } from "./answer.ts";
import { replyMail } from "./reply-mail.ts";

export async function requestAddAddress(deps: Deps, user: User, address: string, now: number, timeZone: string): Promise<Answer> {
  if (splitSubaddress(address).base === splitSubaddress(deps.config.tendAddress).base) return { text: `${address} is Tend's own address; nothing changed.` };
  const owner = await addressOwnerId(deps.db, address);
  if (owner === user.id) return { text: `${address} is already on your account.` };
  if (owner !== null) return { text: `${address} belongs to another Tend account, so it cannot be added to yours. Nothing changed.` };
  const code = newConfirmationCode();
  const expiresAt = now + ADDRESS_CONFIRM_TTL_DAYS * DAY_MS;
  await savePendingAddress(deps.db, { userId: user.id, address, codeHash: await hashConfirmationCode(code), expiresAt }, now);
  return {
    text: [
      `To add ${address} to your account, send an email from ${address} to ${deps.config.tendAddress} with this line as its subject or first line:`,
      "",
      `  confirm address ${code}`,
      "",
      `It must come from ${address} itself: that proves the address is yours. Once it arrives, mail from either address lands in this one account. This code lapses on ${formatDayTime(expiresAt, timeZone, now)}; until ${address} is confirmed, its mail is refused.`,
      "Did not ask for this? Ignore it; nothing changes.",
    ].join("\n"),
  };
}

export async function removeAddress(deps: Deps, user: User, address: string): Promise<Answer> {
  if (address === user.email) {
    return {
      text: `${address} is the address this deployment knows you by (its OWNERS list), so it stays. To leave Tend altogether, email “delete my account”.`,
    };
  }
  if (await detachAddress(deps.db, user.id, address)) return { text: `Removed ${address} from your account: mail from it is refused from now on.` };
  return { text: `${address} is not on your account; nothing changed.` };
}

/** "confirm address <code>" mailed from an address already on the account. */
export function confirmFromWrongAddress(sentFrom: string): Answer {
  return { text: `That code must come from the address you are adding, not from ${sentFrom}, which is already yours. Send the same line from the new address.` };
}

export type ConfirmOutcome = { status: "answered"; kind: "address_confirmation" } | { status: "rejected"; reason: string };

/**
 * A message from the new address carried a valid code: the address joins the
 * account. The reply goes to the new address (now the user's), and a note to
 * the account's own address, so an addition the user did not make is seen.
 */
export async function confirmAddress(
  deps: Deps,
  confirmation: { userId: string; sender: Mailbox; email: ParsedEmail; messageKey: string },
  now: number,
): Promise<ConfirmOutcome> {
  const user = await findUserById(deps.db, confirmation.userId);
  const refused = `Tend accepts mail only from its registered users; ${confirmation.sender.address} is not one.`;
  if (!user || !isOwner(deps.config.owners, user.email)) return { status: "rejected", reason: refused };
  const address = confirmation.sender.address;
  if (!(await attachAddress(deps.db, user.id, address))) return { status: "rejected", reason: refused };
  await markProcessed(deps.db, user.id, confirmation.messageKey, "address_confirmation", now);
  const said = `${address} is now part of your Tend account, with ${user.email}: mail from either lands in this one account.`;
  await sendMail({ ...deps, now }, replyMail(deps.config, user, confirmation.email, { text: `${said}\n\nTo take it off again, email “remove address ${address}”.\n\n— Tend` }));
  await sendMail(
    { ...deps, now },
    {
      kind: "confirmation",
      userId: user.id,
      from: { name: "Tend", address: deps.config.tendAddress },
      to: { name: user.name, address: user.email },
      subject: `Address added: ${address}`,
      text: `${said}\n\nNot you? Email “remove address ${address}” and it is gone.\n\n— Tend`,
    },
  );
  return { status: "answered", kind: "address_confirmation" };
}
