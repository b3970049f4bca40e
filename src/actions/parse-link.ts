// "link 3 dev@patel.io": the address of someone a digest item names only by
// name (a pending contact, from the user's notes). Anything else is null.
import { isAddress } from "../lib/addresses.ts";
import type { DigestCommand } from "./command-types.ts";

const LINK = /^(?:link\s*#?(\d{1,2})|#?(\d{1,2})\s+link)\s*[:\-–]?\s+(?:(?:to|with|as|is)\s+)?<?([^\s<>]+?)>?[.!]?$/i;

export function parseLink(line: string): DigestCommand | null {
  const m = LINK.exec(line.trim().replace(/^(?:[-*•·])\s+/, ""));
  if (!m) return null;
  const item = Number(m[1] ?? m[2]);
  const address = (m[3] ?? "").toLowerCase();
  return item >= 1 && isAddress(address) ? { verb: "link", item, address } : null;
}
