// Adding an address to an account: Tend mails the user a code, and the address
// joins the account only when a message from it, passing the same
// authentication as any user's mail, carries that code. Only a hash of the
// code is stored.
import { base32 } from "../lib/ids.ts";

/** Long enough to set up a second mailbox after a weekend; short enough that an old mail cannot be replayed. */
export const ADDRESS_CONFIRM_TTL_DAYS = 3;
/** 80 bits: guessing a code by mailing Tend is hopeless, and the code fits on one line. */
const CODE_BYTES = 10;
const CODE_CHARS = 16;
/** Codes looked for in one message: each costs a hash, and a real confirmation carries one. */
const MAX_CODE_CANDIDATES = 8;

export function newConfirmationCode(): string {
  return base32(crypto.getRandomValues(new Uint8Array(CODE_BYTES)));
}

export async function hashConfirmationCode(code: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(code.toLowerCase())));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

const CODE = String.raw`[a-z2-7]{${CODE_CHARS}}`;

/** Words of a message that could be a code: "confirm address <code>" first, then any word shaped like one. */
export function codeCandidates(text: string): string[] {
  const lower = text.toLowerCase();
  const stated = [...lower.matchAll(new RegExp(String.raw`confirm\s+address\s+(${CODE})\b`, "g"))].flatMap((m) => (m[1] ? [m[1]] : []));
  const shaped = lower.match(new RegExp(String.raw`\b${CODE}\b`, "g")) ?? [];
  return [...new Set([...stated, ...shaped])].slice(0, MAX_CODE_CANDIDATES);
}
