import { describe, expect, it } from "vitest";
import type { ItemWithState } from "../../db/action-records.ts";
import { LINK_VERBS, type LinkTarget } from "../apply-link.ts";
import { confirmPage, LINK_PROBLEMS, resultPage } from "./link-pages.ts";
import { hiddenField, type Page, renderPage, selectField } from "./pages.ts";
import { unsubscribeConfirmPage, unsubscribedPage } from "./unsubscribe-pages.ts";

// A name or note as untrusted mail could carry it: markup, a quote that would
// end an attribute, and an ampersand that would start an entity.
const HOSTILE = `Ana <script>alert("hi")</script> & "Co" <img src=x onerror=alert(1)>`;
const ESCAPED = "Ana &lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &quot;Co&quot; &lt;img src=x onerror=alert(1)&gt;";

const item: ItemWithState = {
  id: "i1",
  position: 1,
  section: "check_in",
  subjectKey: "contact:c1",
  contactId: "c1",
  title: HOSTILE,
  reason: `She said: ${HOSTILE}`,
  digestId: "d1",
  userId: "u1",
  state: "open",
  actedAt: null,
};

function target(verb: LinkTarget["verb"], alreadyApplied: boolean): LinkTarget {
  return { item, verb, timeZone: "Europe/Berlin", alreadyApplied };
}

/** Every page a link can show: confirm (fresh and already applied) and result for each verb, the problems, unsubscribe. */
const EVERY_PAGE: [string, Page][] = [
  ...LINK_VERBS.flatMap((verb): [string, Page][] => [
    [`confirm ${verb}`, confirmPage(target(verb, false))],
    [`confirm ${verb}, already applied`, confirmPage(target(verb, true))],
    [`result ${verb}`, resultPage(target(verb, false), `Marked: ${HOSTILE}`)],
  ]),
  ...Object.entries(LINK_PROBLEMS).map(([name, problem]): [string, Page] => [`problem ${name}`, problem.page]),
  ["unsubscribe", unsubscribeConfirmPage(false)],
  ["unsubscribe, already", unsubscribeConfirmPage(true)],
  ["unsubscribed", unsubscribedPage()],
];

describe("link pages", () => {
  it.each(EVERY_PAGE)("%s: carries no markup of its own beyond the page's", (_name, page) => {
    const html = renderPage(page);
    expect(html).not.toMatch(/<script|<img|"Co"/);
    // One document, one heading: nothing interpolated opened another element of the page's kind.
    expect(html.match(/<html/g)).toHaveLength(1);
    expect(html.match(/<h1>/g)).toHaveLength(1);
  });

  it.each(LINK_VERBS)("confirm and result pages for %s show a hostile title and reason as text", (verb) => {
    for (const page of [confirmPage(target(verb, false)), confirmPage(target(verb, true)), resultPage(target(verb, false), HOSTILE)]) {
      const html = renderPage(page);
      expect(html).toContain(`<div class="item"><strong>${ESCAPED}</strong><p class="reason">She said: ${ESCAPED}</p></div>`);
    }
    expect(renderPage(resultPage(target(verb, false), HOSTILE))).toContain(`<p>${ESCAPED}</p>`);
  });

  it("escapes the title and heading of the page itself", () => {
    const html = renderPage({ title: HOSTILE, heading: HOSTILE, body: hiddenField("a", "b") });
    expect(html).toContain(`<title>${ESCAPED} — Tend</title>`);
    expect(html).toContain(`<h1>${ESCAPED}</h1>`);
  });

  it("keeps a quote in a form value inside its attribute", () => {
    expect(hiddenField("note", `x" onfocus="alert(1)`).toString()).toBe('<input type="hidden" name="note" value="x&quot; onfocus=&quot;alert(1)">');
    expect(selectField("days", "For <b>", [{ value: `7"><script>`, label: "a & b", selected: true }]).toString()).toBe(
      '<label for="days">For &lt;b&gt;</label><select id="days" name="days"><option value="7&quot;&gt;&lt;script&gt;" selected>a &amp; b</option></select>',
    );
  });
});
