// record: a claimed digest's items are stored before the mail leaves (so a
// reply can always name them) and the send after it. A failure before the
// mail left releases the week for the queue's retry; a failure after it keeps
// the claim, because sending again would mail the digest twice.
import type { Database } from "../db/client.ts";
import type { DigestItem } from "../model.ts";
import { markDigestFailed, markDigestSent, recordDigestItems } from "../db/digest-claims.ts";
import { SendError } from "./send.ts";

export async function sendAndRecord(
  db: Database,
  digest: { id: string; userId: string; items: readonly DigestItem[]; now: number },
  send: () => Promise<{ messageId: string }>,
): Promise<void> {
  let messageId: string | null;
  try {
    await recordDigestItems(db, digest.id, digest.userId, digest.items);
    ({ messageId } = await send());
  } catch (error) {
    if (!(error instanceof SendError && error.delivered)) {
      await markDigestFailed(db, digest.id);
      throw error;
    }
    console.error(`tend: digest ${digest.id} was sent but not recorded in the outbox`, error);
    messageId = null;
  }
  await markDigestSent(db, digest.id, { sentAt: digest.now, messageId, itemCount: digest.items.length });
}
