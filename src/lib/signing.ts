// HMAC-SHA256 signatures for reply tokens and one-click links. WebCrypto only,
// so the same code runs in workerd and in Node.
import { base32 } from "./ids.ts";

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function importKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
    keys.set(secret, key);
  }
  return key;
}

/** A base32 MAC of `parts`, truncated to `length` characters (5 bits each). */
export async function mac(secret: string, parts: readonly string[], length: number): Promise<string> {
  const key = await importKey(secret);
  // The separator cannot occur in ids or actions, so ("a","bc") and ("ab","c") differ.
  const signature = await crypto.subtle.sign("HMAC", key, encoder.encode(parts.join("\u0000")));
  return base32(new Uint8Array(signature)).slice(0, length);
}

/** Constant-time comparison, so a forger learns nothing from timing. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
