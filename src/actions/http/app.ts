import { Hono } from "hono";
import type { Deps } from "../../worker.ts";

export function createHttpApp(_deps: () => Deps) {
  const app = new Hono();
  app.get("/health", (c) => c.json({ ok: true }));
  return app;
}
