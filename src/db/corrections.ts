import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SignalKind } from "../model.ts";
import type { Database } from "./client.ts";
import { interactions, signals, tasks } from "./schema.ts";

export interface LoggedSignal {
  id: string;
  kind: SignalKind;
  text: string;
  private: boolean;
  status: string;
}

/** The interaction's signals in the order its acknowledgement numbered them. */
export async function signalsOfInteraction(
  db: Database,
  userId: string,
  interactionId: string,
): Promise<{ subject: string | null; signals: LoggedSignal[] } | null> {
  const [interaction] = await db
    .select({ subject: interactions.subject })
    .from(interactions)
    .where(and(eq(interactions.id, interactionId), eq(interactions.userId, userId)));
  if (!interaction) return null;
  const rows = await db
    .select({ id: signals.id, kind: signals.kind, text: signals.text, private: signals.private, status: signals.status })
    .from(signals)
    .where(and(eq(signals.interactionId, interactionId), eq(signals.userId, userId)))
    // Signals of one message are inserted in one batch, in acknowledgement order.
    .orderBy(asc(sql`rowid`));
  return { subject: interaction.subject, signals: rows };
}

export async function applyCorrections(
  db: Database,
  input: { userId: string; interactionId: string; dismiss: readonly string[]; note: string; now: number },
): Promise<void> {
  const statements: BatchItem<"sqlite">[] = [];
  if (input.dismiss.length > 0) {
    const ids = [...input.dismiss];
    statements.push(
      db.update(signals).set({ status: "dismissed" }).where(and(eq(signals.userId, input.userId), inArray(signals.id, ids))),
      db.delete(tasks).where(and(eq(tasks.userId, input.userId), inArray(tasks.signalId, ids))),
    );
  }
  if (input.note) {
    const added = `\n\nAdded ${new Date(input.now).toISOString().slice(0, 10)}: ${input.note}`;
    statements.push(
      db
        .update(interactions)
        .set({ note: sql`coalesce(${interactions.note}, '') || ${added}` })
        .where(and(eq(interactions.id, input.interactionId), eq(interactions.userId, input.userId))),
    );
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}
