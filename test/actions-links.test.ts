// One-click links and unsubscribe through the real fetch() handler: GET shows a
// page and changes nothing; POST applies, once.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS } from "../src/model.ts";
import { actionSnapshot, itemStates, suppression, task } from "./helpers/action-rows.ts";
import { gmailReply } from "./helpers/client-replies.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { actionLink, clock, NOW, seedUser, seedWeek, unsubscribeLink } from "./helpers/seed-actions.ts";
import { testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };

/** `at`: the Worker's clock for this request (default NOW). */
async function fetchPage(
  url: string,
  init?: RequestInit<IncomingRequestCfProperties>,
  at = NOW,
): Promise<{ status: number; html: string; headers: Headers }> {
  const { worker } = testWorker({ now: () => at });
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request<unknown, IncomingRequestCfProperties>(url, init), env, ctx);
  await waitOnExecutionContext(ctx);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

const post = (url: string, form: Record<string, string> = {}, at = NOW) =>
  fetchPage(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() }, at);

/** Form bodies a browser never sends: a boundary that never closes, or none at all. */
const MALFORMED_BODIES: RequestInit<IncomingRequestCfProperties>[] = [
  { headers: { "Content-Type": "multipart/form-data; boundary=xyz" }, body: '--xyz\r\nContent-Disposition: form-data; name="days"\r\n\r\n14' },
  { headers: { "Content-Type": "multipart/form-data" }, body: "days=14" },
  { headers: { "Content-Type": "multipart/form-data; boundary=xyz" }, body: "\u0000\u0001 not multipart at all" },
];

/** Sam and the digest Tend sent him: 1. Carla Diaz — you said you'd send Carla the deck; was due Sun 29 Nov, 1 day ago, 2. Priya Nair — you said you'd introduce Ben to Priya; due Thu 3 Dec (in 3 days), 3. Ana Lima — time to check in (last in touch six weeks ago), 4. Ben Okoro — time to check in (last in touch six weeks ago). */
async function week() {
  const user = await seedUser(SAM.address, SAM.name);
  return { user, ...(await seedWeek(user)) };
}

function count(html: string, pattern: RegExp): number {
  return html.match(pattern)?.length ?? 0;
}

describe("item links", () => {
  it("GET shows an accessible confirmation page and changes nothing", async () => {
    const { digest } = await week();
    const url = await actionLink(digest.itemIds[0] ?? "", "done");
    const before = await actionSnapshot();
    const { status, html, headers } = await fetchPage(url);
    expect(status).toBe(200);
    expect(await actionSnapshot()).toEqual(before);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain("<title>Mark this as done? — Tend</title>");
    expect(html).toContain("<h1>Mark this as done?</h1>");
    expect(html).toContain("Carla Diaz — you said you&#39;d send Carla the deck; was due Sun 29 Nov, 1 day ago");
    expect(html).toContain('<form method="post"><button type="submit">Mark as done</button></form>');
    expect(count(html, /<script|<link|src=|https?:\/\//g)).toBe(0);
    expect(headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(headers.get("Cache-Control")).toBe("no-store");
    expect(headers.get("Content-Security-Policy")).toContain("default-src 'none'");
  });

  it("POST applies once; a second POST changes nothing", async () => {
    const { user, deck, digest } = await week();
    const url = await actionLink(digest.itemIds[0] ?? "", "done");
    const first = await post(url);
    expect(first.status).toBe(200);
    expect(first.html).toContain("<h1>Marked done</h1>");
    expect(await itemStates(digest.id)).toEqual(["done", "open", "open", "open"]);
    expect((await task(deck))?.status).toBe("done");
    expect((await suppression(user.id, `task:${deck}`))?.reason).toBe("done");

    const after = await actionSnapshot();
    const second = await post(url, {}, NOW + HOUR_MS);
    expect(second.status).toBe(200);
    expect(second.html).toContain("This was already done; nothing changed.");
    expect(await actionSnapshot()).toEqual(after);
  });

  it("the one link per item offers every choice, acts on the one posted, and once settled says so", async () => {
    const { deck, digest } = await week();
    const url = await actionLink(digest.itemIds[0] ?? "", "open");
    const before = await actionSnapshot();
    const first = await fetchPage(url);
    expect(first.html).toContain("<h1>What should Tend do with this?</h1>");
    expect(await actionSnapshot()).toEqual(before);

    expect((await post(url, { verb: "done" })).html).toContain("<h1>Marked done</h1>");
    expect((await task(deck))?.status).toBe("done");
    const again = await fetchPage(url, undefined, NOW + HOUR_MS);
    expect(again.html).toContain("<h1>Already done</h1>");
    expect(again.html).not.toContain("<form");
  });

  it("snooze offers a labelled choice and applies the chosen length", async () => {
    const { intro, digest } = await week();
    const url = await actionLink(digest.itemIds[1] ?? "", "snooze");
    const { html } = await fetchPage(url);
    expect(html).toContain('<label for="days">Snooze for</label><select id="days" name="days">');
    expect(html).toContain('<option value="7" selected>a week</option>');

    await post(url, { days: "14" });
    const midnight = Date.UTC(2026, 10, 30);
    expect(await task(intro)).toEqual({ status: "open", completed_at: null, snoozed_until: midnight + 14 * DAY_MS });
    // A second click, even asking for longer, does not move it.
    await post(url, { days: "30" });
    expect((await task(intro))?.snoozed_until).toBe(midnight + 14 * DAY_MS);
  });

  it("skip on a check-in suppresses it for the person's rhythm, and a reply 'undo' reverses the click", async () => {
    const { user, ben, digest } = await week();
    await post(await actionLink(digest.itemIds[3] ?? "", "skip"));
    expect(await itemStates(digest.id)).toEqual(["open", "open", "open", "skipped"]);
    expect(await suppression(user.id, `contact:${ben}`)).toEqual({ until: NOW + 21 * DAY_MS, reason: "skipped" });

    const { deliver, sent } = testWorker({ now: clock });
    await deliver(gmailReply(digest.mail, SAM, ["undo"]), { from: SAM.address, to: digest.replyAddress });
    expect(await itemStates(digest.id)).toEqual(["open", "open", "open", "open"]);
    expect(await suppression(user.id, `contact:${ben}`)).toBeNull();
    expect(sent[0]?.parsed.text).toContain("Undone: 4. Ben Okoro — time to check in (last in touch six weeks ago): skipped.");
  });

  it("a tampered, expired, re-scoped or unknown link changes nothing, on GET or POST", async () => {
    const { user, digest } = await week();
    const itemId = digest.itemIds[0] ?? "";
    const good = await actionLink(itemId, "done");
    const tampered = good.replace(/.$/, (c) => (c === "a" ? "b" : "a"));
    const rescoped = good.replace(".done.", ".skip.");
    const otherItem = good.replace(itemId, digest.itemIds[1] ?? "");
    const expired = await actionLink(itemId, "done", NOW - 1000);
    const wrongAction = await actionLink(itemId, "never");
    const unsubscribeAsItem = (await unsubscribeLink(user.id)).replace("/u/", "/a/");
    const before = await actionSnapshot();
    for (const [url, status] of [
      [tampered, 400],
      [rescoped, 400],
      [otherItem, 400],
      [expired, 410],
      [wrongAction, 400],
      [unsubscribeAsItem, 400],
    ] as const) {
      expect({ url, status: (await fetchPage(url)).status }).toEqual({ url, status });
      expect({ url, status: (await post(url)).status }).toEqual({ url, status });
    }
    expect(await actionSnapshot()).toEqual(before);
    expect((await fetchPage(tampered)).html).toContain("This link is not valid");
    expect((await fetchPage(expired)).html).toContain("This link has expired");
  });

  it("a malformed form body answers a clear 400 page and applies nothing", async () => {
    const { digest } = await week();
    const urls = [await actionLink(digest.itemIds[0] ?? "", "done"), await actionLink(digest.itemIds[2] ?? "", "snooze")];
    const before = await actionSnapshot();
    for (const url of urls) {
      for (const init of MALFORMED_BODIES) {
        const { status, html } = await fetchPage(url, { method: "POST", ...init });
        expect({ url, status }).toEqual({ url, status: 400 });
        expect(html).toContain("<h1>Nothing changed</h1>");
      }
    }
    expect(await actionSnapshot()).toEqual(before);
  });

  it("a link to an item that no longer exists says so", async () => {
    const { digest } = await week();
    const url = await actionLink(digest.itemIds[0] ?? "", "done");
    await env.DB.prepare("delete from digest_items where id = ?").bind(digest.itemIds[0] ?? "").run();
    const { status, html } = await post(url);
    expect(status).toBe(404);
    expect(html).toContain("This suggestion is gone");
  });
});

async function unsubscribedAt(userId: string) {
  return (await env.DB.prepare("select unsubscribed_at from users where id = ?").bind(userId).first<{ unsubscribed_at: number | null }>())
    ?.unsubscribed_at;
}

describe("unsubscribe (RFC 8058)", () => {
  it("GET shows a form that posts the one-click body, and changes nothing", async () => {
    const user = await seedUser(SAM.address, SAM.name);
    const { status, html } = await fetchPage(await unsubscribeLink(user.id));
    expect(status).toBe(200);
    expect(html).toContain(
      '<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>',
    );
    expect(await unsubscribedAt(user.id)).toBeNull();
  });

  it("a one-click POST unsubscribes; a second keeps the first time", async () => {
    const user = await seedUser(SAM.address, SAM.name);
    const url = await unsubscribeLink(user.id);
    const { status, html } = await post(url, { "List-Unsubscribe": "One-Click" });
    expect(status).toBe(200);
    expect(html).toContain("You are unsubscribed");
    const first = await unsubscribedAt(user.id);
    expect(first).toBe(NOW);

    const multipart = new FormData();
    multipart.set("List-Unsubscribe", "One-Click");
    await fetchPage(url, { method: "POST", body: multipart }, NOW + HOUR_MS);
    expect(await unsubscribedAt(user.id)).toBe(first);
    expect((await fetchPage(url)).html).toContain("<h1>You are unsubscribed</h1>");
  });

  it("a POST without the one-click body, or with a bad token, changes nothing", async () => {
    const user = await seedUser(SAM.address, SAM.name);
    const url = await unsubscribeLink(user.id);
    expect((await post(url)).status).toBe(400);
    expect((await post(url.replace(/.$/, (c) => (c === "a" ? "b" : "a")), { "List-Unsubscribe": "One-Click" })).status).toBe(400);
    expect((await post(await unsubscribeLink(user.id, NOW - 1000), { "List-Unsubscribe": "One-Click" })).status).toBe(410);
    const { digest } = await seedWeek(user);
    for (const init of MALFORMED_BODIES) expect((await fetchPage(url, { method: "POST", ...init })).status).toBe(400);
    const itemAsUnsubscribe = (await actionLink(digest.itemIds[0] ?? "", "done")).replace("/a/", "/u/");
    expect((await post(itemAsUnsubscribe, { "List-Unsubscribe": "One-Click" })).status).toBe(400);
    expect(await unsubscribedAt(user.id)).toBeNull();
  });
});

describe("health", () => {
  it("answers", async () => {
    const { status, html } = await fetchPage("https://tend.example/health");
    expect(status).toBe(200);
    expect(JSON.parse(html)).toEqual({ ok: true });
  });
});
