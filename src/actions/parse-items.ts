// "2", "1 3 5", "1, 3 and 5", "#2", "1-3", "all": the items a reply line names.
import type { ItemRef } from "./command-types.ts";

/** A digest shows a handful of items; a larger number or range is a typo, not a request. */
export const MAX_ITEM_NUMBER = 99;

const SEPARATORS = /\s*(?:,|&|\band\b|\s)\s*/;

/** The items named by the whole of `text`, or null when any part of it is not an item. */
export function parseItems(text: string): ItemRef | null {
  const t = text.trim().replace(/^(?:items?|nos?\.?|numbers?)\s+/, "");
  if (t === "all" || t === "all of them" || t === "everything") return "all";
  if (!t) return null;
  const out: number[] = [];
  for (const part of t.split(SEPARATORS)) {
    if (!part) continue;
    const range = /^#?(\d{1,2})\s*-\s*#?(\d{1,2})$/.exec(part);
    const single = /^#?(\d{1,2})$/.exec(part);
    if (range?.[1] && range[2]) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from < 1 || to < from || to > MAX_ITEM_NUMBER) return null;
      for (let n = from; n <= to; n++) out.push(n);
    } else if (single?.[1]) {
      const n = Number(single[1]);
      if (n < 1) return null;
      out.push(n);
    } else return null;
  }
  return out.length > 0 ? [...new Set(out)] : null;
}
