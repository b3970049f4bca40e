// What the public-set scorers share: reading a set, the envelopes that put its text
// through Tend's real pipeline (understand(), as the Worker and `inspect` run it),
// and counting. The split is the item's own `split` field, which
// `npm run eval:check-sets` checks against the fixed rule (sha256 of the id).
import { readFileSync } from "node:fs";
import { z } from "zod";
import { fileURLToPath } from "node:url";
import type { Mailbox, ParsedEmail, Signal } from "../../src/model.ts";
import { defaultSignalExtractor } from "../../src/inbound/signal-extractor.ts";
import { understand, type Understanding } from "../../src/inbound/understand.ts";
import { f1, type SetReport, type Split, type SplitFigures } from "./set-report.ts";

export const USER: Mailbox = { name: "Alex Morgan", address: "alex@morgan.test" };
export const TEND = "tend@morgan.test";
export const TIME_ZONE = "Europe/Berlin";
// Thursday afternoon: relative dates in the sets resolve from here.
export const NOW = Date.parse("2026-03-12T16:20:00Z");

export type Source = { url?: string; repo?: string; path?: string };
export interface PublicItem {
  id: string;
  split: Split;
  source: Source;
}

export const SourceSchema = z.object({ url: z.string().optional(), repo: z.string().optional(), path: z.string().optional() });
export const ItemBase = { id: z.string(), split: z.enum(["dev", "test"]), source: SourceSchema };

export function readSet<T extends PublicItem>(file: string, schema: z.ZodType<T>): T[] {
  const path = fileURLToPath(new URL(`../../${file}`, import.meta.url));
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => schema.parse(JSON.parse(line)));
}

/** Distinct repositories or sites, with how many items each gave. */
export function sourcesOf(items: readonly PublicItem[]): { source: string; items: number }[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = item.source.repo ?? (item.source.url ? new URL(item.source.url).hostname.replace(/^www\./, "") : "unknown");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([source, n]) => ({ source, items: n })).toSorted((a, b) => b.items - a.items);
}

export type Counts = { tp: number; fp: number; fn: number; tn: number };
export const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

export function tally(counts: Counts, expected: boolean, predicted: boolean): void {
  if (expected && predicted) counts.tp++;
  else if (predicted) counts.fp++;
  else if (expected) counts.fn++;
  else counts.tn++;
}

export function prf(c: Counts): Record<string, number> {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { precision, recall, f1: f1(precision, recall) };
}

export function splitFigures(n: number, figures: Record<string, number>): SplitFigures {
  return { n, figures };
}

/** A report with a second line: the naive baseline on the same items, computed in the same run. */
export interface ScoredSet extends SetReport {
  baseline: { name: string; dev: SplitFigures; test: SplitFigures };
  /** Confusion counts per split, so a figure on few positives can be read for what it is. */
  counts?: { dev: Counts; test: Counts };
  /** Item-level misses on dev only (never test): what `--verbose` prints to tune on. */
  devMisses?: string[];
}

/** A mailbox for a name or role as a set gives it ("Alice", "[Person A]", "recipient", "ana@x.com"). */
export function mailboxOf(value: string, index: number): Mailbox {
  const m = /^(.*?)\s*<([^>]+)>$/.exec(value.trim());
  if (m?.[2]) return { name: m[1]?.trim() || null, address: m[2].trim().toLowerCase() };
  if (/^[^\s@]+@[^\s@]+$/.test(value.trim())) return { name: null, address: value.trim().toLowerCase() };
  const slug = value.toLowerCase().replace(/[^a-z0-9]+/g, ".").replace(/^\.|\.$/g, "") || "someone";
  const role = /^(?:recipient|sender|connector|team|all)$/i.test(value.trim());
  return { name: role ? null : value.trim(), address: `${slug}${index}@example.com` };
}

export function parsedEmail(fields: { from: Mailbox; to: Mailbox[]; cc?: Mailbox[]; subject?: string | null; text: string }): ParsedEmail {
  return {
    messageId: `<eval-${Math.random().toString(36).slice(2)}@example.com>`,
    subject: fields.subject ?? "",
    date: NOW - 60_000,
    from: fields.from,
    to: fields.to,
    cc: fields.cc ?? [],
    replyTo: [],
    inReplyTo: null,
    references: [],
    headers: [],
    text: fields.text,
    htmlOnly: false,
    attachments: [],
  };
}

/** What Tend understands from a message the user sent (with Tend on To or Cc). */
export function understandFromUser(email: ParsedEmail): Understanding {
  return understand({
    email,
    addressing: { tendAddress: TEND, userAddresses: [USER.address], envelopeTo: TEND },
    user: { ...USER, timeZone: TIME_ZONE },
    now: NOW,
    extractSignals: defaultSignalExtractor,
  });
}

export function signalsOf(u: Understanding): Signal[] {
  return u.signals;
}
