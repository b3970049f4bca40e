// A reply to a digest: authorize → parse → apply → confirm.
import { applyPlan, loadUndoStack } from "../db/action-state.ts";
import type { User } from "../db/users.ts";
import { usableTimeZone } from "../domain/digest-schedule.ts";
import type { ParsedEmail } from "../model.ts";
import { withSubaddress } from "../lib/addresses.ts";
import { newId } from "../lib/ids.ts";
import { REPLY_TOKEN_PREFIX } from "../lib/tokens.ts";
import { sendMail } from "../domain/outbox.ts";
import type { Deps } from "../domain/deps.ts";
import { authorizeReply } from "./authorize-reply.ts";
import { confirmationText, refusalText } from "./confirm-reply.ts";
import { loadActionState } from "./load-state.ts";
import type { Command, DigestCommand, MailCommand, ParsedCommands } from "./command-types.ts";
import { handleCommand } from "./handle-command.ts";
import { planReply } from "./plan-reply.ts";
import { replyMail } from "./reply-mail.ts";

// "help" stays with the digest's confirmation, which always ends with the help text.
const REPLY_VERBS: ReadonlySet<string> = new Set<DigestCommand["verb"] | "help">(["done", "skip", "never", "snooze", "note", "cadence", "link", "undo", "help"]);

function isMailCommand(command: Command): command is MailCommand {
  return !REPLY_VERBS.has(command.verb);
}

/**
 * A reply to a digest: verify the token against its owner, apply each line, confirm by mail.
 * Lines that are mail commands ("set timezone …", "brief Ana") are answered as if
 * mailed to Tend, in their own reply; the confirmation covers the digest's items.
 */
export async function handleDigestReply(
  deps: Deps,
  user: User,
  reply: { email: ParsedEmail; token: string; parsed: ParsedCommands },
  now: number,
): Promise<void> {
  const { email, token } = reply;
  const mailCommands = reply.parsed.commands.filter(isMailCommand);
  const parsed: ParsedCommands = { commands: reply.parsed.commands.filter((command) => !isMailCommand(command)), notUnderstood: reply.parsed.notUnderstood };
  const outbox = { db: deps.db, mailer: deps.mailer, now };
  const timeZone = usableTimeZone(user.timeZone);
  const authorization = await authorizeReply(deps.db, deps.config.signingKey, user.id, token, now);
  if (!authorization.ok) {
    await sendMail(outbox, replyMail(deps.config, user, email, { text: refusalText(authorization, timeZone, now) }));
    return;
  }
  if (mailCommands.length > 0) {
    await handleCommand(deps, user, email, { commands: mailCommands, notUnderstood: [] }, now);
    // Nothing else in the reply: the answer above is the whole confirmation.
    if (parsed.commands.length === 0 && parsed.notUnderstood.length === 0) return;
  }
  const { digest, items } = authorization;
  const undoCount = parsed.commands.filter((command) => command.verb === "undo").length;
  const [state, undoStack] = await Promise.all([
    loadActionState(deps.db, user.id, items),
    loadUndoStack(deps.db, user.id, undoCount),
  ]);
  const { plan, outcome } = planReply({
    state,
    digestId: digest.id,
    commands: parsed.commands,
    undoStack,
    now,
    timeZone,
    newId,
  });
  await applyPlan(deps.db, user.id, plan, now);
  // Answers to this confirmation act on the same digest.
  const replyTo = withSubaddress(deps.config.tendAddress, `${REPLY_TOKEN_PREFIX}${token.toLowerCase()}`);
  await sendMail(outbox, replyMail(deps.config, user, email, { text: confirmationText(outcome, parsed.notUnderstood), replyTo }));
}
