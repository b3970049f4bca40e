// The inspect command under Node, as a user runs it (vitest.node.config.ts).
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const cli = path.join(root, "src/cli/inspect.ts");
const tsx = path.join(root, "node_modules/.bin/tsx");

async function inspect(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof Error && "code" in error && "stdout" in error && "stderr" in error) {
      return { code: Number(error.code), stdout: String(error.stdout), stderr: String(error.stderr) };
    }
    throw error;
  }
}

describe("inspect", () => {
  it("prints what Tend understands from an introduction", async () => {
    const { code, stdout } = await inspect("test/fixtures/gmail-intro-cc.eml");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(["kind", "from", "people", "forwarded", "introduction", "text", "signals", "commands"]);
    expect(report.kind).toBe("introduction");
    expect(report.from).toEqual({ name: "Sam Rivera", address: "sam.rivera@gmail.com" });
    expect(report.people.map((p: { address: string; role: string }) => [p.address, p.role])).toEqual([
      ["ana@lumen.studio", "introduced"],
      ["ben.cho@northwind.vc", "introduced"],
    ]);
    expect(report.introduction.optIn).toBe(false);
    expect(report.introduction.reason).toMatch(/climate tools/);
  });

  it("reads the forwarded block of an Outlook forward", async () => {
    const { stdout } = await inspect("test/fixtures/outlook-forwarded-notes.eml");
    const report = JSON.parse(stdout);
    expect(report.kind).toBe("forwarded");
    expect(report.forwarded.from).toEqual({ name: "Dev Patel", address: "dev@patel.io" });
    expect(report.forwarded.subject).toBe("Notes from today");
  });

  it("takes the envelope recipient for a BCC'd follow-up address", async () => {
    const { stdout } = await inspect("test/fixtures/gmail-follow-up-3d.eml", "--to", "tend+3d@tend.example");
    expect(JSON.parse(stdout).kind).toBe("reminder");
  });

  it("exits 2 with one line on stderr for input that is not an email", async () => {
    const file = path.join(tmpdir(), `not-an-email-${process.pid}.txt`);
    await writeFile(file, "just some words\n");
    const { code, stdout, stderr } = await inspect(file);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^inspect: .*not an email.*\n$/);
    expect(stderr.trim().split("\n").length).toBe(1);
  });

  it("exits 2 for a missing file and for a bad option value", async () => {
    expect((await inspect("no/such/file.eml")).code).toBe(2);
    expect((await inspect("test/fixtures/gmail-intro-cc.eml", "--tz", "Mars/Olympus")).code).toBe(2);
  });
});
