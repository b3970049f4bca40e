// After an import, the digest is not flooded: imported people come up for a
// check-in a few a week. Through the real email(), queue() and scheduled()
// handlers: a 60-person LinkedIn export, then eight weekly digests.
import { env } from "cloudflare:workers";
import { beforeEach, expect, it } from "vitest";
import { IMPORTED_CHECK_INS_PER_WEEK } from "../src/actions/import/limits.ts";
import { DAY_MS } from "../src/model.ts";
import { digestHarness } from "./helpers/digest-run.ts";
import { generatedPerson, linkedInConnections } from "./helpers/import-files.ts";
import { importHarness } from "./helpers/import-mail.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { TEST_NOW } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const IMPORTED = 60;
const WEEKS = 8;

it("puts at most the digest's cap of imported people in any week's digest, a few new ones each week", async () => {
  const h = importHarness({ now: () => TEST_NOW });
  await h.send({ filename: "Connections.csv", contentType: "text/csv", content: linkedInConnections(IMPORTED) });
  await h.drain();
  expect(h.sent.at(-1)?.parsed.text).toContain(`Added: ${IMPORTED} people`);

  const user = await env.DB.prepare("select next_digest_at as at, max_items as cap from users").first<{ at: number; cap: number }>();
  if (!user) throw new Error("the import made no user");
  const names = new Set(Array.from({ length: IMPORTED }, (_, i) => `${generatedPerson(i).first} ${generatedPerson(i).last}`));
  const seen = new Set<string>();
  const perWeek: number[] = [];
  for (let week = 0; week < WEEKS; week++) {
    const at = user.at + week * 7 * DAY_MS;
    const d = digestHarness({ now: () => at });
    await d.runJobs(await d.runCron(at));
    const text = d.sent[0]?.parsed.text ?? "";
    // One entry per person: "3. Ada Lovelace — time to check in (…)".
    const checkIns = [...text.matchAll(/^\d+\. (.+?) — time to check in\b/gm)].map((m) => m[1] ?? "").filter((name) => names.has(name));
    perWeek.push(checkIns.length);
    for (const name of checkIns) seen.add(name);
  }
  // Never more than the digest's cap, and never more than the weekly allowance the import added.
  expect(Math.max(...perWeek)).toBeLessThanOrEqual(Math.min(user.cap, IMPORTED_CHECK_INS_PER_WEEK));
  // …yet they do come up, different people week after week, not all at once.
  expect(perWeek.filter((n) => n > 0).length).toBeGreaterThanOrEqual(WEEKS - 1);
  expect(seen.size).toBeGreaterThan(IMPORTED_CHECK_INS_PER_WEEK * 2);
  expect(seen.size).toBeLessThan(IMPORTED);
});
