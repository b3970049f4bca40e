// Merging one chunk of an address book into the user's contacts: a pure step.
// A row joins the contact that owns one of its addresses; a row without an
// address joins the one contact of that name; otherwise it is a new contact.
// A non-empty value from the file replaces the stored one (the latest export
// knows the current job); an empty one never erases. Importing the same file
// twice therefore finds every row unchanged.
import type { ContactProfile, ExistingContact, ImportChunkWrite, NewImportedContact } from "../../db/import-contacts.ts";
import type { ImportedContact, ImportProblem } from "../../db/import-runs.ts";
import { nameKeys, nameQuality } from "../../domain/person-names.ts";

export interface ChunkInput {
  rows: readonly ImportedContact[];
  /** Stored contacts owning any of the rows' addresses. */
  byAddress: ReadonlyMap<string, ExistingContact>;
  /** Stored contacts whose name key is one of the rows' name keys. */
  byName: readonly ExistingContact[];
  newId: () => string;
  /** When the `index`-th person this chunk adds first comes up for a check-in. */
  checkInAt: (index: number) => number;
}

export type ChunkPlan = Pick<ImportChunkWrite, "counts" | "newContacts" | "addresses" | "renames" | "primaryAddresses" | "profiles"> & {
  /** Rows that could not be placed (a name shared by several contacts), by line. */
  problems: ImportProblem[];
};

interface Working {
  id: string;
  isNew: boolean;
  name: string | null;
  nameQuality: number;
  nameKey: string | null;
  primaryAddress: string | null;
  profile: ContactProfile | null;
  renamed: boolean;
  profileChanged: boolean;
  gotPrimary: boolean;
}

const PROFILE_FIELDS = ["company", "position", "notes", "birthday", "connectedOn"] as const;

function mergedProfile(stored: ContactProfile | null, row: ImportedContact): ContactProfile | null {
  const merged: ContactProfile = {
    company: row.company ?? stored?.company ?? null,
    position: row.position ?? stored?.position ?? null,
    notes: row.notes ?? stored?.notes ?? null,
    birthday: row.birthday ?? stored?.birthday ?? null,
    connectedOn: row.connectedOn ?? stored?.connectedOn ?? null,
  };
  return PROFILE_FIELDS.some((f) => merged[f] !== null) ? merged : null;
}

function sameProfile(a: ContactProfile | null, b: ContactProfile | null): boolean {
  return PROFILE_FIELDS.every((f) => (a?.[f] ?? null) === (b?.[f] ?? null));
}

export function planImportChunk(input: ChunkInput): ChunkPlan {
  const plan: ChunkPlan = {
    counts: { added: 0, merged: 0, unchanged: 0 },
    newContacts: [],
    addresses: [],
    renames: [],
    primaryAddresses: [],
    profiles: [],
    problems: [],
  };
  const working = new Map<string, Working>();
  const owner = new Map<string, Working>();
  const named = new Map<string, Working[]>();
  const track = (contact: Working) => {
    working.set(contact.id, contact);
    if (contact.nameKey) named.set(contact.nameKey, [...(named.get(contact.nameKey) ?? []), contact]);
    return contact;
  };
  const fromStored = (c: ExistingContact): Working =>
    working.get(c.id) ?? track({ ...c, isNew: false, renamed: false, profileChanged: false, gotPrimary: false });
  for (const [address, contact] of input.byAddress) owner.set(address, fromStored(contact));
  for (const contact of input.byName) fromStored(contact);

  for (const row of input.rows) {
    const keys = nameKeys(row.name);
    let target = row.addresses.map((a) => owner.get(a)).find((c) => c !== undefined);
    if (!target && keys.nameKey) {
      // By name only where an address is missing: the row has none, or the one stored contact of that name has none.
      const sameName = named.get(keys.nameKey) ?? [];
      const candidates = row.addresses.length === 0 ? sameName : sameName.filter((c) => c.primaryAddress === null);
      if (candidates.length === 1) target = candidates[0];
      else if (candidates.length > 1 && row.addresses.length === 0) {
        plan.problems.push({ line: row.line, reason: `${candidates.length} people are called ${row.name ?? ""}; add an e-mail address to say which` });
        continue;
      }
    }

    if (!target) {
      const contact = track({
        id: input.newId(),
        isNew: true,
        name: row.name,
        nameQuality: nameQuality(row.name),
        nameKey: keys.nameKey,
        primaryAddress: row.addresses[0] ?? null,
        profile: mergedProfile(null, row),
        renamed: false,
        profileChanged: false,
        gotPrimary: false,
      });
      const written: NewImportedContact = {
        id: contact.id,
        name: row.name,
        nameQuality: contact.nameQuality,
        nameKey: keys.nameKey,
        firstNameKey: keys.firstNameKey,
        primaryAddress: contact.primaryAddress,
        nextCheckInAt: input.checkInAt(plan.counts.added),
      };
      plan.newContacts.push(written);
      for (const address of row.addresses) {
        owner.set(address, contact);
        plan.addresses.push({ address, contactId: contact.id });
      }
      plan.counts.added++;
      continue;
    }

    let changed = false;
    const quality = nameQuality(row.name);
    if (row.name && quality > target.nameQuality) {
      Object.assign(target, { name: row.name, nameQuality: quality, nameKey: keys.nameKey, renamed: !target.isNew });
      if (target.isNew) Object.assign(plan.newContacts.find((c) => c.id === target.id) ?? {}, { name: row.name, nameQuality: quality, ...keys });
      changed = true;
    }
    for (const address of row.addresses) {
      if (owner.has(address)) continue;
      owner.set(address, target);
      plan.addresses.push({ address, contactId: target.id });
      if (target.primaryAddress === null) {
        target.primaryAddress = address;
        if (target.isNew) Object.assign(plan.newContacts.find((c) => c.id === target.id) ?? {}, { primaryAddress: address });
        else target.gotPrimary = true;
      }
      changed = true;
    }
    const profile = mergedProfile(target.profile, row);
    if (!sameProfile(profile, target.profile)) {
      target.profile = profile;
      target.profileChanged = true;
      changed = true;
    }
    if (changed) plan.counts.merged++;
    else plan.counts.unchanged++;
  }

  for (const contact of working.values()) {
    if (contact.renamed && contact.name) {
      const keys = nameKeys(contact.name);
      plan.renames.push({ id: contact.id, name: contact.name, nameQuality: contact.nameQuality, ...keys });
    }
    if (contact.gotPrimary && contact.primaryAddress) plan.primaryAddresses.push({ id: contact.id, address: contact.primaryAddress });
    if ((contact.isNew || contact.profileChanged) && contact.profile) plan.profiles.push({ contactId: contact.id, ...contact.profile });
  }
  return plan;
}
