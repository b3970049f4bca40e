// The one wrapper around tldts: a domain's organizational domain (RFC 7489 §3.2),
// found with the public suffix list, for DMARC's relaxed alignment.
import { getDomain } from "tldts";

// A DNS name of LDH labels (or Unicode letters, for a From: domain written in
// UTF-8). tldts reads URLs and mailboxes leniently (`evil.com/gmail.com` has a
// domain), and the strings judged here come from headers anyone can write.
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?`;
const DOMAIN_NAME = new RegExp(`^(?:${LABEL}\\.)+${LABEL}$`, "u");

/**
 * The registrable domain under the public suffix, or null when `domain` is a
 * public suffix itself (`com`, `co.uk`, `github.io`), an IP address or not a
 * domain name at all. The list's private section counts too: two tenants of a
 * hosting domain (`a.github.io`, `b.github.io`) are different organizations.
 */
export function organizationalDomain(domain: string): string | null {
  const lower = domain.toLowerCase();
  if (!DOMAIN_NAME.test(lower)) return null;
  return getDomain(lower, { allowPrivateDomains: true, extractHostname: false });
}
