// The hourly cron through the real scheduled() handler: the right users at the
// right local hour, across zones and a DST change, once.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "./helpers/rows.ts";
import { users } from "../src/db/schema.ts";
import { digestHarness } from "./helpers/digest-run.ts";
import { seeder } from "./helpers/seed.ts";

const seed = seeder(env.DB);
const at = (iso: string) => Date.parse(iso);

async function nextDigestOf(userId: string): Promise<number | null> {
  const [row] = await seed.db.select({ next: users.nextDigestAt }).from(users).where(eq(users.id, userId));
  return row?.next ?? null;
}

describe("hourly cron: who is due", () => {
  beforeEach(resetDatabase);

  it("enqueues each user at 08:00 Monday in their own zone, and only then", async () => {
    const created = at("2026-11-25T12:00:00Z"); // a Wednesday
    const berlin = await seed.user({ email: "berlin@tend.test", timeZone: "Europe/Berlin", now: created });
    const newYork = await seed.user({ email: "ny@tend.test", timeZone: "America/New_York", now: created });
    const tokyo = await seed.user({ email: "tokyo@tend.test", timeZone: "Asia/Tokyo", now: created });
    const { runCron } = digestHarness();

    // Mon 30 Nov: Tokyo 08:00 is Sun 23:00 UTC, Berlin 08:00 is 07:00 UTC, New York 08:00 is 13:00 UTC.
    expect(await runCron(at("2026-11-29T22:00:00Z"))).toEqual([]);
    expect((await runCron(at("2026-11-29T23:00:00Z"))).map((job) => job.userId)).toEqual([tokyo.id]);
    expect(await runCron(at("2026-11-30T06:00:00Z"))).toEqual([]);
    const berlinJobs = await runCron(at("2026-11-30T07:00:00Z"));
    expect(berlinJobs).toEqual([{ kind: "digest", userId: berlin.id, scheduledFor: at("2026-11-30T07:00:00Z"), week: "2026-W49" }]);
    expect(await runCron(at("2026-11-30T12:00:00Z"))).toEqual([]);
    expect((await runCron(at("2026-11-30T13:00:00Z"))).map((job) => job.userId)).toEqual([newYork.id]);

    expect(await nextDigestOf(tokyo.id)).toBe(at("2026-12-06T23:00:00Z"));
    expect(await nextDigestOf(berlin.id)).toBe(at("2026-12-07T07:00:00Z"));
    expect(await nextDigestOf(newYork.id)).toBe(at("2026-12-07T13:00:00Z"));
  });

  it("follows Berlin across the spring DST change: 07:00 UTC, then 06:00 UTC", async () => {
    const berlin = await seed.user({ email: "berlin@tend.test", timeZone: "Europe/Berlin", now: at("2026-03-18T12:00:00Z") });
    const { runCron } = digestHarness();

    expect((await runCron(at("2026-03-23T07:00:00Z"))).map((job) => job.scheduledFor)).toEqual([at("2026-03-23T07:00:00Z")]);
    expect(await nextDigestOf(berlin.id)).toBe(at("2026-03-30T06:00:00Z"));
    expect(await runCron(at("2026-03-30T05:00:00Z"))).toEqual([]);
    const summer = await runCron(at("2026-03-30T06:00:00Z"));
    expect(summer).toEqual([{ kind: "digest", userId: berlin.id, scheduledFor: at("2026-03-30T06:00:00Z"), week: "2026-W14" }]);
  });

  it("sends a digest whose local hour the DST change skipped", async () => {
    // Sunday 02:00 does not exist in Berlin on 29 Mar 2026; it goes at 03:00 CEST (01:00 UTC).
    const early = await seed.user({ email: "early@tend.test", timeZone: "Europe/Berlin", weekday: 7, hour: 2, now: at("2026-03-25T12:00:00Z") });
    const { runCron } = digestHarness();
    expect(await runCron(at("2026-03-29T00:00:00Z"))).toEqual([]);
    expect((await runCron(at("2026-03-29T01:00:00Z"))).map((job) => job.userId)).toEqual([early.id]);
  });

  it("catches up after a late or missed run, and a retried run enqueues nothing twice", async () => {
    const user = await seed.user({ email: "late@tend.test", now: at("2026-11-25T12:00:00Z") });
    const { runCron } = digestHarness();
    // The 08:00 run never happened; the 11:00 run finds the user still due.
    const late = await runCron(at("2026-11-30T11:00:00Z"));
    expect(late).toEqual([{ kind: "digest", userId: user.id, scheduledFor: at("2026-11-30T08:00:00Z"), week: "2026-W49" }]);
    expect(await runCron(at("2026-11-30T11:00:00Z"))).toEqual([]);
    expect(await nextDigestOf(user.id)).toBe(at("2026-12-07T08:00:00Z"));
  });

  it("skips paused and unsubscribed users but moves their schedule on", async () => {
    const now = at("2026-11-25T12:00:00Z");
    const paused = await seed.user({ email: "paused@tend.test", pausedUntil: at("2026-12-10T00:00:00Z"), now });
    const gone = await seed.user({ email: "gone@tend.test", unsubscribedAt: now, now });
    const active = await seed.user({ email: "active@tend.test", now });
    const { runCron } = digestHarness();

    expect((await runCron(at("2026-11-30T08:00:00Z"))).map((job) => job.userId)).toEqual([active.id]);
    expect(await nextDigestOf(paused.id)).toBe(at("2026-12-07T08:00:00Z"));
    expect(await nextDigestOf(gone.id)).toBe(at("2026-12-07T08:00:00Z"));
    // Still paused on 7 Dec; back on 14 Dec.
    expect((await runCron(at("2026-12-07T08:00:00Z"))).map((job) => job.userId)).toEqual([active.id]);
    expect((await runCron(at("2026-12-14T08:00:00Z"))).map((job) => job.userId).toSorted((a, b) => a.localeCompare(b))).toEqual([paused.id, active.id].toSorted((a, b) => a.localeCompare(b)));
  });

  it("pages through more due users than one page holds", async () => {
    const now = at("2026-11-25T12:00:00Z");
    const ids = new Set<string>();
    for (let i = 0; i < 130; i++) ids.add((await seed.user({ email: `u${i}@tend.test`, now })).id);
    const { runCron } = digestHarness();
    const jobs = await runCron(at("2026-11-30T08:00:00Z"));
    expect(jobs).toHaveLength(130);
    expect(new Set(jobs.map((job) => job.userId))).toEqual(ids);
  });
});
