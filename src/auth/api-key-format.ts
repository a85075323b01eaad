// Gateway API key formats. A key is a pair: a public id (safe to log, used to
// look the key up) and a secret (the HMAC key of the signature schemes in
// contracts.md §1–§2, so it is stored encrypted, not hashed: see secret-box.ts).
//
//   id     GWK + 20 chars of RFC 4648 base32 (A-Z2-7): 100 random bits,
//          upper-case so it survives case-folding tools and reads clearly.
//   secret 40 chars of base64url = 30 random bytes (240 bits).
//   token  gw_<id>_<secret>: both halves in one string for Bearer use. The id
//          has a fixed length and no underscore, so the split is unambiguous
//          even though base64url secrets may contain `_`.
import { randomBytes } from 'node:crypto';

export const API_KEY_ID_PREFIX = 'GWK';
export const API_TOKEN_PREFIX = 'gw_';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ID_BODY_CHARS = 20;
const SECRET_BYTES = 30;

const ID = /^GWK[A-Z2-7]{20}$/;
const SECRET = /^[A-Za-z0-9_-]{40}$/;
const TOKEN = /^gw_(GWK[A-Z2-7]{20})_([A-Za-z0-9_-]{40})$/;

export interface ApiKeyPair {
  id: string;
  secret: string;
}

function base32(bytes: Buffer, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1; // keep only unread bits so the shift never overflows
  }
  return out;
}

export function generateApiKeyId(): string {
  return API_KEY_ID_PREFIX + base32(randomBytes(Math.ceil((ID_BODY_CHARS * 5) / 8)), ID_BODY_CHARS);
}

export function generateApiKeySecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function generateApiKeyPair(): ApiKeyPair {
  return { id: generateApiKeyId(), secret: generateApiKeySecret() };
}

export function isApiKeyId(value: string): boolean {
  return ID.test(value);
}

export function isApiKeySecret(value: string): boolean {
  return SECRET.test(value);
}

/** `gw_<id>_<secret>`; throws TypeError when either half is not in the generated format. */
export function formatApiToken(pair: ApiKeyPair): string {
  if (!isApiKeyId(pair.id) || !isApiKeySecret(pair.secret)) throw new TypeError('not a gateway API key pair');
  return `${API_TOKEN_PREFIX}${pair.id}_${pair.secret}`;
}

/** Splits a `gw_<id>_<secret>` token; null for anything else (e.g. a JWT). */
export function parseApiToken(token: string): ApiKeyPair | null {
  const match = TOKEN.exec(token);
  if (match === null) return null;
  return { id: match[1] as string, secret: match[2] as string };
}
