import { expect, it } from "vitest";
import { html, renderHtml } from "./html.ts";

it("escapes every interpolated value except markup built with html, and renders a plain string", () => {
  const name = `<b>"Ana" & 'Ben'</b>`;
  const page = renderHtml(html`<p title="${name}">${name}${html`<br>`}${["<i>", html`<i>`]}${null}${false}${2}</p>`);
  expect(typeof page).toBe("string");
  expect(page).toBe(
    "<p title=\"&lt;b&gt;&quot;Ana&quot; &amp; &#39;Ben&#39;&lt;/b&gt;\">&lt;b&gt;&quot;Ana&quot; &amp; &#39;Ben&#39;&lt;/b&gt;<br>&lt;i&gt;<i>2</p>",
  );
});

it("refuses a promise rather than render a half-built page", () => {
  expect(() => html`<p>${Promise.resolve("late")}</p>`).toThrow(TypeError);
});
