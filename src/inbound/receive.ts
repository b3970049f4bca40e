// receive: read the raw message, at most MAX_RAW_BYTES of it.
import { MAX_RAW_BYTES } from "./limits.ts";

export interface ReceivedMessage {
  bytes: Uint8Array;
  /** True when the message was longer than the limit and only its start was read. */
  truncated: boolean;
}

export async function receive(
  stream: ReadableStream<Uint8Array>,
  declaredSize: number,
  maxBytes: number = MAX_RAW_BYTES,
): Promise<ReceivedMessage> {
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new RangeError(`maxBytes must be a positive integer, got ${maxBytes}`);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let truncated = declaredSize > maxBytes;
  try {
    while (length < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
    if (length > maxBytes) truncated = true;
    else if (length === maxBytes && !truncated) truncated = !(await reader.read()).done;
  } finally {
    // Stop the rest of a huge message from being streamed in at all.
    await reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(Math.min(length, maxBytes));
  let offset = 0;
  for (const chunk of chunks) {
    const take = Math.min(chunk.byteLength, bytes.byteLength - offset);
    bytes.set(chunk.subarray(0, take), offset);
    offset += take;
    if (offset >= bytes.byteLength) break;
  }
  return { bytes, truncated };
}
