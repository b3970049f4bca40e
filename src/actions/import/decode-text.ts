// An address book's bytes as text. Exports are UTF-8 (Google, LinkedIn, Apple),
// UTF-16 with a byte-order mark (Outlook's "Unicode" CSV), or Windows-1252
// (Outlook's default CSV on Windows); anything else is not a text file.
export type DecodedText = { ok: true; text: string } | { ok: false; reason: string };

function decode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const [a, b] = bytes;
  if (a === 0xff && b === 0xfe) return textOrNot(decode("utf-16le", bytes, true));
  if (a === 0xfe && b === 0xff) return textOrNot(decode("utf-16be", bytes, true));
  // TextDecoder drops a UTF-8 byte-order mark itself.
  const utf8 = decode("utf-8", bytes, true);
  if (utf8 !== null) return textOrNot(utf8);
  // NUL bytes without a byte-order mark: a spreadsheet, an image, UTF-16 we cannot place.
  if (bytes.includes(0)) return { ok: false, reason: "it is not a text file (a CSV or vCard is text; save the spreadsheet as CSV, UTF-8)" };
  return textOrNot(decode("windows-1252", bytes, false));
}

function textOrNot(text: string | null): DecodedText {
  if (text === null) return { ok: false, reason: "its text encoding could not be read (save it as UTF-8 and send it again)" };
  if (text.includes("\u0000")) return { ok: false, reason: "it is not a text file (a CSV or vCard is text; save the spreadsheet as CSV, UTF-8)" };
  return { ok: true, text };
}
