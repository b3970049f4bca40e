// Delivers one fuzz case through the real email() handler against a fresh
// local D1 and judges what happened: an exception out of email(), rows of a
// half-written message, or mail sent to a robot.
import { env } from "cloudflare:workers";
import { createWorker } from "../../src/edge/worker.ts";
import type { BuiltMessage } from "../../src/mail/build-mime.ts";
import { sendEmailMailer } from "../../src/mail/transport.ts";
import { deliveredMessage } from "./delivered-message.ts";
import { buildCase, type FuzzCase } from "./fuzz-cases.ts";
import { bytesToText, fieldName, fieldValue, splitMessage } from "./raw-message.ts";
import type { Outcome, Problem } from "./summary.ts";

/** The worker's clock: the fixtures were written in November 2026. */
const NOW = Date.parse("2026-11-25T12:00:00Z");
/** Header bytes the robot check reads; the product refuses far larger header blocks anyway. */
const ROBOT_CHECK_HEADER_BYTES = 512 * 1024;

export interface CaseResult {
  outcome: Outcome;
  ms: number;
  problems: Problem[];
  /** The message as delivered. */
  bytes: Uint8Array;
  envelope: { from: string; to: string };
}

// Each query counts rows that one message's write left without their other
// half. The database is emptied before every case, so every row belongs to
// the message just delivered.
const HALF_WRITTEN = {
  "participant without its interaction":
    "select count(*) from interaction_participants p where not exists (select 1 from interactions i where i.id = p.interaction_id)",
  "participant without its person":
    "select count(*) from interaction_participants p where not exists (select 1 from contacts c where c.id = p.contact_id)",
  "signal without its interaction":
    "select count(*) from signals s where s.interaction_id is not null and not exists (select 1 from interactions i where i.id = s.interaction_id)",
  "task without its interaction":
    "select count(*) from tasks t where t.interaction_id is not null and not exists (select 1 from interactions i where i.id = t.interaction_id)",
  "introduction without its interaction":
    "select count(*) from introductions n where n.interaction_id is not null and not exists (select 1 from interactions i where i.id = n.interaction_id)",
  "message key without its interaction":
    "select count(*) from processed_messages m where m.interaction_id is not null and not exists (select 1 from interactions i where i.id = m.interaction_id)",
  "interaction without its message key":
    "select count(*) from interactions i where not exists (select 1 from processed_messages m where m.interaction_id = i.id)",
  "person on no interaction":
    "select count(*) from contacts c where not exists (select 1 from interaction_participants p where p.contact_id = c.id)",
  "person of an introduction not on its interaction": `select count(*) from introductions n,
       (select id, introducer_contact_id as contact_id from introductions union all select id, person_a_contact_id from introductions
        union all select id, person_b_contact_id from introductions) who
     where who.id = n.id and who.contact_id is not null
       and not exists (select 1 from interaction_participants p where p.interaction_id = n.interaction_id and p.contact_id = who.contact_id)`,
  "person of a signal not on its interaction":
    "select count(*) from signals s where s.contact_id is not null and s.interaction_id is not null and not exists (select 1 from interaction_participants p where p.interaction_id = s.interaction_id and p.contact_id = s.contact_id)",
  "person of a task not on its interaction":
    "select count(*) from tasks t where t.contact_id is not null and t.interaction_id is not null and not exists (select 1 from interaction_participants p where p.interaction_id = t.interaction_id and p.contact_id = t.contact_id)",
  // Someone introduced to themselves is an introduction that lost one of its two people.
  "introduction without two people":
    "select count(*) from interactions i where i.kind = 'introduction' and (select count(distinct p.contact_id) from interaction_participants p where p.interaction_id = i.id) < 2",
} as const;

// One round trip for all of them, and for the interaction count that tells how far the message got.
const AFTER_MESSAGE_SQL = `select (select count(*) from interactions) as interactions, ${Object.values(HALF_WRITTEN)
  .map((query, i) => `(${query}) as c${i}`)
  .join(", ")}`;

async function readBack(): Promise<{ interactions: number; halfWritten: Problem[] }> {
  const row = await env.DB.prepare(AFTER_MESSAGE_SQL).first<Record<string, number>>();
  const halfWritten = Object.keys(HALF_WRITTEN).flatMap((name, i) => {
    const n = row?.[`c${i}`] ?? 0;
    return n > 0 ? [{ kind: "half-written" as const, class: `half-written: ${name}`, detail: `${n} row(s)` }] : [];
  });
  return { interactions: row?.interactions ?? 0, halfWritten };
}

let tables: string[] | null = null;

/** Empties every table in one batch (test/helpers/rows.ts's resetDatabase, with the table list read once). */
async function emptyDatabase(): Promise<void> {
  tables ??= (
    await env.DB.prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'd1_%' and name not like '_cf_%'",
    ).all<{ name: string }>()
  ).results.map((t) => t.name);
  await env.DB.batch([env.DB.prepare("PRAGMA defer_foreign_keys = on"), ...tables.map((t) => env.DB.prepare(`delete from "${t}"`))]);
}

/** The real Worker with a tap on the mailer that keeps what was sent (the binding still gets every message). */
function fuzzWorker() {
  const sent: BuiltMessage[] = [];
  const worker = createWorker({
    clock: () => NOW,
    mailer: (e) => {
      const real = sendEmailMailer(e.SEND_EMAIL);
      return {
        async send(message) {
          await real.send(message);
          sent.push(message);
        },
      };
    },
  });
  return { worker, sent };
}

const ADDRESS = /[^\s<>,;:"()[\]\\]+@[^\s<>,;:"()[\]\\]+/g;

function addresses(text: string): string[] {
  return (text.match(ADDRESS) ?? []).map((a) => a.toLowerCase());
}

interface RobotMarker {
  /** The kind of marker, for the problem's class. */
  marker: string;
  reason: string;
  /** Where a reply to the message would go. */
  addresses: Set<string>;
}

/**
 * Why the delivered message is automatic (RFC 3834's Auto-Submitted, a null
 * return path as auto-replies and bounces carry, Precedence and list headers,
 * delivery reports), read from the raw header block independently of Tend's
 * own check. A machine-looking return path with a person's From: is not
 * counted: the reply goes to the person.
 */
export function robotMarker(bytes: Uint8Array, envelopeFrom: string): RobotMarker | null {
  const { fields } = splitMessage(bytesToText(bytes.subarray(0, ROBOT_CHECK_HEADER_BYTES)));
  const values = (name: string) => fields.filter((f) => fieldName(f) === name).map((f) => fieldValue(f).toLowerCase());
  const envelope = envelopeFrom.trim().toLowerCase();
  const autoSubmitted = values("auto-submitted").find((v) => v !== "" && v !== "no");
  const precedence = values("precedence").find((v) => ["bulk", "list", "junk", "auto_reply"].includes(v));
  const list = ["list-id", "list-unsubscribe", "list-post"].find((name) => values(name).length > 0);
  const found: [string, string] | null =
    autoSubmitted !== undefined
      ? ["Auto-Submitted", `Auto-Submitted: ${autoSubmitted}`]
      : precedence !== undefined
        ? ["Precedence", `Precedence: ${precedence}`]
        : list !== undefined
          ? ["list header", `${list} header`]
          : values("content-type").some((v) => v.startsWith("multipart/report"))
            ? ["delivery report", "Content-Type: multipart/report"]
            : envelope === "" || envelope === "<>"
              ? ["null envelope sender", `envelope sender ${JSON.stringify(envelopeFrom)}`]
              : null;
  if (!found) return null;
  const repliable = ["from", "reply-to", "sender", "return-path"].flatMap((name) => values(name).flatMap(addresses));
  return { marker: found[0], reason: found[1], addresses: new Set([...addresses(envelope), ...repliable]) };
}

/** "RangeError: Maximum call stack size exceeded", numbers and quoted text blurred so one cause is one class. */
function errorClass(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const line = (text.split("\n")[0] ?? "").replace(/"[^"]*"|'[^']*'/g, "…").replace(/\d+/g, "N");
  return `uncaught: ${line.slice(0, 120)}`;
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? (error.stack ?? String(error)).split("\n").slice(0, 8).join("\n") : String(error);
}

export async function checkMessage(c: FuzzCase): Promise<CaseResult> {
  await emptyDatabase();
  const { bytes, envelope } = buildCase(c);
  const { worker, sent } = fuzzWorker();
  const message = deliveredMessage(bytes, envelope);
  const problems: Problem[] = [];
  const started = performance.now();
  try {
    await worker.email(message, env);
  } catch (error) {
    problems.push({ kind: "uncaught", class: errorClass(error), detail: errorDetail(error) });
  }
  // Read the clock after a query: workerd's clock may only move at I/O.
  const after = await readBack();
  const ms = performance.now() - started;
  problems.push(...after.halfWritten);
  const robot = robotMarker(bytes, envelope.from);
  if (robot) {
    for (const mail of sent) {
      const to = addresses(mail.to).filter((a) => robot.addresses.has(a));
      if (to.length > 0) {
        problems.push({
          kind: "robot-reply",
          class: `robot-reply: ${robot.marker}`,
          detail: `"${mail.subject}" sent to ${to.join(", ")}, which sent automatic mail (${robot.reason})`,
        });
      }
    }
  }

  const outcome: Outcome = problems.some((p) => p.kind === "uncaught")
    ? "crashed"
    : after.interactions > 0
      ? "stored"
      : message.rejection !== null
        ? "refused"
        : sent.length > 0
          ? "answered"
          : "silent";
  return { outcome, ms, problems, bytes, envelope };
}
