// npm run demo: Tend end to end on this machine, with no account.
//
// Starts the Worker with `wrangler dev` on a fresh local D1 (migrations
// applied), delivers real mail from test/fixtures through the local Email
// Routing endpoint, fires the hourly cron as of a week later, waits for the
// queue consumer, then prints each digest as text and saves it as .eml and
// .html. Then Ana answers Sam's introduction with reply-all (as Gmail writes
// it), moving Sam to Bcc: Tend logs her turn instead of bouncing her, and the
// digest a few weeks on prints the close-the-loop item that changed. Stops
// wrangler before it exits.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import PostalMime, { type Email } from "postal-mime";
import { gmailReplyAll } from "../test/helpers/participant-replies.ts";
import { LocalTend } from "./local-tend.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const FIXTURES = path.join(ROOT, "test", "fixtures");
const TEND = "tend@tend.example";
const SAM = "sam.rivera@gmail.com";
const PRIYA = "priya.natarajan@outlook.com";
const JON = "jon.okafor@icloud.com";
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** How long to wait for the queue to deliver digests (generous: wrangler shares the machine with whatever else runs). */
const DIGEST_TIMEOUT_MS = 90_000;
const ANA = { name: "Ana Lima", address: "ana@lumen.studio" };
/** The introduction Ana answers. */
const INTRO_FIXTURE = "gmail-intro-cc.eml";

const DELIVERIES = [
  { file: "gmail-intro-cc.eml", from: SAM, to: TEND, what: "Gmail: Sam introduces Ana and Ben, Tend in Cc" },
  { file: "gmail-notes-to-tend.eml", from: SAM, to: TEND, what: "Gmail: Sam's notes after coffee with Ana" },
  { file: "gmail-forwarded-intro.eml", from: SAM, to: TEND, what: "Gmail: Ana's intro of Sam to Carla, forwarded" },
  { file: "gmail-follow-up-3d.eml", from: SAM, to: "tend+3d@tend.example", what: "Gmail: follow up in 3 days, Tend in Bcc" },
  { file: "outlook-forwarded-notes.eml", from: PRIYA, to: TEND, what: "Outlook: forwarded notes with a promise and a need" },
  { file: "apple-mail-bcc-thread.eml", from: JON, to: TEND, what: "Apple Mail: a thread with Tend in Bcc" },
] as const;

function say(line = ""): void {
  process.stdout.write(`${line}\n`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The fixtures are dated November 2026. Run later, they move forward by whole
 * weeks (weekdays, and so "by Friday", stay true) to end a day before now.
 */
function shiftDates(raw: Buffer, shiftMs: number): Buffer {
  if (shiftMs === 0) return raw;
  const text = raw.toString("latin1");
  const headerEnd = text.search(/\r?\n\r?\n/);
  const header = text.slice(0, headerEnd).replace(/^Date: (.+)$/m, (_line, value: string) => {
    const offset = value.match(/([+-])(\d\d)(\d\d)\s*$/);
    const sign = offset?.[1] === "-" ? -1 : 1;
    const offsetMs = offset ? sign * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000 : 0;
    const local = new Date(Date.parse(value) + shiftMs + offsetMs);
    const day = local.toUTCString().replace(/ GMT$/, "");
    return `Date: ${day} ${offset ? offset[0].trim() : "+0000"}`;
  });
  return Buffer.from(header + text.slice(headerEnd), "latin1");
}

function fixtureDate(raw: Buffer): number {
  const match = raw.toString("latin1").match(/^Date: (.+)$/m);
  return match?.[1] ? Date.parse(match[1]) : Number.NaN;
}

function isDigest(email: Email): boolean {
  return email.headers.some((h) => h.key === "list-unsubscribe") && (email.subject ?? "").startsWith("Tend:");
}

/** Waits for the next digest to `to` among the mail wrangler writes; `seen` are files already read. */
async function nextDigestTo(tend: LocalTend, to: string, seen: Set<string>): Promise<{ file: string; email: Email } | null> {
  const deadline = Date.now() + DIGEST_TIMEOUT_MS;
  while (Date.now() < deadline) {
    await sleep(1_000);
    for (const file of tend.sentMail()) {
      if (seen.has(file) || !existsSync(file)) continue;
      seen.add(file);
      const email = await PostalMime.parse(readFileSync(file));
      if (isDigest(email) && email.to?.[0]?.address === to) return { file, email };
    }
  }
  return null;
}

/** The numbered item (title and reason, without its action lines) whose title matches. */
function itemAbout(text: string, title: RegExp): string | null {
  const block = text.split(/\n\s*\n/).find((part) => /^\d+\. /.test(part) && title.test(part.split("\n")[0] ?? ""));
  return block ? block.split("\n").filter((line) => !/^\s+(Reply|Done|Snooze a week|Skip):/.test(line)).join("\n") : null;
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), "tend-demo-"));
  const out = path.join(work, "out");
  mkdirSync(out);
  const tend = await LocalTend.create({
    owners: [SAM, PRIYA, JON],
    tendAddress: TEND,
    signingKey: "local-demo-signing-key-not-secret",
    persistTo: path.join(work, "state"),
  });

  try {
    say(`Tend demo: local Worker at ${tend.url}, state in ${tend.persistTo}`);
    await tend.migrate();
    say("1. Local D1 created and migrations applied.");
    await tend.listen();
    say(`2. wrangler dev is up.`);

    const raws = DELIVERIES.map((delivery) => readFileSync(path.join(FIXTURES, delivery.file)));
    const latest = Math.max(...raws.map(fixtureDate));
    const shift = Math.max(0, Math.floor((Date.now() - DAY_MS - latest) / (7 * DAY_MS))) * 7 * DAY_MS;
    say(`3. Delivering ${DELIVERIES.length} emails through the local Email Routing endpoint${shift ? ` (dates moved ${shift / (7 * DAY_MS)} weeks forward)` : ""}:`);
    for (const [i, delivery] of DELIVERIES.entries()) {
      const raw = raws[i];
      if (!raw) continue;
      const failure = await tend.deliver(new Uint8Array(shiftDates(raw, shift)), { from: delivery.from, to: delivery.to }).then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "",
      );
      say(`   ${failure === null ? "✓" : "✗"} ${delivery.file.padEnd(28)} ${delivery.what}${failure === null ? "" : ` (${failure})`}`);
    }

    // Ana is not a user: on a thread Sam logged, her reply is her turn, never a bounce.
    const introIndex = DELIVERIES.findIndex((delivery) => delivery.file === INTRO_FIXTURE);
    const introRaw = raws[introIndex];
    if (!introRaw) throw new Error(`${INTRO_FIXTURE} is not among the deliveries`);
    const intro = await PostalMime.parse(shiftDates(introRaw, shift));
    const anasReply = gmailReplyAll(intro, ANA, ["Thanks Sam, moving you to Bcc!", "", "Ben, lovely to meet you. Would Thursday at 3pm work for a call?", "", "Ana"]);
    const bounced = await tend.deliver(new TextEncoder().encode(anasReply), { from: ANA.address, to: TEND }).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "",
    );
    say(`   ${bounced === null ? "✓" : "✗"} ${"(reply-all, Gmail)".padEnd(28)} Ana answers Sam's introduction, moving him to Bcc: logged as her turn, not bounced${bounced === null ? "" : ` (${bounced})`}`);

    // Cron runs on the hour; this one is a week from now.
    const fireAt = Math.floor((Date.now() + 7 * DAY_MS) / HOUR_MS) * HOUR_MS;
    const answer = await tend.fireCron(fireAt);
    say(`4. Fired the hourly cron as of ${new Date(fireAt).toUTCString()}: ${answer}.`);

    const digests = new Map<string, { file: string; email: Email }>();
    const seen = new Set<string>();
    const digestDeadline = Date.now() + DIGEST_TIMEOUT_MS;
    while (Date.now() < digestDeadline && digests.size < 3) {
      await sleep(1_000);
      for (const file of tend.sentMail()) {
        if (seen.has(file) || !existsSync(file)) continue;
        seen.add(file);
        const email = await PostalMime.parse(readFileSync(file));
        const to = email.to?.[0]?.address ?? "";
        if (isDigest(email)) digests.set(to, { file, email });
      }
    }
    if (digests.size === 0) {
      throw new Error(`no digest arrived within ${DIGEST_TIMEOUT_MS / 1000}s. wrangler's log:\n${tend.log.slice(-4000)}`);
    }

    say(`5. ${digests.size} digest${digests.size === 1 ? "" : "s"} sent (${seen.size - digests.size} other mails: acknowledgements, reminders).`);
    for (const [to, { file, email }] of [...digests.entries()].toSorted(([a], [b]) => a.localeCompare(b))) {
      const name = to.split("@")[0] ?? "digest";
      const eml = path.join(out, `digest-${name}.eml`);
      const html = path.join(out, `digest-${name}.html`);
      copyFileSync(file, eml);
      writeFileSync(html, email.html ?? "");
      say();
      say("=".repeat(78));
      say(`To: ${to}`);
      say(`Subject: ${email.subject ?? ""}`);
      say(`Reply-To: ${email.replyTo?.map((r) => r.address).join(", ") ?? ""}`);
      say("-".repeat(78));
      say((email.text ?? "").trimEnd());
      say("-".repeat(78));
      say(`.eml:  ${eml}`);
      say(`.html: ${html}`);
    }

    // A few weeks on, the introduction's close-the-loop item has changed: Ana and
    // Ben connected on the thread, so Tend no longer asks whether they did.
    const laterAt = Math.floor((Date.now() + 29 * DAY_MS) / HOUR_MS) * HOUR_MS;
    say();
    say(`6. Fired the hourly cron as of ${new Date(laterAt).toUTCString()}: ${await tend.fireCron(laterAt)}.`);
    const later = await nextDigestTo(tend, SAM, seen);
    if (!later) throw new Error(`no later digest for ${SAM} arrived within ${DIGEST_TIMEOUT_MS / 1000}s. wrangler's log:\n${tend.log.slice(-4000)}`);
    const item = itemAbout(later.email.text ?? "", /how it went/);
    say("   Before Ana's reply, the introduction's item would have read “Did Ana and Ben connect?”. In Sam's digest now:");
    say();
    say(item ?? "   (no close-the-loop item for Ana and Ben: see the digest below)");
    if (!item) say((later.email.text ?? "").trimEnd());
    const eml = path.join(out, "digest-sam-later.eml");
    copyFileSync(later.file, eml);
    say();
    say(`.eml:  ${eml}`);
  } finally {
    await tend.stop();
    say();
    say("wrangler stopped.");
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
