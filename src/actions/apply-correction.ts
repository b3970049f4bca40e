// A reply to an acknowledgement (tend+n.<token>@): remove what was
// misunderstood, keep the rest as a note, and say what changed.
import { applyCorrections, signalsOfInteraction } from "../db/corrections.ts";
import type { User } from "../db/users.ts";
import { interactionIdOfCorrectionToken, verifyCorrectionToken } from "../lib/tokens.ts";
import type { OutgoingMail } from "../mail/build-mime.ts";
import { sendMail } from "../domain/outbox.ts";
import type { Deps } from "../domain/deps.ts";
import type { ParsedEmail } from "../model.ts";
import type { Corrections } from "./corrections.ts";

export async function applyCorrection(
  deps: Deps,
  user: User,
  reply: { email: ParsedEmail; token: string; corrections: Corrections },
  now: number,
): Promise<void> {
  const { email, token } = reply;
  const interactionId = interactionIdOfCorrectionToken(token);
  const owned = interactionId !== null && (await verifyCorrectionToken(deps.config.signingKey, token, user.id));
  const logged = owned && interactionId ? await signalsOfInteraction(deps.db, user.id, interactionId) : null;
  const lines: string[] = [];
  if (!interactionId || !logged) {
    lines.push("This reply does not match anything I logged for you, so nothing changed.");
  } else {
    const { wrong, note } = reply.corrections;
    const dismiss: string[] = [];
    for (const n of wrong) {
      const signal = logged.signals[n - 1];
      if (!signal) lines.push(`There is no item ${n}; nothing removed for it.`);
      else if (signal.status === "dismissed") lines.push(`Item ${n} was already removed.`);
      else {
        dismiss.push(signal.id);
        lines.push(signal.private ? `Removed ${n} (kept private, not quoted).` : `Removed ${n}: ${signal.text}`);
      }
    }
    await applyCorrections(deps.db, { userId: user.id, interactionId, dismiss, note, now });
    if (note) lines.push("Kept the rest of your reply as a note on this conversation.");
    if (lines.length === 0) lines.push("I found nothing to change. Reply “wrong 2” to remove item 2.");
  }
  const mail: OutgoingMail = {
    kind: "confirmation",
    userId: user.id,
    from: { name: "Tend", address: deps.config.tendAddress },
    to: { name: user.name, address: user.email },
    subject: /^re:/i.test(email.subject) ? email.subject : `Re: ${email.subject || "your correction"}`,
    text: [...lines, "", "— Tend"].join("\n"),
    inReplyTo: email.messageId,
  };
  await sendMail({ ...deps, now }, mail);
}
