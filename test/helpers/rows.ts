import { env } from "cloudflare:workers";

const TABLES = [
  "users",
  "user_addresses",
  "contacts",
  "contact_addresses",
  "interactions",
  "interaction_participants",
  "introductions",
  "signals",
  "tasks",
  "processed_messages",
  "outbound_messages",
] as const;

export async function countRows(table: (typeof TABLES)[number]): Promise<number> {
  const row = await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}

/** Row counts of every table the inbound pipeline writes. */
export async function allCounts(): Promise<Partial<Record<(typeof TABLES)[number], number>>> {
  const counts: Partial<Record<(typeof TABLES)[number], number>> = {};
  for (const table of TABLES) counts[table] = await countRows(table);
  return counts;
}

/** Empties every table (children first), so each test starts from a fresh database. */
export async function resetDatabase(): Promise<void> {
  const { results } = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'd1_%' and name not like '_cf_%'",
  ).all<{ name: string }>();
  await env.DB.batch([
    env.DB.prepare("PRAGMA defer_foreign_keys = on"),
    // Children before parents (tables were created parents first): each parent's
    // foreign-key check then meets empty child tables, so clearing a 10,000-contact
    // seed takes milliseconds instead of a scan per row.
    ...results.toReversed().map((t) => env.DB.prepare(`delete from "${t.name}"`)),
  ]);
}
