// How Tend reads a person's name, wherever it comes from (a mail header, a
// note, an address book), so a name matches the same contact every time.
import { isAddress } from "../lib/addresses.ts";

/**
 * How good a name is; a contact's name is replaced only by a better one.
 * 0 none · 1 derived from an address · 2 one word ("Greg") · 3 a full name.
 */
export function nameQuality(name: string | null): number {
  if (!name?.trim()) return 0;
  const clean = name.trim();
  if (isAddress(clean) || /^[a-z0-9._-]+$/.test(clean)) return 1;
  return clean.split(/\s+/).length >= 2 ? 3 : 2;
}

/** "Lima, Ana" (Outlook's Last, First) becomes "Ana Lima"; quotes and stray spaces go. */
export function cleanName(name: string | null): string | null {
  if (!name) return null;
  let clean = name.replace(/^["'\s]+|["'\s]+$/g, "").replace(/\s+/g, " ");
  const lastFirst = clean.match(/^([^,\s]+),\s*([^,]+)$/);
  if (lastFirst?.[1] && lastFirst[2]) clean = `${lastFirst[2]} ${lastFirst[1]}`;
  if (!clean || isAddress(clean)) return null;
  return clean;
}

export function nameKeys(name: string | null): { nameKey: string | null; firstNameKey: string | null } {
  const clean = cleanName(name);
  if (!clean) return { nameKey: null, firstNameKey: null };
  const key = clean.toLowerCase();
  return { nameKey: key, firstNameKey: key.split(" ")[0] ?? null };
}
