// Life events, with their date when one is stated: "defending her thesis on
// March 3", "moving to Lisbon in June", "new baby", "birthday May 4".
import type { LifeEventTone } from "../../model.ts";
import type { Detection, SentenceContext } from "./detection.ts";
import { scopeEnd } from "./clauses.ts";
import { describedDetections } from "./described.ts";

const EVENTS: RegExp[] = [
  /\bdefend(?:s|ing|ed)?\s+(?:(?:her|his|their|my)\s+)?(?:thesis|phd|dissertation|doctorate)\b/giu,
  /\b(?:moving|relocating)\s+(?:abroad|away|house|home|back\s+home|soon|next\s+(?:week|month|year)|this\s+(?:summer|spring|autumn|fall|winter)|(?:in|on|at\s+the\s+end\s+of)\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d|the\s+(?:spring|summer|autumn|fall|winter)))/giu,
  /\b(?:moving|moved|relocating|relocated|moves)\s+(?:back\s+)?(?:to|from)\s+(?!bcc|cc|the\b|a\b|slack|email|tuesday|monday|wednesday|thursday|friday|next|tomorrow|\d)/giu,
  /\b(?:new|newborn)\s+(?:baby|born|kid|child|daughter|son)\b|\b(?:had|having|expecting|welcomed)\s+(?:a\s+|their\s+|her\s+|his\s+|our\s+)?(?:baby|babies|twins|kid|child|daughter|son)\b|\bpregnant\b|\bgave\s+birth\b|\b(?:paternity|maternity|parental)\s+leave\b/giu,
  /\b(?:started|starts|starting)\s+(?:at\s+|as\s+|(?:a|her|his|their|my)\s+new\s+(?:job|role|position)\b|school|college|university|uni\b|kindergarten|daycare|nursery)/giu,
  /(?<!\babout\s+)\b(?:joined|joining|joins)\s+(?!(?:the|a|an|us|our|me|you|him|her|them|in|this|that|for|forces)\b)\p{L}/giu,
  /(?<!\b(?:looking\s+for|find|finding|seeking|wants?|need|needs)\s+(?:a\s+)?)\bnew\s+(?:job|role|position|gig)\b|\b(?:got\s+)?promoted\b|\bpromotion\b/giu,
  /\b(?:birthday|bday|b-day)\b/giu,
  /\b(?:wedding|getting\s+married|got\s+married|engaged|honeymoon|anniversary)\b/giu,
  /\bgraduat(?:es|ed|ing|ion)\b|\bretir(?:es|ed|ing|ement)\b|\blaid\s+off\b|\bsabbatical\b|\blast\s+day\b/giu,
  /\b(?:leaving|quitting|left|quit)\s+(?:the\s+company|(?:her|his|their|my)\s+(?:job|role|company|startup|position))\b/giu,
  /\b(?:passed\s+away|died|funeral|in\s+(?:the\s+)?hospital|surgery|diagnosed|cancer|chemo|miscarriage|divorce|separated|broke\s+up|burn(?:ed|t)?[\s-]?out)\b/giu,
  /\b(?:ultra-?)?marathon\b|\bironman\b|\btriathlon\b/giu,
  /\b(?:was|were|just|been|got)\s+born\b|\bcongrat(?:s|ulations)\s+on\b|\bstarting\s+something\s+new\b|\b(?:speaking|presenting|keynoting)\s+at\b/giu,
  /\bpassed\b(?!\s+(?:on|along|the|it|this|that|me|you|him|her|them|through|by|over|around|up)\b)(?=\s+(?:away|last|yesterday|on|in|recently|this|suddenly)|\s*[,.!]|$)/giu,
  /\b(?:bought|buying)\s+(?:a|their|her|his)\s+(?:first\s+)?(?:house|flat|home|apartment)\b/giu,
  /\b(?:launch(?:ing|ed|es)?|start(?:ing|ed|s)?|found(?:ing|ed|s)?|open(?:ing|ed|s)?|setting\s+up|set\s+up)\s+(?:(?:her|his|their|my|our)\s+own|a\s+new|an?)\s+(?:company|studio|startup|business|agency|firm|practice|consultancy|restaurant|bakery|cafe|café|fund|venture)\b/giu,
  // A launch or premiere of their own work: "her product launch is December 3", "launching his app
  // on the 9th", "the album premiere". Theirs (a possessive) or with its day: "a product launch"
  // in general is news, not an event in their life; "after their launch" dates a follow-up (follow-ups.ts).
  /(?<!\b(?:after|before|until|post)\s+)\b(?:her|his|their|its|our|my)\s+(?:(?:big|first|new|\p{L}+)\s+){0,2}(?:launch|premiere|debut)(?:\s+(?:day|party|event|night))?\b|\b(?:launch|premiere)\s+(?:day|party|night)\b|\blaunch(?:es|ing|ed)?\s+(?:her|his|their)\s+(?:(?:first|new|own)\s+)?(?:product|app|book|album|site|website|course|podcast|collection|game|brand|line|campaign|beta)\b/giu,
  // "is sick", "fell ill"; "was sick last week" is usually an excuse for a slow reply.
  /(?:\b(?:is|are|got|fell)|'s|'re)\s+(?:(?:really|very|quite|seriously|pretty|so|gravely|terribly)\s+)?(?:sick|ill|unwell)\b(?!\s+(?:of|and\s+tired)\b)/giu,
  /\b(?:closed|raised|announced)\s+(?:(?:our|their|her|his|its|a|an|the)\s+)?(?:[$€£]?[\d.,]+\s*[mk]?\s+)?(?:pre-?seed|seed|series\s+[a-e]|funding|round)\b/giu,
];
// Only a company named with a capital: "leaving Figma", not "leaving early".
const LEAVING_COMPANY = /\b(?:[Ll]eaving|[Qq]uitting|(?:'ve|have|has|just)\s+left)\s+(?=\p{Lu}[\p{L}&.-]+)/gu;

const PAST = /\b(?:started|joined|moved|had|got|was|were|passed|died|graduated|left|defended|married|promoted|quit|retired|ago|yesterday)\b/i;
// "two weeks ago", "last month": a date, but not one worth a reminder.
const VAGUE_PAST = /\b(?:ago|last\s+(?:week|month|year)|recently)\b/i;
const DUE_CLAUSE = /^[,;.]?\s*(?:(?:and|but|so)\s+)?(?:she|he|they)(?:'s|'re|\s+is|\s+are)\s+(?:due|expected)\b/i;
const HAPPY_BIRTHDAY = /\bhappy\s+(?:belated\s+)?(?:birthday|bday|b-day)\b/i;

export function detectLifeEvents(ctx: SentenceContext): Detection[] {
  const past = PAST.test(ctx.body);
  return describedDetections(ctx, "life_event", [...EVENTS, LEAVING_COMPANY], (index) => {
    // "ben's dad is sick, he's flying to Lagos next week": a date after the subject changes is
    // another event's, unless that clause only dates this one ("she's pregnant, she's due in May").
    let end = scopeEnd(ctx.body, index);
    if (DUE_CLAUSE.test(ctx.body.slice(end))) end = scopeEnd(ctx.body, end + 1);
    const found = ctx.dateIn(index, end, { mode: "start", past }) ?? ctx.dateIn(0, index, { mode: "start", past });
    if (found && !VAGUE_PAST.test(found.text)) return { due: found.date };
    // "Happy birthday!" is today.
    return { due: HAPPY_BIRTHDAY.test(ctx.body) ? ctx.today : null };
  });
}

// Hard news asks for care: a "how did it go?" after a funeral is never cheerful.
const HARD_NEWS =
  /\b(?:passed\s+away|passed\b(?!\s+(?:on|along|the|it|this|that|me|you|him|her|them|through|by|over|around|up|(?:her|his|their|my)\s+(?:exam|test|bar|driving)|with)\b)|died|death|funeral|memorial|bereave\w*|grief|grieving|loss\s+of|lost\s+(?:her|his|their|my)\s+(?:mum|mom|mother|dad|father|husband|wife|partner|son|daughter|brother|sister|baby|friend|grandma|grandpa|grandmother|grandfather)|hospital|hospitali[sz]ed|surgery|operation|diagnos\w*|cancer|chemo\w*|tumou?r|stroke|heart\s+attack|illness|sick|ill\b|unwell|miscarriage|divorc\w*|separat(?:ed|ing|ion)|broke\s+up|break-?up|burn(?:ed|t)?[\s-]?out|laid\s+off|layoffs?|let\s+go|made\s+redundant|redundan\w*|fired|lost\s+(?:her|his|their|my)\s+job|shut(?:ting)?\s+down|closing\s+(?:the|her|his|their)\s+(?:company|startup|business)|injur\w*|accident|rehab|recovering)\b/i;
const GOOD_NEWS =
  /\b(?:launch\w*|new\s+(?:job|role|position|gig)|promot\w*|wedding|getting\s+married|got\s+married|engaged|honeymoon|anniversary|birthday|bday|b-day|baby|babies|twins|born|pregnant|expecting|gave\s+birth|graduat\w*|defend\w*|thesis|phd|retir\w*|sabbatical|raised|closed\s+(?:a|her|his|their|our)?\s*(?:pre-?seed|seed|series|round|funding)|funding|joined|joining|joins|starting|started|founding|founded|opening|bought|buying|marathon|ironman|triathlon|speaking|presenting|keynoting|congrat\w*)\b/i;

// A death: the hardest news, where even "how did it go?" must not be asked lightly.
const LOSS = /\b(?:passed\s+away|died|death|funeral|memorial|bereave\w*|grie(?:f|ving)|miscarriage|loss\s+of|lost\s+(?:her|his|their|my)\s+(?:mum|mom|mother|dad|father|husband|wife|partner|son|daughter|brother|sister|baby|friend|grandma|grandpa|grandmother|grandfather))\b/i;

/** Whether a life event is a loss (a death), hard news (illness, a layoff), good news (a launch, a new job, a wedding), or neither. */
export function lifeEventTone(text: string): LifeEventTone {
  if (LOSS.test(text)) return "loss";
  if (HARD_NEWS.test(text)) return "hard";
  return GOOD_NEWS.test(text) ? "good" : "neutral";
}
