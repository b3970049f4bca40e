// Mail written by machines: bounces, auto-replies, lists. Tend never answers
// it, so two robots can never keep each other busy.
import type { EmailHeaders } from "../model.ts";
import { header } from "./parse-email.ts";

const MACHINE_LOCAL_PART = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+-].*)?$/i;
const AUTO_REPLY_SUBJECT =
  /^(automatic reply|auto(matic)?[- ]?reply|out of (the )?office|abwesenheitsnotiz|r[ée]ponse automatique|undeliverable|undelivered mail|delivery status notification|mail delivery (failed|failure)|returned mail)\b/i;

/** Why a message is automatic, or null when a person wrote it. */
export function automaticReason(email: EmailHeaders, envelopeFrom: string): string | null {
  const autoSubmitted = header(email, "auto-submitted")?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = header(email, "precedence")?.trim().toLowerCase();
  if (precedence && ["bulk", "list", "junk", "auto_reply"].includes(precedence)) return `Precedence: ${precedence}`;
  for (const name of ["list-id", "list-unsubscribe", "list-post", "x-autoreply", "x-autorespond", "x-auto-reply"]) {
    if (header(email, name) !== null) return `${name} header`;
  }
  if (/^multipart\/report\b/i.test(header(email, "content-type") ?? "")) return "delivery report";
  const envelope = envelopeFrom.trim();
  if (envelope === "" || envelope === "<>") return "null envelope sender";
  const local = (email.from?.address ?? "").split("@")[0] ?? "";
  if (MACHINE_LOCAL_PART.test(local)) return `sent by ${email.from?.address ?? "a machine"}`;
  if (AUTO_REPLY_SUBJECT.test(email.subject)) return "auto-reply subject";
  return null;
}
