// What a reply on a user's thread can move: the introduction the thread carries,
// the waiting-on items and reminders set on it, and who has written on it so
// far. Read in one batch and written in the reply's own batch; every lookup is
// keyed by the user and the thread's Message-IDs (at most MAX_THREAD_REFERENCES),
// so the cost is the same however many contacts or messages the user has.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { IntroductionStatus } from "../model.ts";
import type { Database } from "./client.ts";
import { contactsByAddressQuery, type KnownContact } from "./contacts.ts";
import { contactAddresses, interactionParticipants, introductions, processedMessages, suppressions, tasks } from "./schema.ts";

/** Rows one thread can carry that a reply might move; a thread with more is someone's flood, not a conversation. */
export const MAX_THREAD_ROWS = 20;

/** A suppression that does not lapse: the latest instant a JS Date can hold. */
const NEVER_EXPIRES = 8_640_000_000_000_000;

export interface ThreadIntroduction {
  id: string;
  status: IntroductionStatus;
  optIn: boolean;
  introducerContactId: string | null;
  personAContactId: string | null;
  personBContactId: string | null;
}

export interface ThreadTask {
  id: string;
  kind: "waiting_on" | "reminder";
  contactId: string | null;
  remindAt: number | null;
  remindedAt: number | null;
  keepOnReply: boolean;
}

export interface ThreadState {
  /** The reply's people already known to the user. */
  existing: KnownContact[];
  /** Open introductions the thread carries, and introductions of the user to the sender. */
  introductions: ThreadIntroduction[];
  /** Open waiting-on items and reminders set on the thread. */
  tasks: ThreadTask[];
  /** Contacts who have written on the thread before this reply. */
  writers: Set<string>;
}

const introductionColumns = {
  id: introductions.id,
  status: introductions.status,
  optIn: introductions.optIn,
  introducerContactId: introductions.introducerContactId,
  personAContactId: introductions.personAContactId,
  personBContactId: introductions.personBContactId,
};

/** One round trip: the reply's contacts and everything on its thread it could move, for one user. */
export async function loadThreadState(
  db: Database,
  input: { userId: string; sender: string; addresses: readonly string[]; threadIds: readonly string[] },
): Promise<ThreadState> {
  const { userId, threadIds } = input;
  const onThread = and(eq(processedMessages.userId, userId), inArray(processedMessages.messageId, [...threadIds]));
  const [existing, threadIntros, introsOfUser, threadTasks, writers] = await db.batch([
    contactsByAddressQuery(db, userId, input.addresses.length > 0 ? input.addresses : [input.sender]),
    db
      .select(introductionColumns)
      .from(processedMessages)
      .innerJoin(introductions, eq(introductions.interactionId, processedMessages.interactionId))
      .where(and(onThread, eq(introductions.userId, userId), inArray(introductions.status, ["asked", "made"])))
      .limit(MAX_THREAD_ROWS),
    // Someone introduced the user to the sender (on a forwarded thread): the sender writing is the two connecting.
    db
      .select(introductionColumns)
      .from(introductions)
      .where(
        and(
          eq(introductions.userId, userId),
          eq(
            introductions.personAContactId,
            sql`(select ${contactAddresses.contactId} from ${contactAddresses} where ${contactAddresses.userId} = ${userId} and ${contactAddresses.address} = ${input.sender})`,
          ),
          isNull(introductions.personBContactId),
          eq(introductions.status, "made"),
        ),
      )
      .limit(MAX_THREAD_ROWS),
    db
      .select({
        id: tasks.id,
        kind: tasks.kind,
        contactId: tasks.contactId,
        remindAt: tasks.remindAt,
        remindedAt: tasks.remindedAt,
        keepOnReply: tasks.keepOnReply,
      })
      .from(tasks)
      .where(
        and(
          eq(tasks.userId, userId),
          inArray(tasks.threadMessageId, [...threadIds]),
          eq(tasks.status, "open"),
          inArray(tasks.kind, ["waiting_on", "reminder"]),
        ),
      )
      .limit(MAX_THREAD_ROWS),
    db
      .selectDistinct({ contactId: interactionParticipants.contactId })
      .from(processedMessages)
      .innerJoin(interactionParticipants, eq(interactionParticipants.interactionId, processedMessages.interactionId))
      .where(and(onThread, eq(interactionParticipants.role, "from")))
      .limit(MAX_THREAD_ROWS),
  ]);
  const seen = new Set<string>();
  return {
    existing,
    introductions: [...threadIntros, ...introsOfUser].filter((intro) => !seen.has(intro.id) && Boolean(seen.add(intro.id))),
    tasks: threadTasks.flatMap((task) => (task.kind === "waiting_on" || task.kind === "reminder" ? [{ ...task, kind: task.kind }] : [])),
    writers: new Set(writers.map((row) => row.contactId)),
  };
}

/** What a reply changes on its thread, decided by inbound/thread-progress.ts. */
export interface ThreadEffects {
  /** Waiting-on items answered and reminders no longer needed, with why. */
  closedTasks: { id: string; status: "done" | "skipped"; resolution: string }[];
  /** Introductions that moved on: from `from` to `status`, with their next follow-up. */
  introductions: { id: string; from: IntroductionStatus; status: IntroductionStatus; followUpAt: number | null; connectedAt: number | null }[];
  /** Pair suggestions (subject keys) never to make again: someone declined the introduction. */
  neverPairs: string[];
}

export const NO_EFFECTS: ThreadEffects = { closedTasks: [], introductions: [], neverPairs: [] };

/** The effects as statements for the reply's batch; each applies only while the row is still as it was read. */
export function threadEffectStatements(db: Database, userId: string, effects: ThreadEffects, now: number): BatchItem<"sqlite">[] {
  return [
    ...effects.closedTasks.map((task) =>
      db
        .update(tasks)
        .set({ status: task.status, completedAt: now, remindAt: null, resolution: task.resolution })
        .where(and(eq(tasks.id, task.id), eq(tasks.userId, userId), eq(tasks.status, "open"))),
    ),
    ...effects.introductions.map((intro) =>
      db
        .update(introductions)
        .set({
          status: intro.status,
          followUpAt: intro.followUpAt,
          ...(intro.connectedAt !== null ? { connectedAt: intro.connectedAt } : {}),
        })
        .where(and(eq(introductions.id, intro.id), eq(introductions.userId, userId), eq(introductions.status, intro.from))),
    ),
    ...effects.neverPairs.map((subjectKey) =>
      db
        .insert(suppressions)
        .values({ userId, subjectKey, until: NEVER_EXPIRES, reason: "never" })
        .onConflictDoUpdate({ target: [suppressions.userId, suppressions.subjectKey], set: { until: NEVER_EXPIRES, reason: "never" } }),
    ),
  ];
}
