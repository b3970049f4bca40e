// The deterministic, offline extractor: what a person wrote becomes signals
// about people, each with the sentence it came from.
import { type DateMatch, dateReader } from "../../lib/time/text-dates.ts";
import { localDateOf } from "../../lib/time/zoned.ts";
import type { DueRange, Participant, Person, Signal } from "../../model.ts";
import type { Detection, SentenceContext } from "./detection.ts";
import { isAsciiText } from "./ascii-regex.ts";
import { detectAsks } from "./asks.ts";
import { detectFollowUps } from "./follow-ups.ts";
import { detectInterests } from "./interests.ts";
import { detectLifeEvents, lifeEventTone } from "./life-events.ts";
import { detectNeeds } from "./needs.ts";
import { detectOffers } from "./offers.ts";
import { noteSignals } from "./notes.ts";
import { detectPromises } from "./promises.ts";
import { createPeopleResolver, type Referent } from "./resolve-person.ts";
import { foldQuotes, type Sentence, splitSentences } from "./sentences.ts";

export interface SignalInput {
  /** What the author wrote; quotes and signatures already removed. */
  text: string;
  /** True for the user's own notes/mail; false for a forwarded message written by someone else. */
  authorIsUser: boolean;
  author: { name: string | null; address: string | null };
  /** Participants known from the message headers, forwarded block or invite. */
  people: Participant[];
  /** The user's own name, so "Sam will send…" in the user's notes is the user. */
  userName: string | null;
  /** Relative dates resolve from this instant. */
  sentAt: Date;
  /** The user's IANA zone. */
  timeZone: string;
  /** All of `text` was told in confidence: a forwarded message below the user's lone `#private` line. */
  private?: boolean;
}

const DETECTORS: ((ctx: SentenceContext) => Detection[])[] = [
  detectPromises,
  detectAsks,
  detectNeeds,
  detectOffers,
  detectLifeEvents,
  detectInterests,
  detectFollowUps,
];
/**
 * Signals kept from one text. A thoughtful note yields a handful; a pasted
 * document or mailing-list digest would otherwise flood the store and the digest.
 */
export const MAX_SIGNALS_PER_TEXT = 100;
const NOTE_KINDS = new Set<Signal["kind"]>(["promise", "waiting_on", "ask", "follow_up", "need"]);
const family = (kind: Signal["kind"]): string => (kind === "need" ? "need" : "task");
const TASK_LABEL = /^(?:actions?|action\s+items?|ai|todo|to-?do|next\s+steps?|tasks?)$/i;
const GROUP_LABEL = /^(?:both|all|us|we|everyone|team)$/i;

interface Found {
  signal: Signal;
  sentenceIndex: number;
  resolved: boolean;
}

function signalPersonKey(signal: Signal): string {
  if (signal.aboutUser) return "user";
  return signal.person ? `${signal.person.address ?? ""}|${signal.person.name ?? ""}`.toLowerCase() : "?";
}

function counterpart(d: Detection): Signal["person"] {
  return d.counterpart?.type === "person" ? d.counterpart.person : null;
}

/** What the sentence itself tells about a finding: the range its date was said as, who said it, its tone. */
interface Said {
  /** The ranges among the sentence's dates, by the day each stands for. */
  ranges: ReadonlyMap<string, DueRange>;
  speaker: Person | null;
}

function toFound(detections: Detection[], sentence: Sentence, sentenceIndex: number, said: Said): Found[] {
  const out: Found[] = [];
  for (const d of detections) {
    const dueRange = d.due ? said.ranges.get(d.due) : undefined;
    for (const who of d.who) {
      if (who.type === "nobody") continue;
      out.push({
        sentenceIndex,
        resolved: who.type !== "unresolved",
        signal: {
          kind: d.kind,
          person: who.type === "person" ? who.person : who.type === "user" ? counterpart(d) : null,
          aboutUser: who.type === "user",
          text: d.text,
          due: d.due,
          sentence: sentence.text,
          private: sentence.private,
          tag: d.tag,
          ...(dueRange ? { dueRange } : {}),
          ...(said.speaker ? { speaker: said.speaker } : {}),
          ...(d.kind === "life_event" ? { tone: lifeEventTone(d.text) } : {}),
        },
      });
    }
  }
  return out;
}

function rangesOf(dates: ReadonlyMap<string, DateMatch | null>): Map<string, DueRange> {
  const ranges = new Map<string, DueRange>();
  for (const match of dates.values()) {
    if (match?.range && !ranges.has(match.date)) {
      const { start, end, precision } = match.range;
      ranges.set(match.date, { start, end, precision, text: match.text.trim() });
    }
  }
  return ranges;
}

/**
 * One signal per kind, person and sentence (and tag), keeping a stated date and
 * whom the user's promise is to.
 * A clause whose subject is shared with an earlier one ("she's hiring and is
 * struggling to…") reads as unresolved; the resolved finding wins.
 */
function merge(found: Found[]): Signal[] {
  const byKey = new Map<string, Found>();
  for (const f of found) {
    const key = [f.sentenceIndex, f.signal.kind, signalPersonKey(f.signal), f.signal.tag ?? ""].join("\u0000");
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, f);
      continue;
    }
    if (existing.signal.due === null && f.signal.due !== null) {
      existing.signal.due = f.signal.due;
      if (f.signal.dueRange) existing.signal.dueRange = f.signal.dueRange;
    }
    // "I'll dig up the doc and fwd it to you": the later verb names whom it is for.
    if (existing.signal.aboutUser && existing.signal.person === null) existing.signal.person = f.signal.person;
  }
  const kept = [...byKey.values()];
  return kept
    .filter(
      (f) =>
        f.resolved ||
        !kept.some(
          (other) =>
            other.resolved &&
            other.sentenceIndex === f.sentenceIndex &&
            other.signal.kind === f.signal.kind &&
            other.signal.tag === f.signal.tag,
        ),
    )
    .map((f) => f.signal);
}

export function extractSignals(input: SignalInput): Signal[] {
  const people = createPeopleResolver(input);
  const today = localDateOf(input.sentAt.getTime(), input.timeZone);
  const readDate = dateReader(input.sentAt, input.timeZone);
  const folded = foldQuotes(input.text);
  let noteAbout: Referent[] | null = null;
  const aboutNote = (): Referent[] => (noteAbout ??= people.describedDefault(folded, null));
  const found: Found[] = [];
  const speaker = input.authorIsUser || (!input.author.name && !input.author.address) ? null : { name: input.author.name, address: input.author.address };
  for (const [index, sentence] of splitSentences(folded, { private: input.private === true }).entries()) {
    const label = sentence.label;
    const taskLine = !!label && TASK_LABEL.test(label);
    const groupLine = !!label && GROUP_LABEL.test(label);
    const topic = label && !taskLine && !groupLine ? people.label(label) : null;
    const body = taskLine || groupLine || topic ? sentence.body : sentence.plain;
    const dates = new Map<string, DateMatch | null>();
    const ctx: SentenceContext = {
      sentence,
      body,
      ascii: isAsciiText(body),
      topic,
      taskLine,
      groupLine,
      authorIsUser: input.authorIsUser,
      addressedToSomeone: people.addressedToSomeone,
      people,
      noteAbout: aboutNote,
      today,
      dateIn: (from, to, options) => {
        const key = `${from}:${to}:${options.mode ?? ""}:${options.past ?? ""}`;
        if (!dates.has(key)) {
          const match = readDate(body.slice(from, to), options);
          dates.set(key, match ? { ...match, index: match.index + from } : null);
        }
        return dates.get(key) ?? null;
      },
    };
    const detections = DETECTORS.flatMap((detect) => detect(ctx));
    found.push(...toFound(detections, sentence, index, { ranges: rangesOf(dates), speaker }));
  }
  const signals = merge(found);
  // Structured notes: a line the sentence detectors read nothing from may still be an action item or a need.
  const covered = (s: Signal) =>
    signals.some(
      (t) =>
        NOTE_KINDS.has(t.kind) &&
        family(t.kind) === family(s.kind) &&
        (t.sentence.includes(s.sentence) || (s.sentence.includes(t.sentence) && t.sentence.length * 2 >= s.sentence.length)),
    );
  const fromNotes = noteSignals({
    text: folded,
    authorIsUser: input.authorIsUser,
    people,
    sentAt: input.sentAt,
    timeZone: input.timeZone,
    private: input.private === true,
  }).filter((s) => !covered(s));
  return [...signals, ...fromNotes].slice(0, MAX_SIGNALS_PER_TEXT);
}
