// Rows for digest tests and the bench, written straight through drizzle with a
// `now` the caller chooses. Works on any D1 binding (workerd in tests,
// Miniflare from Node in the bench).
import { sql } from "drizzle-orm";
import { type Database, openDatabase } from "../../src/db/client.ts";
import {
  contactAddresses,
  contacts,
  interactionParticipants,
  interactions,
  introductions,
  outboundMessages,
  signals,
  suppressions,
  tasks,
  userAddresses,
  users,
} from "../../src/db/schema.ts";
import { checkInCadenceDays } from "../../src/domain/cadence.ts";
import { nextDigestAt } from "../../src/domain/digest-schedule.ts";
import { newId } from "../../src/lib/ids.ts";
import { DAY_MS, HOUR_MS, type Role, type SignalKind, type TaskKind } from "../../src/model.ts";

export interface SeedUser {
  email: string;
  name?: string | null;
  timeZone?: string;
  weekday?: number;
  hour?: number;
  maxItems?: number;
  emptyDigest?: "note" | "skip";
  pausedUntil?: number | null;
  unsubscribedAt?: number | null;
  /** When the user was created; next_digest_at is their first digest time after it. */
  now: number;
  /** Default: the first digest time after `now`. */
  nextDigestAt?: number | null;
  id?: string;
}

export interface SeedContact {
  name: string | null;
  /** Lower-cased first name, as inbound derives it for names in notes. Default: none. */
  firstNameKey?: string | null;
  address?: string | null;
  /** Also file the address in contact_addresses, where inbound mail finds its sender. */
  linkAddress?: boolean;
  lastInteractionAt?: number | null;
  cadenceDays?: number | null;
  learnedCadenceDays?: number | null;
  interactionCount?: number;
  /** Default: last interaction + cadence. */
  nextCheckInAt?: number | null;
  muted?: boolean;
  now: number;
  id?: string;
}

export interface SeedSignal {
  contactId: string | null;
  interactionId?: string | null;
  kind: SignalKind;
  text: string;
  tag?: string | null;
  dueAt?: number | null;
  private?: boolean;
  status?: "open" | "done" | "dismissed";
  aboutUser?: boolean;
  createdAt: number;
  id?: string;
}

export interface SeedTask {
  kind: TaskKind;
  title: string;
  contactId?: string | null;
  signalId?: string | null;
  interactionId?: string | null;
  dueAt: number | null;
  status?: "open" | "done" | "skipped";
  snoozedUntil?: number | null;
  remindAt?: number | null;
  remindedAt?: number | null;
  threadMessageId?: string | null;
  threadSubject?: string | null;
  createdAt: number;
  id?: string;
}

export interface SeedIntroduction {
  introducerContactId?: string | null;
  personAContactId: string | null;
  personBContactId?: string | null;
  reason?: string | null;
  status?: "asked" | "made" | "connected" | "closed";
  optIn?: boolean;
  followUpAt: number | null;
  createdAt: number;
  id?: string;
}

export function seeder(d1: D1Database) {
  const db: Database = openDatabase(d1);

  return {
    db,

    /** Empties every table a test writes (everything else hangs off users and cascades). */
    async reset(): Promise<void> {
      await db.batch([db.delete(users), db.delete(outboundMessages)]);
    },

    async user(input: SeedUser): Promise<{ id: string; email: string; nextDigestAt: number | null }> {
      const id = input.id ?? newId();
      const schedule = { timeZone: input.timeZone ?? "UTC", weekday: input.weekday ?? 1, hour: input.hour ?? 8 };
      const next = input.nextDigestAt !== undefined ? input.nextDigestAt : nextDigestAt(schedule, input.now);
      await db.batch([
        db.insert(users).values({
          id,
          email: input.email,
          name: input.name ?? null,
          timeZone: schedule.timeZone,
          digestWeekday: schedule.weekday,
          digestHour: schedule.hour,
          maxItems: input.maxItems ?? 7,
          emptyDigest: input.emptyDigest ?? "note",
          pausedUntil: input.pausedUntil ?? null,
          unsubscribedAt: input.unsubscribedAt ?? null,
          nextDigestAt: next,
          createdAt: input.now,
        }),
        db.insert(userAddresses).values({ address: input.email, userId: id }),
      ]);
      return { id, email: input.email, nextDigestAt: next };
    },

    async contact(userId: string, input: SeedContact): Promise<string> {
      const id = input.id ?? newId();
      const last = input.lastInteractionAt ?? null;
      const cadence = { cadenceDays: input.cadenceDays ?? null, learnedCadenceDays: input.learnedCadenceDays ?? null };
      const next = input.nextCheckInAt !== undefined ? input.nextCheckInAt : last === null ? null : last + checkInCadenceDays(cadence) * DAY_MS;
      const address = input.address ?? null;
      await db.batch([
        db.insert(contacts).values({
          id,
          userId,
          name: input.name,
          nameKey: input.name?.toLowerCase() ?? null,
          firstNameKey: input.firstNameKey ?? null,
          primaryAddress: address,
          ...cadence,
          lastInteractionAt: last,
          interactionCount: input.interactionCount ?? (last === null ? 0 : 1),
          nextCheckInAt: next,
          muted: input.muted ?? false,
          createdAt: input.now,
        }),
        ...(input.linkAddress && address !== null ? [db.insert(contactAddresses).values({ userId, address, contactId: id })] : []),
      ]);
      return id;
    },

    async interaction(
      userId: string,
      input: {
        contactIds: readonly string[];
        /** Each contact's role, by position. Default: all "to". */
        roles?: readonly Role[];
        subject: string;
        occurredAt: number;
        /** Default: a made-up one; null: none. */
        messageId?: string | null;
        note?: string | null;
      },
    ): Promise<string> {
      const id = newId();
      await db.batch([
        db.insert(interactions).values({
          id,
          userId,
          kind: "thread",
          subject: input.subject,
          occurredAt: input.occurredAt,
          messageId: input.messageId !== undefined ? input.messageId : `<${id}@mail.example>`,
          note: input.note ?? null,
          createdAt: input.occurredAt,
        }),
        ...input.contactIds.map((contactId, index) =>
          db
            .insert(interactionParticipants)
            .values({ interactionId: id, contactId, userId, role: input.roles?.[index] ?? "to", occurredAt: input.occurredAt }),
        ),
      ]);
      return id;
    },

    async signal(userId: string, input: SeedSignal): Promise<string> {
      const id = input.id ?? newId();
      await db.insert(signals).values({
        id,
        userId,
        contactId: input.contactId,
        interactionId: input.interactionId ?? null,
        aboutUser: input.aboutUser ?? false,
        kind: input.kind,
        text: input.text,
        sentence: input.text,
        tag: input.tag ?? null,
        dueAt: input.dueAt ?? null,
        private: input.private ?? false,
        status: input.status ?? "open",
        createdAt: input.createdAt,
      });
      return id;
    },

    async task(userId: string, input: SeedTask): Promise<string> {
      const id = input.id ?? newId();
      await db.insert(tasks).values({
        id,
        userId,
        kind: input.kind,
        title: input.title,
        contactId: input.contactId ?? null,
        signalId: input.signalId ?? null,
        interactionId: input.interactionId ?? null,
        dueAt: input.dueAt,
        status: input.status ?? "open",
        snoozedUntil: input.snoozedUntil ?? null,
        remindAt: input.remindAt ?? null,
        remindedAt: input.remindedAt ?? null,
        threadMessageId: input.threadMessageId ?? null,
        threadSubject: input.threadSubject ?? null,
        createdAt: input.createdAt,
      });
      return id;
    },

    async introduction(userId: string, input: SeedIntroduction): Promise<string> {
      const id = input.id ?? newId();
      await db.insert(introductions).values({
        id,
        userId,
        introducerContactId: input.introducerContactId ?? null,
        personAContactId: input.personAContactId,
        personBContactId: input.personBContactId ?? null,
        reason: input.reason ?? null,
        optIn: input.optIn ?? false,
        status: input.status ?? "made",
        followUpAt: input.followUpAt,
        createdAt: input.createdAt,
      });
      return id;
    },

    async suppression(userId: string, subjectKey: string, until: number, reason: "done" | "snoozed" | "skipped" | "never"): Promise<void> {
      await db.insert(suppressions).values({ userId, subjectKey, until, reason });
    },

    /**
     * A large address book in a few statements: `count` contacts, numbered j = 1
     * (the newest) … count, with history, signals, tasks and introductions in
     * fixed proportions. Every property depends on j alone, so two users of
     * different sizes look alike at the recent end, where the digest reads.
     * Everyone is overdue for a check-in; most have not been heard from in
     * years, as after an import of old mail.
     */
    async addressBook(userId: string, input: { count: number; now: number }): Promise<void> {
      const { count: n, now } = input;
      const seq = sql`with recursive seq(j) as (select 1 union all select j + 1 from seq where j < ${n})`;
      const c = (j: string) => sql.raw(`'${userId}-c' || ${j}`);
      const last = sql`${now} - ${70 * DAY_MS} - j * ${3 * HOUR_MS}`;
      const statements = [
        sql`${seq} insert into contacts (id, user_id, name, name_key, primary_address, learned_cadence_days,
            last_interaction_at, interaction_count, next_check_in_at, muted, name_quality, created_at)
          select ${c("j")}, ${userId}, 'Person ' || j, 'person ' || j, 'p' || j || '@example.com',
            case when j % 2 = 0 then 60 else null end, ${last}, 3, ${last} + ${60 * DAY_MS}, j % 13 = 0, 1, ${now} - ${400 * DAY_MS}
          from seq`,
        sql`${seq}, k(k) as (values (0), (1), (2))
          insert into interactions (id, user_id, kind, subject, occurred_at, message_id, note, created_at)
          select ${sql.raw(`'${userId}-i' || j || '-' || k`)}, ${userId}, 'thread', 'Catch-up ' || k || ' with Person ' || j,
            ${last} - k * ${20 * DAY_MS}, '<' || j || '.' || k || '@mail.example>', null, ${now} - ${400 * DAY_MS}
          from seq, k`,
        sql`${seq}, k(k) as (values (0), (1), (2))
          insert into interaction_participants (interaction_id, contact_id, user_id, role, occurred_at)
          select ${sql.raw(`'${userId}-i' || j || '-' || k`)}, ${c("j")}, ${userId}, 'to', ${last} - k * ${20 * DAY_MS}
          from seq, k`,
        sql`${seq} insert into signals (id, user_id, contact_id, about_user, kind, text, sentence, tag, due_at, private, status, created_at)
          select ${sql.raw(`'${userId}-s' || j || '-' || kind || private`)}, ${userId}, ${c("j")}, 0, kind, text, text, tag, due_at, private, status,
            ${now} - j * ${2 * HOUR_MS}
          from (
            select j, 'need' as kind, case j % 9 when 1 then 'hiring a product designer' when 4 then 'looking for a climate investor' else 'needs a Rust mentor' end as text,
              null as tag, null as due_at, 0 as private, case when j % 15 = 0 then 'dismissed' else 'open' end as status from seq where j % 3 = 1
            union all select j, 'offer', case j % 9 when 2 then 'happy to review design portfolios' when 5 then 'can intro climate investors' else 'glad to mentor Rust beginners' end,
              null, null, 0, 'open' from seq where j % 3 = 2
            union all select j, 'interest', '#' || (case j % 5 when 0 then 'design' when 1 then 'climate' when 2 then 'rust' when 3 then 'hiking' else 'music' end),
              case j % 5 when 0 then 'design' when 1 then 'climate' when 2 then 'rust' when 3 then 'hiking' else 'music' end, null, 0, 'open' from seq where j % 2 = 0
            union all select j, 'life_event', case when j % 8 = 0 then 'knee surgery' else 'wedding in Lisbon' end,
              null, ${now} + (j % 14) * ${DAY_MS} + ${HOUR_MS}, 0, 'open' from seq where j % 4 = 0
            union all select j, 'need', 'told in confidence: going through a divorce', null, null, 1, 'open' from seq where j % 7 = 0
          )`,
        sql`${seq} insert into tasks (id, user_id, kind, title, contact_id, due_at, status, remind_at, reminded_at, created_at)
          select ${sql.raw(`'${userId}-t' || j`)}, ${userId}, kind, title, ${c("j")}, due_at, status, remind_at, reminded_at, created_at
          from (
            select j, case j % 4 when 1 then 'promise' when 2 then 'ask' when 3 then 'waiting_on' else 'promise' end as kind,
              case j % 4 when 1 then 'send Person ' || j || ' the deck' when 2 then 'review the proposal of Person ' || j
                when 3 then 'the signed contract from Person ' || j else 'call Person ' || j end as title,
              case when j % 4 = 3 then ${now} - j * ${6 * HOUR_MS} else ${now} + ${5 * DAY_MS} - j * ${6 * HOUR_MS} end as due_at,
              case when j % 4 = 0 then 'done' else 'open' end as status,
              null as remind_at, null as reminded_at, ${now} - ${10 * DAY_MS} - j * ${6 * HOUR_MS} as created_at
            from seq
          )`,
        sql`${seq} insert into tasks (id, user_id, kind, title, contact_id, due_at, status, remind_at, reminded_at, created_at)
          select ${sql.raw(`'${userId}-r' || j`)}, ${userId}, 'reminder', 'Follow up: Catch-up with Person ' || j, ${c("j")},
            ${now} - j * ${HOUR_MS}, 'open', ${now} - j * ${HOUR_MS}, ${now} - j * ${HOUR_MS}, ${now} - ${3 * DAY_MS} - j * ${HOUR_MS}
          from seq where j % 2 = 0`,
        sql`${seq} insert into introductions (id, user_id, introducer_contact_id, person_a_contact_id, person_b_contact_id, reason, opt_in, status, follow_up_at, created_at)
          select ${sql.raw(`'${userId}-n' || j`)}, ${userId}, null, ${c("j")}, ${c("(j + 1)")}, 'both work on climate', 0, 'made',
            ${now} - j * ${4 * HOUR_MS}, ${now} - ${14 * DAY_MS} - j * ${4 * HOUR_MS}
          from seq where j % 4 = 0 and j < ${n}`,
      ];
      for (const statement of statements) await db.run(statement);
    },
  };
}

export type Seeder = ReturnType<typeof seeder>;
