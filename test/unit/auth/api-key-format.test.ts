import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatApiToken,
  generateApiKeyPair,
  isApiKeyId,
  isApiKeySecret,
  parseApiToken,
} from '../../../src/auth/api-key-format.ts';

test('generated pairs have the documented shape and are unique', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const { id, secret } = generateApiKeyPair();
    assert.match(id, /^GWK[A-Z2-7]{20}$/);
    assert.match(secret, /^[A-Za-z0-9_-]{40}$/);
    assert.ok(isApiKeyId(id) && isApiKeySecret(secret));
    assert.ok(!seen.has(id));
    seen.add(id);
  }
});

test('token round-trip, even when the secret contains underscores', () => {
  for (let i = 0; i < 50; i++) {
    const pair = generateApiKeyPair();
    const token = formatApiToken(pair);
    assert.equal(token, `gw_${pair.id}_${pair.secret}`);
    assert.deepEqual(parseApiToken(token), pair);
  }
  const pair = { id: 'GWKABCDEFGHIJKLMNOPQRST', secret: '_'.repeat(40) };
  assert.deepEqual(parseApiToken(formatApiToken(pair)), pair);
});

test('parseApiToken rejects other strings; formatApiToken rejects bad pairs', () => {
  for (const token of ['', 'gw_', 'eyJhbGciOi.x.y', 'gw_GWKABC_secret', `gw_GWKABCDEFGHIJKLMNOPQRST_${'a'.repeat(39)}`, `GW_GWKABCDEFGHIJKLMNOPQRST_${'a'.repeat(40)}`]) {
    assert.equal(parseApiToken(token), null, token);
  }
  assert.throws(() => formatApiToken({ id: 'nope', secret: 'a'.repeat(40) }), TypeError);
});
