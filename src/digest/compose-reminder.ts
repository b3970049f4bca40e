// A short reminder at the time the user asked for (tend+3d@…) or a dated
// promise falls due, threaded to the original message. Pure.
import type { DueReminder } from "../db/digest-reminders.ts";
import { html, renderHtml } from "../lib/html.ts";
import { formatDay } from "../lib/time/format.ts";
import type { ComposedMail } from "./compose.ts";
import { capitalize, fullName, relativeDay } from "./wording.ts";

function reminderSubject(reminder: DueReminder): string {
  const thread = reminder.threadSubject?.trim();
  if (thread) return /^re:/i.test(thread) ? thread : `Re: ${thread}`;
  return reminder.private ? "Reminder" : `Reminder: ${reminder.title}`;
}

function whatLine(reminder: DueReminder): string {
  const who = reminder.contactName || reminder.contactAddress ? fullName({ name: reminder.contactName, address: reminder.contactAddress }) : null;
  if (reminder.private) return `A reminder about something you noted in confidence${who ? ` with ${who}` : ""}.`;
  const what = capitalize(reminder.title);
  if (reminder.kind === "promise") return `You promised${who ? ` ${who}` : ""}: ${what}.`;
  if (reminder.kind === "ask") return `${who ?? "Someone"} asked you: ${what}.`;
  if (reminder.kind === "waiting_on") return `You are waiting on ${who ?? "a reply"}: ${what}.`;
  if (reminder.kind === "follow_up") return `Follow up${who ? ` with ${who}` : ""}: ${what}.`;
  return `${what}${who ? ` (with ${who})` : ""}.`;
}

/** `repeats`: for a recurring reminder, the line that says when the next one comes and how to stop them. */
export function composeReminder(reminder: DueReminder, asOf: number, repeats?: string): ComposedMail {
  const zone = reminder.user.timeZone;
  const greeting = reminder.user.name ? `Hi ${reminder.user.name.trim().split(/\s+/)[0]},` : "Hi,";
  const lines = [whatLine(reminder)];
  if (reminder.dueAt !== null && reminder.kind !== "reminder") {
    lines.push(`It is due ${relativeDay(reminder.dueAt, asOf, zone)} (${formatDay(reminder.dueAt, zone, asOf)}).`);
  }
  lines.push(
    `You asked for this reminder on ${formatDay(reminder.createdAt, zone, asOf)}${reminder.threadSubject ? ", on this thread" : ""}.`,
  );
  if (repeats) lines.push(repeats);
  return {
    subject: reminderSubject(reminder),
    text: [greeting, lines.join(" "), "-- \nTend"].join("\n\n"),
    html: renderHtml(
      html`<div style="font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328;"><p>${greeting}</p><p>${lines.join(" ")}</p><p style="color:#8a8073;font-size:12px;">Tend</p></div>`,
    ),
  };
}
