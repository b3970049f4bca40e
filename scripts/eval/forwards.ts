// Scores eval/public/forwards.jsonl: is a forwarded message's original sender found, as
// Tend reads it. Each item is wrapped in a one-part MIME message with its subject and read
// by the inbound pipeline's own steps: parseEmail (postal-mime), then findForwarded, which
// classify uses to tell a forward and its author. Items that are replies, not forwards,
// must not be read as forwards. The baseline is email-forward-parser alone on the raw text.
// Run alone: `npx tsx scripts/eval/forwards.ts [--misses]` (--misses lists dev misses only).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import EmailForwardParser from "email-forward-parser";
import { z } from "zod";
import { findForwarded } from "../../src/inbound/forwarded.ts";
import { parseEmail } from "../../src/inbound/parse-email.ts";
import type { SetReport, SetScorer, SplitFigures } from "./set-report.ts";

const FILE = "eval/public/forwards.jsonl";
const ROOT = join(import.meta.dirname, "..", "..");

const ItemSchema = z.object({
  id: z.string(),
  split: z.enum(["dev", "test"]),
  source: z.object({ repo: z.string(), path: z.string(), commit: z.string() }),
  client: z.string(),
  lang: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  label: z.object({
    forwarded: z.boolean(),
    from: z.object({ address: z.string(), name: z.string().nullable() }).nullable(),
  }),
});
export type ForwardItem = z.infer<typeof ItemSchema>;

export function readItems(): ForwardItem[] {
  return readFileSync(join(ROOT, FILE), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => ItemSchema.parse(JSON.parse(line)));
}

type Reading = { forwarded: boolean; address: string | null; name: string | null };

function mimeOf(item: ForwardItem): string {
  return [
    "From: Sam Rivera <sam@rivera.example>",
    "To: tend@tend.example",
    `Subject: ${item.subject ?? ""}`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(item.text, "utf8").toString("base64").replace(/.{76}/g, "$&\r\n"),
    "",
  ].join("\r\n");
}

/** Tend's reading: the inbound parse step, then the forward reader classify uses. */
export async function tendReading(item: ForwardItem): Promise<Reading> {
  const email = await parseEmail(new TextEncoder().encode(mimeOf(item)));
  const forwarded = findForwarded(email.text, email.subject);
  return { forwarded: forwarded !== null, address: forwarded?.from?.address ?? null, name: forwarded?.from?.name ?? null };
}

/** email-forward-parser alone, on the text as the fixture has it. */
export function baselineReading(item: ForwardItem): Reading {
  const result = new EmailForwardParser().read(item.text, item.subject ?? undefined);
  const from = result.forwarded ? result.email.from : undefined;
  return { forwarded: result.forwarded, address: from?.address?.toLowerCase() ?? null, name: from?.name ?? null };
}

function senderFound(reading: Reading, item: ForwardItem): boolean {
  return reading.forwarded && reading.address === item.label.from?.address.toLowerCase();
}

type Scored = { item: ForwardItem; tend: Reading; baseline: Reading };

export async function scoreItems(items: ForwardItem[]): Promise<Scored[]> {
  const out: Scored[] = [];
  for (const item of items) out.push({ item, tend: await tendReading(item), baseline: baselineReading(item) });
  return out;
}

function figuresOf(scored: Scored[]): SplitFigures {
  const forwards = scored.filter((s) => s.item.label.forwarded);
  const replies = scored.filter((s) => !s.item.label.forwarded);
  const share = (list: Scored[], right: (s: Scored) => boolean) => (list.length === 0 ? 0 : list.filter(right).length / list.length);
  return {
    n: scored.length,
    figures: {
      sender_found: share(forwards, (s) => senderFound(s.tend, s.item)),
      baseline_sender_found: share(forwards, (s) => senderFound(s.baseline, s.item)),
      name_right: share(forwards, (s) => senderFound(s.tend, s.item) && s.tend.name === s.item.label.from?.name),
      replies_not_read_as_forwards: share(replies, (s) => !s.tend.forwarded),
      baseline_replies_not_read_as_forwards: share(replies, (s) => !s.baseline.forwarded),
    },
  };
}

function sourcesOf(items: ForwardItem[]): { source: string; items: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.source.repo, (counts.get(item.source.repo) ?? 0) + 1);
  return [...counts.entries()].map(([source, n]) => ({ source, items: n }));
}

const scoreForwards: SetScorer = async (): Promise<SetReport> => {
  const items = readItems();
  const scored = await scoreItems(items);
  return {
    name: "forwards (original sender found)",
    file: FILE,
    sources: sourcesOf(items),
    goal: { figure: "sender_found", atLeast: 0.995 },
    dev: figuresOf(scored.filter((s) => s.item.split === "dev")),
    test: figuresOf(scored.filter((s) => s.item.split === "test")),
  };
};
export default scoreForwards;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await scoreForwards(), null, 2));
  if (process.argv.includes("--misses")) {
    // Dev only: test items are never looked at while tuning.
    for (const s of await scoreItems(readItems().filter((item) => item.split === "dev"))) {
      const right = s.item.label.forwarded ? senderFound(s.tend, s.item) && s.tend.name === s.item.label.from?.name : !s.tend.forwarded;
      if (!right) console.log(`MISS ${s.item.id}: got ${JSON.stringify(s.tend)}`);
    }
  }
}
