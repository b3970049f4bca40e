// pages (pure): small, plain, accessible HTML. No scripts, no external assets.
// Built with `html`, which escapes every interpolated value.
import { type Html, html, renderHtml } from "../../lib/html.ts";

export interface Page {
  title: string;
  heading: string;
  body: Html;
}

// The style sheet is part of the template, not a value in it: inside <style>
// entities are not decoded, so escaping it would break the CSS.
export function renderPage(page: Page): string {
  return renderHtml(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${page.title} — Tend</title>
<style>
  :root { color-scheme: light; }
  body { margin: 0; font: 18px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a; background: #ffffff; }
  main { max-width: 34rem; margin: 3rem auto; padding: 0 1.25rem; }
  h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 1rem; }
  .item { border-left: 4px solid #2f6b4f; padding: 0.25rem 0 0.25rem 1rem; margin: 1.5rem 0; }
  .item strong { display: block; }
  .reason { color: #3d3d3d; margin: 0.25rem 0 0; }
  label { display: block; font-weight: 600; margin: 1rem 0 0.25rem; }
  select { font: inherit; padding: 0.4rem; border: 1px solid #555555; border-radius: 4px; }
  button { font: inherit; font-weight: 600; margin-top: 1.25rem; padding: 0.6rem 1.2rem; color: #ffffff;
    background: #1f5c40; border: 2px solid #1f5c40; border-radius: 6px; cursor: pointer; }
  button:hover { background: #174731; }
  button:focus-visible, select:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; }
  .note { color: #3d3d3d; font-size: 0.9rem; margin-top: 2rem; }
</style>
</head>
<body>
<main>
<h1>${page.heading}</h1>
${page.body}
</main>
</body>
</html>`);
}

export function itemBlock(title: string, reason: string): Html {
  return html`<div class="item"><strong>${title}</strong><p class="reason">${reason}</p></div>`;
}

export function paragraph(text: string, className?: string): Html {
  return className ? html`<p class="${className}">${text}</p>` : html`<p>${text}</p>`;
}

/** A real form that posts back to the page's own URL. */
export function postForm(button: string, fields: Html = html``): Html {
  return html`<form method="post">${fields}<button type="submit">${button}</button></form>`;
}

export function selectField(id: string, label: string, options: { value: string; label: string; selected?: boolean }[]): Html {
  const choices = options.map(
    (o) => html`<option value="${o.value}"${o.selected ? html` selected` : ""}>${o.label}</option>`,
  );
  return html`<label for="${id}">${label}</label><select id="${id}" name="${id}">${choices}</select>`;
}

export function hiddenField(name: string, value: string): Html {
  return html`<input type="hidden" name="${name}" value="${value}">`;
}
