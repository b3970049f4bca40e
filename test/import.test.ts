// Address books mailed to Tend, through the real email() and queue() handlers
// against local D1: real export files (test/fixtures/imports/), merges across
// formats, a second import that changes nothing, malformed and refused files,
// a chunk that fails and is retried, and a 10,000-row file in batches.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { IMPORT_CHUNK_ROWS, MAX_IMPORT_ROWS } from "../src/actions/import/limits.ts";
import { MAX_RAW_BYTES } from "../src/inbound/limits.ts";
import googleCsv from "./fixtures/imports/google-contacts.csv?bytes";
import iphoneVcf from "./fixtures/imports/iphone-contacts.vcf?bytes";
import linkedInCsv from "./fixtures/imports/linkedin-connections.csv?bytes";
import malformedCsv from "./fixtures/imports/malformed-connections.csv?bytes";
import outlookCsv from "./fixtures/imports/outlook-contacts.csv?bytes";
import thunderbirdVcf from "./fixtures/imports/thunderbird-contacts.vcf?bytes";
import { commandMail, gmailReply } from "./helpers/client-replies.ts";
import { meterD1 } from "./helpers/d1-meter.ts";
import { emailMessage } from "./helpers/email-message.ts";
import { linkedInConnections } from "./helpers/import-files.ts";
import { importHarness, SAM, TEND } from "./helpers/import-mail.ts";
import { resetDatabase } from "./helpers/rows.ts";
import { type SentMail, TEST_NOW } from "./helpers/worker.ts";

beforeEach(resetDatabase);

const clock = { now: () => TEST_NOW };

interface PersonRow {
  name: string | null;
  primary_address: string | null;
  addresses: string | null;
  company: string | null;
  position: string | null;
  notes: string | null;
  birthday: string | null;
  connected_on: string | null;
}

async function people(): Promise<PersonRow[]> {
  const { results } = await env.DB.prepare(
    `select c.name, c.primary_address,
            (select group_concat(address, ' ') from (select address from contact_addresses a where a.contact_id = c.id order by address)) as addresses,
            p.company, p.position, p.notes, p.birthday, p.connected_on
     from contacts c left join contact_profiles p on p.contact_id = c.id order by c.name`,
  ).all<PersonRow>();
  return results;
}

async function person(name: string): Promise<PersonRow | undefined> {
  return (await people()).find((p) => p.name === name);
}

/** Everything an import can write, as one comparable value. */
async function snapshot(): Promise<unknown> {
  const tables = ["contacts", "contact_addresses", "contact_profiles"];
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = (await env.DB.prepare(`select * from ${table} order by 1, 2`).all()).results;
  return out;
}

/** Tend's answers about address books; a new user's first mail also gets the welcome (src/actions/account-welcome.ts). */
function importReplies(sent: readonly SentMail[]): SentMail[] {
  return sent.filter((m) => /^I (read|could not import) /.test(m.parsed.text ?? ""));
}

async function importFile(h: ReturnType<typeof importHarness>, filename: string, contentType: string, content: Uint8Array | string) {
  const before = h.sent.length;
  await h.send({ filename, contentType, content });
  const drained = await h.drain();
  const replies = importReplies(h.sent.slice(before));
  expect(replies).toHaveLength(1);
  return { reply: replies[0]?.parsed.text ?? "", mail: replies[0], ...drained };
}

describe("importing real export files", () => {
  it("reads an iPhone vCard: names, every address, company, position, notes and birthdays; a card with neither name nor address is skipped by line", async () => {
    const h = importHarness(clock);
    const { reply, mail } = await importFile(h, "Ana Lima and 3 others.vcf", "text/vcard", iphoneVcf);
    expect(mail?.parsed.inReplyTo).toMatch(/^<CAimport\d+@mail\.gmail\.com>$/);
    expect(reply).toContain("Added: 3 people");
    expect(reply).toMatch(/Skipped, not understood: 1 row\n\s+line 38: no name and no e-mail address/);
    expect(await person("Ana Lima")).toEqual({
      name: "Ana Lima",
      primary_address: "ana@lumen.studio",
      addresses: "ana.lima@gmail.com ana@lumen.studio",
      company: "Lumen Studio",
      position: "Founder",
      notes: "Met at Web Summit 2025. Looking for a design lead; loves sailing.",
      birthday: "1988-03-14",
      connected_on: null,
    });
    // Apple's placeholder year 1604 means "no year".
    expect((await person("Ben Cho"))?.birthday).toBe("--11-02");
    expect(await person("Carla Mendes")).toMatchObject({ primary_address: null, addresses: null, notes: "Carla from the climbing gym" });
  });

  it("reads a vCard 4.0 file (Thunderbird) and names the broken card's line", async () => {
    const h = importHarness(clock);
    const { reply } = await importFile(h, "contacts.vcf", "text/x-vcard", thunderbirdVcf);
    expect(reply).toContain("Added: 2 people");
    expect(reply).toMatch(/line 19: a card that is not valid vCard/);
    expect(await person("Dev Patel")).toMatchObject({ birthday: "--07-04", company: "Patel Labs", position: "CTO" });
  });

  it("merges a Google CSV into what a vCard brought, by address; several addresses in one cell; accents kept", async () => {
    const h = importHarness(clock);
    await importFile(h, "contacts.vcf", "text/vcard", iphoneVcf);
    const { reply } = await importFile(h, "contacts.csv", "text/csv", googleCsv);
    expect(reply).toContain("Added: 3 people");
    expect(reply).toContain("Merged into people Tend already knew: 1 person");
    expect(await person("Ana Lima")).toMatchObject({
      addresses: "ana.lima@gmail.com ana@lumen.studio",
      // The newer export's values win; what it leaves empty is kept.
      position: "Founder & Creative Director",
      notes: "Web Summit 2025.\nWants intros to design leads.",
      birthday: "1988-03-14",
    });
    expect(await person("Farah Haddad")).toMatchObject({ addresses: "farah.haddad@gmail.com farah@greenloop.org", birthday: "--05-09" });
    expect(await person("José Álvarez")).toMatchObject({ company: "Café Núcleo", primary_address: "jose@cafenucleo.pt" });
  });

  it("imports the same file a second time without changing anything", async () => {
    const h = importHarness(clock);
    await importFile(h, "contacts.csv", "text/csv", googleCsv);
    const first = await snapshot();
    const { reply } = await importFile(h, "contacts.csv", "text/csv", googleCsv);
    expect(reply).toContain("Nothing changed: all 4 people were already in Tend, up to date.");
    expect(await snapshot()).toEqual(first);
  });

  it("reads LinkedIn's Connections.csv past its notes; people without an address merge by name", async () => {
    const h = importHarness(clock);
    await importFile(h, "contacts.vcf", "text/vcard", iphoneVcf);
    const { reply } = await importFile(h, "Connections.csv", "text/csv", linkedInCsv);
    expect(reply).toContain("I read Connections.csv (LinkedIn connections): 5 entries.");
    expect(reply).toContain("Added: 4 people");
    expect(reply).toContain("Merged into people Tend already knew: 1 person");
    expect(reply).not.toContain("Skipped");
    expect(await person("Ana Lima")).toMatchObject({ primary_address: "ana@lumen.studio", connected_on: "2024-03-14", company: "Lumen Studio" });
    expect(await person("Ngozi Eze")).toMatchObject({ primary_address: null, company: "Eze & Partners, LLP", connected_on: "2025-11-21" });
    expect(await person("Tomás Ruiz")).toMatchObject({ position: "Advisor, Climate Tech", connected_on: "2022-08-05" });
  });

  it("reads Outlook's Windows-1252 CSV (attached as an Excel type) and merges by a second address", async () => {
    const h = importHarness(clock);
    await importFile(h, "contacts.vcf", "text/vcard", iphoneVcf);
    const { reply } = await importFile(h, "contacts.csv", "application/vnd.ms-excel", outlookCsv);
    expect(reply).toContain("(Outlook CSV)");
    expect(await person("Kim Schäfer")).toMatchObject({ primary_address: "kim@posteo.de", birthday: "1990-06-30", company: "Fraunhofer", position: "Researcher" });
    expect(await person("Ben Cho")).toMatchObject({ addresses: "ben.cho@northwind.vc ben@cho.family", position: "General Partner", birthday: "--11-02" });
  });
});

describe("files that are not (all) understood", () => {
  it("imports the good rows of a malformed file and lists every other row by line", async () => {
    const h = importHarness(clock);
    const { reply } = await importFile(h, "Connections.csv", "text/csv", malformedCsv);
    expect(reply).toContain("Added: 2 people");
    expect(reply).toContain("Skipped, not understood: 4 rows");
    expect(reply).toContain("line 3: a quote that is never closed");
    expect(reply).toContain("line 4: 5 fields where the header has 7");
    expect(reply).toContain("line 5: no name and no e-mail address");
    expect(reply).toContain("line 6: “sven(at)berg.se” is not an e-mail address");
    expect((await people()).map((p) => p.name)).toEqual(["Priya Shah", "Rui Costa"]);
  });

  it("answers a file that is not text, or has too many rows, with the reason, and stores nothing", async () => {
    const h = importHarness(clock);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await h.send({ filename: "contacts.csv", contentType: "text/csv", content: png });
    await h.send({ filename: "Connections.csv", contentType: "text/csv", content: linkedInConnections(MAX_IMPORT_ROWS + 1) });
    expect(h.queued).toHaveLength(0);
    expect(importReplies(h.sent).map((m) => m.parsed.text?.split("\n")[0])).toEqual([
      "I could not import contacts.csv: it is not a text file (a CSV or vCard is text; save the spreadsheet as CSV, UTF-8).",
      "I could not import Connections.csv: it has 20,001 entries; Tend imports at most 20,000 at a time.",
    ]);
    expect(importReplies(h.sent).every((m) => m.parsed.text?.includes("Nothing was changed."))).toBe(true);
    const counts = await env.DB.prepare("select (select count(*) from contacts) as contacts, (select count(*) from import_runs) as runs").first();
    expect(counts).toEqual({ contacts: 0, runs: 0 });
  });

  it("a chunk whose batch fails writes nothing; the retry applies it once and the counts add up", async () => {
    const h = importHarness(clock);
    const rows = IMPORT_CHUNK_ROWS + 500;
    await h.send({ filename: "Connections.csv", contentType: "text/csv", content: linkedInConnections(rows) });
    let batches = 0;
    const failSecondBatch = new Proxy(env.DB, {
      get(target, prop) {
        if (prop === "batch") {
          return async (statements: D1PreparedStatement[]) => {
            if (++batches === 2) throw new Error("D1_ERROR: injected failure");
            return target.batch(statements);
          };
        }
        const value: unknown = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    // The first job applies chunk 0; the second fails on its batch and is retried.
    const first = await h.drain({ DB: failSecondBatch }, 2);
    expect(first.retries).toBe(1);
    const midway = await env.DB.prepare("select count(*) as n from contacts").first<{ n: number }>();
    expect(midway?.n).toBe(IMPORT_CHUNK_ROWS);
    await h.drain();
    const replies = importReplies(h.sent);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.parsed.text).toContain(`Added: ${rows.toLocaleString("en-US")} people`);
    const total = await env.DB.prepare("select count(*) as n, count(distinct name) as names from contacts").first();
    expect(total).toEqual({ n: rows, names: rows });
  });
});

describe("a 10,000-row import", () => {
  it("runs in batches through the queue, each job within a few statements, and a second import changes nothing", async () => {
    const h = importHarness(clock);
    const csv = linkedInConnections(10_000);
    // Larger than the part of a message other mail is read to: the edge reads on for an import.
    expect(new TextEncoder().encode(csv).byteLength).toBeGreaterThan(MAX_RAW_BYTES);
    const meter = meterD1(env.DB);
    await h.send({ filename: "Connections.csv", contentType: "text/csv", content: csv }, { DB: meter.db });
    expect(h.queued).toHaveLength(1);
    const perJob: number[] = [];
    while (h.queued.length > 0) {
      meter.reset();
      await h.drain({ DB: meter.db }, 1);
      perJob.push(meter.cost.roundTrips);
    }
    expect(perJob).toHaveLength(10_000 / IMPORT_CHUNK_ROWS);
    // Read the run and its chunk, look up addresses and names, one batch; the last also answers.
    // Far inside the 50 queries a Worker on the Free plan may make in one invocation.
    expect(Math.max(...perJob)).toBeLessThanOrEqual(12);
    expect(h.sent.at(-1)?.parsed.text).toContain("Added: 10,000 people");
    const first = await snapshot();
    const again = await importFile(h, "Connections.csv", "text/csv", csv);
    expect(again.reply).toContain("Nothing changed: all 10,000 people were already in Tend, up to date.");
    expect(await snapshot()).toEqual(first);
  });
});

async function owned(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ["contacts", "contact_profiles", "import_runs"]) {
    counts[table] = (await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>())?.n ?? 0;
  }
  return counts;
}

describe("leaving after an import", () => {
  it("delete my account takes the imported profiles and the import's record with it", async () => {
    const h = importHarness(clock);
    await importFile(h, "contacts.vcf", "text/vcard", iphoneVcf);
    const before = await owned();
    // Every table the test means to see emptied holds rows of the import first.
    expect(Object.entries(before).filter(([, n]) => n === 0)).toEqual([]);

    const deliver = (raw: string) => h.worker.email(emailMessage(raw, { from: SAM.address, to: TEND }), env);
    await deliver(commandMail({ from: SAM, to: TEND, subject: "delete my account", at: TEST_NOW }));
    const ask = h.sent.at(-1);
    if (!ask) throw new Error("no confirmation request");
    await deliver(gmailReply(ask, SAM, ["Yes, delete it."], { at: TEST_NOW }));
    expect(h.sent.at(-1)?.parsed.subject).toBe("Your Tend account is deleted");
    expect(await owned()).toEqual({ contacts: 0, contact_profiles: 0, import_runs: 0 });
  });
});
