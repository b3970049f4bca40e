// pending (pure): open promises, asks and reminders, grouped, soonest first.
import type { PendingTask, ResolvedTask } from "../db/action-pending.ts";
import { formatDay, formatDayTime } from "../lib/time/format.ts";
import type { TaskKind } from "../model.ts";
import { joinSections, section } from "./reply-mail.ts";

const GROUPS: { title: string; kinds: readonly TaskKind[] }[] = [
  { title: "Your promises and what you were asked:", kinds: ["promise", "ask"] },
  { title: "Reminders and follow-ups:", kinds: ["reminder", "follow_up"] },
  { title: "Waiting on others:", kinds: ["waiting_on"] },
];

function resolvedLine(task: ResolvedTask): string {
  const what = task.private ? `a private ${task.kind.replace("_", " ")} (not quoted)` : task.title;
  return `${what}${task.personName ? ` — ${task.personName}` : ""}: ${task.resolution}`;
}

export function composePending(pending: { tasks: PendingTask[]; more: boolean; resolved?: ResolvedTask[] }, now: number, timeZone: string): string {
  const resolved = section("Closed by a reply on the thread, lately:", (pending.resolved ?? []).map(resolvedLine));
  if (pending.tasks.length === 0) return joinSections("Nothing is pending: no open promises, asks or reminders.", resolved);
  const line = (task: PendingTask) => {
    const what = task.private ? `a private ${task.kind.replace("_", " ")} (not quoted)` : task.title;
    const who = task.personName ? ` — ${task.personName}` : "";
    const due = task.dueAt !== null ? ` (due ${formatDay(task.dueAt, timeZone, now)})` : "";
    const remind = task.remindAt !== null && task.remindAt > now ? ` (reminder ${formatDayTime(task.remindAt, timeZone, now)})` : "";
    const snoozed = task.snoozedUntil !== null && task.snoozedUntil > now ? ` — snoozed until ${formatDay(task.snoozedUntil, timeZone, now)}` : "";
    const overdue = task.dueAt !== null && task.dueAt < now ? " — overdue" : "";
    const reply = task.waitsForReply ? " — until someone replies" : task.kind === "reminder" && task.keepOnReply ? " — kept even if someone replies" : "";
    return `${what}${who}${due}${remind}${reply}${overdue}${snoozed}`;
  };
  return joinSections(
    ...GROUPS.map((group) => section(group.title, pending.tasks.filter((task) => group.kinds.includes(task.kind)).map(line))),
    pending.more ? "…and more; reply to your digest to close some, and they will move up." : "",
    resolved,
  );
}
