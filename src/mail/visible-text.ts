// The one wrapper around email-reply-parser: what the author wrote, without
// quoted history or signature.
import EmailReplyParser from "email-reply-parser";

export function visibleText(text: string): string {
  return new EmailReplyParser().read(text).getVisibleText().trim();
}
