// The CPU work email() does on one message, minus the database, in its order:
// the header block read, the robot check, the body read (postal-mime, HTML to
// text, the invite parser when there is a calendar part), routing, and
// understand (classify, forwards, invites, introductions, people, signals).
// `npm run bench:inbound` times it warm through tsx, and cold from a bundle
// wrangler builds of this file, as it builds the Worker.
import { routeEmail } from "../src/edge/route-email.ts";
import { automaticReason } from "../src/inbound/automatic.ts";
import { readBody, readHeaders } from "../src/inbound/parse-email.ts";
import { defaultSignalExtractor } from "../src/inbound/signal-extractor.ts";
import { understand } from "../src/inbound/understand.ts";

export interface InboundInput {
  bytes: Uint8Array;
  envelope: { from: string; to: string };
  tendAddress: string;
  now: number;
}

export interface InboundTiming {
  /** Header block and body read. */
  parseMs: number;
  /** Routing and understanding. */
  understandMs: number;
  /** Characters of body text read; 0 when only the headers were. */
  textChars: number;
}

/** Milliseconds from some fixed point: wall time by default; the bench passes the process's CPU time. */
export type Clock = () => number;

export async function inbound(input: InboundInput, clock: Clock = () => performance.now()): Promise<InboundTiming> {
  const start = clock();
  const headers = await readHeaders(input.bytes);
  if (automaticReason(headers, input.envelope.from)) return { parseMs: clock() - start, understandMs: 0, textChars: 0 };
  const body = await readBody(input.bytes);
  const email = { ...headers, ...body };
  const parsed = clock();
  const addressing = { tendAddress: input.tendAddress, userAddresses: [input.envelope.from], envelopeTo: input.envelope.to };
  const route = routeEmail(email, addressing, input.now, "UTC");
  if (route.kind === "log") {
    const user = { name: email.from?.name ?? null, address: input.envelope.from, timeZone: "UTC" };
    understand({ email, addressing, user, now: input.now, extractSignals: defaultSignalExtractor, visibleText: route.visibleText });
  }
  return { parseMs: parsed - start, understandMs: clock() - parsed, textChars: body.text.length };
}

// wrangler bundles a Worker: this lets it bundle these steps alone. Nothing calls it.
export default {
  async fetch(): Promise<Response> {
    return new Response(null, { status: 404 });
  },
};
