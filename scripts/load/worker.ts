// The Worker `npm run load` runs under `wrangler dev`: Tend's own handlers,
// wired as src/index.ts wires them, with the D1 binding wrapped in the meter
// the cost tests use, so the load test can ask how many statements the mail
// cost. Only this dev entry counts; the production entry is untouched.
import { createWorker } from "../../src/edge/worker.ts";
import { sendEmailMailer } from "../../src/mail/transport.ts";
import { type D1Meter, meterD1 } from "../../test/helpers/d1-meter.ts";
import { D1_COUNTERS_PATH } from "./counters-path.ts";


// One meter for the isolate's life: wrangler dev runs one isolate, so it sees every message.
let meter: D1Meter | null = null;
function metered(env: Env): Env {
  meter ??= meterD1(env.DB);
  return { ...env, DB: meter.db };
}

const tend = createWorker({ mailer: (env) => sendEmailMailer(env.SEND_EMAIL) });

export default {
  async fetch(request, env, ctx) {
    const meteredEnv = metered(env);
    if (new URL(request.url).pathname === D1_COUNTERS_PATH) return Response.json(meter?.cost ?? null);
    return tend.fetch(request, meteredEnv, ctx);
  },
  async email(message, env) {
    await tend.email(message, metered(env));
  },
  async scheduled(controller, env) {
    await tend.scheduled(controller, metered(env));
  },
  async queue(batch, env) {
    await tend.queue(batch, metered(env));
  },
} satisfies ExportedHandler<Env>;
