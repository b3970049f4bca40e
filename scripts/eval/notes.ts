// Published meeting notes (eval/public/notes.jsonl), each written straight to Tend by
// the user (Tend the only recipient, so understand() reads them as notes). A labelled
// action item is found when a task signal (promise, waiting_on, ask, follow_up) comes
// from its words; a labelled need when a need or ask does. Precision: the share of those
// signals that match some labelled item.
import type { Signal } from "../../src/model.ts";
import { parsedEmail, readSet, sourcesOf, TEND, understandFromUser, USER, ItemBase, type ScoredSet } from "./public-set.ts";
import { f1, type Split } from "./set-report.ts";
import { z } from "zod";

const FILE = "eval/public/notes.jsonl";
const TASK_KINDS = new Set<Signal["kind"]>(["promise", "waiting_on", "ask", "follow_up"]);
const NEED_KINDS = new Set<Signal["kind"]>(["need", "ask"]);
// Share of a labelled item's words that must be in the sentence a signal came from.
const MIN_OVERLAP = 0.6;

const NoteSchema = z.object({
  ...ItemBase,
  text: z.string(),
  label: z.object({
    action_items: z.array(z.object({ owner: z.string().nullable(), text: z.string(), due: z.string().nullable() })),
    needs: z.array(z.object({ owner: z.string().nullable(), text: z.string() })),
  }),
});

const words = (s: string) => new Set(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** True when the quoted item and a sentence are about the same words. */
export function overlaps(label: string, sentence: string): boolean {
  const a = words(label);
  const b = words(sentence);
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size) >= MIN_OVERLAP;
}

// The baseline: a line with a question mark or "please" is taken as an action item or need.
function naiveLines(text: string): string[] {
  return text.split("\n").filter((line) => /\?|\bplease\b/i.test(line));
}

type Tally = { items: number; found: number; naiveFound: number; signals: number; matching: number };

export function scoreNotes(): ScoredSet {
  const items = readSet(FILE, NoteSchema);
  const t: Record<Split, Tally> = { dev: { items: 0, found: 0, naiveFound: 0, signals: 0, matching: 0 }, test: { items: 0, found: 0, naiveFound: 0, signals: 0, matching: 0 } };
  const devMisses: string[] = [];
  for (const item of items) {
    const u = understandFromUser(parsedEmail({ from: USER, to: [{ name: "Tend", address: TEND }], subject: "notes", text: item.text }));
    const signals = u.signals.filter((s) => TASK_KINDS.has(s.kind) || NEED_KINDS.has(s.kind));
    const lines = naiveLines(item.text);
    const labelled = [
      ...item.label.action_items.map((a) => ({ text: a.text, kinds: TASK_KINDS, what: "action" })),
      ...item.label.needs.map((n) => ({ text: n.text, kinds: NEED_KINDS, what: "need" })),
    ];
    const tally = t[item.split];
    for (const l of labelled) {
      tally.items++;
      const hit = signals.some((s) => l.kinds.has(s.kind) && overlaps(l.text, s.sentence));
      if (hit) tally.found++;
      else if (item.split === "dev") devMisses.push(`${item.id} missed ${l.what}: ${l.text}`);
      if (lines.some((line) => overlaps(l.text, line))) tally.naiveFound++;
    }
    for (const s of signals) {
      tally.signals++;
      if (labelled.some((l) => overlaps(l.text, s.sentence))) tally.matching++;
      else if (item.split === "dev") devMisses.push(`${item.id} extra ${s.kind}: ${s.sentence}`);
    }
  }
  const n = (s: Split) => items.filter((i) => i.split === s).length;
  const figures = (s: Split) => {
    const recall = t[s].items === 0 ? 0 : t[s].found / t[s].items;
    const precision = t[s].signals === 0 ? 0 : t[s].matching / t[s].signals;
    return { recall, precision, f1: f1(precision, recall), labelled: t[s].items };
  };
  const naive = (s: Split) => ({ recall: t[s].items === 0 ? 0 : t[s].naiveFound / t[s].items });
  return {
    name: "notes (labelled action items and needs found)",
    file: FILE,
    sources: sourcesOf(items),
    goal: { figure: "recall", atLeast: 0.85 },
    dev: { n: n("dev"), figures: figures("dev") },
    test: { n: n("test"), figures: figures("test") },
    baseline: { name: "a line with a question mark or please", dev: { n: n("dev"), figures: naive("dev") }, test: { n: n("test"), figures: naive("test") } },
    devMisses,
  };
}
