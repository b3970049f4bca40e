// One fuzz case: a real fixture, who sends it, and what was done to it. The
// envelopes are those of test/fixtures/README.md; senders are mostly the
// fixture's own (registered users, so a mutation reaches deep into the
// pipeline), sometimes another user, a stranger whose mail passed DMARC, or a
// robot's envelope.
import * as fc from "fast-check";
import { fixtures, USERS } from "../helpers/fixtures.ts";
import { TEND } from "../helpers/mail.ts";
import { applyMutation, describeMutation, type Mutation, mutations } from "./mutations.ts";
import { bytesToText, findField, joinMessage, splitMessage, textToBytes } from "./raw-message.ts";

export type FixtureName = keyof typeof fixtures;

interface Envelope {
  from: string;
  to: string;
}

/** Each fixture's envelope and the address in its From: header. */
const FIXTURES: Record<FixtureName, Envelope & { author: string }> = {
  appleMailBccThread: { from: USERS.jon, to: TEND, author: USERS.jon },
  appleMailForwardGerman: { from: USERS.jon, to: TEND, author: USERS.jon },
  bounceGmail: { from: "<>", to: TEND, author: "mailer-daemon@googlemail.com" },
  gmailDoubleOptIn: { from: USERS.sam, to: TEND, author: USERS.sam },
  gmailFollowUp3d: { from: USERS.sam, to: "tend+3d@tend.example", author: USERS.sam },
  gmailForwardedIntro: { from: USERS.sam, to: TEND, author: USERS.sam },
  gmailIntroCc: { from: USERS.sam, to: TEND, author: USERS.sam },
  gmailNotesToTend: { from: USERS.sam, to: TEND, author: USERS.sam },
  // The literal TOKEN stays: a digest reply whose token names no digest.
  gmailReplyToDigest: { from: USERS.sam, to: "tend+r.TOKEN@tend.example", author: USERS.sam },
  mailingList: {
    from: "climate-founders-berlin+bncBAABB@googlegroups.com",
    to: TEND,
    author: "climate-founders-berlin@googlegroups.com",
  },
  outOfOfficeOutlook: { from: "ben.cho@northwind.vc", to: TEND, author: "ben.cho@northwind.vc" },
  outlookForwardFrench: { from: USERS.priya, to: TEND, author: USERS.priya },
  outlookForwardedNotes: { from: USERS.priya, to: TEND, author: USERS.priya },
  outlookHtmlOnly: { from: USERS.priya, to: TEND, author: USERS.priya },
  thunderbirdInvite: { from: USERS.kim, to: TEND, author: USERS.kim },
};

const FIXTURE_NAMES = Object.keys(FIXTURES).filter((name): name is FixtureName => name in fixtures);

export type Sender =
  | { kind: "as-written" }
  /** Rewritten to another registered user, with Cloudflare's verdict for their domain. */
  | { kind: "user"; address: string }
  /** Rewritten to a stranger whose mail passed DMARC. */
  | { kind: "stranger"; address: string }
  /** Headers as written, envelope of a robot. */
  | { kind: "robot-envelope"; from: string };

const sender: fc.Arbitrary<Sender> = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: "as-written" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("user" as const), address: fc.constantFrom(...Object.values(USERS)) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("stranger" as const),
      address: fc.constantFrom("mallory@evil.example", "ana@lumen.studio", "noreply@notifications.example"),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("robot-envelope" as const),
      from: fc.constantFrom("<>", "", "mailer-daemon@googlemail.com", "postmaster@outlook.com"),
    }),
  },
);

export interface FuzzCase {
  fixture: FixtureName;
  sender: Sender;
  mutations: Mutation[];
}

export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.record({
  fixture: fc.constantFrom(...FIXTURE_NAMES),
  sender,
  mutations,
});

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}

/** The fixture as sent by someone else: From:, its trace and Cloudflare's verdict name the new sender. */
function readdress(raw: string, author: string, address: string): string {
  const msg = splitMessage(raw);
  const fields = msg.fields.map((f) => f.split(author).join(address));
  const verdict = findField(msg, "Authentication-Results");
  const field = fields[verdict];
  if (field !== undefined) fields[verdict] = field.split(domainOf(author)).join(domainOf(address));
  return joinMessage({ ...msg, fields });
}

export interface BuiltCase {
  bytes: Uint8Array;
  envelope: Envelope;
}

export function buildCase(c: FuzzCase): BuiltCase {
  const fixture = FIXTURES[c.fixture];
  let raw = bytesToText(fixtures[c.fixture]);
  let envelope: Envelope = { from: fixture.from, to: fixture.to };
  if (c.sender.kind === "user" || c.sender.kind === "stranger") {
    raw = readdress(raw, fixture.author, c.sender.address);
    envelope = { ...envelope, from: c.sender.address };
  } else if (c.sender.kind === "robot-envelope") {
    envelope = { ...envelope, from: c.sender.from };
  }
  for (const m of c.mutations) raw = applyMutation(raw, m);
  return { bytes: textToBytes(raw), envelope };
}

function describeSender(c: FuzzCase): string {
  switch (c.sender.kind) {
    case "as-written":
      return FIXTURES[c.fixture].from;
    case "user":
    case "stranger":
      return `${c.sender.kind} ${c.sender.address}`;
    default:
      return `robot envelope ${JSON.stringify(c.sender.from)}`;
  }
}

export function describeCase(c: FuzzCase): string {
  const mutated = c.mutations.length > 0 ? c.mutations.map(describeMutation).join(" then ") : "as written";
  return `${c.fixture} from ${describeSender(c)}: ${mutated}`;
}
