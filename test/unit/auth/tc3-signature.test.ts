// Vectors from contracts.md §1, asserted byte for byte, plus one test per verifier failure reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTc3Authorization, sha256Hex, signTc3, verifyTc3 } from '../../../src/auth/tc3-signature.ts';

// The backslash-u sequences are six literal ASCII characters each (contracts.md §1).
const OFFICIAL_BODY = String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`;

test('TC3 official vector: payload hash and signature', () => {
  assert.ok(OFFICIAL_BODY.includes('\\u672a') && !OFFICIAL_BODY.includes('\u672a'));
  const hash = sha256Hex(OFFICIAL_BODY);
  assert.ok(hash.startsWith('35e9c5b0') && hash.endsWith('f064'), hash);
  const { signature, authorization } = signTc3({
    secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
    secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
    service: 'cvm',
    host: 'cvm.tencentcloudapi.com',
    timestamp: 1551113065,
    contentType: 'application/json; charset=utf-8',
    body: OFFICIAL_BODY,
  });
  assert.equal(signature, '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
  assert.equal(
    authorization,
    'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
      'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
  );
});

const CKAFKA = {
  secretId: 'AKIDEXAMPLE',
  secretKey: 'SECRETKEYEXAMPLE',
  service: 'ckafka',
  host: 'ckafka.tencentcloudapi.com',
  timestamp: 1700000000,
  contentType: 'application/json',
  body: '{"DataHubId":"datahub-meuh9nhn","Message":[{"Key":"key1","Body":"hello"}]}',
};

test('TC3 ckafka vector (content-type and host signed)', () => {
  assert.equal(signTc3(CKAFKA).signature, 'ddba70870435641cd4451a1a0f9301d231ac89590a442d41dea943ff39139516');
});

test('TC3 verifier accepts the ckafka vector request', () => {
  const { authorization } = signTc3(CKAFKA);
  const result = verifyTc3({
    authorization,
    headers: { 'content-type': CKAFKA.contentType, host: CKAFKA.host, 'x-tc-timestamp': '1700000000' },
    method: 'POST',
    path: '/',
    query: '',
    body: Buffer.from(CKAFKA.body),
    secretKey: CKAFKA.secretKey,
    now: 1700000000 * 1000 + 20_000,
  });
  assert.deepEqual(result.ok, true);
});

// A request signed with x-tc-action too, as the current SDKs do, against a local gateway host.
const NOW_S = 1700000000;
const req = {
  secretId: 'AKIDLOCAL',
  secretKey: 'local-secret',
  service: '127',
  host: '127.0.0.1:8080',
  timestamp: NOW_S,
  contentType: 'application/json',
  body: '{"DataHubId":"datahub-1","Message":[{"Body":"x"}]}',
  action: 'SendMessage',
};
const signed = signTc3(req);
function verifyWith(overrides: Partial<Parameters<typeof verifyTc3>[0]> = {}, headerOverrides: Record<string, string | undefined> = {}) {
  return verifyTc3({
    authorization: signed.authorization,
    headers: {
      'content-type': req.contentType,
      host: req.host,
      'x-tc-action': 'SendMessage',
      'x-tc-timestamp': String(NOW_S),
      'x-tc-version': '2019-08-19',
      ...headerOverrides,
    },
    method: 'POST',
    path: '/',
    query: '',
    body: Buffer.from(req.body),
    secretKey: req.secretKey,
    now: NOW_S * 1000,
    ...overrides,
  });
}

test('TC3 verifier: valid request with signed action', () => {
  assert.match(signed.authorization, /SignedHeaders=content-type;host;x-tc-action,/);
  const result = verifyWith();
  assert.ok(result.ok);
  assert.equal(result.auth.secretId, 'AKIDLOCAL');
  assert.equal(result.auth.service, '127');
});

test('TC3 verifier: header values compare case-insensitively and trimmed (contracts.md §1)', () => {
  assert.equal(verifyWith({}, { 'x-tc-action': ' sendmessage ' }).ok, true);
});

test('TC3 verifier: parse once, then verify with the parsed value', () => {
  const parsed = parseTc3Authorization(signed.authorization);
  assert.ok(parsed.ok);
  assert.equal(verifyWith({ authorization: parsed.auth }).ok, true);
});

function assertReason(result: ReturnType<typeof verifyTc3>, reason: string): void {
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.reason, reason, result.message);
}

test('TC3 verifier: tampered body → signature', () => {
  assertReason(verifyWith({ body: Buffer.from(req.body.replace('"x"', '"y"')) }), 'signature');
});

test('TC3 verifier: tampered signed header → signature', () => {
  assertReason(verifyWith({}, { host: 'evil.example.com' }), 'signature');
  assertReason(verifyWith({}, { 'content-type': 'text/plain' }), 'signature');
});

test('TC3 verifier: tampered action or path → signature', () => {
  assertReason(verifyWith({}, { 'x-tc-action': 'DeleteDatahubTask' }), 'signature');
  assertReason(verifyWith({ path: '/other' }), 'signature');
});

test('TC3 verifier: unsigned header changes are not covered', () => {
  assert.equal(verifyWith({}, { 'x-tc-version': '2017-03-12' }).ok, true);
});

test('TC3 verifier: wrong secret → signature', () => {
  assertReason(verifyWith({ secretKey: 'other-secret' }), 'signature');
});

test('TC3 verifier: timestamp outside skew → expired', () => {
  assertReason(verifyWith({ now: (NOW_S + 301) * 1000 }), 'expired');
  assertReason(verifyWith({ now: (NOW_S - 301) * 1000 }), 'expired');
  assert.equal(verifyWith({ now: (NOW_S + 300) * 1000 }).ok, true);
  assertReason(verifyWith({ now: (NOW_S + 61) * 1000, maxSkewSeconds: 60 }), 'expired');
});

test('TC3 verifier: credential date differs from X-TC-Timestamp → date_mismatch', () => {
  const tomorrow = NOW_S + 86400;
  assertReason(verifyWith({ now: tomorrow * 1000 }, { 'x-tc-timestamp': String(tomorrow) }), 'date_mismatch');
});

test('TC3 verifier: missing headers → missing_header', () => {
  assertReason(verifyWith({}, { 'x-tc-timestamp': undefined }), 'missing_header');
  assertReason(verifyWith({}, { 'x-tc-action': undefined }), 'missing_header');
  assertReason(verifyWith({}, { host: undefined }), 'missing_header');
});

test('TC3 verifier: malformed Authorization or timestamp → malformed', () => {
  const sig = signed.signature;
  const bad = [
    '',
    'Bearer abc',
    `TC3-HMAC-SHA256 Credential=AKIDLOCAL/2023-11-14/127/tc3_request, SignedHeaders=content-type;host`,
    `TC3-HMAC-SHA256 Credential=AKIDLOCAL/2023-11-14/127, SignedHeaders=content-type;host, Signature=${sig}`,
    `TC3-HMAC-SHA256 Credential=AKIDLOCAL/2023-11-14/127/other_request, SignedHeaders=content-type;host, Signature=${sig}`,
    `TC3-HMAC-SHA256 Credential=AKIDLOCAL/20231114/127/tc3_request, SignedHeaders=content-type;host, Signature=${sig}`,
    `TC3-HMAC-SHA256 Credential=AKIDLOCAL/2023-11-14/127/tc3_request, SignedHeaders=host, Signature=${sig}`,
    `TC3-HMAC-SHA256 Credential=AKIDLOCAL/2023-11-14/127/tc3_request, SignedHeaders=Content-Type;host, Signature=${sig}`,
    `TC3-HMAC-SHA256 Credential=AKIDLOCAL/2023-11-14/127/tc3_request, SignedHeaders=content-type;host, Signature=xyz`,
    `TC3-HMAC-SHA256 Credential=AKIDLOCAL/2023-11-14/127/tc3_request, SignedHeaders=content-type;host, Signature=${sig}, Signature=${sig}`,
    `HMAC-SHA256 Credential=AKIDLOCAL/2023-11-14/127/tc3_request, SignedHeaders=content-type;host, Signature=${sig}`,
  ];
  for (const authorization of bad) {
    assertReason(verifyWith({ authorization }), 'malformed');
    assert.equal(parseTc3Authorization(authorization).ok, false, authorization);
  }
  assertReason(verifyWith({}, { 'x-tc-timestamp': '17e8' }), 'malformed');
});
