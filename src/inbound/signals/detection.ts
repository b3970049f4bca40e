// What the sentence detectors share: whom a finding is about, and what each
// detector is handed for one sentence.
import type { SignalKind } from "../../model.ts";
import type { DateMatch, DateOptions } from "../../lib/time/text-dates.ts";
import type { Sentence } from "./sentences.ts";
import type { PeopleResolver, Referent } from "./resolve-person.ts";

export interface Detection {
  kind: SignalKind;
  who: Referent[];
  text: string;
  due: string | null;
  tag: string | null;
  /** For the user's promise or follow-up: whom it is to, when the sentence names one. */
  counterpart?: Referent | null;
}

export interface SentenceContext {
  sentence: Sentence;
  /** The sentence without its line label, quotes folded to ASCII; offsets index into it. */
  body: string;
  /** `body` is ASCII only: a /u pattern may run as its faster twin (ascii-regex.ts). */
  ascii: boolean;
  /** Whom a "Name:" line label names, when it resolves. */
  topic: Referent[] | null;
  /** The line is an action item ("Action:", "todo:", "- [ ]"). */
  taskLine: boolean;
  /** The line is labelled for everyone ("both:", "all:"). */
  groupLine: boolean;
  authorIsUser: boolean;
  /** A user-written mail to someone (not notes to Tend): "I'll follow up" is then a promise. */
  addressedToSomeone: boolean;
  people: PeopleResolver;
  /** Whom the whole note is about: the one person all its names resolve to, else unresolved. */
  noteAbout: () => Referent[];
  /** The user's local date when the text was sent. */
  today: string;
  /** The first date phrase in body[from, to), resolved to a local date. */
  dateIn: (from: number, to: number, options: DateOptions) => DateMatch | null;
}
