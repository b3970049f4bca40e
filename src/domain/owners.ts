// Who this deployment serves: OWNERS lists addresses, and `*@company.com`
// names every address at one domain (a team deployment). Read on every
// message, so taking someone out of OWNERS revokes them at once.
import { domainOf, normalizeAddress } from "../lib/addresses.ts";

const WILDCARD = "*@";

/** The address is listed in OWNERS, or its exact domain is (`*@company.com`; subdomains are not included). */
export function isOwner(owners: readonly string[], address: string): boolean {
  const normalized = normalizeAddress(address);
  const domain = domainOf(normalized);
  return owners.some((owner) => owner === normalized || (owner.startsWith(WILDCARD) && owner.slice(WILDCARD.length) === domain));
}
