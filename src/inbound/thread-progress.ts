// What a participant's reply moves on the user's thread (pure). The awaited
// person answering resolves the waiting-on item; anyone answering before a
// reminder is due makes it unneeded (unless the user kept it); an introduced
// person writing moves the introduction; the person asked about an
// introduction answering yes or no settles the ask.
import type { ThreadEffects, ThreadState } from "../db/thread-progress.ts";
import { formatDay } from "../lib/time/format.ts";
import { DAY_MS, type Mailbox } from "../model.ts";
import { optInAnswer } from "./thread-answer.ts";

/** "A few weeks later": when to ask how a connected introduction went. */
export const GRATITUDE_FOLLOW_UP_DAYS = 21;

// "Moving Sam to Bcc", "(Sam to bcc)", "bcc'ing Sam": the introducer steps out, the two talk.
const TO_BCC = /\bto\s+bcc\b|\bbcc(?:'|’)?(?:ing|ed)\b/i;

export interface ThreadProgressInput {
  state: Pick<ThreadState, "introductions" | "tasks" | "writers">;
  /** The reply's author and their contact id on this user's timeline. */
  sender: Mailbox;
  senderContactId: string;
  /** Contact ids of the reply's To and Cc (the user and Tend excluded). */
  addressedTo: ReadonlySet<string>;
  /** The user is in the reply's To or Cc (not moved to Bcc). */
  userAddressed: boolean;
  /** What the author wrote, quotes and signature removed. */
  text: string;
  occurredAt: number;
  timeZone: string;
  now: number;
}

/** Something the user may want to hear about the same day. */
export type ThreadEvent = { kind: "accepted"; introductionId: string };

function firstNameOf(sender: Mailbox): string {
  const name = sender.name?.trim();
  return name ? (name.split(/\s+/)[0] ?? name) : sender.address;
}

function pairKey(a: string, b: string): string {
  return a < b ? `pair:${a}:${b}` : `pair:${b}:${a}`;
}

export function planThreadProgress(input: ThreadProgressInput): { effects: ThreadEffects; events: ThreadEvent[] } {
  const { senderContactId: sender, occurredAt } = input;
  const replied = `${firstNameOf(input.sender)} replied on ${formatDay(occurredAt, input.timeZone, input.now)}`;
  const effects: ThreadEffects = { closedTasks: [], introductions: [], neverPairs: [] };
  const events: ThreadEvent[] = [];

  for (const task of input.state.tasks) {
    if (task.kind === "waiting_on" && task.contactId === sender) {
      effects.closedTasks.push({ id: task.id, status: "done", resolution: replied });
    } else if (task.kind === "reminder" && !task.keepOnReply && task.remindedAt === null && task.remindAt !== null && task.remindAt > occurredAt) {
      effects.closedTasks.push({ id: task.id, status: "skipped", resolution: `${replied}, before the reminder was due` });
    }
  }

  for (const intro of input.state.introductions) {
    const { personAContactId: a, personBContactId: b } = intro;
    if (intro.status === "asked") {
      // Only the person asked can say yes or no for themselves.
      if (!intro.optIn || a !== sender) continue;
      const answer = optInAnswer(input.text);
      if (answer === "yes") {
        effects.introductions.push({ id: intro.id, from: "asked", status: "accepted", followUpAt: occurredAt, connectedAt: null });
        events.push({ kind: "accepted", introductionId: intro.id });
      } else if (answer === "no") {
        effects.introductions.push({ id: intro.id, from: "asked", status: "closed", followUpAt: null, connectedAt: null });
        if (a !== null && b !== null) effects.neverPairs.push(pairKey(a, b));
      }
      continue;
    }
    if (intro.status !== "made") continue;
    if (b === null) {
      // The user was introduced to the sender: the sender writing to the user is the two connecting.
      // The user thanks whoever introduced them, once, at the next digest.
      if (a === sender) effects.introductions.push({ id: intro.id, from: "made", status: "connected", followUpAt: occurredAt, connectedAt: occurredAt });
      continue;
    }
    const other = a === sender ? b : b === sender ? a : null;
    if (other === null) continue;
    const connected =
      input.state.writers.has(other) || TO_BCC.test(input.text) || (input.addressedTo.has(other) && !input.userAddressed);
    if (connected) {
      effects.introductions.push({
        id: intro.id,
        from: "made",
        status: "connected",
        followUpAt: occurredAt + GRATITUDE_FOLLOW_UP_DAYS * DAY_MS,
        connectedAt: occurredAt,
      });
    }
  }
  return { effects, events };
}
