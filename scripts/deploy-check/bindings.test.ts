import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkBindings, dryRunBindings, envMembers, envReads } from "./bindings.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

const DRY_RUN = `Total Upload: 2690.70 KiB / gzip: 588.37 KiB
Your Worker has access to the following bindings:
Binding                                                          Resource
env.SEND_EMAIL (unrestricted)                                    Send Email
env.DIGEST_QUEUE (tend-digests)                                  Queue
env.DB (tend)                                                    D1 Database
env.TEND_ADDRESS ("tend@example.com")                            Environment Variable
env.OWNERS ("you@example.com")                                   Environment Variable
env.PUBLIC_URL ("http://localhost:8787")                         Environment Variable
env.ALLOW_UNAUTHENTICATED_SENDERS ("false")                      Environment Variable

--dry-run: exiting now.`;

function check(dryRun: string, extraSource = "") {
  const members = [...envMembers(read("worker-configuration.d.ts")), ...envMembers(read("src/env.d.ts"))];
  const secrets = envMembers(read("src/env.d.ts")).filter((m) => !m.optional).map((m) => m.name);
  return checkBindings({ members, reads: envReads(`${read("src/edge/worker.ts")}\n${extraSource}`), secrets, declared: dryRunBindings(dryRun) });
}

describe("deploy check: wrangler.toml names every binding the code uses", () => {
  it("passes the project as it is: SIGNING_KEY is a secret, AI is optional", () => {
    expect(check(DRY_RUN)).toEqual({ missing: [], secrets: ["SIGNING_KEY"], optionalAbsent: ["AI"] });
  });

  it("finds a binding the code reads that wrangler.toml lost (the queue producer removed)", () => {
    const withoutQueue = DRY_RUN.replace(/^env\.DIGEST_QUEUE.*\n/m, "");
    expect(check(withoutQueue).missing).toEqual(["DIGEST_QUEUE"]);
  });

  it("finds a binding read as env.X that no Env type declares and wrangler.toml does not bind", () => {
    expect(check(DRY_RUN, "const cache = env.SESSIONS_KV;").missing).toEqual(["SESSIONS_KV"]);
  });

  it("reads Env members, optional ones marked, from a generated and a hand-written declaration", () => {
    expect(envMembers("interface __BaseEnv_Env {\n\tDB: D1Database;\n\tOWNERS: string;\n}\ninterface Env {\n  AI?: Ai;\n}")).toEqual([
      { name: "DB", optional: false },
      { name: "OWNERS", optional: false },
      { name: "AI", optional: true },
    ]);
  });
});
