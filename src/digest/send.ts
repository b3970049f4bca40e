// send: signed links and reply address for one digest, the mail built through
// the outbox, and a clear answer to "did it leave?" when something fails.
import type { Config } from "../domain/config.ts";
import type { Database } from "../db/client.ts";
import { withSubaddress } from "../lib/addresses.ts";
import { linkToken, REPLY_TOKEN_PREFIX, replyToken } from "../lib/tokens.ts";
import type { OutgoingMail } from "../mail/build-mime.ts";
import { sendMail } from "../domain/outbox.ts";
import type { Mailer } from "../mail/transport.ts";
import { DAY_MS } from "../model.ts";
import { type ComposedItem, type ComposedMail, composeDigest, composeQuietWeek, type Letter } from "./compose.ts";
import type { RankedSuggestion } from "./rank.ts";

/** One-click links on items work until well after the next digests. */
export const ITEM_LINK_TTL_MS = 28 * DAY_MS;
/** Unsubscribing from an old digest should still work. */
export const UNSUBSCRIBE_LINK_TTL_MS = 365 * DAY_MS;

/** "open": the item's one link, to a page offering done, snooze, skip and never. The others are older digests' links. */
export type ItemAction = "open" | "done" | "snooze" | "skip";

export interface DigestToSend {
  digestId: string;
  user: { id: string; email: string; name: string | null; timeZone: string };
  /** Ranked items with the ids their digest_items rows will have. */
  items: readonly (RankedSuggestion & { id: string })[];
  /** Dated events past the cap, one line each: listed, never dropped. */
  alsoThisWeek?: readonly string[];
  asOf: number;
}

export interface SendDeps {
  config: Config;
  db: Database;
  mailer: Mailer;
  now: number;
}

/** A send that failed; `delivered` says whether the mail had already left. */
export class SendError extends Error {
  override name = "SendError";
  constructor(
    readonly delivered: boolean,
    cause: unknown,
  ) {
    super(`send failed ${delivered ? "after" : "before"} the mail left`, { cause });
  }
}

/**
 * Sends through the outbox and tells a failure before the mail left (safe to
 * retry) from one after it (the outbox could not record it; a retry would mail
 * twice).
 */
export async function sendTracked(deps: SendDeps, mail: OutgoingMail): Promise<{ messageId: string }> {
  let delivered = false;
  const mailer: Mailer = {
    async send(message) {
      await deps.mailer.send(message);
      delivered = true;
    },
  };
  try {
    const outcome = await sendMail({ db: deps.db, mailer, now: deps.now }, mail);
    if (outcome.status !== "sent") throw new Error(`the outbox did not send: ${outcome.status}`);
    return { messageId: outcome.messageId };
  } catch (error) {
    throw new SendError(delivered, error);
  }
}

async function itemLink(config: Config, itemId: string, expiresAt: number): Promise<string> {
  const action: ItemAction = "open";
  return `${config.publicUrl}/a/${await linkToken(config.signingKey, { subject: itemId, action, expiresAt })}`;
}

async function envelope(config: Config, digest: DigestToSend) {
  const token = await replyToken(config.signingKey, digest.user.id, digest.digestId);
  const unsubscribe = await linkToken(config.signingKey, {
    subject: digest.user.id,
    action: "unsubscribe",
    expiresAt: digest.asOf + UNSUBSCRIBE_LINK_TTL_MS,
  });
  const unsubscribeUrl = `${config.publicUrl}/u/${unsubscribe}`;
  const letter: Letter = {
    recipientName: digest.user.name,
    asOf: digest.asOf,
    timeZone: digest.user.timeZone,
    tendAddress: config.tendAddress,
    unsubscribeUrl,
  };
  return { letter, replyTo: withSubaddress(config.tendAddress, REPLY_TOKEN_PREFIX + token), unsubscribeUrl };
}

/** Builds and sends the digest, or the quiet-week note when it has no items. */
export async function sendDigest(deps: SendDeps, digest: DigestToSend): Promise<{ messageId: string }> {
  const { letter, replyTo, unsubscribeUrl } = await envelope(deps.config, digest);
  let composed: ComposedMail;
  if (digest.items.length === 0) {
    composed = composeQuietWeek(letter);
  } else {
    const expiresAt = digest.asOf + ITEM_LINK_TTL_MS;
    const items: ComposedItem[] = await Promise.all(
      digest.items.map(async (item) => ({
        position: item.position,
        section: item.section,
        title: item.title,
        reason: item.reason,
        quote: item.quote ?? null,
        link: await itemLink(deps.config, item.id, expiresAt),
      })),
    );
    composed = composeDigest(letter, items, digest.alsoThisWeek ?? []);
  }
  const mail: OutgoingMail = {
    kind: "digest",
    userId: digest.user.id,
    from: { name: "Tend", address: deps.config.tendAddress },
    to: { name: digest.user.name, address: digest.user.email },
    replyTo,
    subject: composed.subject,
    text: composed.text,
    html: composed.html,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };

  return sendTracked(deps, mail);
}
