// Data migrations: what a deployed database holds before one is applied reads
// correctly after it.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import reminderKind from "../migrations/0002_reminder_interaction_kind.sql?raw";
import { resetDatabase } from "./helpers/rows.ts";
import { seeder } from "./helpers/seed.ts";

beforeEach(resetDatabase);

const NOW = Date.parse("2026-11-30T09:00:00Z");

describe("0002: a mail to a reminder address is a 'reminder' interaction", () => {
  it("renames the stored 'follow_up' interactions and leaves every other kind, and follow_up signals, alone", async () => {
    const seed = seeder(env.DB);
    const sam = await seed.user({ id: "u-sam", email: "sam.rivera@gmail.com", name: "Sam Rivera", now: NOW });
    const reminder = await seed.interaction(sam.id, { contactIds: [], subject: "Beta?", occurredAt: NOW });
    const thread = await seed.interaction(sam.id, { contactIds: [], subject: "Lunch", occurredAt: NOW });
    await env.DB.prepare("update interactions set kind = 'follow_up' where id = ?").bind(reminder).run();
    await seed.signal(sam.id, { contactId: null, kind: "follow_up", text: "follow up in 3 weeks", createdAt: NOW });

    const statements = reminderKind.replace(/^\s*--.*$/gm, "").split(";").map((s) => s.trim()).filter(Boolean);
    await env.DB.batch(statements.map((s) => env.DB.prepare(s)));

    const kinds = await env.DB.prepare("select id, kind from interactions order by subject").all<{ id: string; kind: string }>();
    expect(kinds.results).toEqual([
      { id: reminder, kind: "reminder" },
      { id: thread, kind: "thread" },
    ]);
    const signal = await env.DB.prepare("select kind from signals").first<{ kind: string }>();
    expect(signal?.kind).toBe("follow_up");
  });
});
