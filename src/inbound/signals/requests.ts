// Whether a sentence asks its reader to do, decide, answer or provide something,
// read by its form rather than by phrases seen before: an imperative at the head of
// a clause, a modal question ("could you…", "can we…?"), a direct question, an
// indirect ask ("I was wondering if…", "I would appreciate…", "I need the…"),
// an unconditional "let me know", "let's…", a suggestion to the reader, a relayed
// ask, or a deadline put on the reader. Courtesy offers ("if you have questions,
// let me know"), greetings and wishes in imperative form, attachment formulae and
// closings ask for nothing. Which direction the ask goes is the caller's.

export type RequestForm =
  | "imperative"
  | "modal_question"
  | "question"
  | "indirect"
  | "let_me_know"
  | "lets"
  | "suggestion"
  | "reported"
  | "deadline";

export interface RequestMatch {
  form: RequestForm;
  /** Where the request starts in the sentence. */
  index: number;
}

// Verbs whose bare form at the head of a clause is an instruction. Grammar, not a
// phrasebook: any of these followed by an object, a particle or the end is imperative.
const ACTION_VERBS = String.raw`send|resend|forward|fwd|call|phone|ring|email|e-mail|fax|text|ping|reply|respond|answer|confirm|review|read|check|double-check|look|sign|return|submit|complete|fill|finish|approve|update|add|remove|delete|change|fix|correct|edit|revise|print|prepare|draft|write|make|set|schedule|reschedule|book|arrange|organi[sz]e|plan|coordinate|contact|reach|get|give|provide|share|bring|take|keep|hold|tell|ask|inform|notify|remind|advise|explain|discuss|talk|speak|join|attend|come|stop|drop|pick|find|identify|list|create|compile|collect|gather|pull|run|test|try|verify|ensure|follow|pay|transfer|wire|order|buy|ship|deliver|invite|include|copy|cc|loop|introduce|connect|consider|think|decide|choose|select|rank|evaluate|assess|estimate|calculate|analy[sz]e|investigate|research|handle|resolve|sort|clean|start|begin|continue|proceed|cancel|postpone|move|push|leave|save|download|upload|install|circulate|distribute|post|publish|present|summari[sz]e|outline|describe|clarify|specify|indicate|note|mark|flag|route|direct|assign|escalate|chase|nudge|remember|hurry|go|use|put|feel|plan|block|reserve|grab|shoot|drop|swing|stop|come|kick[\s-]off`;
const IMPERATIVE_HEAD = new RegExp(
  String.raw`^(?:(?:please|pls|kindly|just|also|then|now|so|and|but|simply|quickly|do)\s+)*(?:(?:don't|do\s+not|never)\s+(?:forget|hesitate)\s+to\s+)?(${ACTION_VERBS})(?![\p{L}'’-])(?:\s+(?:ahead\s+and|on\s+and|and)\s+\p{L}+)?`,
  "iu",
);
// What may follow an imperative verb: an object, a particle, an adverb, a name, or nothing.
const AFTER_VERB =
  /^(?:\s*[.!?;:,)]|\s*$|\s+(?:me|us|him|her|them|it|this|that|these|those|everyone|everybody|someone|somebody|anyone|anybody|all|the|a|an|your|my|our|his|their|its|some|any|each|every|both|more|whatever|what|which|how|when|where|whether|if|who|up|out|in|on|over|back|down|off|ahead|through|around|along|by|to|with|for|about|into|from|at|asap|again|soon|today|tomorrow|directly|immediately|now|together|here|there|\d|\p{Lu}|[\p{L}]+ly\b))/iu;
// Imperative in form, but a wish, a greeting, a formula or a pointer ("have a good weekend", "see attached").
const NOT_AN_INSTRUCTION =
  /^(?:(?:please|pls|kindly|just|also|so|and)\s+)*(?:have\s+(?:a|an|fun|a\s+\w+\s+(?:time|day|weekend|trip|holiday|one))|enjoy|take\s+care|get\s+(?:well|some\s+rest|better)|stay\s+(?:tuned|safe|well|warm|dry)|drive\s+(?:safe|carefully)|feel\s+free|feel\s+better|note\s+(?:that|the)|see\s+(?:attached|below|above|you|the\s+attached)|find\s+attached|check\s+(?:this|it)\s+out|go\s+home|join\s+(?:me|us)\s+in\s+(?:congratulating|welcoming|thanking)|look\s+forward|remember\s*(?:,|that|our|when|the|how)|think\s+of\s+(?:it|this)\s+as|keep\s+up\s+the|congratulations|welcome)/iu;
// Where a clause can start inside a sentence: after a vocative or a lead-in ("Ben,", "Great--", "At 6:30 tomorrow,").
const CLAUSE_HEADS = /(?:^|[,;:]\s+|\s*(?:--|—|–)\s*|\s-\s)/g;
const CLAUSE_HEAD_WINDOW_CHARS = 90;

// The reader is offered something on a condition of their own: no ask.
const COURTESY_CONDITION =
  /\bif\s+(?:you|there\s+(?:is|are))\s+(?:have|has|need|want|would\s+like|'d\s+like|require|are\s+interested|'re\s+interested|run\s+into|see\s+anything|think\s+of|any|anything|further|more|questions|problems|issues|concerns|doubts)\b|\bif\s+(?:i|we)\s+can\s+(?:help|be\s+of)\b|\bif\s+(?:needed|necessary|required|you\s+wish|you\s+like|you\s+prefer|so\s+desired|available)\b|\bshould\s+you\s+(?:have|need|require)\b/i;
const COURTESY_ACT =
  /\b(?:let\s+(?:me|us)\s+know|call|contact|reach\s+out|e-?mail|ask|get\s+in\s+touch|give\s+(?:me|us)\s+a\s+(?:call|ring|shout)|drop\s+(?:me|us)\s+a\s+(?:line|note)|feel\s+free|don't\s+hesitate|do\s+not\s+hesitate|ping|text|find\s+me|join|attend)\b/i;
const FORMULA = /\b(?:feel\s+free|don't\s+hesitate|do\s+not\s+hesitate|please\s+(?:find|see)\s+attached|attached\s+(?:please\s+)?(?:find|is|are)|please\s+note|please\s+be\s+advised|please\s+join\s+(?:me|us)\s+in|please\s+accept|please\s+excuse|please\s+forgive)\b/i;

// A sign-off ("let's stay in touch", "talk soon") wishes the relationship well; it asks for no act to wait on.
const PATTERNS: { form: RequestForm; pattern: RegExp }[] = [
  { form: "modal_question", pattern: /\b(?:can|could|would|will|won't|wouldn't|couldn't)\s+(?:you|u|y'all|each\s+of\s+you|everyone|somebody|someone|one\s+of\s+you)\s+(?!(?:believe|imagine|guess)\b)/i },
  { form: "modal_question", pattern: /\b(?:can|could|shall|may)\s+(?:we|i)\s+[^.?!]*\?/i },
  { form: "modal_question", pattern: /\bwould\s+it\s+be\s+(?:possible|ok|okay|alright|feasible)\b|\bis\s+(?:it|there\s+any\s+way|there\s+any\s+chance)\s+(?:possible\s+)?(?:for\s+you\s+)?(?:to|that\s+you)\b|\b(?:do|would)\s+you\s+mind\b|\bany\s+chance\s+(?:you|we)\b/i },
  { form: "let_me_know", pattern: /\b[Ll]et\s+(?:[Mm]e|[Uu]s|[Hh]im|[Hh]er|[Tt]hem|\p{Lu}\p{Ll}+)\s+know\b/u },
  { form: "lets", pattern: /(?:^|[,;:—–-]\s*|\b(?:so|and|then|now|ok|okay)\s+)let['’]?s\s+(?!(?:see|hope|not\s+forget|say|face\s+it|be\s+honest|(?:stay|keep)\s+in\s+touch|(?:talk|speak)\s+soon|keep\s+(?:each\s+other\s+)?posted)\b)\p{L}/iu },
  { form: "indirect", pattern: /\b(?:i|we)\s+(?:was|were|am|are|'m|'re)?\s*wonder(?:ing)?\s+(?:if|whether|when|how|what|who)\b|\bi\s+wonder\b/i },
  { form: "indirect", pattern: /\b(?:i|we)(?:\s+would|'d|\s+will|'ll)?\s+(?:really\s+|greatly\s+|very\s+much\s+|sincerely\s+)?(?:appreciate|be\s+(?:grateful|greatful|thankful|obliged|indebted))\b|\bwould\s+(?:be\s+)?(?:greatly\s+|much\s+|very\s+much\s+)?appreciated\b|\bwould\s+greatly\s+appreciate\b/i },
  { form: "indirect", pattern: /\b(?:i|we)(?:\s+would|'d)\s+(?:like|love|want)\s+(?:you|for\s+you|to\s+have\s+you|each\s+of\s+you|everyone|your)\b/i },
  { form: "indirect", pattern: /\b(?:i|we)(?:\s+would|'d)\s+(?:like|love)\s+to\s+(?:talk|speak|meet|chat|discuss|set\s+up|schedule|arrange|get\s+together|hear|get\s+your|ask|see\s+you)\b[^.?!]*\b(?:you|your)\b/i },
  { form: "indirect", pattern: /\b(?:hoping|hope|hoped|wanted|want|like)\s+to\s+(?:arrange|schedule|set\s+up|find|get|book)\s+(?:a|some)\s+(?:time|call|meeting|slot|chat)\b/i },
  { form: "indirect", pattern: /\b(?:i|we)\s+(?:really\s+|also\s+|still\s+|urgently\s+|just\s+)?need\s+(?:the|a|an|your|this|that|these|those|it|them|what|some|more|copies|to\s+(?:know|have|get|receive|see|hear)|you\s+to|an?\s+answer|approval\s+from\s+you)\b/i },
  { form: "indirect", pattern: /\bneed\s+to\s+know\b|\b(?:i|we)\s+(?:am|are|'m|'re)\s+asking\s+(?:that|you|if|whether)\b|\b(?:i|we)\s+(?:hope|trust)\s+(?:that\s+)?(?:you|each\s+of\s+you|everyone)\s*(?:can|could|will|would|'ll|are\s+able)\b/i },
  { form: "indirect", pattern: /\bif\s+(?:you|each\s+of\s+you|everyone|someone|one\s+of\s+you)\s+(?:could|can|would|might|were\s+able\s+to|get\s+a\s+chance\s+to|have\s+(?:a\s+(?:moment|minute|chance)|time)\s+to)\b/i },
  { form: "indirect", pattern: /\b(?:it\s+will\s+be|it's|it\s+is)\s+up\s+to\s+you\b|\b(?:i|we)\s+expect\s+(?:an?\s+|your\s+|to\s+(?:hear|receive|get|see))/i },
  { form: "deadline", pattern: /\b(?:must|needs?\s+to|has\s+to|have\s+to|should)\s+be\s+(?:completed|done|finished|submitted|returned|signed|sent|received|filed|approved|reviewed|in|ready|back)\b/i },
  { form: "suggestion", pattern: /\b(?:i|we)\s+(?:would\s+|'d\s+|strongly\s+)?(?:suggest|recommend|propose|advise)\b|\bmy\s+(?:suggestion|recommendation|advice)\s+(?:would\s+be|is)\b|\bwhy\s+(?:don't|not)\s+(?:you|we)\b|\b(?:how|what)\s+about\b/i },
  { form: "suggestion", pattern: /\byou\s+(?:all\s+|guys\s+|both\s+)?(?:should|need\s+to|must|have\s+to|ought\s+to|might\s+want\s+to|may\s+want\s+to|will\s+(?:need|want)\s+to)\s+(?!(?:be\s+able|have\s+(?:received|gotten|seen|heard)|now\s+(?:see|have|be)|see|receive|find|get\s+(?:a|an|the)\s+(?:email|message|notice|confirmation)|know\b))/i },
  { form: "reported", pattern: /\b(?:said|says|asked|asks|wants|wanted|would\s+like|requested|suggested)\s+(?:that\s+)?(?:you|y'all)\s+(?:should|to|could|would|need|must|please)\b|\basked\s+me\s+to\s+(?:e-?mail|tell|ask|let|remind|contact|call|write\s+to)\s+you\b/i },
];

// A question is read only in English: Tend does not yet know another language's questions from its statements.
const ENGLISH = /\b(?:the|you|your|to|a|an|is|are|we|i|it|and|of|for|can|do|does|did|what|when|where|how|why|who|which|any|have|has|this|that|there|he|she|they|was|were|will|would|could|should)\b/i;
// Small talk asks for no act: "How are you?", "How was the trip?", "What's new?".
const SMALL_TALK = /^\W*(?:(?:hi|hey|hello)\b[^?]*?)?(?:how\s+(?:are|r)\s+(?:you|u|things|you\s+doing)|how['’]?s\s+(?:it\s+going|things|life|everything|the\s+(?:family|new\s+job|weather))|how\s+(?:was|were|did)\s+(?:your|the)\s+(?:weekend|trip|holiday|holidays|vacation|break|flight|move|summer)|what['’]?s\s+(?:new|up)|how\s+have\s+you\s+been)\b/i;
const RHETORICAL = /^(?:\W*)(?:remember|guess\s+what|who\s+knew|can\s+you\s+believe|isn't\s+(?:it|that)|wasn't\s+(?:it|that)|what\s+a\b|how\s+(?:cool|great|nice|sad|funny)|why\s+not\b|right\b|huh\b|really\b|see\b)/i;

function imperativeAt(body: string): number | null {
  const window = body.slice(0, CLAUSE_HEAD_WINDOW_CHARS);
  CLAUSE_HEADS.lastIndex = 0;
  for (let m = CLAUSE_HEADS.exec(window); m; m = CLAUSE_HEADS.exec(window)) {
    const at = m.index + m[0].length;
    const rest = body.slice(at);
    if (NOT_AN_INSTRUCTION.test(rest)) {
      if (m[0] === "") CLAUSE_HEADS.lastIndex++;
      continue;
    }
    const head = IMPERATIVE_HEAD.exec(rest);
    if (head && AFTER_VERB.test(rest.slice(head[0].length))) return at;
    if (m[0] === "") CLAUSE_HEADS.lastIndex++;
  }
  const please = /\b(?:please|pls|plz|kindly)\s+(?!(?:feel|find|note|see\s+attached|be\s+advised|accept|excuse|forgive|join\s+(?:me|us)\s+in|meet\s+(?:my\s+\w+\s+)?\p{Lu})\b)\p{L}/iu.exec(body);
  return please ? please.index : null;
}

// Asking leave for the writer's own act ("would you mind if I brought a colleague?"): the reader is asked nothing to do.
const PERMISSION = /\b(?:would|do)\s+you\s+mind\s+if\s+(?:i|we)\b|\b(?:is\s+it|would\s+it\s+be)\s+(?:ok|okay|alright|fine)\s+(?:with\s+you\s+)?if\s+(?:i|we)\b/i;

/** The request a sentence makes of its reader, if it makes one. */
export function findRequest(sentence: string): RequestMatch | null {
  const body = sentence.trim();
  if (body === "" || PERMISSION.test(body)) return null;
  const courtesy = COURTESY_CONDITION.test(body);
  const formula = FORMULA.test(body);
  const found: RequestMatch[] = [];
  const imperative = imperativeAt(body);
  if (imperative !== null) found.push({ form: "imperative", index: imperative });
  for (const { form, pattern } of PATTERNS) {
    const m = pattern.exec(body);
    if (m) found.push({ form, index: m.index });
  }
  if (/\?\s*["')\]]*\s*$/.test(body) && ENGLISH.test(body) && !RHETORICAL.test(body) && !SMALL_TALK.test(body)) found.push({ form: "question", index: 0 });
  const kept = found.filter((f) => {
    // "If you have questions, let me know" and "call me if you need me": an offer, not an ask.
    if (courtesy && (f.form === "imperative" || f.form === "let_me_know") && COURTESY_ACT.test(body.slice(f.index))) return false;
    if (formula && f.form === "imperative") return false;
    return true;
  });
  if (kept.length === 0) return null;
  return kept.reduce((a, b) => (b.index < a.index ? b : a));
}

/** The text opens with an instruction ("send the deck", "find a better name"), not a wish or a formula. */
export function opensWithInstruction(text: string): boolean {
  const rest = text.trim();
  if (NOT_AN_INSTRUCTION.test(rest)) return false;
  const head = IMPERATIVE_HEAD.exec(rest);
  return !!head && AFTER_VERB.test(rest.slice(head[0].length));
}

/** A verb of doing, bare or as "-ing" ("open", "creating"): what a note's owner label is followed by. */
export const ACTION_VERB_SOURCE = ACTION_VERBS;
