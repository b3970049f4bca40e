// export: all of the user's data, as one JSON attachment.
import { loadExport } from "../db/action-export.ts";
import type { Database } from "../db/client.ts";
import { localDateOf } from "../lib/time/zoned.ts";
import type { Answer } from "./answer.ts";

/** Bytes turned into a string per call: String.fromCharCode takes its input as arguments. */
const BASE64_CHUNK_BYTES = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let offset = 0; offset < bytes.length; offset += BASE64_CHUNK_BYTES) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + BASE64_CHUNK_BYTES));
  }
  return btoa(binary);
}

export async function exportAnswer(db: Database, userId: string, now: number, timeZone: string): Promise<Answer> {
  const data = await loadExport(db, userId);
  const document = { format: "tend-export", version: 1, exportedAt: new Date(now).toISOString(), truncated: data.truncated, ...data.tables };
  const json = JSON.stringify(document, null, 2);
  const counts = Object.entries(data.tables)
    .filter(([name]) => name !== "user")
    .map(([name, rows]) => `  ${name}: ${rows.length}`)
    .join("\n");
  const cut = data.truncated.length > 0 ? `\n\nThese tables were too large and were cut: ${data.truncated.join(", ")}.` : "";
  return {
    text: `Everything Tend keeps for you is attached as JSON.\n\n${counts}${cut}`,
    attachments: [
      {
        filename: `tend-export-${localDateOf(now, timeZone)}.json`,
        contentType: "application/json",
        base64: toBase64(new TextEncoder().encode(json)),
      },
    ],
  };
}
