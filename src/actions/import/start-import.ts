// An address book mailed to Tend: read the whole file first, then store it as
// a run of chunks and queue the first. A file that cannot be read is answered
// at once and nothing is stored; a file that can is imported by queue jobs
// (run-import-job.ts), which answer when the last chunk is in.
import { createImportRun, importCheckInsEnd, runningImport } from "../../db/import-runs.ts";
import type { User } from "../../db/users.ts";
import type { Deps } from "../../domain/deps.ts";
import { sendMail } from "../../domain/outbox.ts";
import { base32 } from "../../lib/ids.ts";
import type { ParsedAttachment, ParsedEmail } from "../../model.ts";
import { replyMail } from "../reply-mail.ts";
import { readAddressBook } from "./address-book.ts";
import { composeImportRefusal } from "./compose-import-reply.ts";
import { IMPORT_CHUNK_ROWS, IMPORTED_CHECK_INS_PER_WEEK, WEEK_MS } from "./limits.ts";

export type ImportStart = { status: "queued"; runId: string; rows: number } | { status: "refused"; reason: string } | { status: "duplicate" };

/** The run's id: the same user and message always name the same run, so a redelivered mail is not imported twice. */
async function runIdFor(userId: string, messageKey: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${userId}\n${messageKey}`));
  return `imp_${base32(new Uint8Array(digest).slice(0, 15))}`;
}

export interface ImportRequest {
  email: ParsedEmail;
  attachment: ParsedAttachment;
  /** The message was longer than Tend reads: the file is cut short. */
  truncated: boolean;
  messageKey: string;
}

export async function startImport(deps: Deps, user: User, request: ImportRequest, now: number): Promise<ImportStart> {
  const { email, attachment } = request;
  const refuse = async (reason: string): Promise<ImportStart> => {
    await sendMail({ db: deps.db, mailer: deps.mailer, now }, replyMail(deps.config, user, email, { text: composeImportRefusal(attachment.filename, reason) }));
    return { status: "refused", reason };
  };
  const book = readAddressBook(attachment, { truncated: request.truncated });
  if (!book.ok) return refuse(book.reason);

  const runId = await runIdFor(user.id, request.messageKey);
  const running = await runningImport(deps.db, user.id, runId);
  if (running) {
    return refuse(`Tend is still importing ${running.filename ?? "your previous file"}; send this one again once that is answered`);
  }
  // After the check-ins earlier imports queued, so two address books do not double a week.
  const queuedUntil = await importCheckInsEnd(deps.db, user.id, IMPORTED_CHECK_INS_PER_WEEK, WEEK_MS);
  const chunks: (typeof book.contacts)[] = [];
  for (let i = 0; i < book.contacts.length; i += IMPORT_CHUNK_ROWS) chunks.push(book.contacts.slice(i, i + IMPORT_CHUNK_ROWS));
  // A file with only rows not understood still gets its run: the reply lists them.
  if (chunks.length === 0) chunks.push([]);
  const created = await createImportRun(deps.db, {
    id: runId,
    userId: user.id,
    format: book.format,
    filename: attachment.filename,
    problems: book.problems,
    checkInsFrom: Math.max(now, queuedUntil ?? 0),
    replyAddress: email.from?.address ?? user.email,
    messageId: email.messageId,
    subject: email.subject,
    createdAt: now,
    chunks,
  });
  if (!created) return { status: "duplicate" };
  await deps.jobs.send({ kind: "import", userId: user.id, runId, chunk: 0 });
  return { status: "queued", runId, rows: book.contacts.length };
}
