// A reply to a digest understands every command a mail to Tend does, and the
// digest's one link per item opens a page offering done, snooze, skip and never.
// Through the real email(), scheduled(), queue() and fetch() handlers.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "../src/model.ts";
import { gmailReply } from "./helpers/client-replies.ts";
import { receiveDigest } from "./helpers/received-digest.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { seeder } from "./helpers/seed.ts";
import { testWorker } from "./helpers/worker.ts";

const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const DIGEST_AT = Date.parse("2026-12-07T07:00:00Z");
const REPLY_AT = DIGEST_AT + 2 * HOUR_MS;
const seed = seeder(env.DB);

beforeEach(resetDatabase);

/** Sam, with one overdue promise to Carla and one check-in due with Jun. */
async function samsWeek() {
  const user = await seed.user({ email: SAM.address, name: SAM.name, timeZone: "Europe/Berlin", now: DIGEST_AT - 60 * DAY_MS });
  const carla = await seed.contact(user.id, { name: "Carla Mendes", address: "carla@mendes.studio", now: DIGEST_AT - 30 * DAY_MS, lastInteractionAt: DIGEST_AT - 10 * DAY_MS });
  const jun = await seed.contact(user.id, { name: "Jun Ito", address: "jun@ito.example", now: DIGEST_AT - 90 * DAY_MS, lastInteractionAt: DIGEST_AT - 80 * DAY_MS });
  await seed.task(user.id, { kind: "promise", title: "I'll send you my comments by Wednesday.", contactId: carla, dueAt: DIGEST_AT - 5 * DAY_MS, createdAt: DIGEST_AT - 12 * DAY_MS });
  const digest = await receiveDigest(user.id, DIGEST_AT);
  return { user, carla, jun, digest };
}

async function fetchPage(url: string, init?: RequestInit<IncomingRequestCfProperties>): Promise<{ status: number; html: string }> {
  const { worker } = testWorker({ now: () => REPLY_AT });
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request<unknown, IncomingRequestCfProperties>(url, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return { status: response.status, html: await response.text() };
}

describe("a reply to a digest", () => {
  it("applies a mail command (set timezone) alongside the digest's own commands", async () => {
    const { user, digest } = await samsWeek();
    const { deliver, sent } = testWorker({ now: () => REPLY_AT });
    await deliver(gmailReply(digest.mail, SAM, ["done 1", "set timezone America/New_York"], { at: REPLY_AT }), {
      from: SAM.address,
      to: digest.replyAddress,
    });
    const zone = await env.DB.prepare("select time_zone as zone from users where id = ?").bind(user.id).first<{ zone: string }>();
    expect(zone?.zone).toBe("America/New_York");
    const texts = sent.map((mail) => mail.parsed.text ?? "");
    expect(texts.some((text) => text.includes("America/New_York"))).toBe(true);
    expect(texts.some((text) => /Applied:[\s\S]*Carla Mendes[\s\S]*done/.test(text))).toBe(true);
    expect(texts.join("\n")).not.toContain("“set timezone America/New_York”");
  });

  it("answers a mail command alone with that answer only", async () => {
    const { digest } = await samsWeek();
    const { deliver, sent } = testWorker({ now: () => REPLY_AT });
    await deliver(gmailReply(digest.mail, SAM, ["settings"], { at: REPLY_AT }), { from: SAM.address, to: digest.replyAddress });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.parsed.text).toContain("Europe/Berlin");
  });
});

describe("the digest's one link per item", () => {
  it("is one short link per item; its page offers done, snooze, skip and never, and changes nothing on GET", async () => {
    const { digest } = await samsWeek();
    const text = digest.mail.parsed.text ?? "";
    const links = text.match(new RegExp(`${env.PUBLIC_URL}/a/\\S+`, "g")) ?? [];
    expect(links).toHaveLength(digest.itemIds.length);
    const [link = ""] = links;
    expect(link.length).toBeLessThan(80);
    const page = await fetchPage(link);
    expect(page.status).toBe(200);
    for (const verb of ["done", "snooze", "skip", "never"]) expect(page.html).toContain(`name="verb" value="${verb}"`);
    const state = await env.DB.prepare("select state from digest_items where id = ?").bind(digest.itemIds[0] ?? "").first<{ state: string }>();
    expect(state?.state).toBe("open");
  });

  it("acts on POST with the verb the page's form names, and refuses one it does not know", async () => {
    const { digest, carla } = await samsWeek();
    const link = (digest.mail.parsed.text ?? "").match(new RegExp(`${env.PUBLIC_URL}/a/\\S+`))?.[0] ?? "";
    const post = (form: Record<string, string>) =>
      fetchPage(link, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() });
    expect((await post({ verb: "delete" })).status).toBe(400);
    const done = await post({ verb: "never" });
    expect(done.status).toBe(200);
    const muted = await env.DB.prepare("select muted from contacts where id = ?").bind(carla).first<{ muted: number }>();
    expect(muted?.muted).toBe(1);
  });
});
