// Signed tokens. A reply token rides in the digest's Reply-To subaddress
// (tend+r.<token>@…), so it is short and lower-case; a link token is a URL path
// segment scoped to one action on one subject, with an expiry.
import { mac, safeEqual } from "./signing.ts";

/** 60 bits of MAC: forging one needs ~2^60 tries against a mailbox that replies to none. */
const REPLY_MAC_CHARS = 12;
const LINK_MAC_CHARS = 22;
const TOKEN_PART = /^[a-z0-9]+$/;

/** tend+r.<token>@: a reply to a digest. */
export const REPLY_TOKEN_PREFIX = "r.";
/** tend+n.<token>@: a reply to an acknowledgement, correcting what was understood. */
export const CORRECTION_TOKEN_PREFIX = "n.";

/** tend+s.<token>@: a reply to a recurring reminder ("stop" ends it). */
export const REMINDER_TOKEN_PREFIX = "s.";

type Purpose = "reply" | "correction" | "reminder";

async function ownedToken(secret: string, purpose: Purpose, userId: string, id: string): Promise<string> {
  return `${id}.${await mac(secret, [purpose, userId, id], REPLY_MAC_CHARS)}`;
}

/** The id a reply or correction token names; check it with its verify function once the owner is known. */
function idOfToken(token: string): string | null {
  const [id, signature, ...rest] = token.toLowerCase().split(".");
  if (!id || !signature || rest.length > 0 || !TOKEN_PART.test(id)) return null;
  return id;
}

async function verifyOwnedToken(secret: string, purpose: Purpose, token: string, userId: string): Promise<boolean> {
  const id = idOfToken(token);
  if (!id) return false;
  return safeEqual(token.toLowerCase(), await ownedToken(secret, purpose, userId, id));
}

export function replyToken(secret: string, userId: string, digestId: string): Promise<string> {
  return ownedToken(secret, "reply", userId, digestId);
}

export const digestIdOfReplyToken = idOfToken;

export function verifyReplyToken(secret: string, token: string, userId: string): Promise<boolean> {
  return verifyOwnedToken(secret, "reply", token, userId);
}

export function correctionToken(secret: string, userId: string, interactionId: string): Promise<string> {
  return ownedToken(secret, "correction", userId, interactionId);
}

export const interactionIdOfCorrectionToken = idOfToken;

export function verifyCorrectionToken(secret: string, token: string, userId: string): Promise<boolean> {
  return verifyOwnedToken(secret, "correction", token, userId);
}

export function reminderToken(secret: string, userId: string, taskId: string): Promise<string> {
  return ownedToken(secret, "reminder", userId, taskId);
}

export const taskIdOfReminderToken = idOfToken;

export function verifyReminderToken(secret: string, token: string, userId: string): Promise<boolean> {
  return verifyOwnedToken(secret, "reminder", token, userId);
}

export interface LinkClaim {
  /** What is acted on: a digest item id, or a user id for "unsubscribe". */
  subject: string;
  action: string;
  expiresAt: number;
}

export async function linkToken(secret: string, claim: LinkClaim): Promise<string> {
  const expires = Math.floor(claim.expiresAt / 1000).toString(36);
  const signature = await mac(secret, ["link", claim.subject, claim.action, expires], LINK_MAC_CHARS);
  return `${claim.subject}.${claim.action}.${expires}.${signature}`;
}

export type LinkTokenCheck = { ok: true; claim: LinkClaim } | { ok: false; reason: "invalid" | "expired" };

export async function verifyLinkToken(secret: string, token: string, now: number): Promise<LinkTokenCheck> {
  const parts = token.split(".");
  const [subject, action, expires, signature] = parts;
  if (parts.length !== 4 || !subject || !action || !expires || !signature) return { ok: false, reason: "invalid" };
  if (![subject, action, expires].every((part) => TOKEN_PART.test(part))) return { ok: false, reason: "invalid" };
  const expected = await mac(secret, ["link", subject, action, expires], LINK_MAC_CHARS);
  if (!safeEqual(signature, expected)) return { ok: false, reason: "invalid" };
  const expiresAt = Number.parseInt(expires, 36) * 1000;
  if (expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, claim: { subject, action, expiresAt } };
}
