// One queue job of an import: merge chunk N into the user's contacts in one
// batch, then queue chunk N + 1, or answer the user after the last.
import { applyImportChunk, contactsByAddress, contactsByName } from "../../db/import-contacts.ts";
import { claimImportReply, findImportRun, type ImportRun, importUserTimeZone, loadImportChunk } from "../../db/import-runs.ts";
import type { Deps } from "../../domain/deps.ts";
import { usableTimeZone } from "../../domain/digest-schedule.ts";
import type { ImportJob } from "../../domain/jobs.ts";
import { sendMail } from "../../domain/outbox.ts";
import { newId } from "../../lib/ids.ts";
import { composeImportReply } from "./compose-import-reply.ts";
import { importNameKey } from "./imported-contact.ts";
import { IMPORTED_CHECK_INS_PER_WEEK, WEEK_MS } from "./limits.ts";
import { planImportChunk } from "./plan-import.ts";

async function reply(deps: Deps, run: ImportRun, now: number): Promise<string> {
  if (!(await claimImportReply(deps.db, run.id, now))) return "already answered";
  const timeZone = usableTimeZone((await importUserTimeZone(deps.db, run.userId)) ?? "UTC");
  const subject = run.subject.replace(/^(re|fwd?|aw|wg|tr)\s*:\s*/i, "");
  await sendMail(
    { db: deps.db, mailer: deps.mailer, now },
    {
      kind: "confirmation",
      userId: run.userId,
      from: { name: "Tend", address: deps.config.tendAddress },
      to: { name: null, address: run.replyAddress },
      subject: `Re: ${subject || "your address book"}`,
      text: composeImportReply(run, { timeZone, perWeek: IMPORTED_CHECK_INS_PER_WEEK, now }),
      inReplyTo: run.messageId,
      references: run.messageId ? [run.messageId] : [],
    },
  );
  return `answered: ${run.added} added, ${run.merged} merged, ${run.unchanged} unchanged, ${run.skipped} skipped`;
}

export async function runImportJob(deps: Deps, job: ImportJob, now: number): Promise<string> {
  const run = await findImportRun(deps.db, job.userId, job.runId);
  if (!run) return "no such import (the user left?)";
  if (run.status === "done") return reply(deps, run, now);
  if (job.chunk !== run.nextChunk) {
    // This chunk is in; a crash may have come between its batch and the next job being sent.
    if (job.chunk + 1 === run.nextChunk) await deps.jobs.send({ ...job, chunk: run.nextChunk });
    return `chunk ${job.chunk} already applied`;
  }
  const rows = (await loadImportChunk(deps.db, run.id, job.chunk)) ?? [];
  const addresses = [...new Set(rows.flatMap((r) => r.addresses))];
  const names = [...new Set(rows.map(importNameKey).filter((k): k is string => k !== null))];
  const [byAddress, byName] = await Promise.all([
    contactsByAddress(deps.db, run.userId, addresses),
    contactsByName(deps.db, run.userId, names),
  ]);
  const addedBefore = run.added;
  const plan = planImportChunk({
    rows,
    byAddress,
    byName,
    newId,
    checkInAt: (index) => run.checkInsFrom + Math.floor((addedBefore + index) / IMPORTED_CHECK_INS_PER_WEEK) * WEEK_MS,
  });
  const isLast = job.chunk + 1 >= run.chunkCount;
  const applied = await applyImportChunk(deps.db, { ...plan, runId: run.id, userId: run.userId, seq: job.chunk, isLast, token: newId(), now });
  if (!applied) return `chunk ${job.chunk} already applied`;
  const summary = `chunk ${job.chunk + 1}/${run.chunkCount}: ${plan.counts.added} added, ${plan.counts.merged} merged, ${plan.counts.unchanged} unchanged`;
  if (!isLast) {
    await deps.jobs.send({ kind: "import", userId: run.userId, runId: run.id, chunk: job.chunk + 1 });
    return summary;
  }
  const finished = await findImportRun(deps.db, run.userId, run.id);
  return finished ? `${summary}; ${await reply(deps, finished, now)}` : summary;
}
