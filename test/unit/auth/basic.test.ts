import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBasicAuthorization } from '../../../src/auth/basic.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

test('Basic: id and secret, secret may contain colons', () => {
  assert.deepEqual(parseBasicAuthorization(`Basic ${b64('GWKABC:s3:cr:et')}`), { id: 'GWKABC', secret: 's3:cr:et' });
  assert.deepEqual(parseBasicAuthorization(`basic   ${b64('a:b')}`), { id: 'a', secret: 'b' });
  assert.deepEqual(parseBasicAuthorization(`Basic ${b64('a:')}`), { id: 'a', secret: '' });
  assert.deepEqual(parseBasicAuthorization(`Basic ${b64('üser:pässword')}`), { id: 'üser', secret: 'pässword' });
  // unpadded base64 is accepted
  assert.deepEqual(parseBasicAuthorization(`Basic ${b64('ab:c').replace(/=+$/, '')}`), { id: 'ab', secret: 'c' });
});

test('Basic: bad input → null', () => {
  for (const header of [
    undefined,
    '',
    'Basic',
    'Basic ',
    'Bearer abc',
    `Basic ${b64('nocolon')}`,
    `Basic ${b64(':secret')}`,
    'Basic !!!notbase64!!!',
    'Basic YWI6Yx==', // non-canonical trailing bits
    `Basic ${Buffer.from([0xff, 0xfe, 0x3a, 0x61]).toString('base64')}`, // invalid UTF-8
    [`Basic ${b64('a:b')}`, `Basic ${b64('c:d')}`],
  ]) {
    assert.equal(parseBasicAuthorization(header), null, String(header));
  }
});
