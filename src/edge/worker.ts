// The one place that wires runtime objects to Tend's pipelines. Only this
// folder (and src/index.ts) sees Env, ExecutionContext and the runtime's
// messages; every step below takes Tend's own types.
import { createHttpApp } from "../actions/http/app.ts";
import { openDatabase } from "../db/client.ts";
import { runHourly } from "../digest/run-hourly.ts";
import { loadConfig } from "../domain/config.ts";
import type { Deps } from "../domain/deps.ts";
import type { Job, JobQueue } from "../domain/jobs.ts";
import { handleEmail } from "./handle-email.ts";
import { type AiBinding, workersAi } from "../lib/workers-ai.ts";
import type { Mailer } from "../mail/transport.ts";
import { consumeJobs } from "./consume-jobs.ts";

export interface Wiring {
  mailer(env: Env): Mailer;
  /** The time now, in ms; tests set it, production uses the runtime's clock. */
  clock?: () => number;
  /** The AI model; by default the `AI` binding when there is one. Tests stub it here. */
  ai?: (env: Env) => AiBinding | undefined;
}

function jobQueue(queue: Queue<Job>): JobQueue {
  return {
    async send(job) {
      await queue.send(job);
    },
    async sendBatch(jobs) {
      await queue.sendBatch(jobs.map((body) => ({ body })));
    },
  };
}

export function createDeps(env: Env, wiring: Wiring): Deps {
  return {
    config: loadConfig(env),
    db: openDatabase(env.DB),
    mailer: wiring.mailer(env),
    jobs: jobQueue(env.DIGEST_QUEUE),
    ai: wiring.ai ? wiring.ai(env) : env.AI ? workersAi(env.AI) : undefined,
  };
}

export function createWorker(wiring: Wiring) {
  const clock = wiring.clock ?? Date.now;
  return {
    async fetch(request, env, ctx) {
      return createHttpApp(() => createDeps(env, wiring), clock).fetch(request, env, ctx);
    },

    async email(message, env) {
      await handleEmail(message, createDeps(env, wiring), clock());
    },

    async scheduled(controller, env) {
      // scheduledTime, not the clock: a late or retried run does not drift.
      await runHourly(createDeps(env, wiring), controller.scheduledTime);
    },

    async queue(batch, env) {
      await consumeJobs(batch, createDeps(env, wiring), clock());
    },
  } satisfies ExportedHandler<Env>;
}
