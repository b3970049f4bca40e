// confirm (pure): what a reply to a digest did, did not do, and did not understand.
import { formatDay } from "../lib/time/format.ts";
import { HELP_TEXT } from "./help-text.ts";
import type { PlanOutcome } from "./plan-reply.ts";
import { joinSections, section } from "./reply-mail.ts";
import { DIGEST_REPLY_TTL_DAYS } from "./authorize-reply.ts";

export function confirmationText(outcome: PlanOutcome, notUnderstood: readonly string[]): string {
  const nothing =
    outcome.applied.length + outcome.notApplied.length + notUnderstood.length === 0
      ? "I found no commands in your reply, so nothing changed."
      : "";
  return joinSections(
    nothing,
    section("Applied:", outcome.applied),
    section("Not applied:", outcome.notApplied),
    section(
      "Not understood (nothing was guessed; reply again with one command per line):",
      notUnderstood.map((line) => `“${line}”`),
    ),
    HELP_TEXT,
  );
}

export function refusalText(
  refusal: { reason: "invalid" } | { reason: "expired"; sentAt: number },
  timeZone: string,
  now: number,
): string {
  const why =
    refusal.reason === "expired"
      ? `That digest was sent on ${formatDay(refusal.sentAt, timeZone, now)}, more than ${DIGEST_REPLY_TTL_DAYS} days ago, so replies to it no longer change anything: its numbers no longer match what is current. Nothing was changed.\n\nReply to your latest digest instead.`
      : "I could not match your reply to one of your digests: the address it was sent to is not one Tend gave you (it may have been altered, or the digest belongs to someone else). Nothing was changed.\n\nReply to the digest itself, from the address it was sent to.";
  return joinSections(why, HELP_TEXT);
}
