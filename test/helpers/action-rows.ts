// Reads the rows acting on a digest changes, for assertions.
import { env } from "cloudflare:workers";

export async function itemStates(digestId: string): Promise<string[]> {
  const { results } = await env.DB.prepare("select state from digest_items where digest_id = ? order by position")
    .bind(digestId)
    .all<{ state: string }>();
  return results.map((row) => row.state);
}

export async function task(id: string) {
  return env.DB.prepare("select status, completed_at, snoozed_until from tasks where id = ?")
    .bind(id)
    .first<{ status: string; completed_at: number | null; snoozed_until: number | null }>();
}

export async function suppression(userId: string, subjectKey: string) {
  return env.DB.prepare("select until, reason from suppressions where user_id = ? and subject_key = ?")
    .bind(userId, subjectKey)
    .first<{ until: number; reason: string }>();
}

export async function contactRow(id: string) {
  return env.DB.prepare("select muted, cadence_days, next_check_in_at, last_interaction_at from contacts where id = ?")
    .bind(id)
    .first<{ muted: number; cadence_days: number | null; next_check_in_at: number | null; last_interaction_at: number | null }>();
}

export async function notesOn(contactId: string): Promise<string[]> {
  const { results } = await env.DB.prepare("select text from contact_notes where contact_id = ? order by created_at")
    .bind(contactId)
    .all<{ text: string }>();
  return results.map((row) => row.text);
}

/** Everything a digest command can write, to show that a refused reply wrote nothing. */
export async function actionSnapshot(): Promise<Record<string, unknown[]>> {
  const tables = [
    "digest_items",
    "tasks",
    "suppressions",
    "contacts",
    "contact_addresses",
    "contact_notes",
    "action_log",
    "users",
    "signals",
    "interactions",
    "interaction_participants",
    "introductions",
  ];
  const entries = await Promise.all(
    tables.map(async (table) => [table, (await env.DB.prepare(`select * from ${table} order by 1`).all()).results] as const),
  );
  return Object.fromEntries(entries);
}
