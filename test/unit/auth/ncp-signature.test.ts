// Vectors from contracts.md §2, byte for byte, and the verifier's failure reasons.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNcpHeaders, signNcp, verifyNcp } from '../../../src/auth/ncp-signature.ts';

const SECRET = 'NCPSECRETEXAMPLE';
const ACCESS = 'ACCESSKEYEXAMPLE';
const TS = 1700000000000;

test('NCP vectors', () => {
  assert.equal(
    signNcp({ method: 'POST', uri: '/api/produce', timestamp: TS, accessKey: ACCESS, secretKey: SECRET }),
    'Zc40BSrpYIiZxS+VGU1d7LEZMwUd/lzZXq7NZRnzBH0=',
  );
  assert.equal(
    signNcp({
      method: 'GET',
      uri: '/api/v1/topics?sortBy=topicName&descending=false',
      timestamp: String(TS),
      accessKey: ACCESS,
      secretKey: SECRET,
    }),
    '7pKdscVXfsep8aBDezvs6D7u+QOpgSgIFtNAvUixdT8=',
  );
});

const goodHeaders = {
  'x-ncp-apigw-timestamp': String(TS),
  'x-ncp-iam-access-key': ACCESS,
  'x-ncp-apigw-signature-v2': 'Zc40BSrpYIiZxS+VGU1d7LEZMwUd/lzZXq7NZRnzBH0=',
};
function verifyWith(overrides: Partial<Parameters<typeof verifyNcp>[0]> = {}, headers: Record<string, string | string[] | undefined> = {}) {
  return verifyNcp({
    headers: { ...goodHeaders, ...headers },
    method: 'POST',
    uri: '/api/produce',
    secretKey: SECRET,
    now: TS + 1000,
    ...overrides,
  });
}
function assertReason(result: ReturnType<typeof verifyNcp>, reason: string): void {
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.reason, reason, result.message);
}

test('NCP verifier accepts the vector request', () => {
  const result = verifyWith();
  assert.ok(result.ok);
  assert.equal(result.credentials.accessKey, ACCESS);
});

test('NCP parseNcpHeaders exposes the access key for secret lookup', () => {
  const parsed = parseNcpHeaders(goodHeaders);
  assert.ok(parsed.ok);
  assert.equal(parsed.credentials.accessKey, ACCESS);
});

test('NCP verifier: tampered method, URI, access key, secret → signature', () => {
  assertReason(verifyWith({ method: 'PUT' }), 'signature');
  assertReason(verifyWith({ uri: '/api/produce?x=1' }), 'signature');
  assertReason(verifyWith({}, { 'x-ncp-iam-access-key': 'OTHERKEY' }), 'signature');
  assertReason(verifyWith({ secretKey: 'wrong' }), 'signature');
  assertReason(verifyWith({}, { 'x-ncp-apigw-signature-v2': 'Zc40BSrpYIiZxS+VGU1d7LEZMwUd/lzZXq7NZRnzBH0' }), 'signature');
  assertReason(verifyWith({}, { 'x-ncp-apigw-signature-v2': 'Zc40BSrpYIiZxS+VGU1d7LEZMwUd/lzZXq7NZRnzBH0=!' }), 'signature');
});

test('NCP verifier: timestamp is signed (changing it breaks the signature)', () => {
  assertReason(verifyWith({}, { 'x-ncp-apigw-timestamp': String(TS + 1) }), 'signature');
});

test('NCP verifier: beyond 5 minutes skew → expired', () => {
  assertReason(verifyWith({ now: TS + 300_001 }), 'expired');
  assertReason(verifyWith({ now: TS - 300_001 }), 'expired');
  assert.equal(verifyWith({ now: TS + 300_000 }).ok, true);
});

test('NCP verifier: missing or malformed headers', () => {
  assertReason(verifyWith({}, { 'x-ncp-apigw-timestamp': undefined }), 'missing_header');
  assertReason(verifyWith({}, { 'x-ncp-iam-access-key': undefined }), 'missing_header');
  assertReason(verifyWith({}, { 'x-ncp-apigw-signature-v2': '' }), 'missing_header');
  assertReason(verifyWith({}, { 'x-ncp-apigw-timestamp': '1.7e12' }), 'malformed');
  assertReason(verifyWith({}, { 'x-ncp-iam-access-key': [ACCESS, ACCESS] }), 'malformed');
});
