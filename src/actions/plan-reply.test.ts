import { describe, expect, it } from "vitest";
import { buildItem } from "../../test/helpers/build-items.ts";
import type { ActionLogEntry } from "../db/action-records.ts";
import { DAY_MS } from "../model.ts";
import type { Command } from "./command-types.ts";
import { type ActionState, NEVER_EXPIRES } from "./item-changes.ts";
import { planReply } from "./plan-reply.ts";

const NOW = Date.UTC(2026, 10, 30, 9);
const LAST_TALK = NOW - 40 * DAY_MS;

function state(): ActionState {
  return {
    items: [buildItem(1, "task:t1", "c1"), buildItem(2, "contact:c2", "c2"), buildItem(3, "signal:s1", null)],
    suppressions: new Map(),
    tasks: new Map([["t1", { id: "t1", status: "open", completedAt: null, snoozedUntil: null }]]),
    contacts: new Map([
      ["c1", { id: "c1", name: "Ana Lima", address: "ana@x.com", muted: false, cadenceDays: null, learnedCadenceDays: null, lastInteractionAt: LAST_TALK, nextCheckInAt: null }],
      ["c2", { id: "c2", name: "Ben Okoro", address: "ben@x.com", muted: false, cadenceDays: null, learnedCadenceDays: 21, lastInteractionAt: LAST_TALK, nextCheckInAt: LAST_TALK + 21 * DAY_MS }],
    ]),
  };
}

let ids = 0;
function plan(commands: Command[], undoStack: ActionLogEntry[] = [], initial = state()) {
  return planReply({ state: initial, digestId: "d1", commands, undoStack, now: NOW, timeZone: "UTC", newId: () => `id${++ids}` });
}

describe("planReply", () => {
  it("closes the task, suppresses the subject and logs the exact inverse", () => {
    const { plan: p, outcome } = plan([{ verb: "done", items: [1] }]);
    expect(p.changes).toEqual([
      { kind: "item", id: "item1", state: "done", actedAt: NOW },
      { kind: "suppression", subjectKey: "task:t1", value: { until: NEVER_EXPIRES, reason: "done" } },
      { kind: "task", id: "t1", status: "done", completedAt: NOW, snoozedUntil: null },
    ]);
    expect(p.logged[0]?.undo).toEqual([
      { kind: "task", id: "t1", status: "open", completedAt: null, snoozedUntil: null },
      { kind: "suppression", subjectKey: "task:t1", value: null },
      { kind: "item", id: "item1", state: "open", actedAt: null },
    ]);
    expect(outcome.applied).toEqual(["1. Item 1: done."]);
  });

  it("a done check-in comes back after the person's rhythm", () => {
    const { plan: p } = plan([{ verb: "done", items: [2] }]);
    expect(p.changes).toContainEqual({ kind: "suppression", subjectKey: "contact:c2", value: { until: NOW + 21 * DAY_MS, reason: "done" } });
  });

  it("never mutes the person; undo on the next line unmutes and marks the entry undone", () => {
    const { plan: p, outcome } = plan([{ verb: "never", items: [1] }, { verb: "undo" }]);
    expect(p.changes).toContainEqual({ kind: "contact", id: "c1", muted: true, cadenceDays: null, nextCheckInAt: null });
    expect(p.changes.at(-1)).toEqual({ kind: "item", id: "item1", state: "open", actedAt: null });
    expect(p.changes).toContainEqual({ kind: "contact", id: "c1", muted: false, cadenceDays: null, nextCheckInAt: null });
    expect(p.logged).toHaveLength(1);
    expect(p.logged[0]?.undoneAt).toBe(NOW);
    expect(outcome.applied[1]).toBe("Undone: 1. Item 1: Tend will stop suggesting Ana Lima.");
  });

  it("cadence moves the next check-in to the last talk plus the new rhythm", () => {
    const { plan: p, outcome } = plan([{ verb: "cadence", item: 2, days: 30 }]);
    expect(p.changes).toEqual([{ kind: "contact", id: "c2", muted: false, cadenceDays: 30, nextCheckInAt: LAST_TALK + 30 * DAY_MS }]);
    expect(p.logged[0]?.undo).toEqual([{ kind: "contact", id: "c2", muted: false, cadenceDays: null, nextCheckInAt: LAST_TALK + 21 * DAY_MS }]);
    expect(outcome.applied).toEqual(["Check in with Ben Okoro every month."]);
  });

  it("says why it cannot apply: no such item, no one person, nothing open, too far away", () => {
    const closed = state();
    for (const entry of closed.items) entry.state = "done";
    expect(plan([{ verb: "done", items: "all" }], [], closed).outcome.notApplied).toEqual(["done all: no open items are left in this digest."]);
    const { plan: p, outcome } = plan([
      { verb: "skip", items: [7] },
      { verb: "never", items: [3] },
      { verb: "note", item: 3, text: "hi" },
      { verb: "snooze", items: [1], until: "2029-01-01" },
    ]);
    expect(p.changes).toEqual([]);
    expect(outcome.notApplied).toEqual([
      "skip 7: this digest has no item 7 (it has 3).",
      "never 3: item 3 is not about one person.",
      "note 3: item 3 is not about one person.",
      "snooze until Mon 1 Jan 2029: that is more than two years away.",
    ]);
  });

  it("the same command twice in one reply changes once", () => {
    const { plan: p, outcome } = plan([{ verb: "skip", items: [2] }, { verb: "skip", items: [2] }]);
    expect(p.logged).toHaveLength(1);
    expect(outcome.applied[1]).toBe("2. Item 2 was already skipped.");
  });

  it("undo without this reply's actions replays the newest stored entry", () => {
    const stored: ActionLogEntry = {
      id: "old",
      digestId: "d0",
      command: "3. Earlier: done",
      undo: [{ kind: "item", id: "elsewhere", state: "open", actedAt: null }],
      createdAt: NOW - DAY_MS,
      undoneAt: null,
    };
    const { plan: p, outcome } = plan([{ verb: "undo" }, { verb: "undo" }], [stored]);
    expect(p.changes).toEqual(stored.undo);
    expect(p.undone).toEqual(["old"]);
    expect(outcome.applied).toEqual(["Undone: 3. Earlier: done."]);
    expect(outcome.notApplied).toEqual(["undo: there is nothing left to undo."]);
  });

  it("orders a reply's log entries, so undo finds the last one", () => {
    const { plan: p } = plan([{ verb: "done", items: [1] }, { verb: "skip", items: [2] }, { verb: "note", item: 1, text: "x" }]);
    const times = p.logged.map((entry) => entry.createdAt);
    expect(times).toEqual([NOW, NOW + 1, NOW + 2]);
  });
});
