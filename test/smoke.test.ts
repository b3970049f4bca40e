import { env } from "cloudflare:workers";
import { expect, it } from "vitest";

it("has migrated tables", async () => {
  const r = await env.DB.prepare("select count(*) as n from users").first<{ n: number }>();
  expect(r?.n).toBe(0);
});
