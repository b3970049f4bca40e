// pages (pure): small, plain, accessible HTML. No scripts, no external assets.

const STYLE = `
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
`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Page {
  title: string;
  heading: string;
  /** Trusted HTML, built here from escaped parts. */
  body: string;
}

export function renderPage(page: Page): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)} — Tend</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(page.heading)}</h1>
${page.body}
</main>
</body>
</html>`;
}

export function itemBlock(title: string, reason: string): string {
  return `<div class="item"><strong>${escapeHtml(title)}</strong><p class="reason">${escapeHtml(reason)}</p></div>`;
}

export function paragraph(text: string, className?: string): string {
  return `<p${className ? ` class="${className}"` : ""}>${escapeHtml(text)}</p>`;
}

/** A real form that posts back to the page's own URL. */
export function postForm(button: string, fields = ""): string {
  return `<form method="post">${fields}<button type="submit">${escapeHtml(button)}</button></form>`;
}

export function selectField(id: string, label: string, options: { value: string; label: string; selected?: boolean }[]): string {
  const choices = options
    .map((o) => `<option value="${escapeHtml(o.value)}"${o.selected ? " selected" : ""}>${escapeHtml(o.label)}</option>`)
    .join("");
  return `<label for="${escapeHtml(id)}">${escapeHtml(label)}</label><select id="${escapeHtml(id)}" name="${escapeHtml(id)}">${choices}</select>`;
}

export function hiddenField(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}
