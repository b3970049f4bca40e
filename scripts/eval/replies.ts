// Scores eval/public/replies.jsonl: is the visible text of a reply right (quoted history,
// quote headers, client taglines and signatures gone), as Tend reads it. Each item is
// wrapped in a one-part MIME message and read by the inbound pipeline's own steps:
// readBody (postal-mime, and html-to-text for HTML-only mail), then visibleText, which is
// what the pipeline stores as a reply's own words. The baseline is email-reply-parser
// alone (on html-to-text's plain conversion for HTML items).
// Run alone: `npx tsx scripts/eval/replies.ts [--misses]` (--misses lists dev misses only).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import EmailReplyParser from "email-reply-parser";
import { convert } from "html-to-text";
import { z } from "zod";
import { readBody } from "../../src/inbound/parse-email.ts";
import { visibleText } from "../../src/mail/visible-text.ts";
import type { SetReport, SetScorer, SplitFigures } from "./set-report.ts";

const FILE = "eval/public/replies.jsonl";
const ROOT = join(import.meta.dirname, "..", "..");

const LabelSchema = z.object({
  visible_text: z.string().nullish(),
  match: z.enum(["exact", "nows", "contains"]),
  signature_optional: z.string().nullish(),
  accept_also: z.array(z.string()).nullish(),
  must_contain: z.array(z.string()).optional(),
  must_not_contain: z.array(z.string()).optional(),
});
const ItemSchema = z.object({
  id: z.string(),
  split: z.enum(["dev", "test"]),
  source: z.object({ repo: z.string().optional(), url: z.string().optional(), path: z.string().optional() }),
  format: z.enum(["text", "html"]),
  text: z.string().optional(),
  html: z.string().optional(),
  lang: z.string(),
  tags: z.array(z.string()),
  label: LabelSchema,
});
export type ReplyLabel = z.infer<typeof LabelSchema>;
export type ReplyItem = z.infer<typeof ItemSchema>;

export function readItems(): ReplyItem[] {
  return readFileSync(join(ROOT, FILE), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => ItemSchema.parse(JSON.parse(line)));
}

/** The README's "exact" normalisation: LF, no trailing spaces, one blank line at most, trimmed. */
export function normalise(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/\s+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const noWhitespace = (text: string) => text.replace(/\s+/g, "");

function acceptable(label: ReplyLabel): string[] {
  const expected = label.visible_text ?? "";
  const out = [expected, ...(label.accept_also ?? [])];
  const sig = label.signature_optional;
  if (sig !== undefined && sig !== null) {
    const s = normalise(sig);
    const v = normalise(expected);
    if (v.includes(s)) out.push(v.replace(s, ""));
    else out.push(`${v}\n${s}`, `${v}\n\n${s}`);
  }
  return out;
}

export function isRight(output: string, label: ReplyLabel): boolean {
  if (label.match === "contains") {
    const flat = noWhitespace(output);
    return (label.must_contain ?? []).every((s) => flat.includes(noWhitespace(s))) && !(label.must_not_contain ?? []).some((s) => flat.includes(noWhitespace(s)));
  }
  const same = label.match === "nows" ? (a: string, b: string) => noWhitespace(a) === noWhitespace(b) : (a: string, b: string) => normalise(a) === normalise(b);
  return acceptable(label).some((candidate) => same(output, candidate));
}

function mimeOf(item: ReplyItem): string {
  const html = item.format === "html";
  const content = (html ? item.html : item.text) ?? "";
  return [
    "From: Someone <someone@example.com>",
    "To: user@example.com",
    "Subject: Re: eval",
    "MIME-Version: 1.0",
    `Content-Type: ${html ? "text/html" : "text/plain"}; charset=utf-8`,
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from(content, "utf8").toString("base64").replace(/.{76}/g, "$&\r\n"),
    "",
  ].join("\r\n");
}

/** Tend's reading: the inbound pipeline's body step, then the reply's visible text. */
export async function tendVisibleText(item: ReplyItem): Promise<string> {
  const body = await readBody(new TextEncoder().encode(mimeOf(item)));
  return visibleText(body.text);
}

/** email-reply-parser alone, on html-to-text's plain conversion for HTML. */
export function baselineVisibleText(item: ReplyItem): string {
  const text = item.format === "html" ? convert(item.html ?? "", { wordwrap: false }) : (item.text ?? "");
  return new EmailReplyParser().read(text).getVisibleText().trim();
}

function sourcesOf(items: ReplyItem[]): { source: string; items: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const source = item.source.repo ?? (item.source.url ? new URL(item.source.url).host : "unknown");
    counts.set(source, (counts.get(source) ?? 0) + 1);
  }
  return [...counts.entries()].map(([source, n]) => ({ source, items: n })).toSorted((a, b) => b.items - a.items);
}

type Scored = { item: ReplyItem; output: string; right: boolean; baselineRight: boolean };

export async function scoreItems(items: ReplyItem[]): Promise<Scored[]> {
  const out: Scored[] = [];
  for (const item of items) {
    const output = await tendVisibleText(item);
    out.push({ item, output, right: isRight(output, item.label), baselineRight: isRight(baselineVisibleText(item), item.label) });
  }
  return out;
}

function figuresOf(scored: Scored[]): SplitFigures {
  const n = scored.length;
  const share = (k: number) => (n === 0 ? 0 : k / n);
  const html = scored.filter((s) => s.item.format === "html");
  return {
    n,
    figures: {
      accuracy: share(scored.filter((s) => s.right).length),
      baseline_accuracy: share(scored.filter((s) => s.baselineRight).length),
      html_accuracy: html.length === 0 ? 0 : html.filter((s) => s.right).length / html.length,
    },
  };
}

const scoreReplies: SetScorer = async (): Promise<SetReport> => {
  const items = readItems();
  const scored = await scoreItems(items);
  return {
    name: "replies (visible text right)",
    file: FILE,
    sources: sourcesOf(items),
    goal: { figure: "accuracy", atLeast: 0.95 },
    dev: figuresOf(scored.filter((s) => s.item.split === "dev")),
    test: figuresOf(scored.filter((s) => s.item.split === "test")),
  };
};
export default scoreReplies;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = await scoreReplies();
  console.log(JSON.stringify(report, null, 2));
  if (process.argv.includes("--misses")) {
    // Dev only: test items are never looked at while tuning.
    const dev = (await scoreItems(readItems().filter((item) => item.split === "dev"))).filter((s) => !s.right);
    for (const miss of dev) {
      console.log(`\n=== ${miss.item.id} [${miss.item.tags.join(", ")}]\n--- got:\n${miss.output}\n--- expected (${miss.item.label.match}):\n${miss.item.label.visible_text ?? JSON.stringify(miss.item.label.must_contain)}`);
    }
  }
}
