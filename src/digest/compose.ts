// compose: the digest as plain text that reads well on its own, and as HTML
// with inline styles (mail clients drop <style> blocks). Pure.
import { type Html, html, renderHtml } from "../lib/html.ts";
import type { DigestItem } from "../model.ts";
import { formatDay } from "../lib/time/format.ts";

/** An item as the mail shows it: what the digest stored, its quote, and its one link. */
export interface ComposedItem extends Pick<DigestItem, "position" | "section" | "title" | "reason"> {
  /** Their words, attributed (a third line), when shown. */
  quote?: string | null;
  /** One short link to a page offering done, snooze, skip and never. */
  link: string;
}

export interface Letter {
  recipientName: string | null;
  asOf: number;
  timeZone: string;
  tendAddress: string;
  unsubscribeUrl: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

// The reply syntax, said once, at the end: every item's number works with each.
const REPLY_HELP: readonly [string, string][] = [
  ["done 2", "done"],
  ["snooze 3 2w", "bring it back in two weeks"],
  ["skip 1", "not this one"],
  ["never 4", "stop suggesting this person"],
  ["note 4 she got the job", "keep a note on the person"],
];
const MAIL_COMMANDS_TOO = "Anything you can email Tend works here too: help, brief Ana, pending, set timezone Europe/Lisbon.";

function greeting(name: string | null): string {
  const first = name?.trim().split(/\s+/)[0];
  return first ? `Hi ${first},` : "Hi,";
}

function things(count: number): string {
  return count === 1 ? "1 thing" : `${count} things`;
}

// Wraps at spaces so the plain part stays readable in clients that do not
// reflow; continuation lines take `indent` (the first takes `firstIndent`).
function wrap(text: string, width: number, indent: string, firstIndent: string = indent): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? firstIndent : indent) + l).join("\n");
}

const TEXT_WIDTH = 72;

const style = {
  card: "margin:0 0 12px;padding:12px 14px;background:#ffffff;border:1px solid #e4dfd5;border-radius:8px;",
  number: "color:#9a8f7f;font-weight:600;",
  title: "font-weight:600;",
  reason: "margin:4px 0 0;color:#3d4249;",
  quote: "margin:4px 0 0;color:#6b6257;font-style:italic;",
  actions: "margin:10px 0 0;font-size:13px;color:#7a6f5f;",
  button: "display:inline-block;padding:3px 10px;margin:0 6px 4px 0;border:1px solid #cfc7b8;border-radius:12px;color:#1f2328;text-decoration:none;",
  code: "font-family:SFMono-Regular,Consolas,Menlo,monospace;background:#f1ede4;padding:1px 4px;border-radius:3px;",
  footer: "margin:28px 0 0;font-size:12px;color:#8a8073;",
  link: "color:#8a8073;",
};

function footerText(letter: Letter): string {
  return [
    `You get this weekly digest because you use Tend (${letter.tendAddress}).`,
    `Unsubscribe: ${letter.unsubscribeUrl}`,
  ].join("\n");
}

function footerHtml(letter: Letter): Html {
  return html`<p style="${style.footer}">You get this weekly digest because you use Tend (${letter.tendAddress}). <a href="${letter.unsubscribeUrl}" style="${style.link}">Unsubscribe</a></p>`;
}

// The page's own styles are written into the template, not interpolated, so
// the quotes around 'Segoe UI' stay quotes rather than entities.
function page(inner: Html): string {
  return renderHtml(
    html`<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head><body style="margin:0;padding:0;background:#f6f4ef;"><div style="max-width:600px;margin:0 auto;padding:24px 16px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;">${inner}</div></body></html>`,
  );
}

function itemCard(item: ComposedItem): Html {
  const quoteLine = item.quote ? html`<p style="${style.quote}">${item.quote}</p>` : "";
  return html`<div style="${style.card}"><div style="${style.title}"><span style="${style.number}">${item.position}.</span> ${item.title}</div><p style="${style.reason}">${item.reason}</p>${quoteLine}<div style="${style.actions}"><a href="${item.link}" style="${style.button}">Done, snooze, skip…</a></div></div>`;
}

/** One item in plain text: at most three lines (what, why, their words) and its link. Lines are not wrapped: a phone reflows them. */
function itemText(item: ComposedItem): string {
  return [`${item.position}. ${item.title}`, `   ${item.reason}`, ...(item.quote ? [`   ${item.quote}`] : []), `   ${item.link}`].join("\n");
}

function introText(count: number, week: string): string {
  return `Here ${count === 1 ? "is" : "are"} ${things(count)} for the week of ${week}, the most pressing first. Each link opens a page to mark it done, snooze, skip or never; or reply to this email (how, at the end).`;
}

const ALSO_HEADING = "Also this week (past your limit of items, but dated, so not left out):";

export function composeDigest(letter: Letter, items: readonly ComposedItem[], alsoThisWeek: readonly string[] = []): ComposedMail {
  const week = formatDay(letter.asOf, letter.timeZone, letter.asOf);
  const subject = `Tend: ${things(items.length)} for the week of ${week}`;
  const intro = introText(items.length, week);
  const help = REPLY_HELP.map(([command, meaning]) => `  ${command.padEnd(24)}${meaning}`).join("\n");
  const text = [
    greeting(letter.recipientName),
    wrap(intro, TEXT_WIDTH, ""),
    ...items.map(itemText),
    ...(alsoThisWeek.length > 0 ? [`${ALSO_HEADING}\n${alsoThisWeek.map((line) => `  • ${line}`).join("\n")}`] : []),
    `Reply to this email, one command per line, with an item's number:\n${help}\n${wrap(MAIL_COMMANDS_TOO, TEXT_WIDTH, "")}`,
    `-- \n${footerText(letter)}`,
  ].join("\n\n");

  const helpHtml = REPLY_HELP.map(
    ([command, meaning], i) => html`${i > 0 ? html`<br>` : ""}<span style="${style.code}">${command}</span> ${meaning}`,
  );
  const htmlPart = page(
    html`<p style="margin:0 0 12px;">${greeting(letter.recipientName)}</p><p style="margin:0 0 16px;">${intro}</p>${items.map(itemCard)}${alsoThisWeek.length > 0 ? html`<p style="margin:16px 0 0;">${ALSO_HEADING}<br>${alsoThisWeek.map((line, i) => html`${i > 0 ? html`<br>` : ""}• ${line}`)}</p>` : ""}<p style="${style.footer}">Reply to this email, one command per line, with an item's number:<br>${helpHtml}<br>${MAIL_COMMANDS_TOO}</p>${footerHtml(letter)}`,
  );
  return { subject, text, html: htmlPart };
}

/** The short note of a week with nothing to suggest (users.empty_digest = "note"). */
export function composeQuietWeek(letter: Letter): ComposedMail {
  const week = formatDay(letter.asOf, letter.timeZone, letter.asOf);
  const body = `Nothing needs you this week: no promises due, nobody waiting to hear from you. Keep copying ${letter.tendAddress} on your emails and forwarding notes, and next week's digest will have more to say. Reply "help" to change how Tend writes to you.`;
  return {
    subject: `Tend: a quiet week (${week})`,
    text: [greeting(letter.recipientName), wrap(body, TEXT_WIDTH, ""), `-- \n${footerText(letter)}`].join("\n\n"),
    html: page(
      html`<p style="margin:0 0 12px;">${greeting(letter.recipientName)}</p><p style="margin:0;">${body}</p>${footerHtml(letter)}`,
    ),
  };
}
