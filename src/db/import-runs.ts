// An address-book import as stored between queue jobs: the run (counts, rows
// not understood, where the check-ins start) and its rows in chunks.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "./client.ts";
import { importChunks, importRuns, users } from "./schema.ts";

/** One person as an address book gave them, with the line of the file they came from. */
const ImportedContactSchema = z.object({
  line: z.number().int(),
  name: z.string().nullable(),
  /** Normalised, valid addresses; the first is the primary one. */
  addresses: z.array(z.string()),
  company: z.string().nullable(),
  position: z.string().nullable(),
  notes: z.string().nullable(),
  /** "YYYY-MM-DD", or "--MM-DD" when the year is not known. */
  birthday: z.string().nullable(),
  /** "YYYY-MM-DD". */
  connectedOn: z.string().nullable(),
});
export type ImportedContact = z.infer<typeof ImportedContactSchema>;

/** A row of the file that Tend did not understand, by line. */
const ImportProblemSchema = z.object({ line: z.number().int(), reason: z.string() });
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/** The rows a run could not read, as stored on it. */
export function importProblems(run: Pick<ImportRun, "problems">): ImportProblem[] {
  return z.array(ImportProblemSchema).parse(JSON.parse(run.problems));
}

export type ImportRun = typeof importRuns.$inferSelect;

export interface NewImportRun {
  id: string;
  userId: string;
  format: string;
  filename: string | null;
  problems: ImportProblem[];
  checkInsFrom: number;
  replyAddress: string;
  messageId: string | null;
  subject: string;
  createdAt: number;
  /** The rows, already cut into the chunks one job applies each. */
  chunks: ImportedContact[][];
}

/** Creates the run and its chunks in one batch; a run that already exists (a redelivered mail) is left as it is. */
export async function createImportRun(db: Database, run: NewImportRun): Promise<boolean> {
  const [inserted] = await db.batch([
    db
      .insert(importRuns)
      .values({
        id: run.id,
        userId: run.userId,
        format: run.format,
        filename: run.filename,
        rowCount: run.chunks.reduce((n, chunk) => n + chunk.length, 0),
        chunkCount: run.chunks.length,
        skipped: run.problems.length,
        problems: JSON.stringify(run.problems),
        checkInsFrom: run.checkInsFrom,
        replyAddress: run.replyAddress,
        messageId: run.messageId,
        subject: run.subject,
        createdAt: run.createdAt,
      })
      .onConflictDoNothing()
      .returning({ id: importRuns.id }),
    // Chunks of an existing run are the same rows (same file, same message): nothing changes.
    ...run.chunks.map((rows, seq) =>
      db.insert(importChunks).values({ runId: run.id, userId: run.userId, seq, rows: JSON.stringify(rows) }).onConflictDoNothing(),
    ),
  ]);
  return inserted.length > 0;
}

export async function findImportRun(db: Database, userId: string, runId: string): Promise<ImportRun | null> {
  const rows = await db.select().from(importRuns).where(and(eq(importRuns.userId, userId), eq(importRuns.id, runId))).limit(1);
  return rows[0] ?? null;
}

/** A run of this user still importing, other than `exceptId`: a second file waits for it. */
export async function runningImport(db: Database, userId: string, exceptId: string): Promise<ImportRun | null> {
  const rows = await db
    .select()
    .from(importRuns)
    .where(and(eq(importRuns.userId, userId), eq(importRuns.status, "running"), sql`${importRuns.id} <> ${exceptId}`))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * The week after the last check-in earlier imports scheduled (each run fills
 * `perWeek` a week from its start), so a second address book queues behind the first.
 */
export async function importCheckInsEnd(db: Database, userId: string, perWeek: number, weekMs: number): Promise<number | null> {
  const rows = await db
    .select({ end: sql<number | null>`max(${importRuns.checkInsFrom} + ((${importRuns.added} + ${perWeek} - 1) / ${perWeek}) * ${weekMs})` })
    .from(importRuns)
    .where(eq(importRuns.userId, userId));
  return rows[0]?.end ?? null;
}

export async function loadImportChunk(db: Database, runId: string, seq: number): Promise<ImportedContact[] | null> {
  const rows = await db
    .select({ rows: importChunks.rows })
    .from(importChunks)
    .where(and(eq(importChunks.runId, runId), eq(importChunks.seq, seq)))
    .limit(1);
  const row = rows[0];
  return row ? z.array(ImportedContactSchema).parse(JSON.parse(row.rows)) : null;
}

/** Claims the run's one reply; false when it was already sent (a retried last job). */
export async function claimImportReply(db: Database, runId: string, now: number): Promise<boolean> {
  const rows = await db
    .update(importRuns)
    .set({ repliedAt: now })
    .where(and(eq(importRuns.id, runId), eq(importRuns.status, "done"), sql`${importRuns.repliedAt} is null`))
    .returning({ id: importRuns.id });
  return rows.length > 0;
}

/** The user's time zone, for the dates in the import's reply. */
export async function importUserTimeZone(db: Database, userId: string): Promise<string | null> {
  const rows = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId)).limit(1);
  return rows[0]?.timeZone ?? null;
}
