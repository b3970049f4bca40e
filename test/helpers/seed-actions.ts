// Seeds what acting on a digest needs: a user, people, tasks, and the digest
// Tend sends about them (or, for the Gmail fixture, a digest row written
// directly). Everything is dated from NOW, the clock every action test gives
// the Worker.
import { env } from "cloudflare:workers";
import { openDatabase } from "../../src/db/client.ts";
import { contactNotes, digestItems, digests } from "../../src/db/schema.ts";
import { newId } from "../../src/lib/ids.ts";
import { linkToken, replyToken } from "../../src/lib/tokens.ts";
import { DAY_MS, type DigestSection, HOUR_MS, type TaskKind } from "../../src/model.ts";
import { type ReceivedDigest, receiveDigest } from "./received-digest.ts";
import { seeder } from "./seed.ts";

/** When the action tests act: Monday 30 Nov 2026, 09:00 UTC. */
export const NOW = Date.parse("2026-11-30T09:00:00Z");
/** An hour earlier, 08:00 on a Monday: when these UTC users get their digest. */
export const DIGEST_AT = NOW - HOUR_MS;
/** The Worker's clock in the action tests. */
export const clock = (): number => NOW;

export const SIGNING_KEY = "test-signing-key-0123456789abcdef";
export const TEND = "tend@tend.example";
export const PUBLIC_URL = "https://tend.example";

export const db = () => openDatabase(env.DB);
// The rows themselves are written as the digest tests write them (seed.ts);
// what is here are the defaults of a user who has had Tend for a while.
const seed = () => seeder(env.DB);

export interface SeededUser {
  id: string;
  email: string;
  name: string;
}

export async function seedUser(
  email: string,
  name: string,
  settings: { timeZone?: string; nextDigestAt?: number } = {},
): Promise<SeededUser> {
  const { id } = await seed().user({
    email,
    name,
    timeZone: settings.timeZone ?? "UTC",
    nextDigestAt: settings.nextDigestAt ?? null,
    now: NOW - 90 * DAY_MS,
  });
  return { id, email, name };
}

export async function seedContact(
  userId: string,
  person: { name: string; address: string; lastInteractionAt?: number; learnedCadenceDays?: number; nextCheckInAt?: number | null },
): Promise<string> {
  const key = person.name.toLowerCase();
  return seed().contact(userId, {
    name: person.name,
    firstNameKey: key.split(" ")[0] ?? key,
    address: person.address,
    linkAddress: true,
    lastInteractionAt: person.lastInteractionAt ?? NOW - 40 * DAY_MS,
    learnedCadenceDays: person.learnedCadenceDays ?? null,
    interactionCount: 3,
    nextCheckInAt: person.nextCheckInAt ?? null,
    now: NOW - 90 * DAY_MS,
  });
}

export async function seedTask(
  userId: string,
  task: { title: string; contactId?: string; kind?: TaskKind; dueAt?: number; signalId?: string; interactionId?: string },
): Promise<string> {
  return seed().task(userId, { ...task, kind: task.kind ?? "promise", dueAt: task.dueAt ?? null, createdAt: NOW - 10 * DAY_MS });
}

export async function seedSignal(
  userId: string,
  signal: {
    contactId: string | null;
    kind: "need" | "offer" | "interest" | "life_event" | "promise" | "waiting_on";
    text: string;
    private?: boolean;
    dueAt?: number;
    tag?: string;
    interactionId?: string;
  },
): Promise<string> {
  return seed().signal(userId, { ...signal, createdAt: NOW - 5 * DAY_MS });
}

export async function seedInteraction(
  userId: string,
  interaction: { contactIds: string[]; subject: string; occurredAt?: number; note?: string },
): Promise<string> {
  return seed().interaction(userId, {
    ...interaction,
    roles: interaction.contactIds.map((_, index) => (index === 0 ? "from" : "cc")),
    occurredAt: interaction.occurredAt ?? NOW - 3 * DAY_MS,
    messageId: null,
  });
}

export async function seedNote(userId: string, contactId: string, text: string): Promise<void> {
  await db().insert(contactNotes).values({ id: newId(), userId, contactId, text, createdAt: NOW - DAY_MS });
}

export async function seedIntroduction(userId: string, a: string, b: string): Promise<string> {
  return seed().introduction(userId, {
    personAContactId: a,
    personBContactId: b,
    reason: "both in climate",
    followUpAt: null,
    createdAt: NOW - 14 * DAY_MS,
  });
}

export interface ItemSeed {
  section?: DigestSection;
  subjectKey: string;
  contactId?: string | null;
  title: string;
  reason?: string;
}

export interface SeededDigest {
  id: string;
  itemIds: string[];
  token: string;
  /** The Reply-To address the digest carries. */
  replyAddress: string;
  messageId: string;
}

let weeks = 0;

export async function seedDigest(userId: string, items: ItemSeed[], sentAt = NOW - DAY_MS): Promise<SeededDigest> {
  const id = newId();
  const itemIds = items.map(() => newId());
  weeks += 1;
  const messageId = `<${id}@tend.example>`;
  await db().batch([
    db()
      .insert(digests)
      .values({ id, userId, week: `2026-W${String(weeks).padStart(2, "0")}-${id}`, status: "sent", scheduledFor: sentAt, claimedAt: sentAt, sentAt, messageId, itemCount: items.length }),
    ...items.map((item, index) =>
      db()
        .insert(digestItems)
        .values({
          id: itemIds[index] ?? newId(),
          digestId: id,
          userId,
          position: index + 1,
          section: item.section ?? (item.subjectKey.startsWith("task:") ? "promises" : "check_in"),
          subjectKey: item.subjectKey,
          contactId: item.contactId ?? null,
          title: item.title,
          reason: item.reason ?? "because",
        }),
    ),
  ]);
  const token = await replyToken(SIGNING_KEY, userId, id);
  return { id, itemIds, token, replyAddress: `tend+r.${token}@tend.example`, messageId };
}

/** A one-click link as the digest builds it. */
export async function actionLink(itemId: string, action: string, expiresAt = NOW + 30 * DAY_MS): Promise<string> {
  return `${PUBLIC_URL}/a/${await linkToken(SIGNING_KEY, { subject: itemId, action, expiresAt })}`;
}

export async function unsubscribeLink(userId: string, expiresAt = NOW + 365 * DAY_MS): Promise<string> {
  return `${PUBLIC_URL}/u/${await linkToken(SIGNING_KEY, { subject: userId, action: "unsubscribe", expiresAt })}`;
}

/** The titles of the digest seedWeek's world gets, in Tend's order (most pressing first: the overdue promise, the one due soon, then check-ins). */
export const WEEK_TITLES = [
  "Carla Diaz — you said you'd send Carla the deck; was due Sun 29 Nov, 1 day ago",
  "Priya Nair — you said you'd introduce Ben to Priya; due Thu 3 Dec (in 3 days)",
  "Ana Lima — time to check in (last in touch six weeks ago)",
  "Ben Okoro — time to check in (last in touch six weeks ago)",
];

/**
 * A Sam-and-friends world, and the digest Tend sends about it at DIGEST_AT: two
 * promises (one overdue) and two people due a check-in, in the order of
 * WEEK_TITLES.
 */
export async function seedWeek(user: SeededUser): Promise<{ ana: string; ben: string; deck: string; intro: string; digest: ReceivedDigest }> {
  // Last in touch 40 days ago; due again after their rhythm of 30 and 21 days.
  const ana = await seedContact(user.id, { name: "Ana Lima", address: "ana@lumen.studio", learnedCadenceDays: 30, nextCheckInAt: NOW - 10 * DAY_MS });
  const ben = await seedContact(user.id, { name: "Ben Okoro", address: "ben@okoro.dev", learnedCadenceDays: 21, nextCheckInAt: NOW - 19 * DAY_MS });
  // The promises are to other people: the digest merges one person's items into one entry.
  const carla = await seedContact(user.id, { name: "Carla Diaz", address: "carla@diaz.example", nextCheckInAt: null });
  const priya = await seedContact(user.id, { name: "Priya Nair", address: "priya@nair.example", nextCheckInAt: null });
  const deck = await seedTask(user.id, { title: "Send Carla the deck", contactId: carla, dueAt: NOW - DAY_MS });
  const intro = await seedTask(user.id, { title: "Introduce Ben to Priya", contactId: priya, dueAt: NOW + 3 * DAY_MS });
  const digest = await receiveDigest(user.id, DIGEST_AT);
  if (digest.titles.join("|") !== WEEK_TITLES.join("|")) throw new Error(`Tend's digest changed: ${digest.titles.join(", ")}`);
  return { ana, ben, deck, intro, digest };
}
