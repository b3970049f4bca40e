// Commitments: "I'll send the deck by Friday" is the user's promise when the
// user wrote it, and something the user is waiting on when someone else did
// ("I'll get back to you next week", or "Ben said he'd send the term sheet").
import type { Detection, SentenceContext } from "./detection.ts";
import type { Referent } from "./resolve-person.ts";
import { clauseStart, scopeEnd, shortText } from "./clauses.ts";
import { counterpartOf } from "./counterparts.ts";
import { COMMIT_VERB, FOLLOW_UP_VERB, LOGISTICS_OBJECT } from "./verbs.ts";
import { forText } from "./ascii-regex.ts";

const VERB = new RegExp(COMMIT_VERB, "giu");
const EARLIER_VERB = new RegExp(COMMIT_VERB, "giu");
const FOLLOW_UP_AT = new RegExp(`^${FOLLOW_UP_VERB}`, "iu");
const ADVERBS = String.raw`(?:(?:just|also|definitely|def|happily|quickly|then|probably|gladly|still|first|now|absolutely|really|personally|try\s+and|go\s+ahead\s+and)\s+)*`;
// The subject and modal right before the verb. Groups: 1 pronoun + modal, 2 the
// modal, 3 a first-person shorthand, 4 a bare modal whose subject is further left.
const MODAL = String.raw`(?:\b(i|we|he|she|they|you|u)\s*('ll|'d|\s+will|\s+would|\s+shall|'m\s+(?:going\s+to|gonna)|\s+am\s+(?:going\s+to|gonna)|'re\s+(?:going\s+to|gonna)|\s+are\s+(?:going\s+to|gonna)|'s\s+(?:going\s+to|gonna)|\s+is\s+(?:going\s+to|gonna)|\s+can|\s+need\s+to|\s+have\s+to|\s+must|\s+(?:have|'ve)\s+got\s+to|\s+gotta|\s+promised\s+to|\s+agreed\s+to)|\b(ill|im\s+(?:going\s+to|gonna)|lemme|let\s+me)|\b(will|would|gonna|going\s+to|promised\s+to|agreed\s+to|offered\s+to))\s+${ADVERBS}`;
const MODAL_BEFORE = new RegExp(`${MODAL}$`, "iu");
// "I'll dig into this and send you…": any verb's modal, for a commitment coordinated with it.
const ANY_MODAL = new RegExp(MODAL, "giu");
// "would" promises only when reported: "she said she'd", "I told Ana I would".
const REPORTING = /\b(?:said|says|told|tells|promised|agreed|mentioned|offered|wrote|confirmed|replied)\b/i;
// "I'll dig out the report and send it": the second verb shares the first one's subject.
const COORDINATED = /\b(?:and|then|&)\s+(?:(?:also|then|maybe)\s+)?$/i;
// "I can introduce you to X if that's helpful" offers rather than promises.
const CONDITIONAL = /\bif\s+(?:that's|that\s+is|it's|it\s+is|that\s+would\s+be|it\s+would\s+be)\s+(?:helpful|useful|of\s+use)\b|\bif\s+(?:it\s+helps|you'?d\s+like|you\s+(?:want|like)|useful|helpful)\b/i;
// A to-do in notes: "send a card", "intro ana to ben". Only verbs that are rarely nouns.
const NOTE_IMPERATIVE =
  /(?:^|[,;]\s*|\b(?:and|then)\s+)(?:send|share|forward|introduce|email|draft|write|prepare|book|schedule|buy|order|reply\s+to|get\s+back\s+to|intro\s+(?=\S+\s+to\b))(?![\p{L}])(?!\s+(?:went|was|is|call|with|w\/|from)\b)/iu;
const TASK_START = new RegExp(String.raw`^(?:i\s+(?:will\s+|'ll\s+)?)?${ADVERBS}(?=${COMMIT_VERB})`, "iu");
const OWE = /\bi\s+owe\s+(?:[\p{L}'-]+\s+){1,2}?(?:an?|the|my|some)\s+/giu;
const WAITING = /\bwaiting\s+(?:on|for)\s+([\p{L}][\p{L}'.-]*)(?:\s+([\p{L}][\p{L}'.-]*))?/giu;

function kindFor(who: Referent, ctx: SentenceContext): "promise" | "waiting_on" | null {
  if (who.type === "nobody") return null;
  if (who.type === "user") return ctx.authorIsUser ? "promise" : null;
  return "waiting_on";
}

function due(ctx: SentenceContext, verbAt: number, clauseFrom: number): string | null {
  return (
    (ctx.dateIn(verbAt, scopeEnd(ctx.body, verbAt), { mode: "deadline" }) ??
      ctx.dateIn(clauseFrom, verbAt, { mode: "deadline" }))?.date ?? null
  );
}

function subjectOf(ctx: SentenceContext, verbAt: number, depth = 0): { who: Referent[]; from: number; modal: string } | null {
  const { body } = ctx;
  const windowStart = Math.max(0, verbAt - 80);
  const m = forText(MODAL_BEFORE, ctx.ascii).exec(body.slice(windowStart, verbAt));
  if (!m && depth === 0 && COORDINATED.test(body.slice(windowStart, verbAt))) {
    let earlier: number | null = null;
    for (const v of body.slice(0, verbAt).matchAll(forText(EARLIER_VERB, ctx.ascii))) {
      if (scopeEnd(body, v.index) >= verbAt) earlier = v.index;
    }
    if (earlier === null) {
      for (const modal of body.slice(0, verbAt).matchAll(forText(ANY_MODAL, ctx.ascii))) {
        const after = modal.index + modal[0].length;
        if (scopeEnd(body, after) >= verbAt) earlier = after;
      }
    }
    return earlier === null ? null : subjectOf(ctx, earlier, depth + 1);
  }
  if (!m) {
    const lineStart = ctx.body.slice(0, verbAt).trim() === "" || forText(TASK_START, ctx.ascii).test(body);
    if (!lineStart || verbAt > 40) return null;
    if (ctx.taskLine) return { who: [ctx.people.author()], from: 0, modal: "" };
    if (ctx.topic) return { who: ctx.topic, from: 0, modal: "" };
    return null;
  }
  const modalAt = windowStart + m.index;
  const pronoun = m[1];
  const modal = (m[2] ?? m[4] ?? "").trim().toLowerCase();
  if ((modal === "'d" || modal === "would") && !REPORTING.test(body.slice(0, modalAt))) return null;
  if (modal === "can" && pronoun && !/^(i|we)$/i.test(pronoun)) return null;
  if (pronoun) return { who: [ctx.people.pronoun(pronoun, body, modalAt)], from: modalAt, modal };
  if (m[3]) return { who: [ctx.people.author()], from: modalAt, modal: m[3].toLowerCase() };
  const explicit = ctx.people.subjectBefore(body, modalAt);
  return { who: explicit ?? ctx.topic ?? [ctx.people.author()], from: clauseStart(body, modalAt), modal };
}

function commitments(ctx: SentenceContext): Detection[] {
  const out: Detection[] = [];
  const verb = forText(VERB, ctx.ascii);
  verb.lastIndex = 0;
  for (let m = verb.exec(ctx.body); m; m = verb.exec(ctx.body)) {
    const verbAt = m.index;
    const afterVerb = ctx.body.slice(verbAt + m[0].length);
    if (/^send/i.test(m[0]) && LOGISTICS_OBJECT.test(afterVerb)) continue;
    const subject = subjectOf(ctx, verbAt);
    if (!subject) continue;
    const end = scopeEnd(ctx.body, verbAt);
    if (subject.modal === "can" && CONDITIONAL.test(ctx.body.slice(verbAt, end))) continue;
    for (const who of subject.who) {
      const kind = kindFor(who, ctx);
      if (!kind) continue;
      // In notes to Tend, "I'll follow up with her in May" sets a reminder instead.
      if (kind === "promise" && !ctx.addressedToSomeone && FOLLOW_UP_AT.test(ctx.body.slice(verbAt))) continue;
      // "Priya offered to intro Tom" is an offer (offers.ts), not yet something to wait on.
      if (kind === "waiting_on" && subject.modal.startsWith("offered")) continue;
      out.push({
        kind,
        who: [who],
        text: shortText(ctx.body, subject.from, end),
        due: due(ctx, verbAt, subject.from),
        tag: null,
        counterpart: kind === "promise" ? counterpartOf(ctx, { start: verbAt, end: verbAt + m[0].length }, end) : null,
      });
    }
  }
  return out;
}

function waitingOn(ctx: SentenceContext): Detection[] {
  if (!ctx.authorIsUser) return [];
  const out: Detection[] = [];
  WAITING.lastIndex = 0;
  for (let m = WAITING.exec(ctx.body); m; m = WAITING.exec(ctx.body)) {
    const at = m.index + m[0].indexOf(m[1] ?? "");
    const names = ctx.people.namesIn(ctx.body.slice(at)).filter((n) => n.index === 0);
    const word = m[1] ?? "";
    const who: Referent =
      names[0]?.who ?? (/^(?:him|her|them)$/i.test(word) ? ctx.people.pronoun(word, ctx.body, at) : { type: "unresolved" });
    if (who.type === "user" || who.type === "nobody") continue;
    out.push({
      kind: "waiting_on",
      who: [who],
      text: shortText(ctx.body, m.index, scopeEnd(ctx.body, m.index)),
      due: ctx.dateIn(m.index, scopeEnd(ctx.body, m.index), { mode: "deadline" })?.date ?? null,
      tag: null,
    });
  }
  return out;
}

function noteTodos(ctx: SentenceContext): Detection[] {
  if (!ctx.authorIsUser || ctx.addressedToSomeone || ctx.topic) return [];
  const m = NOTE_IMPERATIVE.exec(ctx.body);
  if (!m) return [];
  const at = m.index + m[0].search(/\p{L}/u);
  if (subjectOf(ctx, at) || ctx.people.subjectBefore(ctx.body, at)) return [];
  const end = scopeEnd(ctx.body, at);
  return [
    {
      kind: "promise",
      who: [{ type: "user" }],
      text: shortText(ctx.body, at, end),
      due: ctx.dateIn(at, end, { mode: "deadline" })?.date ?? null,
      tag: null,
      counterpart: counterpartOf(ctx, { start: at, end: m.index + m[0].length }, end),
    },
  ];
}

function owed(ctx: SentenceContext): Detection[] {
  if (!ctx.authorIsUser) return [];
  const m = OWE.exec(ctx.body);
  OWE.lastIndex = 0;
  if (!m) return [];
  const end = scopeEnd(ctx.body, m.index + 1);
  const owe = m.index + m[0].toLowerCase().indexOf("owe");
  return [
    {
      kind: "promise",
      who: [{ type: "user" }],
      text: shortText(ctx.body, m.index, end),
      due: ctx.dateIn(m.index, end, { mode: "deadline" })?.date ?? null,
      tag: null,
      counterpart: counterpartOf(ctx, { start: owe, end: owe + "owe".length }, end),
    },
  ];
}

export function detectPromises(ctx: SentenceContext): Detection[] {
  return [...commitments(ctx), ...waitingOn(ctx), ...owed(ctx), ...noteTodos(ctx)];
}
