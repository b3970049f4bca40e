// Thousands of contacts for a user in one SQL statement each, for cost tests
// that compare a small address book with a large one.
import { env } from "cloudflare:workers";

/** `count` contacts (c1…cN, personN@example.com); with `loggedMessages`, as many logged messages too. */
export async function seedBulkContacts(userId: string, count: number, options: { loggedMessages?: boolean } = {}): Promise<void> {
  const series = `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count}) `;
  await env.DB.batch([
    env.DB.prepare(
      `${series}insert into contacts (id, user_id, name, name_quality, name_key, first_name_key, primary_address, last_interaction_at, interaction_count, next_check_in_at, created_at)
       select 'c' || i, ?1, 'Seed ' || i, 3, 'seed ' || i, 'seed', 'person' || i || '@example.com', 1700000000000, 1, 1705000000000, 1700000000000 from n`,
    ).bind(userId),
    env.DB.prepare(`${series}insert into contact_addresses (user_id, address, contact_id) select ?1, 'person' || i || '@example.com', 'c' || i from n`).bind(userId),
    ...(options.loggedMessages
      ? [
          env.DB.prepare(
            `${series}insert into processed_messages (user_id, message_id, kind, interaction_id, received_at) select ?1, '<seed-' || i || '@mail.gmail.com>', 'thread', 'i' || i, 1700000000000 from n`,
          ).bind(userId),
        ]
      : []),
  ]);
}
