// The state a set of digest items' commands act on, read in one pass.
import type { ItemWithState } from "../db/action-records.ts";
import { loadContacts, loadIntroductions, loadSuppressions, loadTasks } from "../db/action-state.ts";
import type { Database } from "../db/client.ts";
import { type ActionState, touchedBy } from "./item-changes.ts";

export async function loadActionState(db: Database, userId: string, items: ItemWithState[]): Promise<ActionState> {
  const touched = touchedBy(items);
  const [suppressions, tasks, contacts, introductions] = await Promise.all([
    loadSuppressions(db, userId, touched.subjectKeys),
    loadTasks(db, userId, touched.taskIds),
    loadContacts(db, userId, touched.contactIds),
    loadIntroductions(db, userId, touched.introductionIds),
  ]);
  return { items, suppressions, tasks, contacts, introductions };
}
