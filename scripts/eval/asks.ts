// Ask / not-ask sentences (eval/public/asks.jsonl) in the three envelopes of issue 11,
// each through Tend's real steps:
//   (a) the user writes it to a colleague on a thread Tend is CC'd on → waiting_on the colleague;
//   (b) a colleague wrote it to the user, who forwards it to Tend → an ask of the user;
//   (c) a colleague's reply on a thread Tend is CC'd on (a participant's turn) → an ask of the user.
// A sentence counts as predicted when a signal of that kind comes from it (the sentence
// before it is in the mail too, as context, but its signals do not count).
import type { Signal } from "../../src/model.ts";
import { planParticipantReply, replyPeople } from "../../src/inbound/log-participant-reply.ts";
import { NOW, parsedEmail, prf, readSet, sourcesOf, tally, TEND, TIME_ZONE, understandFromUser, USER, zero, type Counts, ItemBase, type ScoredSet } from "./public-set.ts";
import type { Split } from "./set-report.ts";
import { z } from "zod";

const FILE = "eval/public/asks.jsonl";
const COLLEAGUE = { name: "Dana Reed", address: "dana@colleague.test" };

const AskSchema = z.object({
  ...ItemBase,
  sentence: z.string(),
  context: z.object({ previous: z.string().nullable() }),
  label: z.object({ is_request: z.boolean(), borderline: z.boolean(), form: z.string().optional() }),
});
type AskItem = z.infer<typeof AskSchema>;

export type Direction = "user-to-colleague" | "forwarded" | "participant-reply";
const KIND: Record<Direction, Signal["kind"]> = { "user-to-colleague": "waiting_on", forwarded: "ask", "participant-reply": "ask" };
const TITLE: Record<Direction, string> = {
  "user-to-colleague": "asks (a) user writes to a colleague, CC'd: waiting_on them",
  forwarded: "asks (b) a colleague's mail the user forwards: an ask of the user",
  "participant-reply": "asks (c) a colleague's reply on a CC'd thread: an ask of the user",
};
// The issue's baseline: a question mark, or please / could / can.
const NAIVE = /\?|\b(?:please|could|can)\b/i;

function paragraph(item: AskItem): string {
  return item.context.previous ? `${item.context.previous} ${item.sentence}` : item.sentence;
}

type Heard = Pick<Signal, "kind" | "aboutUser" | "sentence">;

function signalsFor(direction: Direction, item: AskItem): Heard[] {
  if (direction === "user-to-colleague") {
    const text = `Hi Dana,\n\n${paragraph(item)}\n\nThanks,\nAlex`;
    return understandFromUser(parsedEmail({ from: USER, to: [COLLEAGUE], cc: [{ name: "Tend", address: TEND }], subject: "Re: update", text })).signals;
  }
  if (direction === "forwarded") {
    const text = [
      "FYI, see below.",
      "",
      "---------- Forwarded message ---------",
      `From: ${COLLEAGUE.name} <${COLLEAGUE.address}>`,
      "Date: Wed, 11 Mar 2026 at 09:14",
      "Subject: update",
      `To: ${USER.name} <${USER.address}>`,
      "",
      "Hi Alex,",
      "",
      paragraph(item),
      "",
      "Thanks,",
      "Dana",
    ].join("\n");
    return understandFromUser(parsedEmail({ from: USER, to: [{ name: "Tend", address: TEND }], subject: "Fwd: update", text })).signals;
  }
  // A participant's reply goes through the pipeline's own pure half, as the Worker plans it.
  const email = parsedEmail({ from: COLLEAGUE, to: [USER], cc: [{ name: "Tend", address: TEND }], subject: "Re: update", text: `Hi Alex,\n\n${paragraph(item)}\n\nThanks,\nDana` });
  let next = 0;
  const plan = planParticipantReply({
    userId: "u-eval",
    people: replyPeople({ sender: COLLEAGUE, email, userAddress: USER.address, tendAddress: TEND }),
    sender: COLLEAGUE,
    email,
    messageKey: "eval",
    existing: [],
    timeZone: TIME_ZONE,
    userName: USER.name,
    now: NOW,
    newId: () => `id-${(next += 1)}`,
  });
  return plan.signals.map((s) => ({ kind: s.kind, aboutUser: s.aboutUser, sentence: s.sentence }));
}

const norm = (s: string) => s.replace(/[’‘`´]/g, "'").replace(/[“”„]/g, '"').replace(/\s+/g, " ").trim().toLowerCase();

function fromSentence(s: Heard, item: AskItem): boolean {
  const target = norm(item.sentence);
  const said = norm(s.sentence);
  return said !== "" && (target.includes(said) || (said.includes(target) && !norm(item.context.previous ?? "").includes(said)));
}

export function scoreAsks(direction: Direction): ScoredSet {
  const items = readSet(FILE, AskSchema);
  const tend: Record<Split, Counts> = { dev: zero(), test: zero() };
  const firm: Record<Split, Counts> = { dev: zero(), test: zero() };
  const naive: Record<Split, Counts> = { dev: zero(), test: zero() };
  const devMisses: string[] = [];
  for (const item of items) {
    const predicted = signalsFor(direction, item).some((s) => s.kind === KIND[direction] && !s.aboutUser && fromSentence(s, item));
    const expected = item.label.is_request;
    tally(tend[item.split], expected, predicted);
    if (!item.label.borderline) tally(firm[item.split], expected, predicted);
    tally(naive[item.split], expected, NAIVE.test(item.sentence));
    if (item.split === "dev" && expected !== predicted) {
      devMisses.push(`${item.id} ${expected ? `missed ${item.label.form ?? ""}` : "extra"}${item.label.borderline ? " (borderline)" : ""}: ${item.sentence}`);
    }
  }
  const n = (s: Split) => items.filter((i) => i.split === s).length;
  const figures = (s: Split) => ({ ...prf(tend[s]), f1WithoutBorderline: prf(firm[s]).f1 ?? 0 });
  return {
    name: TITLE[direction],
    file: FILE,
    sources: sourcesOf(items),
    goal: { figure: "f1", atLeast: 0.8 },
    dev: { n: n("dev"), figures: figures("dev") },
    test: { n: n("test"), figures: figures("test") },
    baseline: { name: "question mark or please/could/can", dev: { n: n("dev"), figures: prf(naive.dev) }, test: { n: n("test"), figures: prf(naive.test) } },
    counts: tend,
    devMisses,
  };
}
