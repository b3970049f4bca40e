declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
    UPDATE_SCENARIOS: string;
  }
}

declare module "*?bytes" {
  const bytes: Uint8Array;
  export default bytes;
}
