// The give-first ledger of one relationship: what the user gave (help they
// promised, promises kept, introductions made for the person, asks of theirs
// answered) and what they asked (favours the person took on for them,
// introductions the person made for them). Counted from rows Tend already
// keeps; never a score, and never shown as one: `brief` says it in words, and
// the digest lifts offering help to those the user has asked most of.
import type { GiveAskLedger } from "../model.ts";


/** Things given: help offered (a promise), an introduction made, an ask answered. A kept promise is one of the promised. */
export function givenCount(ledger: GiveAskLedger): number {
  return ledger.gave.promised + ledger.gave.introductions + ledger.gave.answered;
}

export function askedCount(ledger: GiveAskLedger): number {
  return ledger.asked.favours + ledger.asked.introductions;
}

/**
 * How far the user has asked more of this person than they gave (0 when they
 * gave as much or more). The digest ranks offering help to them higher by it.
 */
export function askedMoreThanGiven(ledger: GiveAskLedger): number {
  return Math.max(0, askedCount(ledger) - givenCount(ledger));
}

const COUNT_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

function times(n: number, noun: string, plural = `${noun}s`): string {
  const count = COUNT_WORDS[n] ?? String(n);
  return `${count} ${n === 1 ? noun : plural}`;
}

/**
 * The ledger in words, for `brief`: "You've asked Ana for three things in the
 * past year and offered one." Null when there is nothing to say. No numbers
 * beyond counts of things, and no score.
 */
export function ledgerInWords(ledger: GiveAskLedger, firstName: string, period = "in the past year"): string | null {
  const asked = askedCount(ledger);
  const given = givenCount(ledger);
  if (asked === 0 && given === 0) return null;
  const parts: string[] = [];
  if (asked > 0 && given > 0) parts.push(`You've asked ${firstName} for ${times(asked, "thing")} ${period} and offered ${COUNT_WORDS[given] ?? given}.`);
  else if (asked > 0) parts.push(`You've asked ${firstName} for ${times(asked, "thing")} ${period} and offered nothing yet.`);
  else parts.push(`You've offered ${firstName} ${times(given, "thing")} ${period} and asked for nothing.`);
  const { promised, kept, introductions } = ledger.gave;
  if (promised > 0) parts.push(promisesKept(promised, kept, firstName));
  if (introductions > 0) parts.push(`You introduced ${firstName} to someone ${often(introductions)}.`);
  if (ledger.asked.introductions > 0) parts.push(`${firstName} introduced you to someone ${often(ledger.asked.introductions)}.`);
  return parts.join(" ");
}

function often(n: number): string {
  if (n === 1) return "once";
  return n === 2 ? "twice" : `${COUNT_WORDS[n] ?? n} times`;
}

function promisesKept(promised: number, kept: number, firstName: string): string {
  const count = COUNT_WORDS[promised] ?? String(promised);
  if (kept >= promised) return promised === 1 ? `You kept your promise to ${firstName}.` : `You kept all ${count} promises to ${firstName}.`;
  if (kept === 0) return promised === 1 ? `Your promise to ${firstName} is still open.` : `Your ${count} promises to ${firstName} are still open.`;
  return `You kept ${COUNT_WORDS[kept] ?? kept} of your ${count} promises to ${firstName}.`;
}
