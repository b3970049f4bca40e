// Meeting and 1:1 notes read by their structure, as people publish them: markdown
// headings and bold titles, bullets and checkboxes, "Owner: task" lines. A section
// says what its lines are ("Next steps", "Action items", "This week" → things to do;
// "Where do you need help?", "Needs", "Blockers" → needs) and may carry a date
// ("Work this week"); a line names its owner by @handle, name or initials
// ("KW: I'll introduce you to SC"), else the section's owner, else nobody.
// Agenda items and attendee lists are not things to do. Sentence detectors still
// run on every line; this pass adds what only the structure shows.
import { type DateMatch, dateReader } from "../../lib/time/text-dates.ts";
import { readPrivacy } from "../../domain/privacy.ts";
import type { Signal } from "../../model.ts";
import type { PeopleResolver, Referent } from "./resolve-person.ts";
import { forText, isAsciiText } from "./ascii-regex.ts";
import { ACTION_VERB_SOURCE, findRequest, opensWithInstruction } from "./requests.ts";

export type SectionKind = "action" | "need" | "agenda" | "people" | null;

export interface NoteLine {
  /** The line without its bullet or checkbox marker. */
  text: string;
  /** The raw line index in the text (privacy is per raw line). */
  index: number;
  /** The nearest heading or parent bullet that titles this line, and what it means. */
  section: string | null;
  sectionKind: SectionKind;
  /** Whose section it is: "### @ana" or a parent bullet "- @ana" / "- Ana:" over the line. */
  sectionOwner: string | null;
  checkbox: boolean;
}

export interface NoteItem {
  kind: "action" | "need";
  line: NoteLine;
  /** The owner as written (a handle without "@", a name, initials), "everyone", or null. */
  owner: string | null;
}

// A structured note: enough bullets or headings that lines, not sentences, are the units.
const MIN_BULLETS = 3;
const MAX_NOTE_LINES = 2_000;

const HEADING = /^\s{0,3}(?:#{1,6}\s+(.+?)\s*#*\s*$|\*\*([^*]{1,80})\*\*\s*:?\s*$|__([^_]{1,80})__\s*:?\s*$)/;
const COLON_TITLE = /^\s{0,3}([^\s\-*•][^:]{0,60}?)\s*:\s*$/;
const BULLET = /^(\s*)(?:[-*•+]|\d{1,2}[.)])\s+(.*)$/;
const CHECKBOX = /^\[([ xX]?)\]\s*/;
const SHORT_TITLE = /^\s{0,3}[\p{L}][\p{L}\p{N} '’&/()-]{1,50}$/u;
const EMPHASIS = /\*\*|__|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])|`/gu;
const LINK_ONLY = /^(?:\S*https?:\/\/\S+\s*)+$/;

const ACTION_SECTION =
  /^\s*(?:next|todo|plan|plans|planned|upcoming|doing|will\s+do|goals?)\s*$|\b(?:action(?:\s*items?|ables?|s)?|todos?|to-?dos?|next\s+steps?|follow[\s-]?ups?|tasks?|assignments?|deliverables|work\s+(?:for\s+)?this\s+week|this\s+week|next\s+week|priorities|what['’]?s\s+next|commitments?|owners?)\b/i;
const NEED_SECTION =
  /\b(?:needs?|where\s+(?:do\s+)?(?:you|i|we)\s+need\s+help|help\s+(?:needed|wanted)|blockers?|blocked|asks|requests?|open\s+questions?|input\s+(?:needed|wanted)|support\s+needed)\b/i;
const AGENDA_SECTION = /\bagenda\b/i;
const NOTES_SECTION = /\b(?:notes|minutes|discussion|summary|decisions?|outcomes?|actions?|action\s+items?|next\s+steps?|follow[\s-]?ups?)\b/i;
const PEOPLE_SECTION = /\b(?:participants|attendees|present|moderator|notetaker|note\s*taker|lead|roll\s*call|people|who)\b/i;

const NEED_FORMS: RegExp[] = [
  /^(?:needs?|blocked|blockers?|help\s+wanted|ask|asks)\s*:\s*\S/i,
  /\bneeds?\s+(?:more\s+|some\s+|an?\s+)?(?:review|reviews|input|help|feedback|attention|owner|ownership|love|eyes|clarification|volunteers?|decision)\b/i,
  /\b(?:we|i|they|team|project)\s+(?:really\s+|still\s+|also\s+)?need\s+(?:an?|some|more|the|user|feedback|input|help|someone|somebody|people|clarification|tests?|docs?|documentation|support|space)\b/i,
  /\bneed(?:s)?\s+to\s+(?:find|get|hire|recruit|bring\s+in)\s+(?:someone|somebody|people|an?\s+owner|help|more|other\s+people)\b/i,
  /\brequires?\s+(?:the\s+)?(?:attention|review|input|help|feedback)\b/i,
  /\b(?:input|feedback|feedbacks|help|reviews?|thoughts|comments|volunteers?)\s*(?:please|wanted|needed|welcome|appreciated)\b|\b(?:requests?\s+for|call\s+for|looking\s+for)\s+(?:help|volunteers|feedback|input|reviewers?|contributors?|an?\s+owner)\b|\bwe\s+want\s+(?:the\s+)?(?:feedbacks?|input|help)\b/i,
  /\bblock(?:ed|ing)\s+(?:by|on)\b|\bblocker\b/i,
  /\b(?:someone|somebody|anyone|anybody)\s+(?:needs?\s+to|should|must|has\s+to|to)\s+(?:take|own|lead|maintain|help)\b|\bwho\s+(?:will\s+|can\s+|is\s+going\s+to\s+|wants\s+to\s+)?(?:maintain|own|owns|take|takes|lead|leads|help|do|does|volunteer|review|is\s+responsible)\b|\bwould\s+be\s+great\s+if\s+someone\b/i,
  // Something lacking or unknown that someone has to supply.
  /\b(?:is|are)\s+(?:still\s+)?missing\b|\bwould\s+be\s+(?:needed|required)\b|\b(?:would|it['’]?d)\s+be\s+(?:good|great|nice|helpful)\s+to\s+have\b|^needs?\s+(?:the|a|an|some|more)\b|\b(?:don['’]?t|do\s+not)\s+know\s+(?:how|what|where|who|whether|if)\b|\bnot\s+sure\s+(?:how|what|where|who|whether|if)\b|\bno\s+one\s+(?:owns|is\s+(?:owning|working))\b|\bunclear\s+(?:how|what|who|whether)\b/i,
  // "Christian, could we ask each project…": a named person asked, question mark or not.
  /^\p{Lu}\p{L}+,\s+(?:could|can|would|will)\s+(?:you|we)\b/u,
  // "want to add public meetings to our cal, let us know": an unconditional call for input.
  /^(?!.*\b(?:if\s+(?:you|anyone|there)|feel\s+free)\b).*\blet\s+(?:me|us)\s+know\b/i,
  // "Ask from Brian: …", "Request to the board: …"
  /^(?:ask|request)s?\s+(?:from|of|to|for)\b[^:]{0,40}:\s*\S/i,
  // "recommendations and experience needed": a short line naming what is wanted.
  /^(?![^]*\bnot\s+(?:needed|wanted)\b)[\p{L}][\p{L}\p{N} ,&/'’-]{1,60}\s(?:needed|wanted)[.!]?$/iu,
  /\bwho\s+(?:would\s+like|wants?|is\s+willing|has\s+(?:time|bandwidth))\s+to\s+(?:help|volunteer|take|own|lead|review|champion|drive)\b/i,
  // "it just needs to be PR'd": something that must be done, with nobody named yet.
  /\b(?:it|this|that)\s+(?:just\s+|still\s+|really\s+|only\s+)?needs\s+to\s+be\s+\p{L}+(?:ed|en|['’]d)\b/iu,
  // A question that asks the group for a decision: "quick OK to act?", "any objections?".
  /\b(?:ok|okay|approval|consensus|objections?|sign[\s-]?off|go[\s-]?ahead|opinions?)\b[^?]*\?\s*$/i,
  /\btroubles?\s+with\b|\bstruggling\s+with\b|\bhighly\s+appreciated\b|\bwould\s+be\s+(?:highly\s+|much\s+)?appreciated\b/i,
];
// "-ing" forms of the action verbs as people write them in status lines ("Matt: creating issue…"):
// a final "e" drops ("create" → "creating"), a short closed syllable doubles ("set" → "setting").
const GERUNDS = ACTION_VERB_SOURCE.split("|")
  .map((v) => (/[^aeiou]e$|[sz]e$/.test(v) && !v.endsWith("ee") ? `${v.slice(0, -1)}ing` : /^[^aeiou]*[aeiou][bdgmnprt]$/.test(v) ? `${v}${v.slice(-1)}ing` : `${v}ing`))
  .join("|");
// Capitalised words that open a clause without naming anyone, and the verbs minutes narrate a speaker with
// ("Jenn: Confirms can do it", "There will be no feedback").
const NOT_A_NAME = String.raw`(?:There|This|That|These|Those|It|Its|Here|Thanks|Thank|Which|What|Who|Everything|Nothing|Something|Anything|Each|Both|Some|Any|Most|Confirms|Agrees|Accepts|Mentions|Cites|Removes|Adds|Says|Notes|Asks|Suggests|Proposes|Explains|Expresses|Seconded|Seconds)`;
const OWNER_COMMITS = String.raw`(?:will|'ll|to|is\s+going\s+to|going\s+to|gonna|should|must|can|needs?\s+to|has\s+to|agreed\s+to|offers?\s+to|plans?\s+to|wants?\s+to)`;
const ACTION_FORMS: RegExp[] = [
  new RegExp(String.raw`(?:^|[\s(])@[\w-]+\)?\s+(?:and\s+@[\w-]+\s+)?${OWNER_COMMITS}\s+\p{L}`, "iu"),
  new RegExp(String.raw`^(?:@?[\w-]+|[\p{Lu}]{2,3})\s*:\s*(?:i['’]?ll\s+|i\s+will\s+|will\s+|to\s+)?(?:${GERUNDS}|${ACTION_VERB_SOURCE})(?![\p{L}])(?!\s*(?:[,.;:]|or\b|and\b|$))`, "iu"),
  // The group as the subject of its clause; "send people to events" has them as an object.
  new RegExp(String.raw`(?:^|[,;:(]\s*|\s[-–—]\s+|\b(?:and|so|then|but|that|if|whether|when|once)\s+)(?:we|i|everyone|everybody|someone|somebody|people|all\s+of\s+us|you\s+all|y'all|team)(?:['’]ll\s+|['’](?:re|m)\s+(?:going\s+to|gonna)\s+|\s+${OWNER_COMMITS}\s+)(?!not\b)\p{L}`, "iu"),
  // "Bryan will …", and after a clause: "Discussion was positive, Myles to move it forward".
  new RegExp(String.raw`(?:^|,\s+)(?!${NOT_A_NAME}\b)\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?\s+${OWNER_COMMITS}\s+\p{L}`, "u"),
  /^(?:todo|to-?do|action(?:\s+items?)?|ai|next\s+steps?|tbd|follow[\s-]?up)\b\s*:?/i,

  /(?:^|[.;,]\s*)let['’]?s\s+(?!(?:not|hope|say)\b)\p{L}/iu,
  /\b(?:it\s+)?would\s+be\s+(?:valuable|good|great|useful|nice|helpful|best)\s+to\s+\p{L}/iu,
  /(?:^|,\s*)(?:will|wants?\s+to|going\s+to|gonna|plans?\s+to|need\s+to|needs\s+to|should|to)\s+\p{L}/iu,
  /^[a-z][\w-]*\s+(?:and\s+[a-z][\w-]*\s+)?(?:will|'ll|is\s+going\s+to|are\s+going\s+to|gonna)\s+\p{L}/u,
];
// A line that names an owner and speaks of the future or an obligation assigns a task, wherever the words sit.
const FUTURE_OR_DUTY =
  /\b(?:will|'ll|going\s+to|gonna|should|must|needs?\s+to|has\s+to|have\s+to|plans?\s+to|agreed\s+to|to-?do|next\s+step|action\s+item|follow\s+up|let['’]?s(?!\s+(?:not|hope|say)\b))\b|\)\s+to\s+\p{L}/iu;
const HAS_OWNER = /@[\w-]+|^(?:[\p{Lu}][\p{L}'-]+|[\p{Lu}]{2,3})\s*:|\((?:@?[\p{L}][\w-]*)\)/u;
const QUESTION_TO_SOMEONE = /\?\s*[)"']*\s*(?:~.*)?$/;
const GROUP_OWNER = /^(?:we|everyone|everybody|all(?:\s+of\s+us)?|people|team|you\s+all|y'all)$/i;

function titleOf(line: string): string | null {
  const h = HEADING.exec(line);
  if (h) return (h[1] ?? h[2] ?? h[3] ?? "").replace(/[*_`]/g, "").trim();
  const c = COLON_TITLE.exec(line);
  return c?.[1] ? c[1].replace(/[*_`]/g, "").trim() : null;
}

function kindOf(title: string): SectionKind {
  if (PEOPLE_SECTION.test(title) && title.split(/\s+/).length <= 3) return "people";
  if (NEED_SECTION.test(title)) return "need";
  if (ACTION_SECTION.test(title)) return "action";
  if (AGENDA_SECTION.test(title)) return "agenda";
  return null;
}

/** The note's lines with the section each sits in; null when the text is prose, not structured notes. */
export function readNoteStructure(text: string): NoteLine[] | null {
  const raw = text.replace(/\r\n?/g, "\n").split("\n").slice(0, MAX_NOTE_LINES);
  // Every line of an ASCII text is ASCII: its patterns run as their /u-free twins.
  const ascii = isAsciiText(text);
  const shortTitle = forText(SHORT_TITLE, ascii);
  const emphasis = forText(EMPHASIS, ascii);
  const bullets = raw.filter((l) => BULLET.test(l)).length;
  const headingCount = raw.filter((l) => HEADING.test(l)).length;
  if (bullets < MIN_BULLETS && headingCount === 0) return null;
  const out: NoteLine[] = [];
  let heading: { title: string; kind: SectionKind; owner: string | null; outline: boolean } | null = null;
  // An agenda followed by a notes section ("## Agenda" … "## Notes") is an outline of topics; an agenda
  // that is the note's last section carries the discussion under its items, so its sub-bullets are notes.
  const titles = raw.map((l) => (HEADING.test(l) ? titleOf(l) : null));
  // A notes heading left empty (the meeting was cancelled) does not take the discussion away from the agenda.
  const hasContent = (at: number): boolean => {
    for (let k = at + 1; k < raw.length && titles[k] === null; k++) if ((raw[k] ?? "").trim() !== "") return true;
    return false;
  };
  const notesFollow = (from: number): boolean =>
    titles.some((t, k) => k > from && t !== null && kindOf(t) !== "agenda" && NOTES_SECTION.test(t) && hasContent(k));
  const headings: { level: number; owner: string | null }[] = [];
  // Parent bullets that end with a colon or have children title their children ("Needs:", "- Next steps").
  const parents: { indent: number; title: string; kind: SectionKind; owner: string | null }[] = [];
  const nextBullet = (from: number): boolean => {
    for (let k = from + 1; k < raw.length; k++) if ((raw[k] ?? "").trim() !== "") return BULLET.test(raw[k] ?? "");
    return false;
  };
  for (const [index, line] of raw.entries()) {
    if (line.trim() === "" || /^\s*<!--.*-->\s*$/.test(line)) continue;
    // A short plain line right above a list titles it ("Action Items", "Next steps"), as pasted from a document.
    const plainTitle = !BULLET.test(line) && shortTitle.test(line) && nextBullet(index) ? line.trim() : null;
    const title = titleOf(line) ?? plainTitle;
    const bullet = BULLET.exec(line);
    if (title !== null && !bullet) {
      // A heading keeps the owner of the heading above it: "### @ana" then "#### Work this week".
      const level = /^\s*(#{1,6})\s/.exec(line)?.[1]?.length ?? 7;
      while (headings.length > 0 && (headings.at(-1)?.level ?? 0) >= level) headings.pop();
      const owner = sectionOwnerOf(title) ?? headings.findLast((h) => h.owner !== null)?.owner ?? null;
      headings.push({ level, owner });
      const kind = kindOf(title);
      heading = { title, kind, owner, outline: kind === "agenda" && notesFollow(index) };
      parents.length = 0;
      continue;
    }
    const indent = bullet ? (bullet[1]?.replace(/\t/g, "    ").length ?? 0) : 0;
    while (parents.length > 0 && (parents.at(-1)?.indent ?? 0) >= indent) parents.pop();
    // Emphasis is markup, not words: "**TODO**: …", "_Can we list these?_".
    let body = (bullet ? (bullet[2] ?? "") : line).replace(emphasis, "").trim();
    const box = CHECKBOX.exec(body);
    if (box) body = body.slice(box[0].length).trim();
    // The nearest titled parent says what the line is, except under an agenda: agenda items are never tasks.
    const parent = parents.findLast((p) => p.kind !== null);
    const discussedItem = heading?.kind === "agenda" && !heading.outline && indent > 0;
    const section = discussedItem
      ? (parent ?? { title: heading?.title ?? "", kind: null })
      : heading?.kind === "agenda" || heading?.kind === "people" || !parent
        ? heading
        : parent;
    const sectionOwner = parents.findLast((p) => p.owner !== null)?.owner ?? heading?.owner ?? null;
    out.push({ text: body, index, section: section?.title ?? null, sectionKind: section?.kind ?? null, sectionOwner, checkbox: !!box });
    if (bullet) {
      const own = body.replace(/[:*_`]+\s*$/, "");
      const kind = kindOf(own.length <= 60 ? own : "");
      parents.push({ indent, title: own, kind: kind ?? (section?.kind === "people" ? "people" : null), owner: sectionOwnerOf(own) });
    }
  }
  return out;
}

/** A title that is someone's section: "@ana", "Ana", "Ana's update", "KW:". */
function sectionOwnerOf(title: string): string | null {
  if (kindOf(title) !== null) return null;
  const by = /\b(?:update|review|report|notes?|items|tasks)\s+(?:from|by|of)\s+@([\w-]+)/i.exec(title);
  if (by?.[1]) return by[1];
  const m = /^\s*(?:@([\w-]+)|([\p{Lu}][\p{L}'-]+(?:\s+[\p{Lu}][\p{L}'-]+)?|[\p{Lu}]{2,3}))(?:['’]s\s+(?:update|work|items|tasks|plan|week))?\s*:?\s*$/u.exec(title);
  if (!m) return null;
  const name = m[1] ?? m[2] ?? null;
  return name && !/^(?:Notes?|Agenda|Update|Updates|Done|Next|Todo|Goals?|Needs?|Blockers?|Discussion|Questions?|Summary|Demos?|Tests?|Participants|Attendees)$/i.test(name) ? name : null;
}

const OWNER_LABEL_NAME = /^([\p{Lu}][\p{L}'-]+(?:\s+[\p{Lu}][\p{L}'-]+)?|[\p{Lu}]{2,3})\s*:/u;
const NOT_AN_OWNER_LABEL = /^(?:TODO|TBD|AI|Action|Note|Notes|Update|Discussion|Follow)/i;
const TRAILING_OWNER = /\((\p{L}[\p{L}' -]{1,30})\)\s*[.!?]?\s*$/u;
const SUBJECT_OWNER = new RegExp(String.raw`^([\p{Lu}][\p{L}'-]+|we|everyone|everybody|people)\s+${OWNER_COMMITS}\s`, "iu");

/** The owner a line names: a handle, an "Owner:" label (name or initials), "(name)" at the end, or the group. */
export function ownerOf(text: string, ascii = isAsciiText(text)): string | null {
  const handle = /@([\w-]+)/.exec(text);
  if (handle?.[1]) return handle[1];
  const label = forText(OWNER_LABEL_NAME, ascii).exec(text);
  if (label?.[1] && !NOT_AN_OWNER_LABEL.test(label[1])) return label[1];
  const trailing = forText(TRAILING_OWNER, ascii).exec(text);
  if (trailing?.[1]) return trailing[1];
  const subject = forText(SUBJECT_OWNER, ascii).exec(text);
  if (subject?.[1]) return GROUP_OWNER.test(subject[1]) ? "everyone" : subject[1];
  return null;
}

const OWNER_LABEL = /^(?:@?[\w-]+|[\p{Lu}]{2,3})\s*:\s+/u;
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[\p{Lu}@"'(])/u;

// A time the line sets ("by Friday", "this week", "before the release").
const DUE_WORDS = /\b(?:by|before|until|till|due|no\s+later\s+than)\s+(?:the\s+)?(?:end|eod|eow|cob|mid|early|late|next|this|tomorrow|tonight|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|q[1-4]|\d|release|launch|meeting|call|sprint)\b|\b(?:this|next)\s+(?:week|sprint|month|quarter)\b|\b(?:tomorrow|tonight|eod|eow|asap)\b|\bend\s+of\s+(?:the\s+)?(?:day|week|month|year|sprint|quarter|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\b/i;

// Design talk weighs a possibility ("We could put depviz on IPFS", "maybe we should…"): nobody took it on.
const HEDGED = /^(?:(?:so|and|but|also|then)\s+)?(?:(?:maybe|perhaps|possibly|potentially)\b|(?:we|you|they|one|it|this|that|someone|people)\s+(?:could|might|may)\b|(?:could|might)\s+(?:we|be|also)\b)/i;
// A line that opens as a question ("Mat: How should we approach…", "when will we discuss…") asks; it assigns nothing.
const ADDRESSED = /\b(?:we|us|you|someone|anyone|anybody|somebody)\b|^\p{Lu}\p{L}+,/iu;
const QUESTION_OPENER =
  /^(?:(?:how|what|why|when|where|which)\s+)?(?:should|shall|do|does|did|is|are|was|were|can|could|would|will|must)\s+(?:we|i|you|they|he|she|it|there|this|that|these|the|a|an|our|someone|anyone|people)\b/i;

/** Whether one of `patterns` matches `text`, each read by its /u-free twin on ASCII text. */
function anyMatches(patterns: readonly RegExp[], text: string, ascii: boolean): boolean {
  return patterns.some((p) => forText(p, ascii).test(text));
}

function classify(text: string, line: NoteLine, ascii: boolean): NoteItem["kind"] | null {
  const agenda = line.sectionKind === "agenda";
  const bare = text.replace(forText(OWNER_LABEL, ascii), "");
  if (anyMatches(NEED_FORMS, text, ascii)) return "need";
  if (HEDGED.test(bare)) return null;
  const addressed = (): boolean => QUESTION_TO_SOMEONE.test(text) && forText(ADDRESSED, ascii).test(text);
  if (QUESTION_OPENER.test(bare)) return !agenda && addressed() ? "need" : null;
  if (ACTION_FORMS.some((p) => forText(p, ascii).test(text) || forText(p, ascii).test(bare))) return "action";
  const hasOwner = forText(HAS_OWNER, ascii);
  const futureOrDuty = forText(FUTURE_OR_DUTY, ascii);
  if (!agenda && hasOwner.test(text) && futureOrDuty.test(text) && !/\?\s*$/.test(text)) return "action";
  if (!agenda && DUE_WORDS.test(text) && (hasOwner.test(text) || futureOrDuty.test(text))) return "action";
  if (!agenda && addressed()) return "need";
  if (!agenda && (opensWithInstruction(bare) || findRequest(bare)?.form === "imperative")) return "action";
  return null;
}

/** What each line of structured notes is: a thing to do, a need, or nothing; a long line is read sentence by sentence. */
export function noteItems(lines: readonly NoteLine[]): NoteItem[] {
  const items: NoteItem[] = [];
  for (const line of lines) {
    const text = line.text.replace(/^[-–—>\s]+/, "");
    if (text === "" || LINK_ONLY.test(text) || line.sectionKind === "people") continue;
    // A part of an ASCII line is ASCII; a part of another line may be too, but is read as the line is.
    const ascii = isAsciiText(text);
    const lineOwner = ownerOf(text, ascii) ?? line.sectionOwner;
    const implied: NoteItem["kind"] | null = line.checkbox || line.sectionKind === "action" ? "action" : line.sectionKind === "need" ? "need" : null;
    if (implied) {
      const asks = anyMatches(NEED_FORMS, text, ascii) || QUESTION_TO_SOMEONE.test(text);
      items.push({ kind: asks ? "need" : implied, line, owner: lineOwner });
      continue;
    }
    const whole = classify(text, line, ascii);
    const parts = text.split(forText(SENTENCE_BREAK, ascii));
    if (parts.length <= 1) {
      if (whole) items.push({ kind: whole, line, owner: lineOwner });
      continue;
    }
    for (const part of parts) {
      const kind = classify(part, line, ascii);
      if (kind) items.push({ kind, line: { ...line, text: part }, owner: ownerOf(part, ascii) ?? lineOwner });
    }
  }
  return items;
}

interface NoteSignalInput {
  text: string;
  authorIsUser: boolean;
  people: PeopleResolver;
  sentAt: Date;
  timeZone: string;
  private: boolean;
}

function whoFor(owner: string | null, input: NoteSignalInput): Referent {
  if (owner === null || owner === "everyone") return input.authorIsUser ? { type: "user" } : input.people.author();
  const named = input.people.label(owner);
  return named?.[0] ?? { type: "unresolved" };
}

/** Signals that only the structure of notes shows: one per action item or need line. */
export function noteSignals(input: NoteSignalInput): Signal[] {
  const lines = readNoteStructure(input.text);
  if (!lines) return [];
  const privacy = readPrivacy(input.text);
  // One reader for the note (the zone's date and wall clock worked out once), and a section's date read once
  // for all its lines.
  const readDate = dateReader(input.sentAt, input.timeZone);
  const sectionDates = new Map<string, DateMatch | null>();
  const sectionDate = (section: string): DateMatch | null => {
    if (!sectionDates.has(section)) sectionDates.set(section, readDate(section, { mode: "deadline" }));
    return sectionDates.get(section) ?? null;
  };
  const out: Signal[] = [];
  for (const item of noteItems(lines)) {
    const who = whoFor(item.owner, input);
    if (who.type === "nobody") continue;
    const date = readDate(item.line.text, { mode: "deadline" }) ?? (item.line.section ? sectionDate(item.line.section) : null);
    const kind: Signal["kind"] = item.kind === "need" ? "need" : who.type === "user" ? "promise" : "waiting_on";
    const text = item.line.text.replace(/\s+/g, " ").trim();
    out.push({
      kind,
      person: who.type === "person" ? who.person : null,
      aboutUser: who.type === "user",
      text: text.length > 140 ? `${text.slice(0, 139)}…` : text,
      due: date?.date ?? null,
      sentence: text,
      private: input.private || privacy.whole || (privacy.lines[item.line.index] ?? false),
      tag: null,
    });
  }
  return out;
}
