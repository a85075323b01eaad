import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractBearerToken } from '../../../src/auth/bearer.ts';

test('Bearer: scheme is case-insensitive', () => {
  assert.equal(extractBearerToken('Bearer abc.def.ghi'), 'abc.def.ghi');
  assert.equal(extractBearerToken('bearer abc'), 'abc');
  assert.equal(extractBearerToken('BEARER  abc== '), 'abc==');
  assert.equal(extractBearerToken('Bearer gw_GWKAAAAAAAAAAAAAAAAAAAA_a-b_c'), 'gw_GWKAAAAAAAAAAAAAAAAAAAA_a-b_c');
});

test('Bearer: anything else → null', () => {
  for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic abc', 'Bearer a b', 'Bearer a,b', 'Bearerabc', ['Bearer a', 'Bearer b']]) {
    assert.equal(extractBearerToken(header), null, String(header));
  }
});
