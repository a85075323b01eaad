import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSecretBox, decryptSecret, deriveSecretBoxKey, encryptSecret, SecretBoxError } from '../../../src/auth/secret-box.ts';

const MASTER = 'correct horse battery staple 42';

function isBoxError(code: string) {
  return (err: unknown) => err instanceof SecretBoxError && err.code === code;
}

test('round-trip, with a fresh IV each time', () => {
  const box = createSecretBox(MASTER);
  const a = box.encrypt('s3cret-✓');
  const b = box.encrypt('s3cret-✓');
  assert.notEqual(a, b);
  assert.match(a, /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
  assert.equal(box.decrypt(a), 's3cret-✓');
  assert.equal(createSecretBox(MASTER).decrypt(b), 's3cret-✓');
  assert.equal(box.decrypt(box.encrypt('')), '');
});

test('key derivation is deterministic and 32 bytes', () => {
  assert.equal(deriveSecretBoxKey(MASTER).length, 32);
  assert.deepEqual(deriveSecretBoxKey(MASTER), deriveSecretBoxKey(MASTER));
  assert.throws(() => deriveSecretBoxKey('short'), isBoxError('bad_key'));
});

test('wrong master key fails with a typed error', () => {
  const sealed = createSecretBox(MASTER).encrypt('secret');
  assert.throws(() => createSecretBox('another master key 123').decrypt(sealed), isBoxError('decrypt_failed'));
});

test('tampered ciphertext, tag or iv fails', () => {
  const key = deriveSecretBoxKey(MASTER);
  const sealed = encryptSecret(key, 'secret value');
  const parts = sealed.split('.');
  for (const index of [1, 2, 3]) {
    const bytes = Buffer.from(parts[index] as string, 'base64url');
    bytes[0] = (bytes[0] as number) ^ 1;
    const tampered = [...parts];
    tampered[index] = bytes.toString('base64url');
    assert.throws(() => decryptSecret(key, tampered.join('.')), isBoxError('decrypt_failed'));
  }
});

test('context binds a sealed secret to its record', () => {
  const key = deriveSecretBoxKey(MASTER);
  const sealed = encryptSecret(key, 'secret', 'GWKAAAA');
  assert.equal(decryptSecret(key, sealed, 'GWKAAAA'), 'secret');
  assert.throws(() => decryptSecret(key, sealed, 'GWKBBBB'), isBoxError('decrypt_failed'));
  assert.throws(() => decryptSecret(key, sealed), isBoxError('decrypt_failed'));
});

test('malformed input fails with a typed error', () => {
  const key = deriveSecretBoxKey(MASTER);
  for (const bad of ['', 'v1', 'v2.a.b.c', 'v1.a.b', 'v1.!!.b.c', 'v1.AAAA.AAAA.AAAA']) {
    assert.throws(() => decryptSecret(key, bad), isBoxError('malformed'), bad);
  }
  assert.throws(() => encryptSecret(Buffer.alloc(16), 'x'), isBoxError('bad_key'));
});
