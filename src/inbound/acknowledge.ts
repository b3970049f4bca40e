// acknowledge: a short reply, threaded to the original, that says what was
// logged and when Tend will follow up. Pure: the caller sends it.
import { describeRecurrence, readRecurrence } from "../domain/recurrence.ts";
import { displayName } from "../lib/addresses.ts";
import { formatDay, formatDayTime } from "../lib/time/format.ts";
import type { Mailbox, Signal } from "../model.ts";
import type { OutgoingMail } from "../mail/build-mime.ts";
import type { LogPlan } from "../db/log-message.ts";
import type { Understanding } from "./understand.ts";
import { MAX_RAW_BYTES } from "./limits.ts";

export interface AcknowledgeInput {
  understanding: Understanding;
  plan: LogPlan;
  user: { id: string; address: string; name: string | null; timeZone: string };
  tend: Mailbox;
  /** Where replies to this acknowledgement go (they can correct what was understood). */
  replyTo: string | null;
  truncated: boolean;
  now: number;
}

const SIGNAL_LABEL: Record<Signal["kind"], string> = {
  promise: "You promised",
  ask: "Asked of you",
  waiting_on: "Waiting on",
  need: "Need",
  offer: "Can help with",
  life_event: "Life event",
  interest: "Interest",
  follow_up: "Follow up",
};

function subjectLine(subject: string): string {
  if (!subject) return "Logged by Tend";
  return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
}

function signalLine(signal: Signal, due: number | null, timeZone: string, now: number): string {
  const who = signal.person ? ` (${displayName(signal.person)})` : "";
  const when = due !== null ? ` — by ${formatDay(due, timeZone, now)}` : "";
  const what = signal.private ? "kept private; not quoted here or in digests" : signal.text;
  return `${SIGNAL_LABEL[signal.kind]}${who}: ${what}${when}`;
}

export function composeAcknowledgement(input: AcknowledgeInput): OutgoingMail {
  const { understanding: u, plan, user, now } = input;
  const tz = user.timeZone;
  const lines: string[] = [];
  const names = u.people.map((p) => (p.address && p.name ? `${p.name} <${p.address}>` : displayName(p)));

  const what =
    u.kind === "introduction"
      ? "the introduction"
      : u.kind === "forwarded"
        ? "the forwarded message"
        : u.kind === "invite"
          ? "the invite"
          : u.kind === "reminder"
            ? "this thread"
            : "your notes";
  lines.push(`Logged ${what} from ${formatDay(u.occurredAt, tz, now)}.`);
  if (names.length > 0) lines.push(`People: ${names.join(", ")}.`);

  if (u.introduction && plan.introduction) {
    const intro = u.introduction;
    const introduced = intro.people.filter((p) => p.address !== user.address).map(displayName);
    const when = formatDay(plan.introduction.followUpAt, tz, now);
    if (intro.optIn) {
      lines.push("", `You asked ${introduced[0] ?? "them"} about an introduction to ${introduced[1] ?? "someone"}. I'll check on ${when} whether to make it.`);
    } else if (intro.introducer.address === user.address) {
      lines.push("", `You introduced ${introduced.join(" and ")}. On ${when} I'll ask whether they connected.`);
    } else {
      lines.push("", `${displayName(intro.introducer)} introduced you to ${introduced.join(" and ")}. On ${when} I'll remind you to tell ${displayName(intro.introducer)} how it went.`);
    }
    if (intro.reason) lines.push(`Why: “${intro.reason}”`);
  }

  if (u.signals.length > 0) {
    lines.push("", "What I understood:");
    u.signals.forEach((signal, index) => {
      lines.push(`${index + 1}. ${signalLine(signal, plan.signals[index]?.dueAt ?? null, tz, now)}`);
    });
  }

  const reminder = plan.tasks.find((t) => t.kind === "reminder");
  const rhythm = reminder?.recurrence ? readRecurrence(reminder.recurrence) : null;
  if (reminder?.remindAt && rhythm) {
    lines.push(
      "",
      `I'll remind you about this thread ${describeRecurrence(rhythm)} (${tz}), first on ${formatDayTime(reminder.remindAt, tz, now)}. Reply “stop” to any of those reminders to end them.`,
    );
  } else if (reminder?.remindAt) lines.push("", `I'll remind you about this thread on ${formatDayTime(reminder.remindAt, tz, now)} (${tz}).`);
  const dated = plan.tasks.filter((t) => t.kind !== "reminder" && t.remindAt !== null);
  const toldInConfidence = new Set(plan.signals.filter((s) => s.private).map((s) => s.id));
  for (const task of dated) {
    // A task's title is its signal's words: a private one is not quoted here either.
    const title = task.signalId !== null && toldInConfidence.has(task.signalId) ? "something you noted in confidence" : task.title;
    if (task.remindAt) lines.push(`I'll remind you on ${formatDay(task.remindAt, tz, now)}: ${title}`);
  }

  const problems = [...u.notUnderstood];
  if (input.truncated) {
    problems.push(`Your message was larger than ${MAX_RAW_BYTES / 1024 / 1024} MiB, so I read only its first part; attachments beyond it were skipped.`);
  }
  if (problems.length > 0) lines.push("", "Not understood:", ...problems.map((p) => `- ${p}`));

  if (u.signals.length > 0) {
    lines.push("", "If I got one wrong, reply “wrong 2” (its number). Anything else you write back is kept as a note.");
  }
  lines.push("", "— Tend");

  return {
    kind: "acknowledgement",
    userId: user.id,
    from: input.tend,
    to: { name: user.name, address: user.address },
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    subject: subjectLine(u.subject),
    text: lines.join("\n"),
    inReplyTo: u.messageId,
    references: [],
  };
}

/** A reply for mail that logged nothing: what went wrong, and that nothing was kept. */
export function composeNotice(input: {
  user: { id: string; address: string; name: string | null };
  tend: Mailbox;
  subject: string;
  inReplyTo: string | null;
  problems: readonly string[];
}): OutgoingMail {
  return {
    kind: "notice",
    userId: input.user.id,
    from: input.tend,
    to: { name: input.user.name, address: input.user.address },
    subject: subjectLine(input.subject),
    text: [
      "I could not log this message:",
      ...input.problems.map((p) => `- ${p}`),
      "",
      "Nothing from it was stored. Forward notes, CC me on an introduction, or write “help” to see what I understand.",
      "",
      "— Tend",
    ].join("\n"),
    inReplyTo: input.inReplyTo,
  };
}
