// Introductions: the user introducing people, asking first (double opt-in), or
// being introduced by someone else. Structure decides who; wording only
// confirms that it is an introduction and says why.
import type { Mailbox } from "../model.ts";
import { publicText, splitSentences } from "./signals/sentences.ts";

export interface Introduction {
  /** Who made the introduction (the user, or the person who introduced the user). */
  introducer: Mailbox;
  /** Everyone introduced, the user included when the user is one of them. */
  people: { name: string | null; address: string | null }[];
  /** The sentence that says why; never a private one (it is quoted back in mail and the digest). */
  reason: string;
  /** A double opt-in ask ("would you be open to an intro to…"), not yet made. */
  optIn: boolean;
}

// "Ana, meet Ben" and "introducing you two" introduce; "great to meet you" and
// "thanks for the intro" do not. Names are capitalised, so those parts are case-sensitive.
const INTRO_WORDING = new RegExp(
  [
    String.raw`\b[Mm]eet\s+\p{Lu}`,
    String.raw`\b[Ii]ntroduc(?:e|ing)\s+(?:you|the two of you|\p{Lu})`,
    String.raw`\b(?:[Ee]-?)?[Ii]ntro(?:duction)?\s+(?:between|to)\s+\p{Lu}`,
    String.raw`\b[Cc]onnect(?:ing)?\s+(?:you two|you both|the two of you)`,
    String.raw`\b(?:[Yy]ou two|[Yy]ou both|[Tt]he two of you)\s+should\b`,
  ].join("|"),
  "u",
);
const THANKS_FOR_INTRO = /\bthanks?(?: you)? (?:so much )?for (?:the|your|this) (?:e-?)?intro(?:duction)?\b/i;
const INTRO_SUBJECT = /^(?:(?:re|fwd?):\s*)*(?:intro(?:duction)?\b|.*(?:\S\s*(?:<>|<->|↔)\s*\S)|.*\bmeet\s+\p{Lu})/iu;
const OPT_IN =
  /\b(?:would you be (?:open|up) (?:to|for)|are you open to|would you like|would it be helpful if i|happy to|shall i|want me to|can i|may i)\b[^.?!\n]*?\b(?:intro(?:duce)?|introduction|connect)\b[^.?!\n]*?\b(?:to|with)\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?)/iu;
const REASON =
  /\b(because|since|both|thought you|think you|you two|should (talk|meet|connect|chat|compare)|would (love|enjoy|benefit)|given|working on|building|invest(s|ing|or)?|looking for|hiring|raising|expert|knows|background|help)\b/i;
const GREETING = /^(hi|hey|hello|dear|hallo|bonjour|hola)\b[^.!?\n]*[,!]?$/i;

/** `confidential`: all of the text is private (a forwarded introduction below a lone `#private` line). */
function reasonIn(text: string, confidential = false): string {
  const candidates = splitSentences(text, { private: confidential })
    .filter((s) => !s.private)
    .map((s) => s.text.replace(/\s+/g, " "))
    .filter((s) => !GREETING.test(s));
  const why = candidates.find((s) => REASON.test(s)) ?? candidates.find((s) => INTRO_WORDING.test(s)) ?? "";
  return why.length > 300 ? `${why.slice(0, 297)}…` : why;
}

export function looksLikeIntroduction(subject: string, text: string): boolean {
  const opening = text.slice(0, 1500);
  if (THANKS_FOR_INTRO.test(opening)) return false;
  return INTRO_SUBJECT.test(subject) || INTRO_WORDING.test(opening);
}

/** The user writes to two or more people and introduces them. */
export function userIntroduces(input: {
  user: Mailbox;
  recipients: readonly Mailbox[];
  subject: string;
  text: string;
}): Introduction | null {
  if (input.recipients.length < 2 || !looksLikeIntroduction(input.subject, input.text)) return null;
  return {
    introducer: input.user,
    people: input.recipients.map((r) => ({ name: r.name, address: r.address })),
    reason: reasonIn(input.text),
    optIn: false,
  };
}

/** "Would you be open to an intro to Ben Cho?": the user asks before introducing. */
export function userAsksToIntroduce(input: {
  user: Mailbox;
  recipients: readonly Mailbox[];
  text: string;
}): Introduction | null {
  const [recipient, ...others] = input.recipients;
  if (!recipient || others.length > 0) return null;
  // A name asked about in confidence is not echoed back as an introduction to make.
  const match = publicText(input.text).slice(0, 3000).match(OPT_IN);
  const name = match?.[1]?.replace(/['’]s$/, "");
  if (!name) return null;
  return {
    introducer: input.user,
    people: [
      { name: recipient.name, address: recipient.address },
      { name, address: null },
    ],
    reason: reasonIn(input.text),
    optIn: true,
  };
}

/** Someone else introduced the user (seen in a forwarded message). */
export function userIsIntroduced(input: {
  user: Mailbox;
  introducer: Mailbox | null;
  recipients: readonly Mailbox[];
  isUser: (address: string) => boolean;
  subject: string;
  text: string;
  /** The user marked the whole message private: the introduction is logged, its words are not quoted. */
  private?: boolean;
}): Introduction | null {
  const { introducer } = input;
  if (!introducer || input.isUser(introducer.address)) return null;
  if (!input.recipients.some((r) => input.isUser(r.address))) return null;
  const others = input.recipients.filter((r) => !input.isUser(r.address) && r.address !== introducer.address);
  if (others.length === 0 || !looksLikeIntroduction(input.subject, input.text)) return null;
  return {
    introducer,
    people: [{ name: input.user.name, address: input.user.address }, ...others.map((o) => ({ name: o.name, address: o.address }))],
    reason: reasonIn(input.text, input.private === true),
    optIn: false,
  };
}
