// The browser test: a locally running Tend sends a digest; Chromium opens its
// "done" link, sees a confirmation page that changes nothing, confirms, and the
// task is done in the local D1.
//
//   npm run test:e2e      (needs /usr/bin/chromium: apt-get install -y chromium)
import { existsSync } from "node:fs";
import PostalMime from "postal-mime";
import { type Browser, chromium } from "playwright-core";
import { z } from "zod";
import { LocalTend, waitFor } from "../../scripts/local-tend.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const OWNER = { name: "Sam Rivera", address: "sam.rivera@gmail.com" };
const ANA = { name: "Ana Lima", address: "ana@lumen.studio" };
const TEND = "tend@tend.example";
/** The queue consumer batches for up to 5 s (wrangler.toml); a digest takes well under this after that. */
const DIGEST_TIMEOUT_MS = 60_000;
const LOG_TAIL_CHARS = 4_000;

function step(text: string): void {
  console.info(`✓ ${text}`);
}

function threadToAna(date: Date): string {
  return [
    `From: ${OWNER.name} <${OWNER.address}>`,
    `To: ${ANA.name} <${ANA.address}>`,
    `Cc: Tend <${TEND}>`,
    "Subject: Great to meet you",
    `Date: ${date.toUTCString()}`,
    `Message-ID: <e2e-${date.getTime()}@mail.gmail.com>`,
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    "Hi Ana,",
    "",
    "Lovely to meet you at the climate meetup yesterday. I'll send you the deck by Friday.",
    "",
    "Sam",
    "",
  ].join("\r\n");
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  const tend = await LocalTend.start({ owners: [OWNER.address], tendAddress: TEND, signingKey: "e2e-signing-key-0123456789abcdef" });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    await scenario(tend, browser);
  } catch (error) {
    console.error(`--- wrangler dev output (last ${LOG_TAIL_CHARS} characters) ---\n${tend.log.slice(-LOG_TAIL_CHARS)}`);
    throw error;
  } finally {
    await browser.close();
    await tend.stop();
  }
}

async function scenario(tend: LocalTend, browser: Browser): Promise<void> {
  {
    step(`Tend is running at ${tend.url}`);

    await tend.deliver(threadToAna(new Date()), { from: OWNER.address, to: TEND });
    const [promise] = await waitFor("the promise to be stored", 20_000, async () => {
      const rows = await tend.query(
        "select id, title, status from tasks where kind = 'promise' order by created_at limit 1",
        z.object({ id: z.string(), title: z.string(), status: z.string() }),
      );
      return rows.length > 0 ? rows : null;
    });
    if (!promise) throw new Error("no promise task");
    step(`a CC'd thread became an open promise: “${promise.title}”`);

    const [user] = await tend.query("select next_digest_at from users", z.object({ next_digest_at: z.number() }));
    if (!user) throw new Error("no user was created");
    const sentBefore = tend.sentMail().length;
    await tend.fireCron(user.next_digest_at);
    step(`fired the cron at the user's digest time, ${new Date(user.next_digest_at).toISOString()}`);

    const digest = await waitFor("the digest to be sent (is the digest pipeline wired?)", DIGEST_TIMEOUT_MS, async () => {
      for (const file of tend.sentMail().slice(sentBefore)) {
        const parsed = await PostalMime.parse(await tend.readMail(file));
        if (parsed.headers.some((header) => header.key === "list-unsubscribe")) return { file, parsed };
      }
      return null;
    });
    step(`the digest was sent: ${digest.file}`);

    const [item] = await tend.query(
      `select id, position from digest_items where subject_key = 'task:${promise.id}'`,
      z.object({ id: z.string(), position: z.number() }),
    );
    if (!item) throw new Error("the promise is not in the digest");
    const body = `${digest.parsed.html ?? ""}\n${digest.parsed.text ?? ""}`;
    const link = body.match(new RegExp(`${tend.url.replace(/[.:/]/g, "\\$&")}/a/${item.id}\\.open\\.[a-z0-9.]+`))?.[0];
    if (!link) throw new Error(`no link for item ${item.position} in the digest`);
    step(`item ${item.position} has its link: ${link}`);

    const page = await browser.newPage();
    await page.goto(link);
    await page.getByRole("heading", { name: "What should Tend do with this?" }).waitFor();
    const lang = await page.locator("html").getAttribute("lang");
    if (lang !== "en" || !(await page.title()).includes("Tend")) throw new Error("the page lacks lang or title");
    const [afterGet] = await tend.query(`select status from tasks where id = '${promise.id}'`, z.object({ status: z.string() }));
    if (afterGet?.status !== "open") throw new Error(`opening the link changed the task to ${afterGet?.status}`);
    step("Chromium opened the link: a page offering done, snooze, skip and never, and the task is still open");

    await page.getByRole("button", { name: "Done", exact: true }).click();
    await page.getByRole("heading", { name: "Marked done" }).waitFor();
    step("confirmed in the browser: “Marked done”");

    const [task] = await tend.query(
      `select status, completed_at from tasks where id = '${promise.id}'`,
      z.object({ status: z.string(), completed_at: z.number().nullable() }),
    );
    const [state] = await tend.query(`select state from digest_items where id = '${item.id}'`, z.object({ state: z.string() }));
    if (task?.status !== "done" || task.completed_at === null || state?.state !== "done") {
      throw new Error(`after confirming, task is ${JSON.stringify(task)} and the item ${JSON.stringify(state)}`);
    }
    step("the task is done in the local D1, and the digest item too");

    // A GET, not a reload: reloading would re-send the POST (which would change nothing either).
    await page.goto(link);
    await page.getByRole("heading", { name: "Already done" }).waitFor();
    step("opening the link again shows “Already done”");

    const replyTo = digest.parsed.replyTo?.[0]?.address;
    if (!replyTo?.startsWith("tend+r.")) throw new Error(`the digest's Reply-To is ${replyTo ?? "missing"}`);
    const sentBeforeReply = tend.sentMail().length;
    await tend.deliver(replyToDigest(replyTo, digest.parsed.subject ?? "", digest.parsed.messageId ?? "", ["undo"]), {
      from: OWNER.address,
      to: replyTo,
    });
    await waitFor("the task to reopen after “undo”", 20_000, async () => {
      const [row] = await tend.query(`select status from tasks where id = '${promise.id}'`, z.object({ status: z.string() }));
      return row?.status === "open" ? true : null;
    });
    const confirmation = await waitFor("the confirmation of “undo”", 20_000, async () => {
      const [file] = tend.sentMail().slice(sentBeforeReply);
      return file ? PostalMime.parse(await tend.readMail(file)) : null;
    });
    if (!confirmation.text?.includes("Undone:")) throw new Error(`the confirmation says: ${confirmation.text ?? ""}`);
    step(`replied “undo” to the digest's Reply-To (${replyTo.split("@")[0] ?? ""}@…): the task is open again, and Tend confirmed it`);

    const listUnsubscribe = digest.parsed.headers.find((header) => header.key === "list-unsubscribe")?.value ?? "";
    const unsubscribeUrl = /<(https?:[^>]+)>/.exec(listUnsubscribe)?.[1];
    if (!unsubscribeUrl) throw new Error(`no https List-Unsubscribe URL in “${listUnsubscribe}”`);
    // What a mailbox provider does for RFC 8058 one-click unsubscribe.
    const response = await fetch(unsubscribeUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    const [unsubscribed] = await tend.query("select unsubscribed_at from users", z.object({ unsubscribed_at: z.number().nullable() }));
    if (response.status !== 200 || !unsubscribed?.unsubscribed_at) throw new Error(`one-click unsubscribe: ${response.status}`);
    step("a one-click POST (RFC 8058) to the digest's List-Unsubscribe URL unsubscribed the user");
  }
}

function replyToDigest(to: string, subject: string, inReplyTo: string, lines: string[]): string {
  const date = new Date();
  return [
    `From: ${OWNER.name} <${OWNER.address}>`,
    `To: Tend <${to}>`,
    `Subject: Re: ${subject}`,
    `Date: ${date.toUTCString()}`,
    `Message-ID: <e2e-reply-${date.getTime()}@mail.gmail.com>`,
    `In-Reply-To: ${inReplyTo}`,
    `References: ${inReplyTo}`,
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    ...lines,
    "",
    `On ${date.toUTCString()} Tend <${TEND}> wrote:`,
    "> 1. done 1",
    "",
  ].join("\r\n");
}

main().then(
  () => console.info("e2e: passed"),
  (error: unknown) => {
    console.error(`e2e: FAILED — ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
