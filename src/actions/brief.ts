// brief: find the person a "brief" names, then say what Tend knows about them.
import { DAY_MS, type Contact } from "../model.ts";
import { loadBrief } from "../db/action-brief.ts";
import { addressesOf, findPeopleByName, findPersonByAddress } from "../db/action-people.ts";
import type { Database } from "../db/client.ts";
import { loadGiveAskLedger } from "../db/give-ask-ledger.ts";
import { isAddress } from "../lib/addresses.ts";
import type { Answer } from "./answer.ts";
import { composeBrief } from "./compose-brief.ts";

/** What the brief's give-and-ask sentence counts: the past year, as it says. */
export const LEDGER_WINDOW_DAYS = 365;

async function candidates(db: Database, userId: string, query: string): Promise<Contact[]> {
  if (isAddress(query)) {
    const person = await findPersonByAddress(db, userId, query);
    return person ? [person] : [];
  }
  return findPeopleByName(db, userId, query);
}

export async function briefAnswer(db: Database, userId: string, query: string, now: number, timeZone: string): Promise<Answer> {
  const found = await candidates(db, userId, query);
  const [only, ...others] = found;
  if (!only) return { text: `Tend knows nobody called ${query} yet. Try their email address: “brief ana@example.com”.` };
  if (others.length > 0) {
    const list = found.map((person) => `  • brief ${person.address ?? person.name ?? "?"}  (${person.name ?? "no name"})`);
    return { text: `Several people match “${query}”. Which one?\n${list.join("\n")}` };
  }
  const addresses = await addressesOf(db, userId, only.id);
  const [data, ledger] = await Promise.all([
    loadBrief(db, userId, only.id, addresses),
    loadGiveAskLedger(db, userId, only.id, now - LEDGER_WINDOW_DAYS * DAY_MS),
  ]);
  if (!data) return { text: `Tend knows nobody called ${query} yet.` };
  return { subject: `Brief: ${only.name ?? only.address ?? query}`, text: composeBrief({ ...data, ledger }, now, timeZone) };
}
