// fetch(): one-click links and unsubscribe. GET only shows a page (mail
// scanners open links); POST acts.
import { Hono } from "hono";
import type { Context } from "hono";
import { findUserZone, unsubscribeUser } from "../../db/action-settings.ts";
import { verifyLinkToken } from "../../lib/tokens.ts";
import type { Deps } from "../../domain/deps.ts";
import { applyItemLink, checkItemLink, isLinkVerb, snoozeDays, withVerb } from "../apply-link.ts";
import { choosePage, confirmPage, LINK_PROBLEMS, resultPage, VERB_FIELD } from "./link-pages.ts";
import { type Page, paragraph, renderPage } from "./pages.ts";
import { ONE_CLICK_FIELD, ONE_CLICK_VALUE, unsubscribeConfirmPage, unsubscribedPage } from "./unsubscribe-pages.ts";

const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  // The token is in the URL: it must not leak to another site, a cache or a search engine.
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
  "X-Robots-Tag": "noindex",
  "X-Content-Type-Options": "nosniff",
};

function page(c: Context, content: Page, status: 200 | 400 | 404 | 410 | 500 = 200) {
  return c.html(renderPage(content), status);
}

const UNREADABLE_FORM: Page = {
  title: "Form not readable",
  heading: "Nothing changed",
  body: paragraph("Tend could not read what your browser sent. Open the link from your digest again and press the button there."),
};

/**
 * The posted form, or null when its body cannot be read (a multipart boundary
 * that never closes, a multipart type with no boundary): that is the sender's
 * mistake, answered with a 400 page, not a server error.
 */
async function readForm(c: Context): Promise<Record<string, string | File | (string | File)[]> | null> {
  try {
    return await c.req.parseBody();
  } catch (error) {
    console.warn("tend: unreadable form body", error instanceof Error ? error.message : String(error));
    return null;
  }
}

/** The user an unsubscribe link names, if it is a valid, unexpired unsubscribe link. */
async function unsubscribeClaim(
  key: string,
  token: string,
  now: number,
): Promise<{ ok: true; userId: string } | { ok: false; problem: keyof typeof LINK_PROBLEMS }> {
  const check = await verifyLinkToken(key, token, now);
  if (!check.ok) return { ok: false, problem: check.reason };
  if (check.claim.action !== "unsubscribe") return { ok: false, problem: "invalid" };
  return { ok: true, userId: check.claim.subject };
}

/** `clock` is the edge's: link expiry and what a click records are judged by it. */
export function createHttpApp(getDeps: () => Deps, clock: () => number = Date.now) {
  const app = new Hono();

  app.use("*", async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });

  app.get("/health", (c) => c.json({ ok: true }));

  app.get("/a/:token", async (c) => {
    const { db, config } = getDeps();
    const check = await checkItemLink(db, config.signingKey, c.req.param("token"), clock());
    if (!check.ok) return page(c, LINK_PROBLEMS[check.reason].page, LINK_PROBLEMS[check.reason].status);
    return page(c, check.choose ? choosePage(check.target) : confirmPage(check.target));
  });

  app.post("/a/:token", async (c) => {
    const { db, config } = getDeps();
    const now = clock();
    const check = await checkItemLink(db, config.signingKey, c.req.param("token"), now);
    if (!check.ok) return page(c, LINK_PROBLEMS[check.reason].page, LINK_PROBLEMS[check.reason].status);
    const form = await readForm(c);
    if (!form) return page(c, UNREADABLE_FORM, 400);
    let target = check.target;
    if (check.choose) {
      const verb = form[VERB_FIELD];
      if (!isLinkVerb(verb)) return page(c, UNREADABLE_FORM, 400);
      target = withVerb(target, verb);
    }
    const result = await applyItemLink(db, target, snoozeDays(form.days), now);
    return page(c, resultPage(target, result.said));
  });

  app.get("/u/:token", async (c) => {
    const { db, config } = getDeps();
    const check = await unsubscribeClaim(config.signingKey, c.req.param("token"), clock());
    if (!check.ok) return page(c, LINK_PROBLEMS[check.problem].page, LINK_PROBLEMS[check.problem].status);
    const user = await findUserZone(db, check.userId);
    if (!user) return page(c, LINK_PROBLEMS.invalid.page, LINK_PROBLEMS.invalid.status);
    return page(c, unsubscribeConfirmPage(user.unsubscribedAt !== null));
  });

  // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click"; the page's form sends the same.
  app.post("/u/:token", async (c) => {
    const { db, config } = getDeps();
    const now = clock();
    const check = await unsubscribeClaim(config.signingKey, c.req.param("token"), now);
    if (!check.ok) return page(c, LINK_PROBLEMS[check.problem].page, LINK_PROBLEMS[check.problem].status);
    const form = await readForm(c);
    if (!form) return page(c, UNREADABLE_FORM, 400);
    if (form[ONE_CLICK_FIELD] !== ONE_CLICK_VALUE) {
      return page(c, { title: "Not unsubscribed", heading: "Nothing changed", body: paragraph("Use the button on the unsubscribe page.") }, 400);
    }
    const outcome = await unsubscribeUser(db, check.userId, now);
    if (outcome === "unknown") return page(c, LINK_PROBLEMS.invalid.page, LINK_PROBLEMS.invalid.status);
    return page(c, unsubscribedPage());
  });

  app.notFound((c) => page(c, { title: "Not found", heading: "Nothing here", body: paragraph("Tend has no page at this address.") }, 404));

  app.onError((error, c) => {
    console.error("tend: fetch failed", error);
    return page(c, { title: "Something went wrong", heading: "Something went wrong", body: paragraph("Please try again in a minute; if it already worked, trying again changes nothing more.") }, 500);
  });

  return app;
}
