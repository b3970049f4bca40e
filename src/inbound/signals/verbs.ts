// The verbs that make a sentence a commitment or a request, as regex sources.
// A verb list, not a grammar: "I'll be in Berlin" and "I'll see you there"
// commit to nothing, so only doing-something verbs count.

const COMMIT_ALTERNATIVES = String.raw`make\s+sure|dig\s+(?:up|out)|drop\s+(?:you\s+)?a\s+(?:line|note)|shoot\s+(?:you\s+)?(?:an?\s+)?(?:email|note|message)|arrange|organi[sz]e|send(?:\s+over)?|resend|share|forward|fwd|intro|introduce|connect|loop\s+in|put\s+(?:together|you\s+in\s+touch)|get\s+back|come\s+back|circle\s+back|follow[\s-]?up|check(?:\s+in)?|look\s+(?:into|at|over)|have\s+a\s+look|take\s+a\s+look|review|read|write(?:\s+up)?|draft|prepare|dig\s+up|find|ping|e-?mail|call|text|set\s+up|schedule|make\s+(?:an?\s+|the\s+)?(?:intro|introduction)s?|get\s+(?:you|it|them|this|that|the|those|these|her|him|back|in\s+touch)|pass\s+(?:it\s+|this\s+)?(?:along|on)|reply|respond|update|confirm|ask|sign|return|pay|transfer|do\s+(?:it|that|this|so)|handle|sort\s+out|figure\s+out|talk\s+to|run\s+it\s+by|think\s+of\s+(?:someone|people|names)|let\s+you\s+know(?=[^.?!]*\b(?:by|before|tomorrow|tmrw|next|this|end|today|tonight)\b)|have(?=\s+(?:it|this|that|them|the|those|these|my|our|a|an|some)\s[^.?!;]{0,60}?\b(?:(?:over|back|across)\s+to\s+(?:you|u)|ready\s+(?:for\s+you|by))\b)`;

export const COMMIT_VERB = String.raw`(?:${COMMIT_ALTERNATIVES})(?![\p{L}])`;

/** Follow-up verbs: in notes to Tend they set a reminder rather than make a promise. */
export const FOLLOW_UP_VERB = String.raw`(?:follow(?:ing)?[\s-]?up|f/u|check(?:ing)?\s+(?:back|in)|circle\s+back|touch\s+base|ping|nudge|reconnect|catch\s+up|sync(?:\s+up)?|reach\s+out\s+again|revisit|chase)(?![\p{L}])`;

export const ASK_VERB = String.raw`(?:${COMMIT_ALTERNATIVES}|help|speak|give|provide|let\s+me\s+know|introduce\s+me|put\s+me\s+in\s+touch|recommend|suggest|tell\s+me|fill\s+(?:in|out))(?![\p{L}])`;

export const ASK_GERUND = String.raw`(?:sending|sharing|taking\s+a\s+look|looking\s+(?:at|into|over)|reviewing|forwarding|introducing|making\s+(?:an?\s+)?intro(?:duction)?s?|signing|reading|checking|passing|connecting|helping|giving|putting|speaking|writing|joining)(?![\p{L}])`;

// "send a calendar invite" is logistics, not a promise worth keeping.
export const LOGISTICS_OBJECT = /^\s*(?:over\s+|you\s+|out\s+)?(?:an?\s+|the\s+)?(?:calendar\s+|zoom\s+|meeting\s+|teams\s+)?(?:invite|invitation|link\s+to\s+the\s+call|zoom|calendar)/i;
