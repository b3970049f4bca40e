// Lower-case base32 ids: they survive mail servers that fold the case of an
// address's local part, where they travel inside reply tokens.
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const ID_BYTES = 10; // 80 bits: collisions are not a concern at any scale Tend plans for.

export function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

export function newId(): string {
  return base32(crypto.getRandomValues(new Uint8Array(ID_BYTES)));
}
