// What every pipeline step that does I/O is given. The edge builds it from the
// runtime's bindings; steps never see Env or a runtime object.
import type { Database } from "../db/client.ts";
import type { AiBinding } from "../lib/workers-ai.ts";
import type { Mailer } from "../mail/transport.ts";
import type { Config } from "./config.ts";
import type { JobQueue } from "./jobs.ts";

export interface Deps {
  config: Config;
  db: Database;
  mailer: Mailer;
  /** Tend's job queue: digests, and AI readings of interactions. */
  jobs: JobQueue;
  /** Workers AI, when bound: a second reading of notes, from the queue. */
  ai: AiBinding | undefined;
}
