import { sendEmailMailer } from "./mail/transport.ts";
import { createWorker } from "./edge/worker.ts";

export default createWorker({ mailer: (env) => sendEmailMailer(env.SEND_EMAIL) });
