// Where a user's message goes: a reply to a digest, a correction of an
// acknowledgement, a command, an address book to import, or something to log. Decided once, from the
// address it was sent to and its visible text; the commands it carries are
// parsed here, once, and handed to the action that applies them.
import type { ParsedCommands } from "../actions/command-types.ts";
import { addressBookAttachment } from "../actions/import/address-book.ts";
import { type Corrections, parseCorrections } from "../actions/corrections.ts";
import { isCommandMail, parseCommands } from "../actions/parse-commands.ts";
import { type Addressing, isDirect, tendSubaddress } from "../inbound/classify.ts";
import { reminderTime } from "../inbound/reminder-address.ts";
import { CORRECTION_TOKEN_PREFIX, REMINDER_TOKEN_PREFIX, REPLY_TOKEN_PREFIX } from "../lib/tokens.ts";
import { visibleText } from "../mail/visible-text.ts";
import type { ParsedAttachment, ParsedEmail } from "../model.ts";

export type Route =
  | { kind: "digest_reply"; token: string; parsed: ParsedCommands }
  | { kind: "correction"; token: string; corrections: Corrections }
  | { kind: "command"; parsed: ParsedCommands }
  | { kind: "import"; attachment: ParsedAttachment }
  /** A reply to a recurring reminder: only "stop" is read. */
  | { kind: "reminder_reply"; token: string; text: string }
  /** `visibleText` is the message's own text when routing read it (mail straight to Tend): understanding reuses it. */
  | { kind: "log"; visibleText?: string };

export function routeEmail(email: ParsedEmail, addressing: Addressing, now: number, timeZone: string): Route {
  const tag = tendSubaddress(email, addressing);
  if (tag?.startsWith(REPLY_TOKEN_PREFIX)) {
    const text = visibleText(email.text);
    const parsed = parseCommands({ kind: "digest_reply", subject: email.subject, text, now, timeZone });
    return { kind: "digest_reply", token: tag.slice(REPLY_TOKEN_PREFIX.length), parsed };
  }
  if (tag?.startsWith(CORRECTION_TOKEN_PREFIX)) {
    return { kind: "correction", token: tag.slice(CORRECTION_TOKEN_PREFIX.length), corrections: parseCorrections(visibleText(email.text)) };
  }
  if (tag?.startsWith(REMINDER_TOKEN_PREFIX)) {
    return { kind: "reminder_reply", token: tag.slice(REMINDER_TOKEN_PREFIX.length), text: visibleText(email.text) };
  }
  // A mail to a reminder address is a reminder, whatever its first line says.
  if ((tag === null || reminderTime(tag, now, timeZone) === null) && isDirect(email, addressing)) {
    // An address book (vCard or CSV) sent straight to Tend is an import, whatever the text says.
    const attachment = addressBookAttachment(email);
    if (attachment) return { kind: "import", attachment };
    const text = visibleText(email.text);
    if (isCommandMail(email.subject, text)) {
      return { kind: "command", parsed: parseCommands({ kind: "command", subject: email.subject, text, now, timeZone }) };
    }
    return { kind: "log", visibleText: text };
  }
  return { kind: "log" };
}
