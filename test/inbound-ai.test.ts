// The optional Workers AI reading: requested by email() when a model is bound,
// run by queue(), stubbed only at the AI binding.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { AiBinding } from "../src/lib/workers-ai.ts";
import { recordingQueue } from "./helpers/digest-run.ts";
import { emailMessage } from "./helpers/email-message.ts";
import { inlineMessage, SAM, TEND } from "./helpers/mail.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { TEST_NOW, testWorker } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const NOTES = [
  "Coffee with Ana Lima <ana@lumen.studio> today.",
  "Ana would be a brilliant speaker for the climate panel.",
  "private: her mother is ill.",
].join("\r\n");

/** A model that finds what the deterministic reading cannot: Ana as a possible speaker. */
function modelStub(answer: () => Promise<unknown>) {
  const calls: string[] = [];
  const ai: AiBinding = {
    async run(_model, input) {
      calls.push(JSON.stringify(input));
      return answer();
    },
  };
  return { ai, calls };
}

const SPEAKER = async () => ({
  response: {
    signals: [
      { kind: "offer", sentence: 1, person: "Ana Lima", text: "a brilliant speaker for the climate panel", when: null, tag: null },
    ],
  },
});

async function logNotes(ai?: AiBinding) {
  const queue = recordingQueue();
  const { worker } = testWorker(ai ? { ai } : {});
  await worker.email(emailMessage(inlineMessage({ subject: "Coffee", body: NOTES }), { from: SAM.address, to: TEND }), {
    ...env,
    DIGEST_QUEUE: queue.queue,
  });
  return queue.jobs;
}

async function runJob(body: unknown, ai: AiBinding) {
  const { worker } = testWorker({ ai });
  const batch = createMessageBatch("tend-digests", [{ id: "ai-1", timestamp: new Date(TEST_NOW), attempts: 1, body }]);
  await worker.queue(batch, env);
  return getQueueResult(batch, createExecutionContext());
}

async function offers(): Promise<unknown[]> {
  const { results } = await env.DB.prepare(
    "select s.text, c.name from signals s left join contacts c on c.id = s.contact_id where s.kind = 'offer'",
  ).all();
  return results;
}

describe("the AI reading", () => {
  it("is requested from the queue when a model is bound, and not otherwise", async () => {
    expect(await logNotes()).toEqual([]);
    await resetDatabase();
    const jobs = await logNotes(modelStub(SPEAKER).ai);
    const interaction = await env.DB.prepare("select id, user_id from interactions").first<{ id: string; user_id: string }>();
    expect(jobs).toEqual([{ kind: "extract", userId: interaction?.user_id, interactionId: interaction?.id }]);
  });

  it("adds what the model found, once, and never sends private lines", async () => {
    const model = modelStub(SPEAKER);
    const [job] = await logNotes(model.ai);
    expect(await offers()).toEqual([]);

    const result = await runJob(job, model.ai);
    expect(result.explicitAcks).toEqual(["ai-1"]);
    expect(await offers()).toEqual([{ text: "a brilliant speaker for the climate panel", name: "Ana Lima" }]);
    expect(model.calls.join("\n")).toContain("brilliant speaker");
    expect(model.calls.join("\n")).not.toContain("mother");

    await runJob(job, model.ai);
    expect(await offers()).toHaveLength(1);
  });

  it("keeps the deterministic reading when the model fails, without retrying", async () => {
    const broken = modelStub(async () => {
      throw new Error("model overloaded");
    });
    const [job] = await logNotes(broken.ai);
    const before = await env.DB.prepare("select count(*) as n from signals").first("n");
    const result = await runJob(job, broken.ai);
    expect(result.explicitAcks).toEqual(["ai-1"]);
    expect(result.retryMessages).toEqual([]);
    expect(await env.DB.prepare("select count(*) as n from signals").first("n")).toBe(before);
  });

  it("drops a malformed job instead of retrying it forever", async () => {
    const result = await runJob({ kind: "extract", userId: "" }, modelStub(SPEAKER).ai);
    expect(result.explicitAcks).toEqual(["ai-1"]);
  });
});
