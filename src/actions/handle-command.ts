import type { User } from "../db/users.ts";
import type { ParsedEmail } from "../inbound/parse-email.ts";
import type { Deps } from "../worker.ts";

/** A command mailed to Tend (help, brief, export, forget, settings…): apply and answer by mail. */
export async function handleCommand(_deps: Deps, _user: User, _email: ParsedEmail, _now: number): Promise<void> {}
