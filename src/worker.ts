// The one place that wires runtime objects to Tend's pipelines. Only this file
// (and src/index.ts) sees Env, ExecutionContext and the runtime's messages.
import { type Config, loadConfig } from "./config.ts";
import { createHttpApp } from "./actions/http/app.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { consumeDigestJobs, type DigestJob } from "./digest/consume-digest-jobs.ts";
import { runHourly } from "./digest/run-hourly.ts";
import { handleEmail } from "./inbound/handle-email.ts";
import type { Mailer } from "./mail/transport.ts";

export interface Deps {
  config: Config;
  db: Database;
  mailer: Mailer;
  digestQueue: Queue<DigestJob>;
  ai: Ai | undefined;
}

export interface Wiring {
  mailer(env: Env): Mailer;
  /** The time now, in ms; tests set it, production uses the runtime's clock. */
  clock?: () => number;
}

export function createDeps(env: Env, wiring: Wiring): Deps {
  return {
    config: loadConfig(env),
    db: openDatabase(env.DB),
    mailer: wiring.mailer(env),
    digestQueue: env.DIGEST_QUEUE,
    ai: env.AI,
  };
}

export function createWorker(wiring: Wiring) {
  return {
    async fetch(request, env, ctx) {
      return createHttpApp(() => createDeps(env, wiring)).fetch(request, env, ctx);
    },

    async email(message, env) {
      await handleEmail(message, createDeps(env, wiring), (wiring.clock ?? Date.now)());
    },

    async scheduled(controller, env) {
      // scheduledTime, not the clock: a late or retried run does not drift.
      await runHourly(createDeps(env, wiring), controller.scheduledTime);
    },

    async queue(batch, env) {
      await consumeDigestJobs(batch, createDeps(env, wiring), (wiring.clock ?? Date.now)());
    },
  } satisfies ExportedHandler<Env>;
}
