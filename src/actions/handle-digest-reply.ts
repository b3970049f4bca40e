import type { User } from "../db/users.ts";
import type { ParsedEmail } from "../inbound/parse-email.ts";
import type { Deps } from "../worker.ts";

/** A reply to a digest: verify the token against its owner, apply each line, confirm by mail. */
export async function handleDigestReply(
  _deps: Deps,
  _user: User,
  _email: ParsedEmail,
  _token: string,
  _now: number,
): Promise<void> {}
