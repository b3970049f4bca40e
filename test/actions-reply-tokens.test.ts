// A reply acts only on the digest its token names, only for its owner, only while recent.
import { beforeEach, describe, expect, it } from "vitest";
import { DIGEST_REPLY_TTL_DAYS } from "../src/actions/authorize-reply.ts";
import { DAY_MS } from "../src/model.ts";
import { actionSnapshot, itemStates } from "./helpers/action-rows.ts";
import { gmailReply, outlookReply } from "./helpers/client-replies.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { receiveDigest } from "./helpers/received-digest.ts";
import { clock, DIGEST_AT, seedDigest, seedTask, seedUser, seedWeek } from "./helpers/seed-actions.ts";
import { testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const SAM = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const PRIYA = { name: "Priya Natarajan", address: "priya.natarajan@outlook.com" };

/** The digest Tend sent `daysAgo` days before this week's, about one overdue promise. */
async function digestFrom(userId: string, daysAgo: number) {
  const at = DIGEST_AT - daysAgo * DAY_MS;
  await seedTask(userId, { title: "Send Ana the deck", dueAt: at - DAY_MS });
  return receiveDigest(userId, at);
}

function tamper(token: string): string {
  const last = token.at(-1) === "a" ? "b" : "a";
  return `${token.slice(0, -1)}${last}`;
}

describe("reply tokens", () => {
  it("a tampered token changes nothing and the user is told", async () => {
    const user = await seedUser(SAM.address, SAM.name);
    const { digest } = await seedWeek(user);
    const before = await actionSnapshot();
    const { deliver, sent } = testWorker({ now: clock });
    const to = `tend+r.${tamper(digest.token)}@tend.example`;
    const delivered = await deliver(gmailReply(digest.mail, SAM, ["done all"], { to }), { from: SAM.address, to });

    expect(delivered.rejection).toBeNull();
    expect(await actionSnapshot()).toEqual(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.parsed.to?.[0]?.address).toBe(SAM.address);
    expect(sent[0]?.parsed.text).toContain("I could not match your reply to one of your digests");
    expect(sent[0]?.parsed.text).toContain("Nothing was changed.");
  });

  it("a token naming another digest id with the right shape changes nothing", async () => {
    const user = await seedUser(SAM.address, SAM.name);
    const { digest } = await seedWeek(user);
    // Another digest of the same user; only its id matters, so its row is written directly.
    const other = await seedDigest(user.id, [{ subjectKey: `task:${await seedTask(user.id, { title: "Other" })}`, title: "Other" }]);
    const before = await actionSnapshot();
    const { deliver } = testWorker({ now: clock });
    // The other digest's id with this digest's signature.
    const forged = `${other.id}.${digest.token.split(".")[1] ?? ""}`;
    const to = `tend+r.${forged}@tend.example`;
    await deliver(gmailReply(digest.mail, SAM, ["done 1"], { to }), { from: SAM.address, to });
    expect(await actionSnapshot()).toEqual(before);
  });

  it("another user's token changes nothing, even sent by a registered user", async () => {
    const sam = await seedUser(SAM.address, SAM.name);
    const { digest } = await seedWeek(sam);
    await seedUser(PRIYA.address, PRIYA.name);
    const before = await actionSnapshot();
    const { deliver, sent } = testWorker({ now: clock });
    // Sam forwarded his digest; Priya replies to it.
    await deliver(outlookReply(digest.mail, PRIYA, ["done 1", "never 4"]), {
      from: PRIYA.address,
      to: digest.replyAddress,
    });

    expect(await actionSnapshot()).toEqual(before);
    expect(await itemStates(digest.id)).toEqual(["open", "open", "open", "open"]);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.parsed.to?.[0]?.address).toBe(PRIYA.address);
    expect(sent[0]?.parsed.text).toContain("Nothing was changed.");
  });

  it(`a digest older than ${DIGEST_REPLY_TTL_DAYS} days changes nothing`, async () => {
    const user = await seedUser(SAM.address, SAM.name);
    const old = await digestFrom(user.id, DIGEST_REPLY_TTL_DAYS + 1);
    expect(old.titles).toEqual([expect.stringMatching(/^You said you'd send Ana the deck; was due /)]);
    const before = await actionSnapshot();
    const { deliver, sent } = testWorker({ now: clock });
    await deliver(gmailReply(old.mail, SAM, ["done 1"], { at: clock() }), { from: SAM.address, to: old.replyAddress });

    expect(await actionSnapshot()).toEqual(before);
    expect(sent[0]?.parsed.text).toContain(`more than ${DIGEST_REPLY_TTL_DAYS} days ago`);
    expect(sent[0]?.parsed.text).toContain("Reply to your latest digest instead.");
  });

  it("a digest just inside the limit still works, and an upper-cased token too", async () => {
    const user = await seedUser(SAM.address, SAM.name);
    const recent = await digestFrom(user.id, DIGEST_REPLY_TTL_DAYS - 1);
    const { deliver } = testWorker({ now: clock });
    const to = `tend+r.${recent.token.toUpperCase()}@tend.example`;
    await deliver(gmailReply(recent.mail, SAM, ["done 1"], { to, at: clock() }), { from: SAM.address, to });
    expect(await itemStates(recent.id)).toEqual(["done"]);
  });

  it("a stranger using a valid token is refused at the trust boundary, and nothing is written", async () => {
    const user = await seedUser(SAM.address, SAM.name);
    const { digest } = await seedWeek(user);
    const before = await actionSnapshot();
    const { deliver, sent } = testWorker({ now: clock });
    const stranger = { name: "Mallory", address: "mallory@evil.example" };
    const delivered = await deliver(gmailReply(digest.mail, stranger, ["done all"]), {
      from: stranger.address,
      to: digest.replyAddress,
    });
    expect(delivered.rejection).not.toBeNull();
    expect(await actionSnapshot()).toEqual(before);
    expect(sent).toEqual([]);
  });
});
