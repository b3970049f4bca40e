// Requests, in both directions. Someone else's "could you review the draft?" is
// an ask of the user; the user's own "could you send the maps?" written to
// someone (not notes to Tend) is something the user now waits on; and "she
// asked me to intro her to someone" in the user's notes is an ask of the user.
// Whether a sentence asks at all is read by its form (requests.ts).
import type { Detection, SentenceContext } from "./detection.ts";
import { clauseEnd, clauseStart, shortText } from "./clauses.ts";
import { findRequest } from "./requests.ts";
import { ASK_GERUND, ASK_VERB } from "./verbs.ts";
import { forText } from "./ascii-regex.ts";

const POLITE = String.raw`(?:(?:please|pls|plz|maybe|possibly|kindly|also|still|quickly|perhaps|just)\s+)*`;
// "would you have time to", "could you do me a favour and": a lead-in before the verb.
const LEAD_IN = String.raw`(?:(?:be\s+able\s+to|help\s+me|have\s+(?:the\s+|some\s+)?(?:time|a\s+(?:moment|minute|sec|second|chance)|bandwidth|capacity)\s+to|find\s+(?:the\s+|some\s+)?time\s+to|do\s+me\s+a\s+(?:(?:big|huge|quick|small)\s+)?(?:favou?r|solid)(?:\s+and)?)\s+)?`;
// "would you mind …ing", but not about a meeting ("mind moving our call") or permission ("mind if I").
const MIND = String.raw`\b(?:would|do)\s+(?:you|u)\s+mind\s+(?:(?:just|quickly|maybe)\s+)?(?!(?:if|me|us|waiting|coming|meeting|moving|rescheduling|pushing|shifting|joining|starting|being|having|hopping|sharing\s+(?:your\s+)?screen)\b)\p{L}+ing\b`;
const DIRECT_REQUESTS: RegExp[] = [
  new RegExp(String.raw`\b(?:could|can|would|will)\s+(?:you|u)\s+${POLITE}${LEAD_IN}${ASK_VERB}`, "iu"),
  new RegExp(String.raw`\b(?:would|do)\s+(?:you|u)\s+be\s+(?:open|willing)\s+to\s+${ASK_GERUND}|${MIND}`, "iu"),
  new RegExp(String.raw`\b(?:i|we)(?:\s+was|\s+were|\s+am|\s+are|'m|'re)?\s+hop(?:e|ed|ing)\s+(?:that\s+)?(?:you|u)\s*(?:could|can|would|might|will|'d|'ll)\s+${POLITE}${LEAD_IN}${ASK_VERB}`, "iu"),
  new RegExp(String.raw`\bdo\s+me\s+a\s+(?:(?:big|huge|quick|small)\s+)?(?:favou?r|solid)\s+and\s+${POLITE}${ASK_VERB}`, "iu"),
  new RegExp(String.raw`\bany\s+chance\s+(?:you|u)\s+(?:could|can|would|might)\s+${POLITE}${ASK_VERB}`, "iu"),
  /\bwould\s+(?:you|u)\s+be\s+(?:interested|up\s+for|keen)\b/iu,
  // "can you vouch for me": any verb but the ones that ask about a meeting or nothing at all.
  /\b(?:could|can)\s+(?:you|u)\s+(?:please\s+|pls\s+|possibly\s+|maybe\s+|kindly\s+)?(?!(?:believe|imagine|make|come|meet|join|be|see|hear|like|want|do|tell\s+(?:if|whether)|still|also|not|let\s+me\s+know\s+if|send\s+(?:me\s+)?(?:an?\s+)?(?:invite|calendar))\b)[\p{L}]+/iu,
  new RegExp(String.raw`\bdo\s+you\s+have\s+(?:\d+|a\s+few|a\s+couple\s+of|some|any)?\s*(?:minutes|mins|time|a\s+moment|a\s+sec)\b[^.?!]*\bto\s+${ASK_VERB}`, "iu"),
  /\bwould\s+it\s+be\s+possible\s+(?:for\s+you\s+)?to\b|\bis\s+there\s+any\s+(?:way|chance)\s+(?:you|u)\s+(?:could|can)\b/iu,
  /\b(?:i'?d|we'?d|i\s+would|we\s+would|would)\s+(?:really\s+|so\s+|greatly\s+)?(?:love|appreciate|value)\s+(?:it\s+if\s+you\s+could|your\s+(?:feedback|thoughts|input|eyes|take|help|advice|opinion|review|comments)|an?\s+(?:intro|introduction|quick\s+look|look|review|read))/iu,
  new RegExp(String.raw`\bif\s+you\s+(?:could|can|would|have\s+(?:time|a\s+moment)\s+to|get\s+a\s+chance\s+to)\s+${POLITE}${ASK_VERB}`, "iu"),
  new RegExp(String.raw`(?:^|[,;:—–]\s*|\b(?:and|so)\s+)(?:please|pls|plz)\s+(?:do\s+)?${ASK_VERB}`, "iu"),
  /\b(?:do|would)\s+(?:you|u)\s+(?:happen\s+to\s+)?know\s+(?:of\s+)?(?:anyone|anybody|someone|somebody|any\s+\w+)\b/iu,
  /(?:^|[—–,;:-]\s*)know\s+(?:anyone|anybody|someone|somebody)\b[^.!]*\?/iu,
  /\bcan\s+i\s+ask\s+(?:you\s+)?(?:to|for|a\s+favou?r)\b/iu,
];
const REPORTED_REQUESTS =
  /\b(?:asked|asks|asking)\s+(?:me|us|if\s+i|whether\s+i|if\s+we|whether\s+we|for)\b|\b(?:wants|wanted|would\s+like|'d\s+like|needs|needed|asked)\s+(?:me|us)\s+to\b/giu;
// A wish the user reports in their notes: "she'd love an intro to Carla's studio", "he'd appreciate
// an introduction". Said of someone to the user, it is that person's ask of the user. "He wants an
// intro to a lawyer" states a need (needs.ts), and "she'd intro me" is her promise.
const REPORTED_WISH =
  /(?:['’]d|\bwould)\s+(?:(?:really|so|very\s+much|also)\s+)?(?:love|like|appreciate)\s+(?:(?:an?|some)\s+)?(?:(?:quick|warm)\s+)?(?:intro(?:duction)?s?\b|to\s+be\s+introduced\b)|\b(?:is|was)\s+hoping\s+for\s+an?\s+(?:(?:quick|warm)\s+)?intro(?:duction)?\b/giu;
// The reporting subject is someone else: not "I'd love an intro" (the user's own wish) nor "you'd".
const FIRST_OR_SECOND_PERSON = /\b(?:i|we|you|u)\s*$/iu;
// Arranging the meeting itself ("can we push our call to Tuesday?", "are you around?",
// "let's catch up in April"): settled in the next reply, not a loop to keep open.
// Follow-ups ("let's reconnect in a month") are follow_up's.
const LOGISTICS =
  /\b(?:push|mov|reschedul|postpon|shift|bump)(?:e|es|ed|ing|s)?\s+(?:our|the|this|that|it|to|back)\b|\bmake\s+it\b(?!\s+(?:work|happen|clear|better|easier|right|official))|\bshar(?:e|ing)\s+(?:your\s+)?screen\b|\b(?:are|r)\s+(?:you|u)\s+(?:free|around|available|in\s+town|about)\b|\bif\s+you(?:'re|\s+are)\s+(?:free|around|available|in\s+town)\b|\b(?:does|would|will|could)\s+(?:\S+\s+){0,3}?work\s*(?:for\s+(?:you|u)\s*)?\?|\bmake\s+it\s+(?:at|to|on|by)\b|\bmeet\s+(?:me|us)\s+(?:at|in|by|outside|downstairs)\b|\blet['’]?s\s+(?:catch\s+up|grab|get\s+together|celebrate|reconnect|meet|chat|have\s+(?:a\s+)?(?:coffee|lunch|dinner|drinks|a\s+call))\b|\bbest\s+way\s+to\s+reach\s+you\b|\bcould\s+we\s+do\s+(?:next|\p{Lu})/iu;
// "please let me know if you have questions" and "please find attached" ask for nothing.
const NOT_A_REQUEST = /\b(?:please|pls)\s+(?:let\s+me\s+know\s+if|find\s+attached|see\s+attached|feel\s+free|don't\s+hesitate)/i;

/** Where the sentence asks its reader for something: a known ask phrase first, else its form. */
function requestAt(ctx: SentenceContext): number | null {
  if (NOT_A_REQUEST.test(ctx.body) || forText(LOGISTICS, ctx.ascii).test(ctx.body)) return null;
  for (const pattern of DIRECT_REQUESTS) {
    const m = forText(pattern, ctx.ascii).exec(ctx.body);
    if (m) return m.index;
  }
  return findRequest(ctx.body)?.index ?? null;
}

function direct(ctx: SentenceContext): Detection[] {
  // The user's own notes to Tend ask nothing of anyone; mail the user writes to someone does.
  // A labelled line ("Claire: send her the results") is the user's own note, even in a mail to someone.
  if (ctx.authorIsUser && (!ctx.addressedToSomeone || ctx.topic || ctx.taskLine || ctx.groupLine)) return [];
  const at = requestAt(ctx);
  if (at === null) return [];
  return [
    {
      kind: ctx.authorIsUser ? "waiting_on" : "ask",
      who: [ctx.authorIsUser ? ctx.people.otherParty() : ctx.people.author()],
      text: shortText(ctx.body, clauseStart(ctx.body, at), ctx.body.length),
      due: ctx.dateIn(at, ctx.body.length, { mode: "deadline" })?.date ?? null,
      tag: null,
    },
  ];
}

function reported(ctx: SentenceContext): Detection[] {
  if (!ctx.authorIsUser) return [];
  const out: Detection[] = [];
  const reportedRequests = forText(REPORTED_REQUESTS, ctx.ascii);
  reportedRequests.lastIndex = 0;
  for (let m = reportedRequests.exec(ctx.body); m; m = reportedRequests.exec(ctx.body)) {
    const who = ctx.people.subjectBefore(ctx.body, m.index) ?? ctx.people.describedDefault(ctx.body, ctx.topic);
    const from = clauseStart(ctx.body, m.index);
    for (const one of who) {
      if (one.type === "user" || one.type === "nobody") continue;
      out.push({
        kind: "ask",
        who: [one],
        text: shortText(ctx.body, from, clauseEnd(ctx.body, m.index + m[0].length)),
        due: ctx.dateIn(m.index, ctx.body.length, { mode: "deadline" })?.date ?? null,
        tag: null,
      });
    }
  }
  return out;
}

/** "She'd love an intro to…", in the user's own notes about her: her ask of the user. */
function reportedWishes(ctx: SentenceContext): Detection[] {
  if (!ctx.authorIsUser || ctx.addressedToSomeone) return [];
  const out: Detection[] = [];
  const wishes = forText(REPORTED_WISH, ctx.ascii);
  wishes.lastIndex = 0;
  for (let m = wishes.exec(ctx.body); m; m = wishes.exec(ctx.body)) {
    if (FIRST_OR_SECOND_PERSON.test(ctx.body.slice(0, m.index))) continue;
    const who = ctx.people.subjectBefore(ctx.body, m.index) ?? ctx.people.describedDefault(ctx.body, ctx.topic);
    const from = clauseStart(ctx.body, m.index);
    for (const one of who) {
      if (one.type !== "person") continue;
      out.push({
        kind: "ask",
        who: [one],
        text: shortText(ctx.body, from, clauseEnd(ctx.body, m.index + m[0].length)),
        due: ctx.dateIn(m.index, ctx.body.length, { mode: "deadline" })?.date ?? null,
        tag: null,
      });
    }
  }
  return out;
}

export function detectAsks(ctx: SentenceContext): Detection[] {
  return [...direct(ctx), ...reported(ctx), ...reportedWishes(ctx)];
}
