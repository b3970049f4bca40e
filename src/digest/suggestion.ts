// One thing the digest could suggest, before ranking picks the week's few.
import type { DigestSection } from "../model.ts";

export interface Suggestion {
  section: DigestSection;
  /** What acting on it changes (digest_items.subject_key, suppressions.subject_key). */
  subjectKey: string;
  /** The person it is mainly about, recorded on the digest item. */
  contactId: string | null;
  /** Everyone it is about, so one person does not fill the week. */
  people: readonly string[];
  /** The first line: who, and what. */
  title: string;
  /** Why, in the other person's terms: one line. */
  reason: string;
  /** Their words, when shown: `Carla, Tue 24 Nov: “…”` (a third line). */
  quote?: string | null;
  /**
   * How this item joins others about the same person into one entry: the
   * person's name and this item's part of the headline. Without it the item
   * stands alone.
   */
  merge?: { name: string; clause: string };
  /** The instant it is bound to (a due date, an event): the most time-bound part of a merged entry comes first. */
  when?: number | null;
  /** A dated event (before or after it): never dropped by the weekly cap. */
  dated?: boolean;
  /** 0–1: how much it matters this week, comparable across sections. */
  score: number;
  /** About someone not heard from in a long time: only a few such per digest. */
  dormant: boolean;
  /** Subject keys this one makes redundant (an introduction that answers a need covers "offer help" for it). */
  covers?: readonly string[];
}

export const subjectKey = {
  task: (id: string) => `task:${id}`,
  contact: (id: string) => `contact:${id}`,
  signal: (id: string) => `signal:${id}`,
  introduction: (id: string) => `introduction:${id}`,
  /** Order-free: Ana–Ben and Ben–Ana are one pair. */
  pair: (a: string, b: string) => (a < b ? `pair:${a}:${b}` : `pair:${b}:${a}`),
  /** "How did it go?" after a dated event; asked once. */
  after: (signalId: string) => `after:signal:${signalId}`,
  /** A thank-you for a waiting-on that came through; suggested once. */
  thanks: (taskId: string) => `thanks:task:${taskId}`,
  /** "How did it turn out?" after a kept promise; asked once. */
  outcome: (taskId: string) => `outcome:task:${taskId}`,
};
