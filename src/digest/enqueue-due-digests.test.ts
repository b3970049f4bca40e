import { describe, expect, it } from "vitest";
import type { DueUser } from "../db/digest-schedule.ts";
import { planDueDigests } from "./enqueue-due-digests.ts";

const at = (iso: string) => Date.parse(iso);
const user = (extra: Partial<DueUser>): DueUser => ({
  id: "u1",
  timeZone: "Europe/Berlin",
  digestWeekday: 1,
  digestHour: 8,
  nextDigestAt: at("2026-11-30T07:00:00Z"),
  pausedUntil: null,
  unsubscribedAt: null,
  ...extra,
});

describe("planDueDigests", () => {
  it("enqueues the time that came due with its week, and moves the schedule a week on", () => {
    const plan = planDueDigests([user({})], at("2026-11-30T07:00:00Z"));
    expect(plan.jobs).toEqual([{ kind: "digest", userId: "u1", scheduledFor: at("2026-11-30T07:00:00Z"), week: "2026-W49" }]);
    expect(plan.advances).toEqual([{ userId: "u1", from: at("2026-11-30T07:00:00Z"), to: at("2026-12-07T07:00:00Z") }]);
  });

  it("writes this week's digest after missed runs, not the missed week's", () => {
    const plan = planDueDigests([user({ nextDigestAt: at("2026-11-09T07:00:00Z") })], at("2026-11-30T09:00:00Z"));
    expect(plan.jobs).toEqual([{ kind: "digest", userId: "u1", scheduledFor: at("2026-11-30T07:00:00Z"), week: "2026-W49" }]);
  });

  it("skips paused and unsubscribed users but still advances them", () => {
    const now = at("2026-11-30T07:00:00Z");
    const plan = planDueDigests(
      [user({ id: "p", pausedUntil: now + 1 }), user({ id: "x", unsubscribedAt: 1 }), user({ id: "back", pausedUntil: now })],
      now,
    );
    expect(plan.jobs.map((job) => job.userId)).toEqual(["back"]);
    expect(plan.advances.map((advance) => advance.userId)).toEqual(["p", "x", "back"]);
  });
});
