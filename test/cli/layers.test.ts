// The layer check (`npm run layers`, .dependency-cruiser.cjs) fires on every
// kind of violation it promises to catch, type imports included: each case
// plants one bad import in a small tree laid out like src/.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const depcruise = path.join(root, "node_modules/.bin/depcruise");

async function layers(cwd: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(depcruise, ["src", "--config", path.join(root, ".dependency-cruiser.cjs"), "--output-type", "err"], { cwd });
    return { code: 0, output: stdout };
  } catch (error) {
    if (error instanceof Error && "code" in error && "stdout" in error) return { code: Number(error.code), output: String(error.stdout) };
    throw error;
  }
}

// One file per layer, each importing only what lies below it.
const CLEAN: Record<string, string> = {
  "src/model.ts": "export type Id = string;\n",
  "src/lib/ids.ts": 'import type { Id } from "../model.ts";\nexport const id = (): Id => "x";\n',
  "src/db/rows.ts": 'import { id } from "../lib/ids.ts";\nexport const row = id;\n',
  "src/mail/mime.ts": 'import type { Id } from "../model.ts";\nexport const mime = (i: Id) => i;\n',
  "src/domain/deps.ts": 'import { row } from "../db/rows.ts";\nimport { mime } from "../mail/mime.ts";\nexport const deps = { row, mime };\n',
  "src/inbound/log.ts": 'import { deps } from "../domain/deps.ts";\nexport const log = deps;\n',
  "src/digest/send.ts": 'import { deps } from "../domain/deps.ts";\nexport const send = deps;\n',
  "src/edge/worker.ts": 'import { log } from "../inbound/log.ts";\nimport { send } from "../digest/send.ts";\nexport default { log, send };\n',
};

let dir = "";

async function tree(extra: Record<string, string>): Promise<string> {
  const caseDir = await mkdtemp(path.join(dir, "case-"));
  for (const [file, text] of Object.entries({ ...CLEAN, ...extra })) {
    await mkdir(path.dirname(path.join(caseDir, file)), { recursive: true });
    await writeFile(path.join(caseDir, file), text);
  }
  await cp(path.join(root, "tsconfig.json"), path.join(caseDir, "tsconfig.json"));
  return caseDir;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tend-layers-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm run layers", () => {
  it("passes on Tend's own src/", async () => {
    const { code, output } = await layers(root);
    expect(output).toContain("no dependency violations");
    expect(code).toBe(0);
  });

  it("passes on a clean tree", async () => {
    expect((await layers(await tree({}))).code).toBe(0);
  });

  it.each([
    ["no-cycle", { "src/lib/a.ts": 'import type { B } from "./b.ts";\nexport type A = B;\n', "src/lib/b.ts": 'import type { A } from "./a.ts";\nexport type B = { a?: A };\n' }],
    ["edge-is-top", { "src/inbound/up.ts": 'import type w from "../edge/worker.ts";\nexport type W = typeof w;\n' }],
    ["pipelines-apart", { "src/inbound/side.ts": 'import { send } from "../digest/send.ts";\nexport const side = send;\n' }],
    ["domain-below-pipelines", { "src/domain/up.ts": 'import type { log } from "../inbound/log.ts";\nexport type L = typeof log;\n' }],
    ["storage-below-domain", { "src/db/up.ts": 'import { deps } from "../domain/deps.ts";\nexport const up = deps;\n' }],
    ["storage-apart", { "src/mail/side.ts": 'import { row } from "../db/rows.ts";\nexport const side = row;\n' }],
    ["ground-is-ground", { "src/lib/up.ts": 'import type { row } from "../db/rows.ts";\nexport type R = typeof row;\n' }],
    ["model-is-a-leaf", { "src/model.ts": 'import type { id } from "./lib/ids.ts";\nexport type Id = ReturnType<typeof id>;\n' }],
  ])("fails on a planted %s violation", async (rule, plant) => {
    const { code, output } = await layers(await tree(plant));
    expect(output).toContain(`error ${rule}:`);
    expect(code).not.toBe(0);
  });
});
