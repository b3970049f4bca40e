// Interests and values: hashtags (#climate) and stated ones ("passionate about
// education"), each as a normalised tag.
import type { Detection, SentenceContext } from "./detection.ts";
import { describedWho } from "./described.ts";
import { forText } from "./ascii-regex.ts";

const HASHTAG = /(?:^|[^\p{L}\p{N}_#&/])#(\p{L}[\p{L}\p{N}_-]*)/gu;
const STATED: RegExp[] = [
  /\b(?:passionate|obsessed|crazy|nerdy|geeky)\s+about\b|\bobsessed\s+with\b|\bfascinated\s+by\b|\bbig\s+fan\s+of\b/giu,
  /(?:\b(?:is|are|am)|'s|'re|'m)\s+(?:(?:really|super|very|so|big|also|both|all|totally|deeply|quite|pretty|heavily|hugely)\s+)*into\b/giu,
  /\b(?:really|big|super)\s+into\b|\bbig\s+on\b|^(?:(?:really|super|very|also)\s+)?into\b/giu,
  /\bcares?\s+(?:(?:a\s+lot|deeply|so\s+much|a\s+great\s+deal|passionately|mostly)\s+)?about\b/giu,
  /\binterested\s+in\b|\b(?:nerds?|geeks?)\s+out\s+(?:about|on|over)\b/giu,
];
const OBJECT_END =
  /[.,;:!?()\n—–]|\s-\s|\b(?:but|so|which|because|since|these\s+days|lately|recently|right\s+now|at\s+the\s+moment|too|as\s+well|on\s+weekends|who|might|and\s+(?:is|are|has|have|was|wants|volunteers|works))\b/iu;
const OBJECT_SPLIT = /\s*(?:&|\band\b|\bor\b|\/)\s*/iu;
const LEADING_FILLER = /^(?:the|a|an|all\s+things|anything|everything|stuff\s+like|things\s+like|anything\s+to\s+do\s+with)\s+/iu;
// "interested in joining", "into your idea": not an interest in a topic.
const NOT_A_TOPIC = /^(?:you|your|it|this|that|what|how|me|us|him|her|them|joining|working|meeting|hearing|chatting|talking|helping|being|doing|getting|having|learning\s+more)\b/iu;
const TAG_MAX_WORDS = 4;

export function normalizeTag(text: string): string {
  return text
    .toLowerCase()
    .replace(/^#/, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

function topics(rest: string): string[] {
  const end = OBJECT_END.exec(rest);
  const object = (end ? rest.slice(0, end.index) : rest).trim();
  const out: string[] = [];
  for (const part of object.split(OBJECT_SPLIT)) {
    const topic = part.trim().replace(LEADING_FILLER, "");
    if (!topic || NOT_A_TOPIC.test(topic) || topic.split(/\s+/).length > TAG_MAX_WORDS) continue;
    out.push(topic);
  }
  return out;
}

function hashtags(ctx: SentenceContext): Detection[] {
  const out: Detection[] = [];
  HASHTAG.lastIndex = 0;
  for (let m = HASHTAG.exec(ctx.body); m; m = HASHTAG.exec(ctx.body)) {
    const tag = normalizeTag(m[1] ?? "");
    if (!tag || tag === "private") continue;
    // "#climate" on a line of its own is the note's, not the last-named person's.
    const who = ctx.sentence.tagsNote ? ctx.noteAbout() : (ctx.topic ?? ctx.people.describedDefault(ctx.body, null));
    const people = who.filter((w) => w.type === "person" || w.type === "unresolved");
    if (people.length > 0) out.push({ kind: "interest", who: people, text: `#${m[1] ?? tag}`, due: null, tag });
  }
  return out;
}

function stated(ctx: SentenceContext): Detection[] {
  const out: Detection[] = [];
  for (const written of STATED) {
    const pattern = forText(written, ctx.ascii);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(ctx.body); m; m = pattern.exec(ctx.body)) {
      const who = describedWho(ctx, m.index);
      if (who.length === 0) continue;
      for (const topic of topics(ctx.body.slice(m.index + m[0].length))) {
        const tag = normalizeTag(topic);
        if (tag) out.push({ kind: "interest", who, text: `${m[0].trim()} ${topic}`.trim(), due: null, tag });
      }
    }
  }
  return out;
}

export function detectInterests(ctx: SentenceContext): Detection[] {
  return [...hashtags(ctx), ...stated(ctx)];
}
