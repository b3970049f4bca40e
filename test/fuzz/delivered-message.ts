// The runtime's email message for a mutated delivery. Like
// test/helpers/email-message.ts, except that `headers` keeps only header lines
// a Headers object holds as they are: workerd prints a warning (with a dump of
// every byte) for each non-ASCII header value, and a fuzz run makes thousands.
import { emailMessage } from "../helpers/email-message.ts";
import { bytesToText, fieldName, fieldValue, splitMessage } from "./raw-message.ts";

/** Header bytes the runtime's `headers` is built from, as in the test helper. */
const HEADERS_OBJECT_BYTES = 64 * 1024;

function asciiHeaders(bytes: Uint8Array): Headers {
  const headers = new Headers();
  for (const field of splitMessage(bytesToText(bytes.subarray(0, HEADERS_OBJECT_BYTES))).fields) {
    const name = fieldName(field);
    const value = fieldValue(field);
    // Printable ASCII and tab only: anything else is dropped, as the runtime drops what it cannot represent.
    if (!name || /[^\t\x20-\x7e]/.test(value)) continue;
    try {
      headers.append(name, value);
    } catch {
      // An invalid header name: dropped, as above.
    }
  }
  return headers;
}

export function deliveredMessage(bytes: Uint8Array, envelope: { from: string; to: string }) {
  // An empty raw gives the helper no header lines, so it prints nothing; the real bytes go in below.
  const shell = emailMessage(new Uint8Array(), envelope);
  return Object.assign(shell, {
    headers: asciiHeaders(bytes),
    raw: new Blob([bytes]).stream(),
    rawSize: bytes.byteLength,
  });
}
