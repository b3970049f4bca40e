// Checks the public evaluation sets in eval/public: schema, unique ids, the split rule, and prints counts.
// Run: npm run eval:check-sets. Exits non-zero on the first file with problems (after listing them).
import { createHash } from "node:crypto";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";

const DIR = join(import.meta.dirname, "..", "eval", "public");

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

// The split is a pure function of the id, fixed before anyone looked at results: never change it.
export function splitOf(id: string): "test" | "dev" {
  const firstByte = createHash("sha256").update(id, "utf8").digest()[0] ?? 0;
  return firstByte < 128 ? "test" : "dev";
}

function isObj(v: Json | undefined): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isStr(v: Json | undefined): v is string {
  return typeof v === "string";
}
function isStrArray(v: Json | undefined): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}
function isJson(v: unknown): v is Json {
  if (v === null || typeof v === "boolean" || typeof v === "number" || typeof v === "string") return true;
  if (Array.isArray(v)) return v.every((x: unknown) => isJson(x));
  if (typeof v === "object") return Object.values(v).every((x: unknown) => isJson(x));
  return false;
}
// For count keys: strings as they are, anything else as JSON.
function show(v: Json | undefined): string {
  return isStr(v) ? v : (JSON.stringify(v) ?? "undefined");
}
function hasSource(item: Obj): boolean {
  const s = item.source;
  return isObj(s) && (isStr(s.url) || (isStr(s.repo) && isStr(s.path)));
}

type Checker = (item: Obj, problems: string[]) => string[];

const introductions: Checker = (item, problems) => {
  if (!isStr(item.body) || item.body.trim() === "") problems.push("body must be a non-empty string");
  if (!(item.subject === null || isStr(item.subject))) problems.push("subject must be a string or null");
  if (!isStr(item.from)) problems.push("from must be a string");
  if (!isStrArray(item.to) || !isStrArray(item.cc)) problems.push("to and cc must be string arrays");
  const label = item.label;
  if (!isObj(label) || typeof label.is_introduction !== "boolean") {
    problems.push("label.is_introduction must be a boolean");
    return [];
  }
  const type = label.type;
  if (label.is_introduction) {
    if (type !== "direct" && type !== "double_opt_in") problems.push("an introduction needs type direct or double_opt_in");
  } else if (type !== null) problems.push("a non-introduction has type null");
  if (!isStrArray(label.introduced)) problems.push("label.introduced must be a string array");
  return [`is_introduction=${show(label.is_introduction)}`, `type=${show(type)}`];
};

const asks: Checker = (item, problems) => {
  if (!isStr(item.sentence) || item.sentence.trim() === "") problems.push("sentence must be a non-empty string");
  const context = item.context;
  if (!isObj(context) || !(context.previous === null || isStr(context.previous))) problems.push("context.previous must be a string or null");
  const label = item.label;
  if (!isObj(label) || typeof label.is_request !== "boolean" || typeof label.borderline !== "boolean") {
    problems.push("label.is_request and label.borderline must be booleans");
    return [];
  }
  if (label.due_phrase !== undefined && !isStr(label.due_phrase)) problems.push("label.due_phrase must be a string");
  if (isStr(label.due_phrase) && isStr(item.sentence) && !item.sentence.includes(label.due_phrase)) {
    problems.push("label.due_phrase must be quoted from the sentence");
  }
  return [`is_request=${show(label.is_request)}`];
};

const notes: Checker = (item, problems) => {
  if (!isStr(item.text) || item.text.trim() === "") problems.push("text must be a non-empty string");
  const label = item.label;
  if (!isObj(label) || !Array.isArray(label.action_items) || !Array.isArray(label.needs)) {
    problems.push("label.action_items and label.needs must be arrays");
    return [];
  }
  const text = isStr(item.text) ? item.text : "";
  for (const entry of [...label.action_items, ...label.needs]) {
    if (!isObj(entry) || !isStr(entry.text)) {
      problems.push("every action item and need has a text");
      continue;
    }
    if (!(entry.owner === null || entry.owner === undefined || isStr(entry.owner))) problems.push("owner must be a string or null");
    if (!(entry.due === null || entry.due === undefined || isStr(entry.due))) problems.push("due must be a string or null");
    if (!text.includes(entry.text)) problems.push(`"${entry.text.slice(0, 40)}" is not quoted from the note`);
    if (isStr(entry.due) && !text.includes(entry.due)) problems.push(`due phrase "${entry.due}" is not in the note`);
  }
  return [`action_items=${label.action_items.length > 0 ? "some" : "none"}`, `needs=${label.needs.length > 0 ? "some" : "none"}`];
};

const replies: Checker = (item, problems) => {
  const format = item.format;
  if (format === "text" && !isStr(item.text)) problems.push("a text item needs text");
  if (format === "html" && !isStr(item.html)) problems.push("an html item needs html");
  if (format !== "text" && format !== "html") problems.push("format must be text or html");
  if (!isStr(item.lang)) problems.push("lang must be a string");
  const label = item.label;
  if (!isObj(label)) {
    problems.push("label must be an object");
    return [];
  }
  const match = label.match;
  if (match === "contains") {
    if (!isStrArray(label.must_contain) || !isStrArray(label.must_not_contain)) problems.push("contains labels need must_contain and must_not_contain");
  } else if (match === "exact" || match === "nows") {
    if (!isStr(label.visible_text)) problems.push("label.visible_text must be a string");
  } else problems.push("label.match must be exact, nows or contains");
  return [`format=${show(format)}`, `lang=${show(item.lang)}`, `basis=${show(label.basis)}`];
};

const forwards: Checker = (item, problems) => {
  if (!isStr(item.text) || item.text.trim() === "") problems.push("text must be a non-empty string");
  if (!(item.subject === null || isStr(item.subject))) problems.push("subject must be a string or null");
  if (!isStr(item.client) || !isStr(item.lang)) problems.push("client and lang must be strings");
  const source = item.source;
  if (!isObj(source) || !isStr(source.commit) || !/^[0-9a-f]{40}$/.test(source.commit)) problems.push("source.commit must be a 40-hex commit");
  const label = item.label;
  if (!isObj(label) || typeof label.forwarded !== "boolean") {
    problems.push("label.forwarded must be a boolean");
    return [];
  }
  const from = label.from;
  if (label.forwarded) {
    if (!isObj(from) || !isStr(from.address) || !(from.name === null || isStr(from.name))) problems.push("a forward needs label.from {address, name}");
    else if (isStr(item.text) && !item.text.includes(from.address)) problems.push("label.from.address must appear in the text");
  } else if (from !== null) problems.push("a reply that is not a forward has label.from null");
  return [`forwarded=${show(label.forwarded)}`, `client=${show(item.client)}`, `lang=${show(item.lang)}`];
};

const SETS: Record<string, Checker> = {
  "introductions.jsonl": introductions,
  "asks.jsonl": asks,
  "notes.jsonl": notes,
  "replies.jsonl": replies,
  "forwards.jsonl": forwards,
};

function checkFile(name: string, checker: Checker): number {
  const path = join(DIR, name);
  if (!existsSync(path)) {
    console.log(`${name}: missing`);
    return 1;
  }
  const lines = readFileSync(path, "utf8").split("\n").filter((line) => line.trim() !== "");
  const ids = new Set<string>();
  const counts = new Map<string, number>();
  const problems: string[] = [];
  lines.forEach((line, index) => {
    const where = `${name}:${index + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      problems.push(`${where}: not JSON`);
      return;
    }
    if (!isJson(parsed)) {
      problems.push(`${where}: not plain JSON`);
      return;
    }
    if (!isObj(parsed)) {
      problems.push(`${where}: not an object`);
      return;
    }
    const id = parsed.id;
    if (!isStr(id) || id === "") {
      problems.push(`${where}: missing id`);
      return;
    }
    if (ids.has(id)) problems.push(`${where}: duplicate id ${id}`);
    ids.add(id);
    if (parsed.split !== splitOf(id)) problems.push(`${where}: split must be ${splitOf(id)} (sha256 of the id)`);
    if (!hasSource(parsed)) problems.push(`${where}: source needs a url, or a repo and path`);
    const itemProblems: string[] = [];
    const keys = checker(parsed, itemProblems);
    for (const p of itemProblems) problems.push(`${where} (${id}): ${p}`);
    for (const key of ["all", ...keys]) {
      const countKey = `${show(parsed.split)} ${key}`;
      counts.set(countKey, (counts.get(countKey) ?? 0) + 1);
    }
  });
  console.log(`${name}: ${lines.length} items`);
  for (const [key, n] of [...counts.entries()].toSorted(([a], [b]) => a.localeCompare(b))) console.log(`  ${key}: ${n}`);
  for (const p of problems.slice(0, 50)) console.log(`  PROBLEM ${p}`);
  if (problems.length > 50) console.log(`  ... and ${problems.length - 50} more problems`);
  return problems.length > 0 ? 1 : 0;
}

let failed = 0;
for (const [name, checker] of Object.entries(SETS)) failed += checkFile(name, checker);
if (failed > 0) {
  console.log(`${failed} set(s) with problems`);
  process.exitCode = 1;
}
