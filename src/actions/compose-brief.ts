// brief (pure): what Tend knows about a person, to read before meeting them.
// Private signals and notes are listed as private and never quoted.
import type { BriefData } from "../db/action-brief.ts";
import { dueInWords } from "../domain/due.ts";
import { ledgerInWords } from "../domain/give-ask.ts";
import { isPrivateNote } from "../domain/privacy.ts";
import { formatDay } from "../lib/time/format.ts";
import { DAY_MS, type GiveAskLedger, type SignalKind, type TaskKind } from "../model.ts";
import { joinSections, section } from "./reply-mail.ts";

const SIGNAL_NOUN: Record<SignalKind, string> = {
  promise: "promise",
  ask: "ask",
  waiting_on: "promise to you",
  need: "need",
  offer: "offer",
  life_event: "life event",
  interest: "interest",
  follow_up: "follow-up",
};
const THEIRS: readonly TaskKind[] = ["waiting_on"];

function privately(kind: SignalKind | "promise", createdAt: number, day: (instant: number) => string): string {
  return `a private ${SIGNAL_NOUN[kind]}, noted ${day(createdAt)} (not quoted)`;
}

export function composeBrief(data: BriefData & { ledger?: GiveAskLedger }, now: number, timeZone: string): string {
  const day = (instant: number) => formatDay(instant, timeZone, now);
  const { person } = data;
  const name = person.name ?? person.addresses[0] ?? "This person";
  const first = person.name?.split(" ")[0] ?? name;

  const facts: string[] = [];
  if (person.lastInteractionAt !== null) {
    const days = Math.max(0, Math.floor((now - person.lastInteractionAt) / DAY_MS));
    facts.push(`Last in touch ${day(person.lastInteractionAt)} (${days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`})`);
  }
  facts.push(`${person.interactionCount} conversation${person.interactionCount === 1 ? "" : "s"} logged`);
  const cadence = person.cadenceDays ?? person.learnedCadenceDays;
  if (cadence !== null) facts.push(`check in every ${cadence} days${person.cadenceDays === null ? " (learned)" : ""}`);
  if (person.muted) facts.push("muted: Tend does not suggest them");
  if (person.pendingFrom) facts.push(`no address yet: from ${person.pendingFrom} (reply "link N address" to a digest item about them)`);

  const signalLines = (kinds: readonly SignalKind[]) =>
    data.signals
      .filter((signal) => kinds.includes(signal.kind))
      .slice(0, 8)
      .map((signal) => {
        if (signal.private) return privately(signal.kind, signal.createdAt, day);
        const said = dueInWords(signal, timeZone, now);
        const when = said ? ` (${said})` : "";
        return `${signal.text}${when}`;
      });
  const interestSignals = data.signals.filter((signal) => signal.kind === "interest");
  const tags = [...new Set(interestSignals.filter((s) => !s.private && s.tag).map((s) => `#${s.tag ?? ""}`))];
  const interestLines = [
    ...(tags.length > 0 ? [tags.join(" ")] : []),
    ...interestSignals
      .filter((signal) => signal.private || !signal.tag)
      .slice(0, 8)
      .map((signal) => (signal.private ? privately("interest", signal.createdAt, day) : signal.text)),
  ];

  const taskLine = (task: BriefData["tasks"][number]) => {
    // A range is said as it was said ("the week of December 7"); undated is said as nothing.
    const said = dueInWords(task, timeZone, now);
    if (task.private) return `a private promise${said ? `, due ${day(task.dueAt ?? now)}` : ""} (not quoted)`;
    const due = said ? ` (due ${said})` : "";
    const snoozed = task.snoozedUntil !== null && task.snoozedUntil > now ? ` — snoozed until ${day(task.snoozedUntil)}` : "";
    return `${task.title}${due}${snoozed}`;
  };
  const yours = data.tasks.filter((task) => !THEIRS.includes(task.kind)).map(taskLine);
  const theirs = data.tasks.filter((task) => THEIRS.includes(task.kind)).map(taskLine);

  const givenAndAsked = data.ledger ? ledgerInWords(data.ledger, first) : null;
  const header = `${name}${person.addresses.length > 0 ? ` <${person.addresses.join(">, <")}>` : ""}\n${facts.join(" · ")}${givenAndAsked ? `\n${givenAndAsked}` : ""}`;
  const body = joinSections(
    header,
    section(
      "Last conversations:",
      data.interactions.map((i) => `${day(i.occurredAt)} — ${i.kind.replace("_", " ")}${i.subject ? `: ${i.subject}` : ""}`),
    ),
    section(`What ${first} needs:`, signalLines(["need"])),
    section(`What ${first} offers:`, signalLines(["offer"])),
    section("Interests and values:", interestLines),
    section(`You promised ${first}:`, yours),
    section(`${first} promised you:`, theirs),
    section("Life events:", signalLines(["life_event"])),
    section(
      "Your notes:",
      data.notes.map((note) => `${day(note.createdAt)}: ${isPrivateNote(note.text) ? "a private note (not quoted)" : note.text}`),
    ),
    section(
      "Introductions:",
      data.introductions.map((intro) => {
        const other = intro.otherName ?? "someone";
        const verb = intro.role === "introducer" ? `${first} introduced you to ${other}` : `${first} and ${other} were introduced`;
        return `${verb} (${day(intro.createdAt)}, ${intro.status})`;
      }),
    ),
  );
  const nothing = data.interactions.length + data.signals.length + data.tasks.length + data.notes.length === 0;
  return nothing ? `${body}\n\nTend knows little else about ${first} yet.` : body;
}
