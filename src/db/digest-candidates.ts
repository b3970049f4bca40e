// select, first round: everything one digest starts from, in one batch. Every
// statement walks an index in the order it returns rows and stops at its LIMIT,
// so the rows read depend on the window sizes, not on how many contacts,
// interactions or signals the user has.
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Contact, DuePrecision, GiveAskLedger, IntroductionStatus, SignalKind, TaskKind } from "../model.ts";
import type { Database } from "./client.ts";
import { contactFields, contactRef, introductionsWithPeople } from "./joined-contacts.ts";
import { UNDATED_OLDEST_FIRST, undatedTasksWhere } from "./undated-tasks.ts";
import {
  contacts,
  digestItems,
  digests,
  interactions,
  introductions,
  signals,
  suppressions,
  tasks,
  users,
} from "./schema.ts";

export interface DigestUser {
  id: string;
  email: string;
  name: string | null;
  timeZone: string;
  maxItems: number;
  emptyDigest: "note" | "skip";
  pausedUntil: number | null;
  unsubscribedAt: number | null;
}

/** Who wrote the words a task or signal came from: the user, or someone in their address book. */
export type Speaker = { kind: "user" } | { kind: "contact"; contact: Contact };

export interface TaskCandidate {
  id: string;
  kind: TaskKind;
  title: string;
  /** When it is late: a day, or a range's last day; null when nobody named a date (never invented). */
  dueAt: number | null;
  /** A range's first day ("the week of 7 December"); null for one day or no date. */
  dueStartAt: number | null;
  duePrecision: DuePrecision | null;
  /** A range as it was said ("the week of December 7"). */
  dueText: string | null;
  /** When it was said: the interaction's time, else when Tend logged it. */
  saidAt: number;
  /** From a signal told in confidence: never quoted. */
  private: boolean;
  contact: Contact | null;
  /** The sentence it came from, for a quote; null when there is none. */
  sentence: string | null;
  speaker: Speaker;
  /** When it was done (resolved waiting-on, kept promise); null while open. */
  completedAt: number | null;
}

export interface CheckInCandidate {
  contact: Contact;
  lastInteractionAt: number | null;
  nextCheckInAt: number;
  interactionCount: number;
  cadenceDays: number | null;
  learnedCadenceDays: number | null;
  /** Subject of the last interaction they took part in (not a mere mention). */
  lastSubject: string | null;
}

/** A signal about a person, never a private one (those are filtered in SQL). */
export interface SignalCandidate {
  id: string;
  kind: SignalKind;
  text: string;
  /** The whole sentence it came from. */
  sentence: string;
  tag: string | null;
  /** A life event's (first) day; for what can be late, its last day. */
  dueAt: number | null;
  dueStartAt: number | null;
  /** A range's last day; null for a single day. */
  dueEndAt: number | null;
  duePrecision: DuePrecision | null;
  dueText: string | null;
  /** Where a person known only by name was named ("your notes with Jon Okafor"); null for everyone else. */
  pendingFrom: string | null;
  /** For a need: the give-first ledger of the person (src/domain/give-ask.ts), never shown. */
  ledger?: GiveAskLedger;
  /** Good or hard news, as inbound judged it; null: neutral, or an old row (the digest then reads the text). */
  tone: "good" | "hard" | "loss" | null;
  /** When it was said: the interaction's time, else when Tend logged it. */
  saidAt: number;
  contact: Contact;
  speaker: Speaker;
}

export interface IntroductionCandidate {
  id: string;
  status: IntroductionStatus;
  optIn: boolean;
  reason: string | null;
  followUpAt: number;
  /** When the introduction was made: the interaction's time, else when Tend logged it. */
  madeAt: number;
  /** Null: the user made the introduction. */
  introducer: Contact | null;
  personA: Contact | null;
  /** Null: the user is the one introduced. */
  personB: Contact | null;
}

export interface ShownItem {
  subjectKey: string;
  state: "open" | "done" | "snoozed" | "skipped" | "never";
}

export interface DigestCandidates {
  user: DigestUser | null;
  /** This week's digest, when one was already claimed. */
  existing: { id: string; status: "claimed" | "sent" | "empty" | "failed" } | null;
  promises: TaskCandidate[];
  asks: TaskCandidate[];
  waitingOn: TaskCandidate[];
  checkIns: CheckInCandidate[];
  needs: SignalCandidate[];
  offers: SignalCandidate[];
  interests: SignalCandidate[];
  upcomingLifeEvents: SignalCandidate[];
  recentLifeEvents: SignalCandidate[];
  introductionFollowUps: IntroductionCandidate[];
  /** Open promises and asks nobody put a date on, oldest first. */
  undatedOwed: TaskCandidate[];
  /** Open waiting-ons nobody put a date on, oldest first: surfaced by age, never overdue. */
  undatedWaitingOn: TaskCandidate[];
  /** Dated life events just past, not yet followed up: "how did it go?". */
  pastLifeEvents: SignalCandidate[];
  /** Waiting-ons that came through lately, not yet thanked for. */
  resolvedWaitingOn: TaskCandidate[];
  /** Promises the user kept a while ago, not yet asked about: "how did it turn out?". */
  keptPromises: TaskCandidate[];
  /** Items of the user's last digests before this week. */
  recentlyShown: ShownItem[];
}

export interface CandidateWindows {
  /** Rows per list. */
  perList: number;
  /** Promises and asks overdue by more than this are left to the user to close. */
  overdueLookbackMs: number;
  /** Promises due within this are listed before they are overdue. */
  dueAheadMs: number;
  /** Life events dated within this are "coming up". */
  comingUpMs: number;
  /** Introductions whose follow-up came more than this ago are stale. */
  loopLookbackMs: number;
  /** Digests back whose items count as recently shown. */
  shownDigests: number;
  /** A dated event this recent gets one "how did it go?". */
  afterEventMs: number;
  /** The give-first ledger counts what was given and asked this far back. */
  ledgerLookbackMs: number;
  /** A waiting-on resolved this recently gets one thank-you. */
  thanksWithinMs: number;
  /** A kept promise is asked about once, between these two ages. */
  outcomeAfterMs: number;
  outcomeWithinMs: number;
}

/** The subject is not snoozed, skipped or done (table suppressions) as of `asOf`. */
function notSuppressed(userId: string, subjectKey: SQL, asOf: number): SQL {
  return sql`not exists (select 1 from ${suppressions} where ${suppressions.userId} = ${userId} and ${suppressions.subjectKey} = ${subjectKey} and ${suppressions.until} > ${asOf})`;
}

/** Shown once only: no digest item of this user ever had this subject (index digest_items_user_subject). */
function neverShown(userId: string, subjectKey: SQL): SQL {
  return sql`not exists (select 1 from ${digestItems} where ${digestItems.userId} = ${userId} and ${digestItems.subjectKey} = ${subjectKey})`;
}

/** Who said it, as inbound stored it: null speaker name is the user. */
function speakerFields() {
  return {
    id: sql<string | null>`${signals.speakerContactId}`.as("speaker_id"),
    name: sql<string | null>`${signals.speakerName}`.as("speaker_name"),
  };
}

function speakerOf(fields: { id: string | null; name: string | null }): Speaker {
  if (fields.name === null) return { kind: "user" };
  return { kind: "contact", contact: { id: fields.id ?? "", name: fields.name, address: null } };
}

/** Inbound's tone; "neutral" is no tone to strike. */
function toneOf(tone: string | null): "good" | "hard" | "loss" | null {
  return tone === "good" || tone === "hard" || tone === "loss" ? tone : null;
}

function userQuery(db: Database, userId: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      timeZone: users.timeZone,
      maxItems: users.maxItems,
      emptyDigest: users.emptyDigest,
      pausedUntil: users.pausedUntil,
      unsubscribedAt: users.unsubscribedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
}

function existingQuery(db: Database, userId: string, week: string) {
  return db
    .select({ id: digests.id, status: digests.status })
    .from(digests)
    .where(and(eq(digests.userId, userId), eq(digests.week, week)))
    .limit(1);
}

const taskFields = {
  id: tasks.id,
  kind: tasks.kind,
  title: tasks.title,
  dueAt: tasks.dueAt,
  dueStartAt: tasks.dueStartAt,
  duePrecision: sql<DuePrecision | null>`${signals.duePrecision}`.as("signal_due_precision"),
  dueText: sql<string | null>`${signals.dueText}`.as("signal_due_text"),
  saidAt: sql<number>`coalesce(${interactions.occurredAt}, ${tasks.createdAt})`.as("said_at"),
  private: sql<number | null>`${signals.private}`.as("signal_private"),
  sentence: sql<string | null>`${signals.sentence}`.as("signal_sentence"),
  completedAt: tasks.completedAt,
  contact: contactFields(contacts, "contact"),
  speaker: speakerFields(),
};

function tasksFrom(db: Database) {
  return db
    .select(taskFields)
    .from(tasks)
    .leftJoin(contacts, eq(contacts.id, tasks.contactId))
    .leftJoin(signals, eq(signals.id, tasks.signalId))
    .leftJoin(interactions, eq(interactions.id, tasks.interactionId));
}

function taskQuery(
  db: Database,
  userId: string,
  kind: TaskKind,
  range: { from: number; to: number },
  order: "oldest" | "newest",
  asOf: number,
  limit: number,
) {
  return tasksFrom(db)
    .where(
      and(
        eq(tasks.userId, userId),
        eq(tasks.kind, kind),
        eq(tasks.status, "open"),
        gte(tasks.dueAt, range.from),
        lte(tasks.dueAt, range.to),
        or(sql`${tasks.snoozedUntil} is null`, lte(tasks.snoozedUntil, asOf)),
        notSuppressed(userId, sql`'task:' || ${tasks.id}`, asOf),
      ),
    )
    .orderBy(order === "oldest" ? asc(tasks.dueAt) : desc(tasks.dueAt))
    .limit(limit);
}

/** Open tasks of one kind with no due date at all, oldest first (the rule src/db/undated-tasks.ts keeps). */
function undatedTaskQuery(db: Database, userId: string, kind: TaskKind, asOf: number, limit: number) {
  return tasksFrom(db).where(undatedTasksWhere(userId, kind, asOf)).orderBy(UNDATED_OLDEST_FIRST).limit(limit);
}

/** Tasks of one kind done within `range`, newest first, whose follow-up (`keyPrefix` + id) was never shown. */
function completedTaskQuery(
  db: Database,
  userId: string,
  kind: TaskKind,
  range: { from: number; to: number },
  keyPrefix: string,
  asOf: number,
  limit: number,
) {
  const key = sql`${keyPrefix} || ${tasks.id}`;
  return tasksFrom(db)
    .where(
      and(
        eq(tasks.userId, userId),
        eq(tasks.kind, kind),
        eq(tasks.status, "done"),
        gte(tasks.completedAt, range.from),
        lte(tasks.completedAt, range.to),
        isNotNull(tasks.contactId),
        notSuppressed(userId, key, asOf),
        neverShown(userId, key),
      ),
    )
    .orderBy(desc(tasks.completedAt))
    .limit(limit);
}

function checkInQuery(db: Database, userId: string, asOf: number, limit: number) {
  // Written out: in a one-table select drizzle leaves select-list columns
  // unqualified, and "user_id" would be ambiguous inside the subquery.
  const lastSubject = sql<string | null>`(select i.subject from interaction_participants p inner join interactions i on i.id = p.interaction_id where p.user_id = contacts.user_id and p.contact_id = contacts.id and p.role <> 'mentioned' order by p.occurred_at desc limit 1)`;
  // Most recently lapsed first: after an import, people unheard of for years
  // sit at the far end of the index and do not flood the digest.
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      address: contacts.primaryAddress,
      lastInteractionAt: contacts.lastInteractionAt,
      nextCheckInAt: contacts.nextCheckInAt,
      interactionCount: contacts.interactionCount,
      cadenceDays: contacts.cadenceDays,
      learnedCadenceDays: contacts.learnedCadenceDays,
      lastSubject: lastSubject.as("last_subject"),
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.userId, userId),
        lte(contacts.nextCheckInAt, asOf),
        eq(contacts.muted, false),
        notSuppressed(userId, sql`'contact:' || ${contacts.id}`, asOf),
      ),
    )
    .orderBy(desc(contacts.nextCheckInAt))
    .limit(limit);
}

const signalFields = {
  id: signals.id,
  kind: signals.kind,
  text: signals.text,
  sentence: signals.sentence,
  tag: signals.tag,
  dueAt: signals.dueAt,
  dueStartAt: signals.dueStartAt,
  dueEndAt: signals.dueEndAt,
  duePrecision: signals.duePrecision,
  dueText: signals.dueText,
  tone: signals.tone,
  pendingFrom: sql<string | null>`case when ${contacts.pending} then ${contacts.pendingFrom} end`.as("pending_from"),
  saidAt: sql<number>`coalesce(${interactions.occurredAt}, ${signals.createdAt})`.as("said_at"),
  contact: contactFields(contacts, "contact"),
  speaker: speakerFields(),
};

/** Open signals of one kind that may be quoted (not private), about a person the user has not muted. */
function shareableSignalsQuery(
  db: Database,
  userId: string,
  kind: SignalKind,
  filter: { where: (SQL | undefined)[]; orderBy: SQL; limit: number },
) {
  return db
    .select(signalFields)
    .from(signals)
    .innerJoin(contacts, eq(contacts.id, signals.contactId))
    .leftJoin(interactions, eq(interactions.id, signals.interactionId))
    .where(
      and(
        eq(signals.userId, userId),
        eq(signals.kind, kind),
        eq(signals.status, "open"),
        eq(signals.private, false),
        eq(contacts.muted, false),
        ...filter.where,
      ),
    )
    .orderBy(filter.orderBy)
    .limit(filter.limit);
}

/**
 * The give-first ledger of a need's person, as counts beside the need: each a
 * count(*) down an index that starts with (user, contact), so it reads that
 * person's rows only, in the same statement (no round trip, no grouping).
 */
function ledgerFields(userId: string, since: number) {
  const tasksOf = (where: SQL) =>
    sql<number>`(select count(*) from ${tasks} t indexed by tasks_contact where t.user_id = ${userId} and t.contact_id = ${signals.contactId} and t.created_at >= ${since} and ${where})`;
  // Named indexes: the planner would otherwise walk all of the user's rows by status or date.
  const introductionsWhere = (index: SQL, where: SQL) =>
    sql<number>`(select count(*) from ${introductions} i indexed by ${index} where i.user_id = ${userId} and i.created_at >= ${since} and ${where})`;
  return {
    promised: tasksOf(sql`t.kind = 'promise'`).as("ledger_promised"),
    kept: tasksOf(sql`t.kind = 'promise' and t.status = 'done'`).as("ledger_kept"),
    answered: tasksOf(sql`t.kind = 'ask' and t.status = 'done'`).as("ledger_answered"),
    favours: tasksOf(sql`t.kind = 'waiting_on'`).as("ledger_favours"),
    introducedThemA: introductionsWhere(sql.raw("introductions_user_pair"), sql`i.person_a_contact_id = ${signals.contactId} and i.introducer_contact_id is null`).as("ledger_intro_a"),
    introducedThemB: introductionsWhere(sql.raw("introductions_user_person_b"), sql`i.person_b_contact_id = ${signals.contactId} and i.introducer_contact_id is null`).as("ledger_intro_b"),
    introducedUser: introductionsWhere(sql.raw("introductions_user_introducer"), sql`i.introducer_contact_id = ${signals.contactId} and i.person_b_contact_id is null`).as("ledger_intro_user"),
  };
}

/** Open needs that may be quoted, newest first, each with its person's give-first ledger. */
function needsQuery(db: Database, userId: string, asOf: number, since: number, limit: number) {
  return db
    .select({ ...signalFields, ledger: ledgerFields(userId, since) })
    .from(signals)
    .innerJoin(contacts, eq(contacts.id, signals.contactId))
    .leftJoin(interactions, eq(interactions.id, signals.interactionId))
    .where(
      and(
        eq(signals.userId, userId),
        eq(signals.kind, "need"),
        eq(signals.status, "open"),
        eq(signals.private, false),
        eq(contacts.muted, false),
        eq(signals.aboutUser, false),
        notSuppressed(userId, sql`'signal:' || ${signals.id}`, asOf),
      ),
    )
    .orderBy(desc(signals.createdAt))
    .limit(limit);
}

type NeedRow = Awaited<ReturnType<typeof needsQuery>>[number];

function toNeed(row: NeedRow): SignalCandidate[] {
  const { ledger: counts, ...signal } = row;
  return toSignal(signal).map((need) => ({
    ...need,
    ledger: {
      contactId: need.contact.id,
      gave: { promised: counts.promised, kept: counts.kept, introductions: counts.introducedThemA + counts.introducedThemB, answered: counts.answered },
      asked: { favours: counts.favours, introductions: counts.introducedUser },
    },
  }));
}

/** Shareable signals of one kind about the person, not the user, newest first. */
function recentSignalsQuery(db: Database, userId: string, kind: SignalKind, limit: number, extra?: SQL) {
  return shareableSignalsQuery(db, userId, kind, { where: [eq(signals.aboutUser, false), extra], orderBy: desc(signals.createdAt), limit });
}

function upcomingLifeEventsQuery(db: Database, userId: string, asOf: number, aheadMs: number, limit: number) {
  return shareableSignalsQuery(db, userId, "life_event", {
    where: [gte(signals.dueAt, asOf), lte(signals.dueAt, asOf + aheadMs), notSuppressed(userId, sql`'signal:' || ${signals.id}`, asOf)],
    orderBy: asc(signals.dueAt),
    limit,
  });
}

/** Dated life events of the last `withinMs`, whose "how did it go?" was never shown. */
function pastLifeEventsQuery(db: Database, userId: string, asOf: number, withinMs: number, limit: number) {
  const key = sql`'after:signal:' || ${signals.id}`;
  return shareableSignalsQuery(db, userId, "life_event", {
    where: [gte(signals.dueAt, asOf - withinMs), lt(signals.dueAt, asOf), notSuppressed(userId, key, asOf), neverShown(userId, key)],
    orderBy: desc(signals.dueAt),
    limit,
  });
}

function introductionFollowUpsQuery(db: Database, userId: string, asOf: number, lookbackMs: number, limit: number) {
  return introductionsWithPeople(db)
    .where(
      and(
        eq(introductions.userId, userId),
        gte(introductions.followUpAt, asOf - lookbackMs),
        lte(introductions.followUpAt, asOf),
        inArray(introductions.status, ["asked", "made"]),
        notSuppressed(userId, sql`'introduction:' || ${introductions.id}`, asOf),
      ),
    )
    .orderBy(desc(introductions.followUpAt))
    .limit(limit);
}

function recentlyShownQuery(db: Database, userId: string, week: string, digestCount: number) {
  const lastDigests = db
    .select({ id: digests.id })
    .from(digests)
    .where(and(eq(digests.userId, userId), lt(digests.week, week)))
    .orderBy(desc(digests.week))
    .limit(digestCount);
  return db
    .select({ subjectKey: digestItems.subjectKey, state: digestItems.state })
    .from(digestItems)
    .where(inArray(digestItems.digestId, lastDigests));
}

// Rows as the queries above return them.
type TaskRow = Awaited<ReturnType<typeof taskQuery>>[number];
type SignalRow = Awaited<ReturnType<typeof shareableSignalsQuery>>[number];

function toTask(row: TaskRow): TaskCandidate {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    dueAt: row.dueAt,
    dueStartAt: row.dueStartAt,
    duePrecision: row.duePrecision,
    dueText: row.dueText,
    saidAt: row.saidAt,
    private: Boolean(row.private),
    contact: contactRef(row.contact),
    sentence: row.sentence,
    speaker: speakerOf(row.speaker),
    completedAt: row.completedAt,
  };
}

function toSignal(row: SignalRow): SignalCandidate[] {
  const contact = contactRef(row.contact);
  if (!contact) return [];
  return [{ ...row, contact, speaker: speakerOf(row.speaker), tone: toneOf(row.tone) }];
}

/** Everything a digest starts from, in one round trip. */
export async function loadDigestCandidates(
  db: Database,
  userId: string,
  week: string,
  asOf: number,
  windows: CandidateWindows,
): Promise<DigestCandidates> {
  const n = windows.perList;
  const owed = { from: asOf - windows.overdueLookbackMs, to: asOf + windows.dueAheadMs };
  const [
    userRows,
    existingRows,
    promiseRows,
    askRows,
    waitingRows,
    checkInRows,
    needRows,
    offerRows,
    interestRows,
    upcomingRows,
    lifeEventRows,
    introductionRows,
    shownRows,
    undatedPromiseRows,
    undatedAskRows,
    undatedWaitingRows,
    pastEventRows,
    resolvedRows,
    keptRows,
  ] = await db.batch([
    userQuery(db, userId),
    existingQuery(db, userId, week),
    taskQuery(db, userId, "promise", owed, "oldest", asOf, n),
    taskQuery(db, userId, "ask", owed, "oldest", asOf, n),
    taskQuery(db, userId, "waiting_on", { from: asOf - windows.overdueLookbackMs, to: asOf }, "newest", asOf, n),
    checkInQuery(db, userId, asOf, n),
    needsQuery(db, userId, asOf, asOf - windows.ledgerLookbackMs, n),
    recentSignalsQuery(db, userId, "offer", n),
    recentSignalsQuery(db, userId, "interest", n, isNotNull(signals.tag)),
    upcomingLifeEventsQuery(db, userId, asOf, windows.comingUpMs, n),
    recentSignalsQuery(db, userId, "life_event", n),
    introductionFollowUpsQuery(db, userId, asOf, windows.loopLookbackMs, n),
    recentlyShownQuery(db, userId, week, windows.shownDigests),
    undatedTaskQuery(db, userId, "promise", asOf, n),
    undatedTaskQuery(db, userId, "ask", asOf, n),
    undatedTaskQuery(db, userId, "waiting_on", asOf, n),
    pastLifeEventsQuery(db, userId, asOf, windows.afterEventMs, n),
    completedTaskQuery(db, userId, "waiting_on", { from: asOf - windows.thanksWithinMs, to: asOf }, "thanks:task:", asOf, n),
    completedTaskQuery(
      db,
      userId,
      "promise",
      { from: asOf - windows.outcomeWithinMs, to: asOf - windows.outcomeAfterMs },
      "outcome:task:",
      asOf,
      n,
    ),
  ]);

  return {
    user: userRows[0] ?? null,
    existing: existingRows[0] ?? null,
    promises: promiseRows.map(toTask),
    asks: askRows.map(toTask),
    waitingOn: waitingRows.map(toTask),
    checkIns: checkInRows.flatMap((row) =>
      row.nextCheckInAt === null
        ? []
        : [
            {
              contact: { id: row.id, name: row.name, address: row.address },
              lastInteractionAt: row.lastInteractionAt,
              nextCheckInAt: row.nextCheckInAt,
              interactionCount: row.interactionCount,
              cadenceDays: row.cadenceDays,
              learnedCadenceDays: row.learnedCadenceDays,
              lastSubject: row.lastSubject,
            },
          ],
    ),
    needs: needRows.flatMap(toNeed),
    offers: offerRows.flatMap(toSignal),
    interests: interestRows.flatMap(toSignal),
    upcomingLifeEvents: upcomingRows.flatMap(toSignal),
    recentLifeEvents: lifeEventRows.flatMap(toSignal),
    introductionFollowUps: introductionRows.flatMap((row) =>
      row.followUpAt === null
        ? []
        : [
            {
              id: row.id,
              status: row.status,
              optIn: row.optIn,
              reason: row.reason,
              followUpAt: row.followUpAt,
              madeAt: row.madeAt,
              introducer: contactRef(row.introducer),
              personA: contactRef(row.personA),
              personB: contactRef(row.personB),
            },
          ],
    ),
    undatedOwed: [...undatedPromiseRows.map(toTask), ...undatedAskRows.map(toTask)],
    undatedWaitingOn: undatedWaitingRows.map(toTask),
    pastLifeEvents: pastEventRows.flatMap(toSignal),
    resolvedWaitingOn: resolvedRows.map(toTask),
    keptPromises: keptRows.map(toTask),
    recentlyShown: shownRows,
  };
}
