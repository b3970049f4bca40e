// The one place that wires runtime objects to Tend's pipelines. Only this file
// (and src/index.ts) sees Env, ExecutionContext and the runtime's messages.
import { type Config, loadConfig } from "./config.ts";
import { createHttpApp } from "./actions/http/app.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { consumeDigestJobs, type DigestJob } from "./digest/consume-digest-jobs.ts";
import { runHourly } from "./digest/run-hourly.ts";
import { consumeExtractJobs, isExtractJob } from "./inbound/consume-extract-jobs.ts";
import type { ExtractJob } from "./inbound/extract-job.ts";
import { handleEmail } from "./inbound/handle-email.ts";
import type { AiBinding } from "./inbound/signals/ai-extractor.ts";
import { workersAi } from "./lib/workers-ai.ts";
import type { Mailer } from "./mail/transport.ts";

export interface Deps {
  config: Config;
  db: Database;
  mailer: Mailer;
  /** Tend's job queue: digests, and AI readings of interactions. */
  digestQueue: Queue<DigestJob | ExtractJob>;
  /** Workers AI, when bound: a second reading of notes, from the queue. */
  ai: AiBinding | undefined;
}

export interface Wiring {
  mailer(env: Env): Mailer;
  /** The time now, in ms; tests set it, production uses the runtime's clock. */
  clock?: () => number;
  /** The AI model; by default the `AI` binding when there is one. Tests stub it here. */
  ai?: (env: Env) => AiBinding | undefined;
}

export function createDeps(env: Env, wiring: Wiring): Deps {
  return {
    config: loadConfig(env),
    db: openDatabase(env.DB),
    mailer: wiring.mailer(env),
    digestQueue: env.DIGEST_QUEUE,
    ai: wiring.ai ? wiring.ai(env) : env.AI ? workersAi(env.AI) : undefined,
  };
}

/** The same batch, holding only some of its messages. */
function subBatch(batch: MessageBatch, messages: readonly Message[]): MessageBatch {
  return {
    queue: batch.queue,
    metadata: batch.metadata,
    messages,
    ackAll: () => messages.forEach((m) => m.ack()),
    retryAll: (options) => messages.forEach((m) => m.retry(options)),
  };
}

export function createWorker(wiring: Wiring) {
  return {
    async fetch(request, env, ctx) {
      return createHttpApp(() => createDeps(env, wiring), wiring.clock ?? Date.now).fetch(request, env, ctx);
    },

    async email(message, env) {
      await handleEmail(message, createDeps(env, wiring), (wiring.clock ?? Date.now)());
    },

    async scheduled(controller, env) {
      // scheduledTime, not the clock: a late or retried run does not drift.
      await runHourly(createDeps(env, wiring), controller.scheduledTime);
    },

    async queue(batch, env) {
      const deps = createDeps(env, wiring);
      const now = (wiring.clock ?? Date.now)();
      const extract = batch.messages.filter((m) => isExtractJob(m.body));
      const digests = batch.messages.filter((m) => !isExtractJob(m.body));
      await Promise.all([
        extract.length > 0 ? consumeExtractJobs(extract, deps, now) : undefined,
        digests.length > 0 ? consumeDigestJobs(subBatch(batch, digests), deps, now) : undefined,
      ]);
    },
  } satisfies ExportedHandler<Env>;
}
