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
  title: string;
  /** Why, in the other person's terms. */
  reason: string;
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
};
