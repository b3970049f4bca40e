// A digest as its user receives it: Tend's real scheduled() and queue()
// handlers send it with the Worker's clock at `at`, and the mail is read back
// with postal-mime. Replies in the action tests quote this mail.
import { env } from "cloudflare:workers";
import { digestIdOfReplyToken } from "../../src/lib/tokens.ts";
import { digestHarness } from "./digest-run.ts";
import type { SentMail } from "./worker.ts";

export interface ReceivedDigest {
  /** The digest mail as sent, with `parsed` from postal-mime. */
  mail: SentMail;
  id: string;
  /** Item ids and titles by position (item 1 first). */
  itemIds: string[];
  titles: string[];
  token: string;
  /** The Reply-To address the digest carries (tend+r.<token>@…). */
  replyAddress: string;
  messageId: string;
}

/** Makes `userId` due at `at` and runs the hourly cron and the digest job at that time. */
export async function receiveDigest(userId: string, at: number): Promise<ReceivedDigest> {
  await env.DB.prepare("update users set next_digest_at = ? where id = ?").bind(at, userId).run();
  const { runCron, runJobs, sent } = digestHarness({ now: () => at });
  await runJobs(await runCron(at));
  const mail = sent.at(-1);
  const replyAddress = mail?.parsed.replyTo?.[0]?.address ?? "";
  const token = replyAddress.match(/^tend\+r\.([^@]+)@/)?.[1];
  if (!mail || !token) throw new Error(`Tend sent no digest to user ${userId} at ${new Date(at).toISOString()}`);
  const id = digestIdOfReplyToken(token) ?? "";
  const { results } = await env.DB.prepare("select id, title from digest_items where digest_id = ? order by position")
    .bind(id)
    .all<{ id: string; title: string }>();
  return {
    mail,
    id,
    itemIds: results.map((row) => row.id),
    titles: results.map((row) => row.title),
    token,
    replyAddress,
    messageId: mail.messageId,
  };
}
