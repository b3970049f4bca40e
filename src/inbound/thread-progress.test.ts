import { describe, expect, it } from "vitest";
import type { ThreadIntroduction, ThreadTask } from "../db/thread-progress.ts";
import { DAY_MS } from "../model.ts";
import { GRATITUDE_FOLLOW_UP_DAYS, planThreadProgress, type ThreadProgressInput } from "./thread-progress.ts";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const ANA = { name: "Ana Lima", address: "ana@lumen.studio" };

function input(over: Partial<ThreadProgressInput> & { introductions?: ThreadIntroduction[]; tasks?: ThreadTask[]; writers?: string[] }): ThreadProgressInput {
  return {
    state: { introductions: over.introductions ?? [], tasks: over.tasks ?? [], writers: new Set(over.writers ?? []) },
    sender: ANA,
    senderContactId: "ana",
    addressedTo: new Set(["sam-colleague"]),
    userAddressed: true,
    text: "Thanks!",
    occurredAt: NOW,
    timeZone: "Europe/Berlin",
    now: NOW,
    ...over,
  };
}

const made = (a: string, b: string | null, introducer: string | null = null): ThreadIntroduction => ({
  id: "i1",
  status: "made",
  optIn: false,
  introducerContactId: introducer,
  personAContactId: a,
  personBContactId: b,
});

const task = (over: Partial<ThreadTask>): ThreadTask => ({ id: "t1", kind: "waiting_on", contactId: "ana", remindAt: null, remindedAt: null, keepOnReply: false, ...over });

/** What Ana's reply does to Sam's introduction of Ana and Ben. */
const connectedBy = (over: Partial<ThreadProgressInput> & { writers?: string[] }) =>
  planThreadProgress(input({ introductions: [made("ana", "ben")], ...over })).effects.introductions.map((i) => i.status);

describe("planThreadProgress", () => {
  it("resolves only what the sender was awaited for", () => {
    const { effects } = planThreadProgress(input({ tasks: [task({ id: "mine" }), task({ id: "bens", contactId: "ben" })] }));
    expect(effects.closedTasks).toEqual([{ id: "mine", status: "done", resolution: "Ana replied on Tue 1 Dec" }]);
  });

  it("cancels a reminder not yet due, unless kept or already sent", () => {
    const reminder = (id: string, over: Partial<ThreadTask>) => task({ id, kind: "reminder", contactId: "dev", remindAt: NOW + DAY_MS, ...over });
    const { effects } = planThreadProgress(
      input({
        tasks: [
          reminder("due-later", {}),
          reminder("kept", { keepOnReply: true }),
          reminder("sent", { remindedAt: NOW - DAY_MS }),
          reminder("due-before-the-reply", { remindAt: NOW - 1 }),
        ],
      }),
    );
    expect(effects.closedTasks.map((t) => [t.id, t.status])).toEqual([["due-later", "skipped"]]);
  });

  it("connects an introduction when the other has written, when the user is left out, or on “to Bcc”", () => {
    expect(connectedBy({})).toEqual([]);
    expect(connectedBy({ writers: ["ben"] })).toEqual(["connected"]);
    expect(connectedBy({ addressedTo: new Set(["ben"]), userAddressed: false })).toEqual(["connected"]);
    expect(connectedBy({ addressedTo: new Set(["ben"]), userAddressed: true })).toEqual([]);
    expect(connectedBy({ text: "Thanks Sam (to bcc). Ben, coffee?" })).toEqual(["connected"]);
    // Someone else on the thread writing moves nothing.
    expect(connectedBy({ senderContactId: "carla", writers: ["ben"] })).toEqual([]);
  });

  it("asks how it went weeks after two people connect, and has the introduced user thank at once", () => {
    const between = planThreadProgress(input({ introductions: [made("ana", "ben")], writers: ["ben"] })).effects.introductions[0];
    expect(between).toMatchObject({ status: "connected", connectedAt: NOW, followUpAt: NOW + GRATITUDE_FOLLOW_UP_DAYS * DAY_MS });
    const ofUser = planThreadProgress(input({ introductions: [made("ana", null, "carla")] })).effects.introductions[0];
    expect(ofUser).toMatchObject({ status: "connected", connectedAt: NOW, followUpAt: NOW });
  });

  it("settles a double opt-in only on the asked person's own answer", () => {
    const asked: ThreadIntroduction = { ...made("ana", "ben"), status: "asked", optIn: true };
    const yes = planThreadProgress(input({ introductions: [asked], text: "Yes, happy to!" }));
    expect(yes.effects.introductions).toEqual([{ id: "i1", from: "asked", status: "accepted", followUpAt: NOW, connectedAt: null }]);
    expect(yes.events).toEqual([{ kind: "accepted", introductionId: "i1" }]);
    const no = planThreadProgress(input({ introductions: [asked], text: "I'll pass, thanks." }));
    expect(no.effects).toMatchObject({ introductions: [{ status: "closed" }], neverPairs: ["pair:ana:ben"] });
    expect(planThreadProgress(input({ introductions: [asked], text: "Yes, happy to!", senderContactId: "ben" })).effects.introductions).toEqual([]);
    expect(planThreadProgress(input({ introductions: [asked], text: "Let me think." })).effects.introductions).toEqual([]);
  });
});
