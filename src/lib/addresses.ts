import type { Mailbox } from "../model.ts";

/** Addresses compare case-insensitively; Tend stores them lower-cased and trimmed. */
export function normalizeAddress(address: string): string {
  return address.trim().replace(/^<|>$/g, "").toLowerCase();
}

export function isAddress(value: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(value);
}

export function domainOf(address: string): string {
  return normalizeAddress(address).split("@").pop() ?? "";
}

/** Splits `tend+3w@x` into its base `tend@x` and tag `3w` (null without a tag). */
export function splitSubaddress(address: string): { base: string; tag: string | null } {
  const normalized = normalizeAddress(address);
  const at = normalized.lastIndexOf("@");
  const local = normalized.slice(0, at);
  const domain = normalized.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus < 0) return { base: normalized, tag: null };
  return { base: `${local.slice(0, plus)}@${domain}`, tag: local.slice(plus + 1) || null };
}

export function withSubaddress(address: string, tag: string): string {
  const { base } = splitSubaddress(address);
  const at = base.lastIndexOf("@");
  return `${base.slice(0, at)}+${tag}@${base.slice(at + 1)}`;
}

export function formatMailbox(mailbox: Mailbox): string {
  if (!mailbox.name) return mailbox.address;
  const quoted = /[",.;:<>()[\]@\\]/.test(mailbox.name)
    ? `"${mailbox.name.replace(/(["\\])/g, "\\$1")}"`
    : mailbox.name;
  return `${quoted} <${mailbox.address}>`;
}

/** A readable name for a person: their name, else their address. */
export function displayName(person: { name: string | null; address: string | null }): string {
  return person.name ?? person.address ?? "someone";
}
