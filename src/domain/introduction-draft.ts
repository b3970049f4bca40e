// The introduction the user sends from their own account once both sides are
// willing: a mailto: link with both addresses, a subject and the reasons in the
// user's words. Tend never sends it; only the user does.
import type { Contact } from "../model.ts";

export interface IntroductionDraft {
  to: string[];
  subject: string;
  body: string;
  /** Opens the user's mail client with the draft filled in. */
  mailto: string;
}

function first(person: Contact): string {
  const name = person.name?.trim();
  return name ? (name.split(/\s+/)[0] ?? name) : (person.address ?? "there");
}

/** `asked`: the person who said yes; `other`: whom they said yes to meeting; `reason`: the user's words when asking. */
export function introductionDraft(input: { asked: Contact; other: Contact; reason: string | null; userName: string | null }): IntroductionDraft {
  const { asked, other } = input;
  const to = [asked.address, other.address].filter((address): address is string => Boolean(address));
  const subject = `Intro: ${asked.name ?? first(asked)} <> ${other.name ?? first(other)}`;
  const signature = input.userName?.trim().split(/\s+/)[0] ?? "";
  const body = [
    `${first(asked)}, meet ${first(other)}. ${first(other)}, meet ${first(asked)}.`,
    ...(input.reason ? ["", input.reason] : []),
    "",
    "I'll let you two take it from here.",
    ...(signature ? ["", signature] : []),
  ].join("\n");
  const query = `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return { to, subject, body, mailto: `mailto:${to.map(encodeURIComponent).join(",")}?${query}` };
}
