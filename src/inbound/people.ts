// Who is in a message, and how much to trust the names we were given.
import { isAddress, normalizeAddress } from "../lib/addresses.ts";
import type { Mailbox, Participant, Role } from "../model.ts";
import { MAX_PEOPLE_PER_MESSAGE } from "./limits.ts";

// Name rules are shared with the address-book import: one reading of a name everywhere.
import { cleanName, nameKeys, nameQuality } from "../domain/person-names.ts";

export { cleanName, nameKeys, nameQuality };

// When one person appears twice, the more telling role wins.
const ROLE_RANK: Record<Role, number> = {
  introducer: 7,
  introduced: 6,
  from: 5,
  attendee: 4,
  to: 3,
  cc: 2,
  mentioned: 1,
};

export interface PeopleFilter {
  /** Addresses that are not contacts: the user's own and Tend's. */
  isExcluded(address: string): boolean;
}

/** Merges people by address (or by name when there is none), keeps the best name and role, caps the count. */
export function collectPeople(entries: readonly Participant[], filter: PeopleFilter): Participant[] {
  const byKey = new Map<string, Participant>();
  for (const entry of entries) {
    const address = entry.address ? normalizeAddress(entry.address) : null;
    if (address && (!isAddress(address) || filter.isExcluded(address))) continue;
    const name = cleanName(entry.name);
    if (!address && !name) continue;
    const key = address ?? `name:${name?.toLowerCase()}`;
    const existing = byKey.get(key);
    if (!existing) {
      if (byKey.size >= MAX_PEOPLE_PER_MESSAGE) continue;
      byKey.set(key, { name, address, role: entry.role });
      continue;
    }
    byKey.set(key, {
      name: nameQuality(name) > nameQuality(existing.name) ? name : existing.name,
      address,
      role: ROLE_RANK[entry.role] > ROLE_RANK[existing.role] ? entry.role : existing.role,
    });
  }
  return [...byKey.values()];
}

export function withRole(mailboxes: readonly Mailbox[], role: Role): Participant[] {
  return mailboxes.map((m) => ({ name: m.name, address: m.address, role }));
}

const MENTIONED_ADDRESS = /(?:([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})\s*[<([]\s*)?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/gu;

/** People written into the text with their address: "Ana Lima <ana@x.com>", "Ben (ben@y.vc)". */
export function mentionedByAddress(text: string): Participant[] {
  const people: Participant[] = [];
  for (const match of text.matchAll(MENTIONED_ADDRESS)) {
    if (match[2]) people.push({ name: match[1] ?? null, address: match[2], role: "mentioned" });
  }
  return people;
}

const NOT_NAMES = new Set(
  "I,I'm,I'll,I've,We,We're,You,He,She,They,It,The,A,An,And,But,So,Hi,Hey,Hello,Dear,Thanks,Thank,Best,Cheers,Regards,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday,January,February,March,April,May,June,July,August,September,October,November,December,Today,Tomorrow,Yesterday,Also,Re,Fwd,Fw,Sent,From,To,Cc,Subject,Date,Call,Coffee,Lunch,Dinner,Meeting,Notes,Next,Follow,Please,Let,Just,Great,Good,Met,Meet,Spoke,Talked,Caught,Saw,Had,Called,Emailed,Chatted,Quick,Intro,Introducing,This,That,Our,My,Her,His,Their,If,When,What,Why,How,Who".split(
    ",",
  ),
);

/** How many contacts one message's name lookup may read; beyond it, first names are ambiguous. */
export const MAX_MENTION_MATCHES = 40;

/**
 * Which looked-up contacts a text really mentions: a full-name match, or a first
 * name that only one contact has. When the lookup hit its cap, first names are
 * never trusted: another contact with the same first name may exist unseen.
 */
export function mentionedContacts<T extends { nameKey: string | null; firstNameKey: string | null }>(
  names: readonly string[],
  found: readonly T[],
  cap: number = MAX_MENTION_MATCHES,
): T[] {
  const wanted = new Set(names);
  const exact = found.filter((c) => c.nameKey !== null && wanted.has(c.nameKey));
  if (found.length >= cap) return exact;
  const byFirst = new Map<string, T[]>();
  for (const contact of found) {
    if (!contact.firstNameKey || !wanted.has(contact.firstNameKey)) continue;
    byFirst.set(contact.firstNameKey, [...(byFirst.get(contact.firstNameKey) ?? []), contact]);
  }
  const unique = [...byFirst.values()].flatMap((group) => (group.length === 1 ? group : []));
  return [...new Set([...exact, ...unique])];
}

/** Capitalised words that may be someone's name, to look up among known contacts. */
export function nameCandidates(text: string, limit = 20): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b[\p{Lu}][\p{Ll}'’-]+(?:\s+[\p{Lu}][\p{Ll}'’-]+)?/gu)) {
    const words = match[0].split(/\s+/).filter((w) => !NOT_NAMES.has(w.replace(/['’]s$/, "")));
    if (words.length === 0) continue;
    const name = words.join(" ").replace(/['’]s$/, "").toLowerCase();
    found.add(name);
    // "Ana Lima" in the text may be stored as just "Ana".
    found.add(name.split(" ")[0] ?? name);
    if (found.size >= limit) break;
  }
  return [...found];
}
