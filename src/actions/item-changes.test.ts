import { describe, expect, it } from "vitest";
import { buildItem } from "../../test/helpers/build-items.ts";
import type { Change, ContactState, ItemWithState } from "../db/action-records.ts";
import { DEFAULT_CHECK_IN_DAYS } from "../domain/cadence.ts";
import { DAY_MS } from "../model.ts";
import { type ActionState, applyToState, cloneState, inverseOf, type ItemVerb, itemChanges, NEVER_EXPIRES, taskIdOf, touchedBy } from "./item-changes.ts";

const NOW = Date.UTC(2026, 10, 30, 9);
const LAST_TALK = NOW - 40 * DAY_MS;
const IN_TWO_WEEKS = NOW + 14 * DAY_MS;

function contact(id: string, cadenceDays: number | null, learnedCadenceDays: number | null): ContactState {
  return {
    id,
    name: id,
    address: `${id}@x.com`,
    muted: false,
    cadenceDays,
    learnedCadenceDays,
    lastInteractionAt: LAST_TALK,
    nextCheckInAt: LAST_TALK + (cadenceDays ?? learnedCadenceDays ?? DEFAULT_CHECK_IN_DAYS) * DAY_MS,
  };
}

/** 1: Ana's promise (a task), 2: check in with Ben (learned rhythm), 3: a signal about no one, 4: check in with Cy (set rhythm), 5: check in with Di (no rhythm yet). */
function state(): ActionState {
  return {
    items: [
      buildItem(1, "task:t1", "ana"),
      buildItem(2, "contact:ben", "ben"),
      buildItem(3, "signal:s1", null),
      buildItem(4, "contact:cy", "cy"),
      buildItem(5, "contact:di", "di"),
    ],
    suppressions: new Map(),
    tasks: new Map([["t1", { id: "t1", status: "open", completedAt: null, snoozedUntil: null }]]),
    contacts: new Map([
      ["ana", contact("ana", null, null)],
      ["ben", contact("ben", null, 21)],
      ["cy", contact("cy", 10, 21)],
      ["di", contact("di", null, null)],
    ]),
  };
}

function at(s: ActionState, position: number): ItemWithState {
  const found = s.items.find((candidate) => candidate.position === position);
  if (!found) throw new Error(`no item ${position}`);
  return found;
}

function changesOf(position: number, verb: ItemVerb, s = state(), until: number | null = null): Change[] {
  const result = itemChanges(at(s, position), verb, s, NOW, until);
  if (!result.ok) throw new Error(result.why);
  return result.changes;
}

function suppressionOf(position: number, verb: ItemVerb): Change | undefined {
  return changesOf(position, verb).find((c) => c.kind === "suppression");
}

describe("taskIdOf and touchedBy", () => {
  it("reads the task id out of a task subject key, and nothing else", () => {
    expect(taskIdOf("task:t1")).toBe("t1");
    expect(taskIdOf("task:")).toBeNull();
    expect(taskIdOf("contact:t1")).toBeNull();
    expect(taskIdOf("signal:task:t1")).toBeNull();
  });

  it("lists each subject, task and contact once", () => {
    const items = [buildItem(1, "task:t1", "ana"), buildItem(2, "task:t1", "ana"), buildItem(3, "contact:ben", "ben"), buildItem(4, "signal:s1", null)];
    expect(touchedBy(items)).toEqual({
      subjectKeys: ["task:t1", "contact:ben", "signal:s1"],
      taskIds: ["t1"],
      contactIds: ["ana", "ben"],
      introductionIds: [],
    });
    expect(touchedBy([])).toEqual({ subjectKeys: [], taskIds: [], contactIds: [], introductionIds: [] });
  });
});

describe("itemChanges", () => {
  it("done closes the item, its task, and keeps the promise out of digests for good", () => {
    expect(changesOf(1, "done")).toEqual([
      { kind: "item", id: "item1", state: "done", actedAt: NOW },
      { kind: "suppression", subjectKey: "task:t1", value: { until: NEVER_EXPIRES, reason: "done" } },
      { kind: "task", id: "t1", status: "done", completedAt: NOW, snoozedUntil: null },
    ]);
  });

  it("skip closes the task as skipped, not done", () => {
    expect(changesOf(1, "skip")).toEqual([
      { kind: "item", id: "item1", state: "skipped", actedAt: NOW },
      { kind: "suppression", subjectKey: "task:t1", value: { until: NEVER_EXPIRES, reason: "skipped" } },
      { kind: "task", id: "t1", status: "skipped", completedAt: NOW, snoozedUntil: null },
    ]);
  });

  it("snooze hides the item until the day asked and keeps its task open", () => {
    expect(changesOf(1, "snooze", state(), IN_TWO_WEEKS)).toEqual([
      { kind: "item", id: "item1", state: "snoozed", actedAt: NOW },
      { kind: "suppression", subjectKey: "task:t1", value: { until: IN_TWO_WEEKS, reason: "snoozed" } },
      { kind: "task", id: "t1", status: "open", completedAt: null, snoozedUntil: IN_TWO_WEEKS },
    ]);
  });

  it("a done or skipped check-in comes back after the person's rhythm: set, else learned, else the default", () => {
    expect(suppressionOf(2, "done")).toEqual({ kind: "suppression", subjectKey: "contact:ben", value: { until: NOW + 21 * DAY_MS, reason: "done" } });
    expect(suppressionOf(4, "skip")).toEqual({ kind: "suppression", subjectKey: "contact:cy", value: { until: NOW + 10 * DAY_MS, reason: "skipped" } });
    expect(suppressionOf(5, "done")).toEqual({
      kind: "suppression",
      subjectKey: "contact:di",
      value: { until: NOW + DEFAULT_CHECK_IN_DAYS * DAY_MS, reason: "done" },
    });
  });

  it("a snoozed check-in comes back on the day asked, not after the rhythm", () => {
    expect(changesOf(2, "snooze", state(), IN_TWO_WEEKS)).toContainEqual({
      kind: "suppression",
      subjectKey: "contact:ben",
      value: { until: IN_TWO_WEEKS, reason: "snoozed" },
    });
  });

  it("never mutes the person for good and keeps their rhythm for if they are unmuted", () => {
    const changes = changesOf(2, "never");
    expect(changes).toEqual([
      { kind: "item", id: "item2", state: "never", actedAt: NOW },
      { kind: "suppression", subjectKey: "contact:ben", value: { until: NEVER_EXPIRES, reason: "never" } },
      { kind: "contact", id: "ben", muted: true, cadenceDays: null, nextCheckInAt: LAST_TALK + 21 * DAY_MS },
    ]);
  });

  it("never on a promise mutes its person and leaves the task alone", () => {
    const changes = changesOf(1, "never");
    expect(changes.filter((c) => c.kind === "task")).toEqual([]);
    expect(changes).toContainEqual({ kind: "contact", id: "ana", muted: true, cadenceDays: null, nextCheckInAt: LAST_TALK + DEFAULT_CHECK_IN_DAYS * DAY_MS });
  });

  it("never does not mute a person twice", () => {
    const s = state();
    const ben = s.contacts.get("ben");
    if (ben) ben.muted = true;
    expect(changesOf(2, "never", s).map((c) => c.kind)).toEqual(["item", "suppression"]);
  });

  it("refuses never for an item about no one, and names the item", () => {
    const s = state();
    expect(itemChanges(at(s, 3), "never", s, NOW, null)).toEqual({ ok: false, why: "item 3 is not about one person" });
  });

  it("refuses never for a person it does not know", () => {
    const s = state();
    s.contacts.delete("ben");
    expect(itemChanges(at(s, 2), "never", s, NOW, null)).toEqual({ ok: false, why: "item 2 is not about one person" });
  });

  it("done on an item about no one still closes and suppresses it", () => {
    expect(changesOf(3, "done")).toEqual([
      { kind: "item", id: "item3", state: "done", actedAt: NOW },
      { kind: "suppression", subjectKey: "signal:s1", value: { until: NEVER_EXPIRES, reason: "done" } },
    ]);
  });

  it("leaves a task it did not load alone", () => {
    const s = state();
    s.tasks.clear();
    expect(changesOf(1, "done", s).map((c) => c.kind)).toEqual(["item", "suppression"]);
  });

  it("changes nothing when the item is already where the verb puts it", () => {
    const s = state();
    for (const verb of ["done", "skip", "never"] as const) {
      const again = cloneState(s);
      for (const change of changesOf(2, verb, again)) applyToState(again, change);
      expect(itemChanges(at(again, 2), verb, again, NOW + DAY_MS, null)).toEqual({ ok: true, changes: [] });
    }
  });

  it("snoozing again to the same day changes nothing; to another day, it moves", () => {
    const s = state();
    for (const change of changesOf(1, "snooze", s, IN_TWO_WEEKS)) applyToState(s, change);
    expect(itemChanges(at(s, 1), "snooze", s, NOW, IN_TWO_WEEKS)).toEqual({ ok: true, changes: [] });
    const later = NOW + 21 * DAY_MS;
    expect(changesOf(1, "snooze", s, later)).toContainEqual({ kind: "task", id: "t1", status: "open", completedAt: null, snoozedUntil: later });
  });

  it("done after a snooze closes it", () => {
    const s = state();
    for (const change of changesOf(1, "snooze", s, IN_TWO_WEEKS)) applyToState(s, change);
    expect(changesOf(1, "done", s)).toContainEqual({ kind: "task", id: "t1", status: "done", completedAt: NOW, snoozedUntil: null });
  });
});

describe("inverseOf", () => {
  it("restores what each kind of change overwrites", () => {
    const s = state();
    s.suppressions.set("contact:ben", { until: NOW + DAY_MS, reason: "snoozed" });
    expect(inverseOf({ kind: "item", id: "item1", state: "done", actedAt: NOW }, s)).toEqual({ kind: "item", id: "item1", state: "open", actedAt: null });
    expect(inverseOf({ kind: "suppression", subjectKey: "contact:ben", value: null }, s)).toEqual({
      kind: "suppression",
      subjectKey: "contact:ben",
      value: { until: NOW + DAY_MS, reason: "snoozed" },
    });
    expect(inverseOf({ kind: "suppression", subjectKey: "task:t1", value: { until: NEVER_EXPIRES, reason: "done" } }, s)).toEqual({
      kind: "suppression",
      subjectKey: "task:t1",
      value: null,
    });
    expect(inverseOf({ kind: "task", id: "t1", status: "done", completedAt: NOW, snoozedUntil: null }, s)).toEqual({
      kind: "task",
      id: "t1",
      status: "open",
      completedAt: null,
      snoozedUntil: null,
    });
  });

  it("undoes a cadence change with the person's previous rhythm and next check-in", () => {
    const s = state();
    const cadence: Change = { kind: "contact", id: "ben", muted: false, cadenceDays: 30, nextCheckInAt: LAST_TALK + 30 * DAY_MS };
    expect(inverseOf(cadence, s)).toEqual({ kind: "contact", id: "ben", muted: false, cadenceDays: null, nextCheckInAt: LAST_TALK + 21 * DAY_MS });
  });

  it("undoes an added note by removing it, and has nothing to undo for a removal", () => {
    const s = state();
    expect(inverseOf({ kind: "note", id: "n1", contactId: "ben", value: { text: "she got the job", createdAt: NOW } }, s)).toEqual({
      kind: "note",
      id: "n1",
      contactId: "ben",
      value: null,
    });
    expect(inverseOf({ kind: "note", id: "n1", contactId: "ben", value: null }, s)).toBeNull();
  });

  it("has no inverse for what the state does not hold", () => {
    const s = state();
    expect(inverseOf({ kind: "item", id: "elsewhere", state: "done", actedAt: NOW }, s)).toBeNull();
    expect(inverseOf({ kind: "task", id: "t9", status: "done", completedAt: NOW, snoozedUntil: null }, s)).toBeNull();
    expect(inverseOf({ kind: "contact", id: "zed", muted: true, cadenceDays: null, nextCheckInAt: null }, s)).toBeNull();
  });
});

describe("applyToState", () => {
  it("lets later lines of a reply see earlier ones", () => {
    const s = state();
    for (const change of changesOf(2, "never", s)) applyToState(s, change);
    expect(at(s, 2)).toMatchObject({ state: "never", actedAt: NOW });
    expect(s.suppressions.get("contact:ben")).toEqual({ until: NEVER_EXPIRES, reason: "never" });
    expect(s.contacts.get("ben")?.muted).toBe(true);
    // Item 2 is now where "never" puts it, so the same line again changes nothing.
    expect(itemChanges(at(s, 2), "never", s, NOW, null)).toEqual({ ok: true, changes: [] });
  });

  it("removes a suppression set to nothing, and does not invent tasks, contacts or notes", () => {
    const s = state();
    s.suppressions.set("task:t1", { until: NEVER_EXPIRES, reason: "done" });
    applyToState(s, { kind: "suppression", subjectKey: "task:t1", value: null });
    applyToState(s, { kind: "task", id: "t9", status: "done", completedAt: NOW, snoozedUntil: null });
    applyToState(s, { kind: "contact", id: "zed", muted: true, cadenceDays: null, nextCheckInAt: null });
    applyToState(s, { kind: "note", id: "n1", contactId: "ben", value: { text: "hi", createdAt: NOW } });
    expect(s).toEqual({ ...state(), suppressions: new Map() });
  });

  it.each(["done", "skip", "never", "snooze"] as const)("undo of %s, replayed from the inverses, restores the state exactly", (verb) => {
    for (const position of [1, 2]) {
      const s = state();
      const undo: Change[] = [];
      for (const change of changesOf(position, verb, s, verb === "snooze" ? IN_TWO_WEEKS : null)) {
        const inverse = inverseOf(change, s);
        if (inverse) undo.unshift(inverse);
        applyToState(s, change);
      }
      expect(s).not.toEqual(state());
      for (const change of undo) applyToState(s, change);
      expect(s).toEqual(state());
    }
  });
});

describe("cloneState", () => {
  it("gives a copy whose items, suppressions, tasks and contacts change without touching the original", () => {
    const original = state();
    const copy = cloneState(original);
    for (const change of changesOf(1, "never", copy)) applyToState(copy, change);
    applyToState(copy, { kind: "task", id: "t1", status: "done", completedAt: NOW, snoozedUntil: null });
    expect(original).toEqual(state());
    expect(copy).not.toEqual(state());
  });
});
