// A second reading of an interaction by Workers AI, run from the queue. The
// model's signals are validated by the extractor; here only what the
// deterministic reading missed is added, so a retry adds nothing twice.
import { addSignals, loadEnrichmentSource } from "../db/enrichment.ts";
import { newId } from "../lib/ids.ts";
import type { Signal } from "../model.ts";
import type { Deps } from "../domain/deps.ts";
import type { ExtractJob } from "../domain/jobs.ts";
import { isPrivateMessage } from "../domain/privacy.ts";
import { FORWARDED_SEPARATOR } from "./understand.ts";
import { planSignals } from "./plan-log.ts";
import { extractSignalsWithAi } from "./signals/ai-extractor.ts";

export type EnrichOutcome = "no model" | "not found" | `added ${number}` | `model failed: ${string}`;

export async function enrichWithAi(deps: Deps, job: ExtractJob, now: number): Promise<EnrichOutcome> {
  if (!deps.ai) return "no model";
  const source = await loadEnrichmentSource(deps.db, job.userId, job.interactionId);
  if (!source) return "not found";
  const [written = "", forwarded] = source.note.split(FORWARDED_SEPARATOR);
  const base = {
    people: source.people,
    userName: source.userName,
    sentAt: new Date(source.occurredAt),
    timeZone: source.timeZone,
  };
  const readings = [
    extractSignalsWithAi(deps.ai, { ...base, text: written, authorIsUser: true, author: { name: source.userName, address: source.userEmail } }),
  ];
  if (forwarded) {
    const body = forwarded.slice(forwarded.indexOf("\n") + 1);
    // Under the user's lone #private line the forwarded message is private too: the extractor sends none of it.
    const confidential = isPrivateMessage(written);
    readings.push(extractSignalsWithAi(deps.ai, { ...base, text: body, authorIsUser: false, author: { name: null, address: null }, private: confidential }));
  }
  const results = await Promise.all(readings);
  const failed = results.find((r) => r.source !== "ai");
  if (failed) return `model failed: ${failed.failure ?? "unknown"}`;

  const resolve = (person: Signal["person"]): string | null =>
    person ? (source.people.find((p) => (person.address && p.address === person.address) || (person.name && p.name === person.name))?.contactId ?? null) : null;
  const seen = new Set(source.known.map((k) => `${k.kind}|${k.contactId ?? ""}|${k.sentence}`));
  const fresh = results
    .flatMap((r) => r.signals)
    .filter((signal) => {
      const key = `${signal.kind}|${resolve(signal.person) ?? ""}|${signal.sentence}`;
      return !seen.has(key) && Boolean(seen.add(key));
    });
  const plan = planSignals(fresh, { resolve, occurredAt: source.occurredAt, timeZone: source.timeZone, now, newId });
  await addSignals(deps.db, { userId: job.userId, interactionId: job.interactionId, source, plan, now });
  return `added ${fresh.length}`;
}
