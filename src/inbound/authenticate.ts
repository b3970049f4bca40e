// authenticate: the From: address is the sender only if the message names
// exactly one author and the topmost Authentication-Results, stamped by
// Cloudflare's MX, shows DMARC (or aligned DKIM) passing for that address's
// domain. Headers below the topmost one were written by earlier hops, which
// anyone can forge.
import { domainOf, normalizeAddress } from "../lib/addresses.ts";
import type { Mailbox } from "../model.ts";
import { organizationalDomain } from "./organizational-domain.ts";
import { parseAddressList } from "./parse-email.ts";

export const CLOUDFLARE_AUTHSERV_ID = "mx.cloudflare.net";

export type Authentication =
  | { ok: true; sender: Mailbox; relaxed: boolean }
  | { ok: false; reason: string };

interface MethodResult {
  method: string;
  result: string;
  props: Map<string, string>;
}

/**
 * Splits a header value at the `;` between results (RFC 8601 §2.2), dropping
 * comments and keeping quoted strings whole: a `;` or `(` inside
 * `smtp.mailfrom="x;dkim=pass header.d=gmail.com"@evil.example` is the
 * sender's text, not Cloudflare's structure. Null when a quoted string or a
 * comment never closes, since then the reader cannot tell which is which.
 */
function splitResults(value: string): string[] | null {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  let commentDepth = 0;
  let escaped = false;
  for (const char of value) {
    if (escaped) {
      escaped = false;
      if (quoted) current += char;
    } else if (char === "\\" && (quoted || commentDepth > 0)) {
      escaped = true;
      if (quoted) current += char;
    } else if (quoted) {
      current += char;
      if (char === '"') quoted = false;
    } else if (commentDepth > 0) {
      if (char === "(") commentDepth++;
      else if (char === ")") commentDepth--;
    } else if (char === "(") {
      commentDepth = 1;
      current += " ";
    } else if (char === '"') {
      quoted = true;
      current += char;
    } else if (char === ";") {
      parts.push(current);
      current = "";
    } else current += char;
  }
  if (quoted || commentDepth > 0 || escaped) return null;
  parts.push(current);
  return parts;
}

/** Words of one result, with `=` a word of its own so `dmarc = pass` reads as `dmarc=pass`. */
function words(part: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  let escaped = false;
  const flush = () => {
    if (current) out.push(current);
    current = "";
  };
  for (const char of part) {
    if (quoted) {
      current += char;
      if (escaped) escaped = false;
      else if (char === "\\") escaped = true;
      else if (char === '"') quoted = false;
    } else if (char === '"') {
      quoted = true;
      current += char;
    } else if (/\s/.test(char)) flush();
    else if (char === "=") {
      flush();
      out.push("=");
    } else current += char;
  }
  flush();
  return out;
}

function unquote(value: string): string {
  return /^".*"$/s.test(value) ? value.slice(1, -1).replace(/\\(.)/gs, "$1") : value;
}

/**
 * Reads an Authentication-Results value; null when a quote or comment never
 * closes. A property given twice in one result (`header.d=com
 * header.d=gmail.com`) means whichever one a reader keeps, so it is dropped
 * and that result can no longer pass anything.
 */
export function parseAuthenticationResults(value: string): { authservId: string; results: MethodResult[] } | null {
  const parts = splitResults(value);
  if (!parts) return null;
  const [head = "", ...resinfos] = parts;
  const authservId = (head.trim().split(/\s+/)[0] ?? "").toLowerCase();
  const results: MethodResult[] = [];
  for (const resinfo of resinfos) {
    const [method, eq, result, ...rest] = words(resinfo);
    const methodName = method?.match(/^([a-z0-9-]+)(?:\/\d+)?$/i)?.[1];
    if (!methodName || eq !== "=" || !result || !/^[a-z]+$/i.test(result)) continue;
    const props = new Map<string, string>();
    const repeated = new Set<string>();
    let i = 0;
    while (i < rest.length) {
      const [key, sign, propValue] = [rest[i], rest[i + 1], rest[i + 2]];
      if (!key || key === "=" || sign !== "=" || propValue === undefined || propValue === "=") {
        i++;
        continue;
      }
      const name = key.toLowerCase();
      if (props.has(name) || repeated.has(name)) {
        props.delete(name);
        repeated.add(name);
      } else props.set(name, unquote(propValue).toLowerCase());
      i += 3;
    }
    results.push({ method: methodName.toLowerCase(), result: result.toLowerCase(), props });
  }
  return { authservId, results };
}

/**
 * Relaxed alignment (RFC 7489 §3.1.1): the organizational domains, found with
 * the public suffix list, are equal. A public suffix has no organizational
 * domain, so `header.d=com` aligns with nothing.
 */
function aligned(fromDomain: string, authenticatedDomain: string | undefined): boolean {
  if (!authenticatedDomain) return false;
  const organization = organizationalDomain(fromDomain);
  return organization !== null && organization === organizationalDomain(authenticatedDomain);
}

/**
 * A display name that holds an address of its own is a second author in
 * disguise: postal-mime reads `sam@x mallory@x` as Sam, and the client that
 * wrote or signed it may have meant Mallory.
 */
function nameHidesAnotherAddress(sender: Mailbox): boolean {
  for (const match of sender.name?.matchAll(/[^\s<>()[\],;:"']+@[^\s<>()[\],;:"']+/g) ?? []) {
    if (normalizeAddress(match[0]) !== sender.address) return true;
  }
  return false;
}

/**
 * The one author, read from the raw header list rather than a parser's choice:
 * postal-mime keeps the first mailbox of the first From:, so a second From:
 * (perhaps the one DKIM signed), a second mailbox or a group would otherwise
 * be read as the owner. RFC 5322 §3.6 allows one From: field; DMARC (RFC 7489
 * §6.6.1) leaves several authors to local policy, and Tend's is to refuse.
 */
function soleAuthor(headers: AuthenticateInput["headers"]): { ok: true; sender: Mailbox } | { ok: false; reason: string } {
  const fromHeaders = headers.filter((h) => h.key === "from");
  const [fromHeader] = fromHeaders;
  if (!fromHeader || fromHeaders.length > 1) return { ok: false, reason: "the message must carry exactly one From: header" };
  const list = parseAddressList(fromHeader.value);
  const [sender, ...others] = list.mailboxes;
  if (!sender || others.length > 0 || list.groups.length > 0 || list.malformed > 0 || nameHidesAnotherAddress(sender)) {
    return { ok: false, reason: "the From: header must name exactly one address" };
  }
  return { ok: true, sender };
}

export interface AuthenticateInput {
  /** Every header in order, top first, keys lower-cased, duplicates kept. */
  headers: readonly { key: string; value: string }[];
  /** Local development only: accept From: without Cloudflare's verdict. */
  allowUnauthenticated: boolean;
}

export function authenticateSender(input: AuthenticateInput): Authentication {
  const author = soleAuthor(input.headers);
  if (!author.ok) return author;
  const { sender } = author;
  if (input.allowUnauthenticated) return { ok: true, sender, relaxed: true };

  const topmost = input.headers.find((h) => h.key === "authentication-results");
  if (!topmost) return { ok: false, reason: "the message carries no Authentication-Results" };
  const parsed = parseAuthenticationResults(topmost.value);
  if (!parsed) return { ok: false, reason: "the topmost Authentication-Results could not be read" };
  const { authservId, results } = parsed;
  if (authservId !== CLOUDFLARE_AUTHSERV_ID) {
    return { ok: false, reason: "the topmost Authentication-Results was not written by Cloudflare" };
  }
  // DMARC is evaluated once per message, for its one From: domain, so a
  // second dmarc= result can only be a line someone else folded in; which of
  // the two is Cloudflare's cannot be told, so neither is believed.
  // DKIM differs: RFC 8601 §2.7.1 and its Appendix B report one dkim= result
  // per signature, a message may carry several (the author's, a list's, an
  // ESP's), and a failing one does not undo a passing one (RFC 6376 §6.1,
  // RFC 7489 §4.2: DMARC passes if any aligned signature verifies). So several
  // dkim= results are allowed, and only a passing, aligned one counts.
  const dmarc = results.filter((r) => r.method === "dmarc");
  if (dmarc.length > 1) return { ok: false, reason: "the topmost Authentication-Results carries more than one dmarc result" };
  const fromDomain = domainOf(sender.address);
  const dmarcPass = dmarc.some((r) => r.result === "pass" && r.props.get("header.from") === fromDomain);
  const dkimPass = results.some(
    (r) => r.method === "dkim" && r.result === "pass" && aligned(fromDomain, r.props.get("header.d")),
  );
  if (dmarcPass || dkimPass) return { ok: true, sender, relaxed: false };
  return { ok: false, reason: `neither DMARC nor aligned DKIM passed for ${fromDomain}` };
}
