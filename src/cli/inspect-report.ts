// The stable JSON shape `inspect` prints. Other tools read these field names:
// add fields if needed, never rename or remove one.
import type { Command } from "../actions/command-types.ts";
import type { CorrectionCommand } from "../actions/corrections.ts";
import type { Route } from "../edge/route-email.ts";
import type { MessageKind } from "../inbound/classify.ts";
import type { Understanding } from "../inbound/understand.ts";
import type { Mailbox, Participant, SignalKind } from "../model.ts";

export interface InspectReport {
  kind: MessageKind | Exclude<Route["kind"], "log"> | "automatic";
  from: { name: string | null; address: string };
  people: { name: string | null; address: string | null; role: Participant["role"] }[];
  forwarded: { from: Mailbox | null; to: Mailbox[]; cc: Mailbox[]; subject: string; date: string | null } | null;
  introduction: {
    introducer: Mailbox;
    people: { name: string | null; address: string | null }[];
    reason: string;
    optIn: boolean;
  } | null;
  text: string;
  signals: {
    kind: SignalKind;
    person: { name: string | null; address: string | null } | null;
    text: string;
    due: string | null;
    sentence: string;
  }[];
  commands: (Command | CorrectionCommand)[];
}

/** A message Tend would log, as it understands it. */
export function understandingReport(u: Understanding): InspectReport {
  return {
    kind: u.kind,
    from: { name: u.from.name, address: u.from.address },
    people: u.people.map((p) => ({ name: p.name, address: p.address, role: p.role })),
    forwarded: u.forwarded
      ? { from: u.forwarded.from, to: u.forwarded.to, cc: u.forwarded.cc, subject: u.forwarded.subject, date: u.forwarded.date }
      : null,
    introduction: u.introduction
      ? { introducer: u.introduction.introducer, people: u.introduction.people, reason: u.introduction.reason, optIn: u.introduction.optIn }
      : null,
    text: u.text,
    signals: u.signals.map((s) => ({ kind: s.kind, person: s.person, text: s.text, due: s.due, sentence: s.sentence })),
    commands: [],
  };
}

/** A message Tend would not log: a robot's, or a reply or command to Tend, with the commands it carries. */
export function routedReport(
  kind: InspectReport["kind"],
  from: Mailbox,
  text: string,
  commands: (Command | CorrectionCommand)[],
): InspectReport {
  return { kind, from, people: [], forwarded: null, introduction: null, text, signals: [], commands };
}
