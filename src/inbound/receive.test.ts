import { describe, expect, it } from "vitest";
import { receive } from "./receive.ts";

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  return new Blob(chunks).stream();
}

describe("receive", () => {
  it("reads a message under the limit whole", async () => {
    const { bytes, truncated } = await receive(streamOf("Subject: hi\r\n\r\nbody"), 19, 100);
    expect(new TextDecoder().decode(bytes)).toBe("Subject: hi\r\n\r\nbody");
    expect(truncated).toBe(false);
  });

  it("keeps only the first maxBytes of a longer message", async () => {
    const { bytes, truncated } = await receive(streamOf("a".repeat(60), "b".repeat(60)), 120, 100);
    expect(bytes.byteLength).toBe(100);
    expect(truncated).toBe(true);
  });

  it("reports truncation when the declared size is over the limit", async () => {
    expect((await receive(streamOf("abc"), 5_000_000, 100)).truncated).toBe(true);
  });

  it("notices a message of exactly the limit is whole, and one byte more is not", async () => {
    expect((await receive(streamOf("x".repeat(100)), 100, 100)).truncated).toBe(false);
    expect((await receive(streamOf("x".repeat(100), "y"), 101, 100)).truncated).toBe(true);
  });

  it("validates its limit", async () => {
    await expect(receive(streamOf("a"), 1, 0)).rejects.toThrow(RangeError);
  });
});
