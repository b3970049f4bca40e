// npm run --silent inspect -- message.eml [--user you@example.com] [--tend tend@example.com]
//   [--to tend+3d@example.com] [--tz Europe/Berlin] [--now 2026-11-25T10:00:00Z]
// --to is the envelope recipient: a BCC'd follow-up address is in no header.
// Prints what Tend would understand from a message, as JSON, without a database.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { normalizeAddress, splitSubaddress } from "../lib/addresses.ts";
import { isTimeZone } from "../lib/time/zoned.ts";
import { routeEmail } from "../edge/route-email.ts";
import { automaticReason } from "../inbound/automatic.ts";
import { parseEmail } from "../inbound/parse-email.ts";
import { visibleText } from "../mail/visible-text.ts";
import { routedReport, understandingReport } from "./inspect-report.ts";
import { defaultSignalExtractor } from "../inbound/signal-extractor.ts";
import { understand } from "../inbound/understand.ts";

class UsageError extends Error {}

async function main(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      user: { type: "string" },
      tend: { type: "string" },
      to: { type: "string" },
      tz: { type: "string" },
      now: { type: "string" },
    },
  });
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0) throw new UsageError("usage: inspect <message.eml> [--user address] [--tend address] [--to address] [--tz zone] [--now ISO time]");
  const timeZone = values.tz ?? "UTC";
  if (!isTimeZone(timeZone)) throw new UsageError(`unknown time zone: ${timeZone}`);
  const now = values.now ? Date.parse(values.now) : Date.now();
  if (Number.isNaN(now)) throw new UsageError(`--now is not a date: ${values.now}`);

  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (bytes.byteLength === 0) throw new UsageError(`${path} is empty, not an email`);
  if (bytes.subarray(0, 4096).includes(0)) throw new UsageError(`${path} is binary, not an email`);
  const email = await parseEmail(bytes).catch((error: unknown) => {
    throw new UsageError(`${path} is not an email: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!email.from) throw new UsageError(`${path} is not an email: it has no From: address`);

  const userAddress = normalizeAddress(values.user ?? email.from.address);
  const recipients = [...email.to, ...email.cc].map((m) => m.address);
  const guessed = values.to ?? recipients.find((a) => /^tend(\+|@)/.test(a)) ?? `tend@${userAddress.split("@")[1]}`;
  const tendAddress = normalizeAddress(values.tend ?? splitSubaddress(guessed).base);
  const envelopeTo = normalizeAddress(values.to ?? recipients.find((a) => splitSubaddress(a).base === tendAddress) ?? tendAddress);
  const userName = userAddress === email.from.address ? email.from.name : null;
  const addressing = { tendAddress, userAddresses: [userAddress], envelopeTo };
  // The same order as the Worker: robots first, then replies and commands to Tend, then what would be logged.
  const route = automaticReason(email, email.from.address) ? null : routeEmail(email, addressing, now, timeZone);
  let report;
  if (route === null) report = routedReport("automatic", email.from, "", []);
  else if (route.kind === "log") {
    const user = { name: userName, address: userAddress, timeZone };
    report = understandingReport(understand({ email, addressing, user, now, extractSignals: defaultSignalExtractor }));
  } else {
    const commands =
      route.kind === "correction"
        ? route.corrections.wrong.length > 0
          ? [{ verb: "wrong" as const, items: route.corrections.wrong }]
          : []
        : route.kind === "reminder_reply"
          ? []
          : route.parsed.commands;
    report = routedReport(route.kind, email.from, visibleText(email.text), commands);
  }
  return JSON.stringify(report, null, 2);
}

main(process.argv.slice(2)).then(
  (json) => {
    process.stdout.write(`${json}\n`);
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`inspect: ${message.split("\n")[0]}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
