// The fixtures' users (the OWNERS of vitest.config.ts) as they stand after
// their first week: registered, already welcomed, on UTC. Tests of other
// things start from here, so the welcome and the time zone guessed from a
// first message (both in test/accounts.test.ts) do not shift what they read.
import { env } from "cloudflare:workers";
import { seeder } from "./seed.ts";

const OWNERS = [
  { email: "sam.rivera@gmail.com", name: "Sam Rivera" },
  { email: "priya.natarajan@outlook.com", name: "Priya Natarajan" },
  { email: "jon.okafor@icloud.com", name: "Jon Okafor" },
  { email: "kim@posteo.de", name: "Kim Schäfer" },
] as const;

/** Mon 23 Nov 2026, 19:00 UTC: their next digest is Mon 30 Nov, 08:00 UTC. */
export const REGISTERED_AT = Date.parse("2026-11-23T19:00:00Z");

/**
 * Registers fixture users (by address) as of REGISTERED_AT, so a test's first
 * message from them is not their first ever: no welcome, and UTC as before.
 */
export async function registerUsers(...addresses: readonly string[]): Promise<void> {
  const seed = seeder(env.DB);
  for (const owner of OWNERS.filter((o) => addresses.includes(o.email))) await seed.user({ ...owner, timeZone: "UTC", now: REGISTERED_AT });
}
