// authorize: a reply acts only on the digest its token names, only for that
// digest's owner, and only while the digest is recent enough to mean what it says.
import type { ItemWithState, DigestRecord } from "../db/action-records.ts";
import { findDigestWithItems } from "../db/action-digest.ts";
import type { Database } from "../db/client.ts";
import { digestIdOfReplyToken, verifyReplyToken } from "../lib/tokens.ts";
import { DAY_MS } from "../model.ts";

/**
 * Replies to a digest older than this change nothing: its numbers point at
 * suggestions several digests stale, and an old thread answered by mistake must
 * not close today's tasks.
 */
export const DIGEST_REPLY_TTL_DAYS = 30;

export type ReplyAuthorization =
  | { ok: true; digest: DigestRecord; items: ItemWithState[] }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "expired"; sentAt: number };

export function digestSentAt(digest: DigestRecord): number {
  return digest.sentAt ?? digest.claimedAt;
}

export function isReplyExpired(digest: DigestRecord, now: number): boolean {
  return now - digestSentAt(digest) > DIGEST_REPLY_TTL_DAYS * DAY_MS;
}

export async function authorizeReply(
  db: Database,
  signingKey: string,
  userId: string,
  token: string,
  now: number,
): Promise<ReplyAuthorization> {
  const digestId = digestIdOfReplyToken(token);
  // The signature covers the owner: another user's token fails here, like a forged one.
  if (!digestId || !(await verifyReplyToken(signingKey, token, userId))) return { ok: false, reason: "invalid" };
  const found = await findDigestWithItems(db, userId, digestId);
  if (!found) return { ok: false, reason: "invalid" };
  if (isReplyExpired(found.digest, now)) return { ok: false, reason: "expired", sentAt: digestSentAt(found.digest) };
  return { ok: true, ...found };
}
