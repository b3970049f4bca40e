// Scenario weeks (test/digest-scenarios/scenarios.ts): real mails through the
// real email() handler, then the whole plain-text digest from the real
// scheduled() send, read back with postal-mime. Each digest is compared with
// its committed rendering, so a reviewer reads every wording change; the
// renderings are rewritten only on request:
//     UPDATE_SCENARIOS=1 npx vitest run test/digest-scenarios.test.ts --update
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { HOUR_MS } from "../src/model.ts";
import { gmailReply } from "./helpers/client-replies.ts";
import { inlineMessage } from "./helpers/mail.ts";
import { receiveDigest } from "./helpers/received-digest.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { seeder } from "./helpers/seed.ts";
import { testWorker } from "./helpers/worker.ts";
import { SAM, type Scenario, type ScenarioMail, SCENARIOS, TIME_ZONE } from "./digest-scenarios/scenarios.ts";
import { checkDigestText } from "./digest-scenarios/checks.ts";

const RENDERED = import.meta.glob<string>("./digest-scenarios/__rendered__/*.txt", { query: "?raw", import: "default", eager: true });
const UPDATE = env.UPDATE_SCENARIOS === "1";
const seed = seeder(env.DB);

/** Links and tokens change with every run (random ids): replaced by stable stand-ins. */
function stable(text: string): string {
  let n = 0;
  return text
    .replace(/\r\n/g, "\n")
    .replace(new RegExp(`${env.PUBLIC_URL}/a/\\S+`, "g"), () => `${env.PUBLIC_URL}/a/<link ${++n}>`)
    .replace(new RegExp(`${env.PUBLIC_URL}/u/\\S+`, "g"), `${env.PUBLIC_URL}/u/<unsubscribe>`);
}

/** Runs the scenario through the real handlers; returns the last digest's subject and text. */
async function runScenario(scenario: Scenario): Promise<{ subject: string; text: string }> {
  const first = Math.min(...scenario.mails.map((mail) => Date.parse(mail.at)), ...scenario.digests.map((d) => Date.parse(d.at)));
  const user = await seed.user({
    email: SAM.address,
    name: SAM.name,
    timeZone: TIME_ZONE,
    weekday: 1,
    hour: 8,
    maxItems: scenario.maxItems ?? 7,
    now: first - 24 * HOUR_MS,
  });
  const events = [
    ...scenario.mails.map((mail) => ({ at: Date.parse(mail.at), mail, digest: null })),
    ...scenario.digests.map((digest) => ({ at: Date.parse(digest.at), mail: null, digest })),
  ].toSorted((a, b) => a.at - b.at);
  let text = "";
  let subject = "";
  // Each mail has its own Message-ID, so a later one can answer it on the same thread.
  const messageId = (mail: ScenarioMail) => `<${scenario.name}-${scenario.mails.indexOf(mail)}@mail.example>`;
  const threadOf = (mail: ScenarioMail): string[] => {
    const answered = mail.repliesTo === undefined ? undefined : scenario.mails[mail.repliesTo];
    return answered ? [...threadOf(answered), messageId(answered)] : [];
  };
  for (const event of events) {
    if (event.mail) {
      const { mail } = event;
      const thread = threadOf(mail);
      const raw = inlineMessage({
        messageId: messageId(mail),
        ...(thread.length > 0 ? { headers: [`In-Reply-To: ${thread.at(-1) ?? ""}`, `References: ${thread.join(" ")}`] } : {}),
        from: mail.from ?? `${SAM.name} <${SAM.address}>`,
        to: mail.to ?? "tend@tend.example",
        ...(mail.cc ? { cc: mail.cc } : {}),
        subject: mail.subject,
        date: new Date(event.at).toUTCString().replace("GMT", "+0000"),
        body: mail.body,
      });
      const envelopeFrom = (mail.from ?? SAM.address).match(/[^<\s]+@[^>\s]+/)?.[0] ?? SAM.address;
      await testWorker({ now: () => event.at + 60_000 }).deliver(raw, { from: envelopeFrom, to: mail.envelopeTo ?? "tend@tend.example" });
    } else if (event.digest) {
      const digest = await receiveDigest(user.id, event.at);
      subject = digest.mail.parsed.subject ?? "";
      text = digest.mail.parsed.text ?? "";
      if (event.digest.reply) {
        const at = event.at + HOUR_MS;
        await testWorker({ now: () => at + 60_000 }).deliver(gmailReply(digest.mail, SAM, event.digest.reply, { at }), {
          from: SAM.address,
          to: digest.replyAddress,
        });
      }
    }
  }
  return { subject, text: stable(text) };
}

const UPDATE_COMMAND = "UPDATE_SCENARIOS=1 npx vitest run test/digest-scenarios.test.ts --update";

async function render(scenario: Scenario): Promise<{ text: string; rendering: string }> {
  const { subject, text } = await runScenario(scenario);
  const rendering = [
    `# ${scenario.name}: ${scenario.shows}`,
    ...(scenario.dependsOn ? [`# Depends on ${scenario.dependsOn}: regenerate after merging.`] : []),
    `Subject: ${subject}`,
    "",
    text.trimEnd(),
    "",
  ].join("\n");
  return { text, rendering };
}

/** What the scenario says the digest must say but does not, or must never say but does. */
function unmet(scenario: Scenario, text: string): { says: RegExp[]; neverSays: RegExp[] } {
  return {
    says: (scenario.says ?? []).filter((pattern) => !pattern.test(text)),
    neverSays: (scenario.neverSays ?? []).filter((pattern) => pattern.test(text)),
  };
}

describe("digest scenario weeks", () => {
  beforeEach(resetDatabase);

  it("has at least 20 scenarios, each with its own name", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
  });

  for (const scenario of SCENARIOS) {
    const file = `./digest-scenarios/__rendered__/${scenario.name}.txt`;

    it.skipIf(UPDATE)(`${scenario.name}: ${scenario.shows}`, async () => {
      const { text, rendering } = await render(scenario);
      // The rules every digest keeps, whatever its wording.
      expect(checkDigestText(text)).toEqual([]);
      expect(RENDERED[file], `no rendering for ${scenario.name}: run ${UPDATE_COMMAND}`).toBeDefined();
      expect(rendering, `the digest changed: read the difference, then run ${UPDATE_COMMAND}`).toBe(RENDERED[file]);
    });

    it.runIf(UPDATE)(`${scenario.name}: ${scenario.shows} (rewriting its rendering)`, async () => {
      const { text, rendering } = await render(scenario);
      expect(checkDigestText(text)).toEqual([]);
      await expect(rendering).toMatchFileSnapshot(file);
    });
  }

  // What each digest must and must never say, whatever its wording.
  for (const scenario of SCENARIOS.filter((s) => !s.pendingOn)) {
    it(`${scenario.name} says what it must`, async () => {
      expect(unmet(scenario, (await render(scenario)).text)).toEqual({ says: [], neverSays: [] });
    });
  }
  // Waiting on another branch: expected to fail, so the day they pass the test says to drop `pendingOn`.
  for (const scenario of SCENARIOS.filter((s) => s.pendingOn)) {
    it.fails(`${scenario.name} says what it must (awaits ${scenario.pendingOn ?? ""})`, async () => {
      expect(unmet(scenario, (await render(scenario)).text)).toEqual({ says: [], neverSays: [] });
    });
  }
});
