// Items of a digest as acting on it reads them, for unit tests of the reply planner.
import type { ItemWithState } from "../../src/db/action-records.ts";

/** Item `position` of digest d1, open, about `subjectKey`. */
export function buildItem(position: number, subjectKey: string, contactId: string | null): ItemWithState {
  return {
    id: `item${position}`,
    digestId: "d1",
    userId: "u1",
    position,
    section: "check_in",
    subjectKey,
    contactId,
    title: `Item ${position}`,
    reason: "why",
    state: "open",
    actedAt: null,
  };
}
