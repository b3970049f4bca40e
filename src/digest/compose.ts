// compose: the digest as plain text that reads well on its own, and as HTML
// with inline styles (mail clients drop <style> blocks). Pure.
import { type Html, html, renderHtml } from "../lib/html.ts";
import type { DigestSection, DigestItem } from "../model.ts";
import { formatDay } from "../lib/time/format.ts";

export const SECTION_TITLES: Record<DigestSection, string> = {
  promises: "Promises to keep",
  check_in: "Check in",
  offer_help: "Offer help",
  introductions: "Introductions to make",
  close_loop: "Close the loop",
  coming_up: "Coming up",
  waiting_on: "Waiting on",
};

export interface ItemLinks {
  done: string;
  snooze: string;
  skip: string;
}

/** An item as the mail shows it: what the digest stored, and its one-click links. */
export interface ComposedItem extends Pick<DigestItem, "position" | "section" | "title" | "reason"> {
  links: ItemLinks;
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

const REPLY_HELP: readonly [string, string][] = [
  ["done 2", "mark item 2 done"],
  ["snooze 3 2w", "bring item 3 back in two weeks"],
  ["skip 1", "not this one"],
  ["note 4 she got the job", "keep a note about the person in item 4"],
];

function greeting(name: string | null): string {
  const first = name?.trim().split(/\s+/)[0];
  return first ? `Hi ${first},` : "Hi,";
}

function things(count: number): string {
  return count === 1 ? "1 thing" : `${count} things`;
}

function groupBySection(items: readonly ComposedItem[]): [DigestSection, ComposedItem[]][] {
  const groups: [DigestSection, ComposedItem[]][] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last[0] === item.section) last[1].push(item);
    else groups.push([item.section, [item]]);
  }
  return groups;
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
  section: "font-size:12px;font-weight:600;letter-spacing:0.08em;text-transform:uppercase;color:#7a6f5f;margin:28px 0 8px;",
  card: "margin:0 0 12px;padding:12px 14px;background:#ffffff;border:1px solid #e4dfd5;border-radius:8px;",
  number: "color:#9a8f7f;font-weight:600;",
  title: "font-weight:600;",
  reason: "margin:4px 0 0;color:#3d4249;",
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
  const n = item.position;
  const button = (href: string, label: string) => html`<a href="${href}" style="${style.button}">${label}</a>`;
  const command = (text: string) => html`<span style="${style.code}">${text}</span>`;
  return html`<div style="${style.card}"><div style="${style.title}"><span style="${style.number}">${n}.</span> ${item.title}</div><p style="${style.reason}">${item.reason}</p><div style="${style.actions}">${button(item.links.done, "Done")}${button(item.links.snooze, "Snooze a week")}${button(item.links.skip, "Skip")} or reply ${command(`done ${n}`)} ${command(`snooze ${n} 2w`)} ${command(`skip ${n}`)} ${command(`note ${n} …`)}</div></div>`;
}

export function composeDigest(letter: Letter, items: readonly ComposedItem[]): ComposedMail {
  const week = formatDay(letter.asOf, letter.timeZone, letter.asOf);
  const subject = `Tend: ${things(items.length)} for the week of ${week}`;
  const intro = `Here ${items.length === 1 ? "is" : "are"} ${things(items.length)} for the week of ${week}. Act on one with a link, or reply to this email, one command per line.`;

  const textSections = groupBySection(items).map(([section, group]) => {
    const body = group.map((item) =>
      [
        wrap(`${item.position}. ${item.title}`, TEXT_WIDTH, "   ", ""),
        wrap(item.reason, TEXT_WIDTH, "   "),
        `   Reply: done ${item.position} · snooze ${item.position} 2w · skip ${item.position} · note ${item.position} …`,
        `   Done: ${item.links.done}`,
        `   Snooze a week: ${item.links.snooze}`,
        `   Skip: ${item.links.skip}`,
      ].join("\n"),
    );
    return `${SECTION_TITLES[section].toUpperCase()}\n\n${body.join("\n\n")}`;
  });
  const help = REPLY_HELP.map(([command, meaning]) => `  ${command.padEnd(24)}${meaning}`).join("\n");
  const text = [
    greeting(letter.recipientName),
    wrap(intro, TEXT_WIDTH, ""),
    ...textSections,
    `How to reply, one command per line:\n${help}`,
    `-- \n${footerText(letter)}`,
  ].join("\n\n");

  const htmlSections = groupBySection(items).map(
    ([section, group]) => html`<h2 style="${style.section}">${SECTION_TITLES[section]}</h2>${group.map(itemCard)}`,
  );
  const helpHtml = REPLY_HELP.map(
    ([command, meaning], i) => html`${i > 0 ? html`<br>` : ""}<span style="${style.code}">${command}</span> ${meaning}`,
  );
  const htmlPart = page(
    html`<p style="margin:0 0 12px;">${greeting(letter.recipientName)}</p><p style="margin:0;">${intro}</p>${htmlSections}<p style="${style.footer}">How to reply, one command per line:<br>${helpHtml}</p>${footerHtml(letter)}`,
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
