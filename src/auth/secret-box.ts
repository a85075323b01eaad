// Encryption at rest for API key secrets. HMAC schemes (contracts.md §1, §2)
// need the plaintext secret to recompute signatures, so a one-way hash cannot
// be stored; instead secrets are sealed with AES-256-GCM under a key derived
// from the operator's master key.
//
// Format: v1.<iv b64url>.<ciphertext b64url>.<tag b64url>
//   key  HKDF-SHA256(master key string, empty salt, info label) → 32 bytes;
//        HKDF turns an arbitrary passphrase-like string into a uniform key,
//        and the label keeps it separate from any other use of the master key.
//   iv   12 random bytes per seal (GCM's native nonce size).
//   aad  "v1" plus an optional caller context (e.g. the key id), so a sealed
//        secret cannot be swapped onto another record undetected.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const HKDF_INFO = 'kafka-http-gateway/secret-box/v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MIN_MASTER_KEY_CHARS = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

export type SecretBoxErrorCode = 'malformed' | 'decrypt_failed' | 'bad_key';

/** Thrown on bad input; `decrypt_failed` covers both a wrong key and tampering (GCM cannot tell them apart). */
export class SecretBoxError extends Error {
  readonly code: SecretBoxErrorCode;
  constructor(code: SecretBoxErrorCode, message: string) {
    super(message);
    this.name = 'SecretBoxError';
    this.code = code;
  }
}

/** Derives the 32-byte AES key from the master key string (at least 16 characters). */
export function deriveSecretBoxKey(masterKey: string): Buffer {
  if (typeof masterKey !== 'string' || masterKey.length < MIN_MASTER_KEY_CHARS) {
    throw new SecretBoxError('bad_key', `master key must be at least ${MIN_MASTER_KEY_CHARS} characters`);
  }
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), HKDF_INFO, KEY_BYTES));
}

function aad(context: string): Buffer {
  return Buffer.from(`${VERSION}\0${context}`, 'utf8');
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new SecretBoxError('bad_key', 'secret box key must be 32 bytes');
}

export function encryptSecret(key: Buffer, plaintext: string, context = ''): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join('.');
}

export function decryptSecret(key: Buffer, sealed: string, context = ''): string {
  checkKey(key);
  const parts = typeof sealed === 'string' ? sealed.split('.') : [];
  if (parts.length !== 4 || parts[0] !== VERSION || !parts.every((p) => B64URL.test(p))) {
    throw new SecretBoxError('malformed', 'not a v1 sealed secret');
  }
  const iv = Buffer.from(parts[1] as string, 'base64url');
  const ciphertext = Buffer.from(parts[2] as string, 'base64url');
  const tag = Buffer.from(parts[3] as string, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('malformed', 'bad iv or tag length');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretBoxError('decrypt_failed', 'sealed secret failed authentication (wrong master key or tampered data)');
  }
}

export interface SecretBox {
  encrypt(plaintext: string, context?: string): string;
  decrypt(sealed: string, context?: string): string;
}

/** Derives the key once and binds encrypt/decrypt to it. */
export function createSecretBox(masterKey: string): SecretBox {
  const key = deriveSecretBoxKey(masterKey);
  return {
    encrypt: (plaintext, context) => encryptSecret(key, plaintext, context),
    decrypt: (sealed, context) => decryptSecret(key, sealed, context),
  };
}
