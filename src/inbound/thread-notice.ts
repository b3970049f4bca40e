// The short mail a user may ask for (`set yes-mail on`): someone said yes to an
// introduction the user asked about, with the draft ready to send. It goes to
// the user alone; the draft is theirs to send from their own account.
import type { IntroductionProgress } from "../db/introduction-progress.ts";
import { introductionDraft } from "../domain/introduction-draft.ts";
import type { OutgoingMail } from "../mail/build-mime.ts";
import type { Mailbox } from "../model.ts";

function first(person: { name: string | null; address: string | null }): string {
  const name = person.name?.trim();
  return name ? (name.split(/\s+/)[0] ?? name) : (person.address ?? "They");
}

export function composeSaidYes(input: {
  progress: IntroductionProgress;
  user: { id: string; address: string; name: string | null };
  tend: Mailbox;
  inReplyTo: string | null;
}): OutgoingMail | null {
  const { personA: asked, personB: other, reason } = input.progress;
  if (!asked || !other) return null;
  const draft = introductionDraft({ asked, other, reason, userName: input.user.name });
  const lines = [
    `${first(asked)} said yes to meeting ${other.name ?? first(other)}.`,
    "",
    "Introduce them from your own account; this draft is ready to send:",
    draft.mailto,
    ...(other.address ? [] : ["", `Tend has no address for ${first(other)}: add it to the draft before sending.`]),
    "",
    "It is in your next digest too. Reply `set yes-mail off` to Tend to hear about a yes only there.",
  ];
  return {
    kind: "notice",
    userId: input.user.id,
    from: input.tend,
    to: { name: input.user.name, address: input.user.address },
    subject: `${first(asked)} said yes: introduce them`,
    text: lines.join("\n"),
    inReplyTo: input.inReplyTo,
  };
}
