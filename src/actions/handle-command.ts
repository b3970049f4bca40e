// A command mailed to Tend: parse → apply → answer, in one threaded reply.
import { confirmFromWrongAddress, removeAddress, requestAddAddress } from "./account-address.ts";
import { requestDeleteAccount } from "./account-delete.ts";
import { saveUserSettings, type UserSettings, userAddressList } from "../db/action-settings.ts";
import type { User } from "../db/users.ts";
import { usableTimeZone } from "../domain/digest-schedule.ts";
import type { ParsedEmail } from "../model.ts";
import { sendMail } from "../domain/outbox.ts";
import type { Deps } from "../domain/deps.ts";
import type { Answer } from "./answer.ts";
import { briefAnswer } from "./brief.ts";
import { exportAnswer } from "./export.ts";
import { confirmForget, requestForget } from "./forget.ts";
import { HELP_TEXT, MAIL_HELP } from "./help-text.ts";
import type { ParsedCommands } from "./command-types.ts";
import { pendingAnswer } from "./pending.ts";
import { recurringSection } from "./recurring-list.ts";
import { joinSections, replyMail, section } from "./reply-mail.ts";
import { applySettingsCommand, composeSettings, isSettingsCommand } from "./settings.ts";

/** Answers in one reply; each may read a person's whole history, and a reply is read by a person. */
export const MAX_COMMANDS_PER_MAIL = 10;

function settingsOf(user: User): UserSettings {
  return {
    timeZone: usableTimeZone(user.timeZone),
    digestWeekday: user.digestWeekday,
    digestHour: user.digestHour,
    maxItems: user.maxItems,
    emptyDigest: user.emptyDigest,
    pausedUntil: user.pausedUntil,
    nextDigestAt: user.nextDigestAt,
    unsubscribedAt: user.unsubscribedAt,
    optInMail: user.optInMail,
  };
}

/** A command mailed to Tend (help, brief, export, forget, settings…): apply and answer by mail. */
export async function handleCommand(deps: Deps, user: User, email: ParsedEmail, parsed: ParsedCommands, now: number): Promise<void> {
  const { db } = deps;
  const timeZone = usableTimeZone(user.timeZone);
  const answers: Answer[] = [];
  const notApplied: string[] = [];
  const changed: string[] = [];
  let settings = settingsOf(user);
  let showSettings = false;
  let forgets = 0;

  for (const command of parsed.commands.slice(0, MAX_COMMANDS_PER_MAIL)) {
    if (isSettingsCommand(command)) {
      showSettings = true;
      const result = applySettingsCommand(settings, command, now);
      if (result.ok) {
        settings = result.settings;
        changed.push(result.said);
      } else notApplied.push(result.why);
      continue;
    }
    switch (command.verb) {
      case "help":
        answers.push({ text: HELP_TEXT });
        break;
      case "settings":
        showSettings = true;
        break;
      case "brief":
        answers.push(await briefAnswer(db, user.id, command.query, now, timeZone));
        break;
      case "pending": {
        const pending = await pendingAnswer(db, user.id, now, timeZone);
        answers.push({ ...pending, text: joinSections(pending.text, await recurringSection(db, user.id, now, timeZone)) });
        break;
      }
      case "export":
        answers.push(await exportAnswer(db, user.id, now, timeZone));
        break;
      case "forget":
        // The confirmation's reference rides in the reply's subject, and a reply has one.
        if (forgets++ > 0) notApplied.push(`forget ${command.address}: one person per email, please; send it again on its own.`);
        else answers.push(await requestForget({ db, signingKey: deps.config.signingKey }, user.id, command.address, now, timeZone));
        break;
      case "add_address":
        answers.push(await requestAddAddress(deps, user, command.address, now, timeZone));
        break;
      case "remove_address":
        answers.push(await removeAddress(deps, user, command.address));
        break;
      case "confirm_address":
        answers.push(confirmFromWrongAddress(email.from?.address ?? user.email));
        break;
      case "delete_account":
        answers.push(await requestDeleteAccount(deps, user, now, timeZone));
        break;
      case "confirm_forget":
        answers.push(await confirmForget({ db, signingKey: deps.config.signingKey }, user.id, command.address, command.ref, now));
        break;
      default:
        notApplied.push(`${command.verb}: reply to your digest to use it on its numbered suggestions.`);
    }
  }
  if (parsed.commands.length > MAX_COMMANDS_PER_MAIL) notApplied.push(`Only the first ${MAX_COMMANDS_PER_MAIL} commands were read.`);
  if (changed.length > 0) await saveUserSettings(db, user.id, settings);
  if (showSettings) {
    answers.push({ text: joinSections(section("Changed:", changed), composeSettings(settings, await userAddressList(db, user.id), now)) });
  }
  const confused = parsed.notUnderstood.length > 0 || parsed.commands.length === 0;
  const trailer = joinSections(
    section("Not applied:", notApplied),
    section("Not understood (nothing was guessed):", parsed.notUnderstood.map((line) => `“${line}”`)),
    parsed.commands.length === 0 ? "I found no command in your email." : "",
    confused ? HELP_TEXT : "",
  );
  const withSubject = answers.filter((answer) => answer.subject !== undefined);
  const subject = withSubject.length === 1 ? withSubject[0]?.subject : undefined;
  const text = [...answers.map((answer) => answer.text), trailer].filter(Boolean).join("\n\n—\n\n");
  await sendMail(
    { db, mailer: deps.mailer, now },
    replyMail(deps.config, user, email, {
      text: text || MAIL_HELP,
      ...(subject ? { subject } : {}),
      attachments: answers.flatMap((answer) => answer.attachments ?? []),
    }),
  );
}
