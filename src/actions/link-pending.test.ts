// "link 3 dev@patel.io": parsing the line, and what applying it plans.
import { describe, expect, it } from "vitest";
import { buildItem } from "../../test/helpers/build-items.ts";
import type { ItemWithState } from "../db/action-records.ts";
import type { ActionState } from "./item-changes.ts";
import { parseDigestLine } from "./parse-digest-line.ts";
import { parseLink } from "./parse-link.ts";
import { planReply } from "./plan-reply.ts";

const NOW = Date.UTC(2026, 11, 7, 9);

describe("parseLink", () => {
  it.each([
    ["link 3 dev@patel.io", 3],
    ["Link #3: Dev@Patel.io", 3],
    ["3 link dev@patel.io", 3],
    ["link 3 to <dev@patel.io>", 3],
    ["- link 12 dev@patel.io.", 12],
  ])("%s → item %i, dev@patel.io", (line, item) => {
    expect(parseLink(line)).toEqual({ verb: "link", item, address: "dev@patel.io" });
    expect(parseDigestLine(line, NOW, "UTC")).toEqual({ verb: "link", item, address: "dev@patel.io" });
  });

  it.each(["link 3", "link 3 dev", "link dev@patel.io", "link 0 dev@patel.io", "link 3 dev@patel.io and ben@x.io"])("%s is not a link", (line) => {
    expect(parseLink(line)).toBeNull();
  });
});

function state(items: ItemWithState[], pending: boolean): ActionState {
  return {
    items,
    suppressions: new Map(),
    tasks: new Map(),
    contacts: new Map([
      [
        "dev",
        {
          id: "dev",
          name: "Dev",
          address: pending ? null : "dev@patel.io",
          pending,
          muted: false,
          cadenceDays: null,
          learnedCadenceDays: null,
          lastInteractionAt: null,
          nextCheckInAt: null,
        },
      ],
    ]),
  };
}

function plan(command: { item: number; address: string }, pending = true) {
  const items = [buildItem(1, "signal:s1", "dev"), buildItem(2, "signal:s2", null)];
  return planReply({ state: state(items, pending), digestId: "d1", commands: [{ verb: "link", ...command }], undoStack: [], now: NOW, timeZone: "UTC", newId: () => "log1" });
}

describe("planReply: link", () => {
  it("links a pending contact to the address, undoably", () => {
    const { plan: p, outcome } = plan({ item: 1, address: "dev@patel.io" });
    expect(p.changes).toEqual([{ kind: "link", contactId: "dev", address: "dev@patel.io" }]);
    expect(p.logged[0]?.undo).toEqual([{ kind: "unlink", contactId: "dev", address: "dev@patel.io" }]);
    expect(outcome.applied).toEqual(["Linked Dev to dev@patel.io."]);
  });

  it("says why it does not link a person who has an address, or an item about no one", () => {
    expect(plan({ item: 1, address: "dev@other.io" }, false).outcome.notApplied[0]).toMatch(/already has an address \(dev@patel\.io\)/);
    expect(plan({ item: 1, address: "dev@patel.io" }, false).outcome.applied).toEqual(["Dev was already linked to dev@patel.io."]);
    expect(plan({ item: 2, address: "dev@patel.io" }).outcome.notApplied).toEqual(["link 2: item 2 is not about one person."]);
    expect(plan({ item: 9, address: "dev@patel.io" }).plan.changes).toEqual([]);
  });
});
