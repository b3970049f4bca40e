import type { Mailbox } from "../model.ts";

/**
 * An internationalised domain in its one ASCII form: "münchen.de" and
 * "xn--mnchen-3ya.de" are the same domain and must be the same contact. The URL
 * parser applies IDNA (UTS 46) to a host; anything it could read as more than
 * a host (a path, a port, a user, an escape) is left for isAddress to refuse.
 */
function asciiDomain(domain: string): string {
  if (/^[\x21-\x7e]*$/.test(domain) || /[/?#:@\\%\s[\]]/.test(domain)) return domain;
  try {
    return new URL(`http://${domain}`).hostname;
  } catch {
    return domain;
  }
}

/** Addresses compare case-insensitively; Tend stores them lower-cased and trimmed, the domain in ASCII. */
export function normalizeAddress(address: string): string {
  const lower = address.trim().replace(/^<|>$/g, "").toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at < 0) return lower;
  return `${lower.slice(0, at)}@${asciiDomain(lower.slice(at + 1))}`;
}

/**
 * An address Tend can store. Never one with U+FFFD (bytes in another charset
 * read as UTF-8: "j\uFFFDrg@m\uFFFDnchen.de" is nobody's address) or control characters.
 */
export function isAddress(value: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(value) && !/[\uFFFD\p{Cc}]/u.test(value);
}

export function domainOf(address: string): string {
  return normalizeAddress(address).split("@").pop() ?? "";
}

/** Splits `tend+3w@x` into its base `tend@x` and tag `3w` (null without a tag). */
export function splitSubaddress(address: string): { base: string; subaddress: string | null } {
  const normalized = normalizeAddress(address);
  const at = normalized.lastIndexOf("@");
  const local = normalized.slice(0, at);
  const domain = normalized.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus < 0) return { base: normalized, subaddress: null };
  return { base: `${local.slice(0, plus)}@${domain}`, subaddress: local.slice(plus + 1) || null };
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
