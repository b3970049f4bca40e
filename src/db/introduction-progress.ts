// Introductions that moved on a thread and are due a word in the digest: a
// person who said yes to an introduction the user asked about, and two people
// who connected (ask how it went; thank whoever introduced the user). The
// digest reads them in one index-driven statement through
// introductions_user_status_follow_up, LIMITed.
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Contact } from "../model.ts";
import type { Database } from "./client.ts";
import { contactRef, introductionsWithPeople } from "./joined-contacts.ts";
import { digestItems, digests, introductions, suppressions } from "./schema.ts";

export interface IntroductionProgress {
  id: string;
  status: "accepted" | "connected";
  reason: string | null;
  /** When the user made (or asked about) the introduction. */
  madeAt: number;
  /** When the answer came or the two connected. */
  movedAt: number;
  /** Null: the user made the introduction (or asked about it). */
  introducer: Contact | null;
  personA: Contact | null;
  /** Null: the user is the one introduced. */
  personB: Contact | null;
}

type ProgressRow = Awaited<ReturnType<typeof introductionsWithPeople>>[number];

function toProgress(row: ProgressRow): IntroductionProgress[] {
  return (row.status === "accepted" || row.status === "connected") && row.followUpAt !== null
    ? [
        {
          id: row.id,
          status: row.status,
          reason: row.reason,
          madeAt: row.madeAt,
          movedAt: row.connectedAt ?? row.followUpAt,
          introducer: contactRef(row.introducer),
          personA: contactRef(row.personA),
          personB: contactRef(row.personB),
        },
      ]
    : [];
}

/** Due in the digest as of `asOf`: moved within the lookback, not set aside, gratitude not yet asked. */
export async function loadIntroductionProgress(
  db: Database,
  input: { userId: string; asOf: number; lookbackMs: number; limit: number },
): Promise<IntroductionProgress[]> {
  const { userId, asOf } = input;
  const subject = sql`'introduction:' || ${introductions.id}`;
  const rows = await introductionsWithPeople(db)
    .where(
      and(
        eq(introductions.userId, userId),
        gte(introductions.followUpAt, asOf - input.lookbackMs),
        lte(introductions.followUpAt, asOf),
        inArray(introductions.status, ["accepted", "connected"]),
        sql`not exists (select 1 from ${suppressions} where ${suppressions.userId} = ${userId} and ${suppressions.subjectKey} = ${subject} and ${suppressions.until} > ${asOf})`,
        // Gratitude is asked once: not again after a digest since they connected carried it. The
        // user thanks an introducer once: not at all if the 14-day item already asked them to.
        sql`(${introductions.status} <> 'connected' or not exists (select 1 from ${digestItems} inner join ${digests} on ${digests.id} = ${digestItems.digestId}
          where ${digestItems.userId} = ${userId} and ${digestItems.subjectKey} = ${subject}
          and ${digests.scheduledFor} >= (case when ${introductions.personBContactId} is null then 0 else ${introductions.connectedAt} end)))`,
      ),
    )
    // No ORDER BY: the index serves each status in turn, and ranking orders what comes back.
    .limit(input.limit);
  return rows.flatMap(toProgress);
}

/** One introduction that moved, by id, for the same-day mail about a yes. */
export async function findIntroductionProgress(db: Database, userId: string, id: string): Promise<IntroductionProgress | null> {
  const rows = await introductionsWithPeople(db)
    .where(and(eq(introductions.id, id), eq(introductions.userId, userId)))
    .limit(1);
  return rows.flatMap(toProgress)[0] ?? null;
}
