// Secrets and optional bindings that `wrangler types` cannot see in wrangler.toml.
interface Env {
  SIGNING_KEY: string;
  AI?: Ai;
}
declare namespace Cloudflare {
  interface Env {
    SIGNING_KEY: string;
    AI?: Ai;
  }
}
