// One line of a reply to a digest: "done 2", "2 done", "snooze 3 until March 3",
// "note 2 she got the job!", "cadence 4 monthly", "undo". Anything else is null.
import { addDays } from "../lib/time/local-date.ts";
import { parseWhen } from "../lib/time/parse-when.ts";
import { localDateOf } from "../lib/time/zoned.ts";
import type { Command, DigestCommand } from "./command-types.ts";
import { parseCadence } from "./parse-cadence.ts";
import { parseItems } from "./parse-items.ts";
import { parseLink } from "./parse-link.ts";

/** A note kept on a person; longer text belongs in an email to Tend, where it is logged as notes. */
export const MAX_REPLY_NOTE_CHARS = 2_000;
export const DEFAULT_SNOOZE_DAYS = 7;

type ItemVerb = "done" | "skip" | "never" | "snooze";
const VERBS: Record<string, ItemVerb> = {
  done: "done",
  did: "done",
  finished: "done",
  complete: "done",
  completed: "done",
  skip: "skip",
  skipped: "skip",
  dismiss: "skip",
  never: "never",
  mute: "never",
  snooze: "snooze",
  snoozed: "snooze",
  postpone: "snooze",
  later: "snooze",
};
const VERB_WORDS = Object.keys(VERBS).join("|");
const VERB_FIRST = new RegExp(`^(${VERB_WORDS})\\s*[:\\-–]?\\s+(.+)$`);
const VERB_LAST = new RegExp(`^(.+?)\\s*[:\\-–]?\\s+(${VERB_WORDS})(?:\\s+(.+))?$`);
const NOTE = /^(?:note\s*#?(\d{1,2})|#?(\d{1,2})\s+note)\s*[:\-–]?\s+(\S[\s\S]*)$/i;
const CADENCE = /^(?:cadence\s*#?(\d{1,2})|#?(\d{1,2})\s+cadence)\s*[:\-–]?\s+(.+)$/;
const UNDO = /^undo(?:\s+(?:that|it|last|the last one|please))?$/;
const HELP = /^(?:help|\?|commands)$/;
/** Words that start every item command; a line starting with one is never taken for a sign-off. */
export const COMMAND_WORDS = new Set([...Object.keys(VERBS), "note", "cadence", "link", "undo", "help"]);

/** Lower-case, single-spaced, without list bullets, "please" or a trailing full stop. */
export function normalizeLine(line: string): string {
  return line
    .trim()
    .replace(/^(?:[-*•·]|\d+[.)])\s+(?=\D)/, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/^please\s+/, "")
    .replace(/[,\s]+(?:please|thanks|thank you|thx)$/, "")
    .replace(/[.!]+$/, "")
    .trim();
}

function snooze(items: string, when: string | undefined, now: number, timeZone: string): DigestCommand | null {
  // "snooze 3 2 weeks": the longest list of numbers that leaves a readable time.
  const words = [items, ...(when ? [when] : [])].join(" ").split(" ");
  for (let cut = words.length; cut >= 1; cut--) {
    const named = parseItems(words.slice(0, cut).join(" "));
    if (!named) continue;
    const rest = words.slice(cut).join(" ");
    const until = rest ? parseWhen(rest, now, timeZone) : addDays(localDateOf(now, timeZone), DEFAULT_SNOOZE_DAYS);
    if (until) return { verb: "snooze", items: named, until };
  }
  return null;
}

function itemCommand(verb: ItemVerb, items: string, rest: string | undefined, now: number, timeZone: string): DigestCommand | null {
  if (verb === "snooze") return snooze(items, rest, now, timeZone);
  if (rest) return null;
  const named = parseItems(items);
  return named ? { verb, items: named } : null;
}

export function parseDigestLine(line: string, now: number, timeZone: string): Command | null {
  const t = normalizeLine(line);
  if (HELP.test(t)) return { verb: "help" };
  if (UNDO.test(t)) return { verb: "undo" };

  const note = NOTE.exec(line.trim().replace(/^(?:[-*•·])\s+/, ""));
  if (note) {
    const item = Number(note[1] ?? note[2]);
    const text = (note[3] ?? "").trim();
    return item >= 1 && text ? { verb: "note", item, text: text.slice(0, MAX_REPLY_NOTE_CHARS) } : null;
  }
  const link = parseLink(line);
  if (link) return link;
  const cadence = CADENCE.exec(t);
  if (cadence) {
    const days = parseCadence(cadence[3] ?? "");
    const item = Number(cadence[1] ?? cadence[2]);
    return days === undefined || item < 1 ? null : { verb: "cadence", item, days };
  }

  const first = VERB_FIRST.exec(t);
  const firstVerb = first?.[1] ? VERBS[first[1]] : undefined;
  if (first?.[2] && firstVerb) {
    const parsed = itemCommand(firstVerb, first[2], undefined, now, timeZone);
    if (parsed) return parsed;
  }
  const last = VERB_LAST.exec(t);
  const lastVerb = last?.[2] ? VERBS[last[2]] : undefined;
  if (last?.[1] && lastVerb) return itemCommand(lastVerb, last[1], last[3], now, timeZone);
  return null;
}
