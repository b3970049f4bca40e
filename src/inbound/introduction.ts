// Introductions: the user introducing people, asking first (double opt-in), or
// being introduced by someone else. Read by structure and wording together: how
// many people the mail is addressed to, a subject such as "Intro: Ana <> Ben",
// the forms that present one person to another ("Ana, meet Ben", "I'd like to
// introduce you to…", "connecting you two"), the hand-off ("I'll let you two take
// it from here"), and the ask for consent ("mind if I put you in touch?"). Mail
// that only looks like one is refused by its own form: introducing oneself,
// asking someone else for an intro, thanking for one or replying to one, and
// announcements to a whole team.
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

// Characters read for the decision: an introduction says what it is near the top.
const OPENING_CHARS = 2_000;
// A person as written: a capitalised name (one or two words), or a template's placeholder.
const NAME = String.raw`(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’-]+)?|\[[^\]\n]{1,40}\]|\{[^}\n]{1,40}\}|<[^>\n]{1,40}>)`;
const WHO = String.raw`(?:(?:my|our)\s+(?:good\s+|dear\s+|old\s+)?(?:friend|colleague|former\s+colleague|partner|contact|classmate|mentee|client|cofounder|co-founder)\s+)?${NAME}`;
const CALENDAR_WORDS = String.raw`monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec`;
const NOT_A_NAME = /^(?:I|I'm|I'll|I've|I'd|We|You|Your|The|This|That|These|It|He|She|They|Hi|Hey|Hello|Dear|Thanks|Thank|Best|Please|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Presenting one person to another: "Ana, meet Ben", "I'd like to introduce you to Eric", "connecting you two". */
const PRESENTS: RegExp[] = [
  // "Ana, meet Ben", "Matt – meet John", "Please meet Bob", "Hey X — meet my friend Y"; not "great to meet you".
  new RegExp(String.raw`(?:^|[,;:–—]\s*|\s-\s*|\bplease\s+)meet\s+(?!(?:you|with|up|me|us|them|him|her|the|a|an|this|that|our|all|in|at|on|for|tomorrow|today|tonight|next|${CALENDAR_WORDS})\b)${WHO}`, "imu"),
  // The terse swap: "Ana – Ben. Ben – Ana." or "Ana, Ben; Ben, Ana".
  /(?:^|\n)\s*(\p{Lu}\p{L}+)\s*(?:,|:|—|–|-|<>|<->)\s*(\p{Lu}\p{L}+)\s*[.;!]?\s+\2\s*(?:,|:|—|–|-|<>|<->)\s*\1\b/u,
  new RegExp(String.raw`\b(?:like|want|wanted|love)\s+(?:for\s+)?(?:you(?:\s+(?:two|both))?|both\s+of\s+you)\s+to\s+meet\s+${WHO}`, "iu"),
  new RegExp(String.raw`\bintroduc(?:e|ing)\s+(?:you\s+(?:two|both|all)\b|the\s+two\s+of\s+you\b|you\s+to\s+${WHO}|(?!(?:myself|me|us|our|my\s+company)\b)${WHO}\s+(?:to\s+you|from|at|of|who|,|\())`, "iu"),
  new RegExp(String.raw`\b(?:to|let\s+me|i'?m|i\s+am)\s+introduce\s+(?!(?:myself|me|us|our|my\s+company)\b)${WHO}`, "u"),
  new RegExp(String.raw`\bconnect(?:ing)?\s+(?:you\s+(?:two|both|all)\b|the\s+two\s+of\s+you\b|you\s+(?:to|with)\s+${WHO})`, "iu"),
  new RegExp(String.raw`\bput(?:ting)?\s+you\s+(?:two\s+|both\s+)?in\s+touch\s+with\s+${WHO}`, "iu"),
  /\b(?:this\s+is\s+an?\s+)?introduction\s+email\b/i,
  // The letter of introduction, carried by the person it presents or sent ahead of them:
  // "I am sending him a card of introduction to you", "I wrote you a letter to-day introducing Jim".
  /\b(?:card|letter|note)\s+of\s+introduction\b/i,
  // The letter's own opening: "This will introduce to you Miss Rose Johnson", "This is to introduce to you Mr. Lee".
  new RegExp(String.raw`\bthis\s+(?:will|is\s+to|letter\s+will|note\s+will)\s+introduce\b|\bintroduc(?:e|ing)\s+to\s+you\s+${WHO}`, "iu"),
  new RegExp(String.raw`\b(?:letter|note|card|e-?mail|message)\b[^.?!\n]{0,40}\bintroducing\s+${WHO}`, "iu"),
  // Wanting the reader to meet someone: "I want very much to have her meet you", "you will enjoy meeting him".
  new RegExp(String.raw`\b(?:have|let)\s+(?:her|him|them|${WHO})\s+meet\s+(?:you|${WHO})\b`, "u"),
  new RegExp(String.raw`\byou(?:\s+and\s+(?:\p{Lu}[\p{L}.]*\s+){1,2})?\s*(?:will|would|'ll|'d|might)\s+(?:\p{L}+\s+)?enjoy\s+(?:meeting|knowing)\s+(?:him|her|them|${WHO})`, "iu"),
  // The same forms in the languages Tend reads dates in: "je vous présente", "darf ich euch … vorstellen", "te presento".
  /\b(?:je\s+(?:te|vous)\s+présente|(?:te|les|le|os|ti|vi)\s+presento|darf\s+ich\s+(?:euch|ihnen|dir|dich)\s+[^.?!\n]{1,40}\s+vorstellen|(?:möchte|will)\s+(?:euch|ihnen|dich|dir)\s+[^.?!\n]{1,40}\s+vorstellen|(?:euch|ihnen)\s+(?:beide\s+)?(?:miteinander\s+)?bekannt\s+machen)/iu,
];
/** Handing over to the two people: the introduction is made and the connector steps out. */
const HANDS_OFF: RegExp[] = [
  /\b(?:let|leave)\s+(?:it\s+(?:up\s+)?to\s+)?(?:you\s+(?:two|both|all)|the\s+two\s+of\s+you|you\s+guys)\b/i,
  /\b(?:let|leave)\s+(?:it\s+(?:up\s+)?to\s+)?you\s+to\s+connect\b|\bleave\s+the\s+rest\s+to\s+you\b/i,
  /\b(?:let\s+you|please)\s+take\s+it\s+from\s+here\b/i,
  /\b(?:you\s+two|you\s+both|the\s+two\s+of\s+you|you\s+guys)\s+(?:should|have\s+(?:a\s+lot|lots|much)\s+in\s+common|would\s+(?:get\s+on|hit\s+it\s+off|enjoy))\b/i,
  /\byou\s+both\s+have\s+(?:context|a\s+lot\s+in\s+common)\b|\b(?:get\s+to|should|to)\s+know\s+each\s+other\b/i,
  /\bi['’]?(?:ll|\s+will)\s+(?:step|bow|drop)\s+(?:out|off|back)\b|\bmov(?:e|ing)\s+myself\s+to\s+bcc\b/i,
  // Vouching for the person to the reader: "I know you will like him".
  /\bi\s+(?:know|think|am\s+sure|['’]m\s+sure)\s+(?:that\s+)?you\s+(?:will|would|['’]ll|['’]d)\s+(?:like|enjoy|love)\s+(?:him|her|each\s+other)\b/i,
  /\b(?:for\s+)?(?:you\s+two|both\s+of\s+you|the\s+two\s+of\s+you|you\s+both)\s+(?:to\s+)?(?:connect|meet|chat|talk|speak|get\s+together|compare\s+notes|are\s+(?:working|building|interested|passionate|both))\b/i,
  /\byou(?:['’]d|\s+would)?\s+both\s+(?:benefit|enjoy|get\s+along|hit\s+it\s+off)\b|\byou\s+two\s+(?:would|will)\s+(?:get\s+along|hit\s+it\s+off|enjoy)\b/i,
  /\bcopying\s+(?:\S+\s+){0,2}here\b|\(cc['’]?d\)|\bcc['’]?(?:ing|ed)\s+(?:\p{Lu}|\[|\{)/iu,
];
/** Handing over a contact who has agreed: how to reach them, and that they expect it. */
const HANDS_OVER = /\b(?:you\s+can\s+|feel\s+free\s+to\s+|please\s+)?(?:reach|contact|e-?mail|call)\s+(?:her|him|them)\s+(?:at|on|directly|via)\b|\b(?:her|his|their)\s+(?:e-?mail(?:\s+address)?|number|phone|cell|contact\s+details?)\s+(?:is|are)\b|\bforward\s+(?:any\s+|the\s+)?(?:information|info|details|materials?|deck)\s+(?:on\s+)?to\s+(?:her|him|them)\b|\b(?:she|he|they)(?:['’]s|['’]re|\s+is|\s+are|\s+will\s+be)\s+expecting\s+(?:your|to\s+hear|a\s+call|an?\s+e-?mail)/i;
/** The connector asks one side first: a double opt-in. */
const ASKS_CONSENT: RegExp[] = [
  /\b(?:would|do)\s+you\s+mind\s+if\s+i\b[^.?!\n]*\b(?:intro|introduc\w*|connect|put\s+you\s+in\s+touch)\b/i,
  /\bmind\s+if\s+i\s+(?:intro|introduc\w*|connect|put\s+you\s+in\s+touch)\b/i,
  /\bmay\s+i\s+(?:have\s+your\s+permission\s+to\s+)?(?:intro|introduc\w*|connect|put\s+you\s+in\s+touch)\b/i,
  /\bhappy\s+to\s+(?:make|do)\s+(?:the|an|a)\s+(?:connection|intro(?:duction)?)\b/i,
  new RegExp(String.raw`\b(?:are|would|do)\s+you\s+(?:be\s+)?(?:open|up|interested|keen|want)\s+(?:to|for|in)\s+(?:an?\s+|the\s+)?(?:intro(?:duction)?|e-?intro|connecting|connection|(?:meeting|talking\s+(?:to|with)|chatting\s+with|speaking\s+with)\s+(?:her|him|them|${WHO}))`, "iu"),
  /\b(?:would|are)\s+you\s+(?:be\s+)?open\s+to\s+this\b|\bwant\s+me\s+to\s+(?:intro|introduce|connect)\b|\bshall\s+i\s+(?:intro|introduce|connect)\b/i,
  /\bi\s+know\s+someone\s+who\s+(?:might|may|could|would)\b/i,
  // A third person wants to meet the reader: "Ana asked for an intro to you", "Ben would like to connect with you".
  /(?<!\b(?:i|we)\s+(?:(?:really|also|just|still|was|were|am|are)\s+)?)(?<!\b(?:i|we))\b(?:asked|asking|wants|wanted|would\s+like|['’]d\s+like|is\s+hoping|was\s+hoping)\s+(?:me\s+)?(?:for\s+an?\s+(?:e-?)?intro(?:duction)?\s+to\s+you|to\s+(?:be\s+introduced|connect|get\s+connected|meet|talk|chat|speak)\s+(?:to|with)\s+you|if\s+i\s+(?:could|would|can)\s+(?:intro(?:duce)?|connect)\s+(?:you|the\s+two\s+of\s+you))\b/i,
  /\bif\s+you(?:['’]re|\s+are)\s+(?:up\s+for\s+it|interested|open\s+to\s+it|keen|game)\b[^.?!\n]*\b(?:intro(?:duce)?|introduction|connect\s+you|put\s+you\s+in\s+touch)\b|\b(?:intro(?:duce)?|introduction|connect\s+you|put\s+you\s+in\s+touch)\b[^.?!\n]*\bif\s+you(?:['’]re|\s+are)\s+(?:up\s+for\s+it|interested|open\s+to\s+it|keen|game)\b/i,
  /\blet\s+me\s+know\s+if\s+you['’]?d\s+(?:like|want|be\s+(?:open|interested|up\s+for))\b[^.?!\n]*\b(?:intro|introduc\w*|connect(?:ing)?\s+(?:you|the\s+two))\b/i,
  /\bworth\s+(?:an?\s+)?(?:intro(?:duction)?|e-?intro|connecting|a\s+(?:chat|call)\s+with\s+(?:her|him|them))\b/i,
  /\b(?:happy|glad|delighted)\s+to\s+(?:make\s+(?:the|an|a)\s+)?(?:intro(?:duction)?|introduce|e-?intro)\b|\b(?:happy|glad|delighted)\s+to\s+(?:intro(?:duce)?|connect|put)\s+you\b|\b(?:can|could)\s+i\s+(?:intro(?:duce)?|connect|put)\s+you\b/i,
  /\blet\s+me\s+know\s+if\s+you['’]?d\s+(?:like|want|be\s+(?:open|interested))\s+(?:to\s+)?(?:an?\s+)?(?:intro(?:duction)?|connect|me\s+to\s+(?:intro|introduce|connect))\b/i,
  new RegExp(String.raw`\bwould\s+you\s+(?:be\s+)?(?:willing|open|up\s+for|interested\s+in)\s+(?:to\s+)?(?:an?\s+(?:quick\s+|short\s+)?(?:call|chat|coffee)\s+with|chat(?:ting)?\s+with|talk(?:ing)?\s+(?:to|with)|speak(?:ing)?\s+(?:to|with)|meet(?:ing)?)\s+(?:him|her|them|${WHO})`, "u"),
];
const OPT_IN =
  /\b(?:would you be (?:open|up) (?:to|for)|are you open to|would you like|would it be helpful if i|happy to|shall i|want me to|can i|may i)\b[^.?!\n]*?\b(?:intro(?:duce)?|introduction|connect)\b[^.?!\n]*?\b(?:to|with)\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?)/iu;
// Asking whether the reader wants to talk, about a third person described in the mail ("I just met this founder… do you want to talk?").
const WANTS_TO_TALK = /\b(?:do|would)\s+you\s+(?:want|like|care)\s+to\s+(?:talk|chat|meet|connect|speak|hear\s+more)\b|\b(?:interested|keen)\s+(?:to|in)\s+(?:connect|chat|meet|talk)(?:ing)?\b/i;
const THIRD_PARTY = /\b(?:my\s+(?:friend|colleague|former\s+colleague|contact|classmate)|(?:this|a|one)\s+(?:founder|friend|colleague|person|candidate|investor|engineer|designer|entrepreneur|student)|someone\s+who|i\s+(?:just\s+)?met\s+(?:this|a|an)|i\s+know\s+(?:a|an|someone))\b/i;
/** Mail that reads like an introduction and is not one. */
const REFUSALS: RegExp[] = [
  // Thanking for one, or replying to one ("moving Jim to BCC").
  /\bthanks?(?:\s+you)?\s+(?:so\s+much\s+|again\s+)?for\s+(?:the|your|this|making\s+the)\s+(?:kind\s+|warm\s+)?(?:e-?)?intro(?:duction)?\b|\bthanks?(?:\s+you)?\s+(?:so\s+much\s+)?for\s+(?:connecting|introducing)\s+(?:us|me)\b/i,
  /\bmov(?:e|ed|ing)\s+(?!myself\b|me\b)\S+(?:\s+\S+)?\s+to\s+bcc\b|\bto\s+bcc\b|\(bcc['’]?d?\)|\bbcc['’]?d\b/i,
  // Introducing oneself, also on someone's suggestion.
  /\bintroduce\s+myself\b|\bmy\s+name\s+is\b|\b(?:was|been|were)\s+referred\s+to\s+you\b|\bsuggested\s+(?:that\s+)?(?:i|we)\s+(?:reach\s+out|contact|get\s+in\s+touch|write|email)\b/i,
  // Asking someone else for an intro.
  /\b(?:could|would|can|will)\s+you\s+(?:be\s+(?:open|willing)\s+to\s+)?(?:please\s+)?(?:introduc\w*\s+me|intro\s+me|connect\s+me|put\s+me\s+in\s+touch)\b|\bintroducing\s+me\s+to\b|\b(?:love|like|appreciate)\s+(?:an?\s+)?(?:warm\s+)?(?:e-?)?intro(?:duction)?\s+to\b|\b(?:do|would)\s+you\s+(?:happen\s+to\s+)?know\s+(?:anyone|anybody|someone)\b/i,
  // Announcements to a whole team.
  /^\s*(?:dear|hi|hello|hey)\s+(?:all|team|everyone|everybody|colleagues|folks\s+at)\b|\bjoin\s+me\s+in\s+welcoming\b|\bplease\s+welcome\b|\b(?:meet|welcome)\s+our\s+new\b|\bunsubscribe\b|\bnewsletter\b|\bout\s+of\s+(?:the\s+)?office\b/im,
];
const SUBJECT_INTRO =
  /^(?:(?:re|fwd?|aw|wg):\s*)*(?:(?:double[\s-]opt[\s-]in\s+|warm\s+|virtual\s+|quick\s+)?e?-?intro(?:duction)?s?\b(?!\s+(?:request|call|meeting))|.*\S\s*(?:<>|<->|<=>|<-+>|↔|\/\/)\s*\S|.*\bmeet\s+\p{Lu}|connecting\s+\S)/iu;
const REASON =
  /\b(because|since|both|thought you|think you|you two|should (talk|meet|connect|chat|compare)|would (love|enjoy|benefit)|given|working on|building|invest(s|ing|or)?|looking for|hiring|raising|expert|knows|background|help)\b/i;
const GREETING = /^(hi|hey|hello|dear|hallo|bonjour|hola)\b[^.!?\n]*[,!]?$/i;

/** `confidential`: all of the text is private (a forwarded introduction below a lone `#private` line). */
function reasonIn(text: string, confidential = false): string {
  const candidates = splitSentences(text, { private: confidential })
    .filter((s) => !s.private)
    .map((s) => s.text.replace(/\s+/g, " "))
    .filter((s) => !GREETING.test(s));
  const why = candidates.find((s) => REASON.test(s)) ?? candidates.find((s) => PRESENTS.some((p) => p.test(s))) ?? "";
  return why.length > 300 ? `${why.slice(0, 297)}…` : why;
}

export interface IntroductionReading {
  /** The mail presents people to each other (or hands over to them). */
  presents: boolean;
  /** The mail asks one side for consent first. */
  asksConsent: boolean;
  /** The mail is a look-alike: self-introduction, request, thanks, reply, announcement. */
  refused: boolean;
  /** The subject names an introduction ("Intro:", "Ana <> Ben", "Meet Ana"). */
  subject: boolean;
}

/** What the subject and the opening of the text say, before who it is addressed to is weighed. */
export function readIntroduction(subject: string, text: string): IntroductionReading {
  const opening = publicText(text).slice(0, OPENING_CHARS);
  const all = text.slice(0, OPENING_CHARS);
  return {
    presents: PRESENTS.some((p) => p.test(opening)) || HANDS_OFF.some((p) => p.test(opening)) || HANDS_OVER.test(opening),
    asksConsent: ASKS_CONSENT.some((p) => p.test(opening)) || OPT_IN.test(opening) || (WANTS_TO_TALK.test(opening) && THIRD_PARTY.test(opening)),
    refused: REFUSALS.some((p) => p.test(all)),
    subject: SUBJECT_INTRO.test(subject),
  };
}

export function looksLikeIntroduction(subject: string, text: string): boolean {
  const r = readIntroduction(subject, text);
  return !r.refused && (r.presents || r.subject);
}

// "Ana runs design at Lumen … Ben leads a climate fund": each recipient described to the other.
const DESCRIBED_AS = String.raw`(?:['’]s\s+(?:a|an|the|been|building|working|leading|running)|\s+(?:is|runs|leads|founded|co-?founded|works|worked|builds|built|invests|heads|has\s+been|was\s+(?:the|a|an)))\b`;

/** Two recipients each described in the body by first name: the shape of an introduction without its usual words. */
function describesEachOther(recipients: readonly Mailbox[], text: string): boolean {
  const opening = publicText(text).slice(0, OPENING_CHARS);
  const firsts = recipients.map((r) => r.name?.trim().split(/\s+/)[0] ?? "").filter((n) => /^\p{Lu}\p{L}+$/u.test(n));
  const described = firsts.filter((n) => new RegExp(String.raw`\b${n}${DESCRIBED_AS}`, "u").test(opening));
  return new Set(described).size >= 2;
}

/** The user writes to two or more people and introduces them. */
export function userIntroduces(input: {
  user: Mailbox;
  recipients: readonly Mailbox[];
  subject: string;
  text: string;
}): Introduction | null {
  if (input.recipients.length < 2) return null;
  const r = readIntroduction(input.subject, input.text);
  if (r.refused || !(r.presents || r.subject || r.asksConsent || describesEachOther(input.recipients, input.text))) return null;
  return {
    introducer: input.user,
    people: input.recipients.map((rec) => ({ name: rec.name, address: rec.address })),
    reason: reasonIn(input.text),
    optIn: false,
  };
}

const THIRD_PERSON = [
  new RegExp(String.raw`\b(?:intro(?:duce)?|introduction|connect|meet)\s+(?:you\s+)?(?:to|with)\s+(${NAME})`, "u"),
  new RegExp(String.raw`\bintroduc(?:e|ing)\s+(?:you\s+to\s+|to\s+you\s+)?(?:(?:my|our)\s+\w+\s+)?(${NAME})`, "u"),
  new RegExp(String.raw`\b(?:my|our)\s+(?:good\s+|dear\s+|old\s+)?(?:friend|colleague|partner|contact|classmate|mentee|client|cofounder|co-founder)\s+(${NAME})`, "iu"),
  new RegExp(String.raw`\b(?:connected|friends|worked)\s+with\s+(${NAME})`, "u"),
  new RegExp(String.raw`\bmeet\s+(${NAME})`, "u"),
  // "A very dear friend of mine, Mrs. Fred West, is going…", "Julian Gibbs is going to Buffalo…".
  new RegExp(String.raw`\bfriend\s+of\s+(?:ours|mine)\s*,\s*(${NAME})`, "iu"),
  new RegExp(String.raw`(?:^|[.!?]\s+)(\p{Lu}\p{L}+\s+\p{Lu}\p{L}+)\s+(?:is|will\s+be)\s+(?:going|coming|moving|visiting|travell?ing|to\s+be\s+in|in\s+town)\b`, "mu"),
  new RegExp(String.raw`\b(?:phone|spoke|talked|chatted|met|lunch|coffee|dinner)\s+(?:with|to)\s+(${NAME})`, "u"),
];

const HONORIFIC = /^(?:(?:mr|mrs|ms|miss|mx|dr|prof)\.?\s+)+/i;

/** The person the one recipient is to be introduced to, as written, when the text names one. */
function thirdPerson(text: string, recipient: Mailbox): string | null {
  // "Mr. Kotwal" is known by "Kotwal": a title is not the name that tells the recipient from the one presented.
  const recipientFirst = recipient.name?.replace(HONORIFIC, "").split(/\s+/)[0]?.toLowerCase() ?? null;
  for (const pattern of THIRD_PERSON) {
    for (const m of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      const name = m[1]?.replace(/['’]s$/, "").trim();
      if (!name || NOT_A_NAME.test(name.split(/\s+/)[0] ?? "")) continue;
      if (recipientFirst && name.replace(HONORIFIC, "").toLowerCase().startsWith(recipientFirst)) continue;
      return name;
    }
  }
  return null;
}

/**
 * Written to one person about another: a double opt-in ask ("Would you be open to
 * an intro to Ben Cho?"), or a one-sided introduction whose other side is not on
 * the mail ("Wanted to introduce you to Eric Fung…"). Either way the user is the
 * introducer and the other side is known by name only, if at all.
 */
export function userAsksToIntroduce(input: {
  user: Mailbox;
  recipients: readonly Mailbox[];
  text: string;
  subject?: string;
}): Introduction | null {
  const [recipient, ...others] = input.recipients;
  if (!recipient || others.length > 0) return null;
  // A name asked about in confidence is not echoed back as an introduction to make.
  const visible = publicText(input.text).slice(0, OPENING_CHARS);
  const r = readIntroduction(input.subject ?? "", input.text);
  if (r.refused) return null;
  const name = thirdPerson(visible, recipient);
  const optIn = r.asksConsent;
  // A one-sided introduction must name whom it presents; an ask may describe them ("someone who…").
  if (!optIn && !(r.presents && name)) return null;
  return {
    introducer: input.user,
    people: [
      { name: recipient.name, address: recipient.address },
      { name, address: null },
    ],
    reason: reasonIn(input.text),
    optIn,
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
