// Pure parts of the Tencent dialect (contracts.md §1): MessageId and task
// shapes, ConsumerRecord, the error table, parameter problems, the signed
// readings of a request, the credential scope of a path-prefixed endpoint.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseTc3Authorization, signTc3, verifyTc3 } from '../../../src/auth/tc3-signature.ts'
import { ERROR_CODES, GatewayError, type ErrorCode } from '../../../src/core/errors.ts'
import type { AccessPoint } from '../../../src/core/identity/entries.ts'
import { parseParams } from '../../../src/http/tencent/dispatch.ts'
import { TENCENT_ERROR_CODES, tencentCodeOf, TencentError, toTencentError } from '../../../src/http/tencent/errors.ts'
import { tencentPaths } from '../../../src/http/tencent/index.ts'
import { messageId, tencentTime, toConsumerRecord, toProduceRecords, toTask } from '../../../src/http/tencent/mapping.ts'
import { signedReadings } from '../../../src/http/tencent/signature.ts'
import { describeProblems } from '../../../src/http/tencent/validation.ts'

test('MessageId is datahubId:topic:partition:offset:receivedMs:ackedMs, as in seed 000', () => {
  assert.equal(messageId('datahub-lxxxxxx6', 'topicDev', 4, 2, 1648185961342, 1648185961398), 'datahub-lxxxxxx6:topicDev:4:2:1648185961342:1648185961398')
})

test('messages become records: Body the value, Key the key (absent: no key), UTF-8', () => {
  const [keyed, unkeyed] = toProduceRecords([{ Body: 'héllo', Key: 'k' }, { Body: '' }])
  assert.deepEqual([keyed!.key?.toString(), keyed!.value?.toString(), keyed!.headers], ['k', 'héllo', []])
  assert.deepEqual([unkeyed!.key, unkeyed!.value?.length], [null, 0])
})

const accessPoint: AccessPoint = {
  id: 'datahub-1a2b3c4d', name: 'Partner A', topic: 'orders', description: 'd', schema: null, limits: {},
  allowedPrincipals: [], status: 'paused', createdAt: '2026-03-04T05:06:07.890Z', updatedAt: '2026-03-04T05:06:07.890Z',
}

test('an access point as a task: ids, status codes (1 running, 6 paused), CreateTime in Tencent\'s format (UTC)', () => {
  assert.equal(tencentTime('2026-03-04T05:06:07.890Z'), '2026-03-04 05:06:07')
  assert.deepEqual(toTask(accessPoint), {
    TaskId: 'datahub-1a2b3c4d', TaskName: 'Partner A', TaskType: 'SOURCE', Status: 6, SourceResource: { Type: 'HTTP' },
    TargetResource: { Type: 'TOPIC', TopicParam: { Resource: 'orders' } }, CreateTime: '2026-03-04 05:06:07', DatahubId: 'datahub-1a2b3c4d', Description: 'd',
  })
  assert.equal(toTask({ ...accessPoint, status: 'running' }).Status, 1)
})

test('ConsumerRecord: text key and value (null stays null), headers as a JSON object string, the last of a repeated name wins', () => {
  const record = toConsumerRecord({
    topic: 't', partition: 1, offset: 7, timestamp: 1700000000000, key: null, value: Buffer.from('v'),
    headers: [{ name: 'a', value: Buffer.from('1') }, { name: '__proto__', value: Buffer.from('p') }, { name: 'a', value: Buffer.from('2') }, { name: 'n', value: null }],
  })
  assert.deepEqual(record, { Topic: 't', Partition: 1, Offset: 7, Key: null, Value: 'v', Timestamp: 1700000000000, Headers: '{"a":"2","__proto__":"p","n":null}' })
})

test('every core error code maps onto one of the documented Tencent codes', () => {
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    assert.ok((TENCENT_ERROR_CODES as readonly string[]).includes(tencentCodeOf(new GatewayError(code, 'x'))), code)
  }
  const expected: Array<[ErrorCode, string]> = [
    ['access_point_paused', 'FailedOperation'],
    ['access_point_not_found', 'ResourceNotFound'],
    ['topic_not_found', 'ResourceNotFound'],
    ['forbidden', 'AuthFailure.UnauthorizedOperation'],
    ['rate_limited', 'RequestLimitExceeded'],
    ['request_over_limit', 'RequestSizeLimitExceeded'],
    ['record_too_large', 'RequestSizeLimitExceeded'],
    ['body_too_large', 'RequestSizeLimitExceeded'],
    ['schema_violation', 'InvalidParameterValue'],
    ['invalid_json', 'InvalidParameter'],
    ['read_only_entry', 'OperationDenied'],
    ['kafka_unavailable', 'ResourceUnavailable'],
    ['kafka_timeout', 'ResourceUnavailable'],
    ['state_unavailable', 'ResourceUnavailable'],
    ['kafka_error', 'InternalError'],
    ['not_configured', 'InternalError'],
  ]
  for (const [code, tencent] of expected) assert.equal(tencentCodeOf(new GatewayError(code, 'x')), tencent, code)
})

test('retryable core errors keep their Retry-After; a thrown non-gateway error is an InternalError', () => {
  assert.equal(toTencentError(new GatewayError('rate_limited', 'slow down', { retryAfterSeconds: 3 })).retryAfterSeconds, 3)
  assert.equal(toTencentError(new GatewayError('topic_not_found', 'x')).retryAfterSeconds, undefined)
  const internal = toTencentError(new TypeError('boom'))
  assert.equal(internal.code, 'InternalError')
  assert.doesNotMatch(internal.message, /boom/)
  const own = new TencentError('InvalidAction', 'x')
  assert.equal(toTencentError(own), own)
})

test('parameter problems: missing before unknown before type before value, named like the Tencent reference', () => {
  const problems = [
    { keyword: 'maximum', instancePath: '/SinglePartitionRecordNumber', params: {}, message: 'must be <= 20' },
    { keyword: 'type', instancePath: '/Message/0/Body', params: {}, message: 'must be string' },
    { keyword: 'additionalProperties', instancePath: '/Message/1', params: { additionalProperties: ['Partition'] }, message: 'x' },
    { keyword: 'required', instancePath: '/Message/2', params: { requiredProperties: ['Body'] }, message: 'x' },
  ]
  // The first n problems: the most useful one among them wins, whatever the order.
  const codeOf = (n: number) => { const e = describeProblems(problems.slice(0, n)); return [e.code, e.message] }
  assert.deepEqual(codeOf(4), ['MissingParameter', 'the request is missing the required parameter Message.2.Body'])
  assert.equal(codeOf(3)[0], 'UnknownParameter')
  assert.match(codeOf(3)[1]!, /Message\.1\.Partition/)
  assert.deepEqual(codeOf(2), ['InvalidParameter', 'Message.0.Body must be string'])
  assert.deepEqual(codeOf(1), ['InvalidParameterValue', 'SinglePartitionRecordNumber must be <= 20'])
})

test('parameters: a JSON object in an application/json body; an empty body is no parameters', () => {
  assert.deepEqual(parseParams('application/json; charset=utf-8', Buffer.from('{"a":1}')), { a: 1 })
  assert.deepEqual(parseParams('application/json', Buffer.alloc(0)), {})
  for (const [type, body] of [['text/plain', '{}'], [undefined, '{}'], ['application/json', '{'], ['application/json', '"x"'], ['application/json', 'null']] as const) {
    assert.throws(() => parseParams(type, Buffer.from(body)), (e: unknown) => e instanceof TencentError && e.code === 'InvalidParameter', `${type} ${body}`)
  }
})

test('route paths of a prefix: / alone, or the prefix with and without the trailing slash the SDKs add', () => {
  assert.deepEqual(tencentPaths('/'), ['/'])
  assert.deepEqual(tencentPaths('/tencent'), ['/tencent', '/tencent/'])
  assert.deepEqual(tencentPaths('/a/b/'), ['/a/b', '/a/b/'])
})

test('signed readings: the Host as sent, without its port, with the path prefix; the path as sent and /', () => {
  assert.deepEqual(signedReadings('localhost:8080', '/tencent/'), [
    { host: 'localhost:8080', path: '/tencent/' }, { host: 'localhost:8080', path: '/' },
    { host: 'localhost', path: '/tencent/' }, { host: 'localhost', path: '/' },
    { host: 'localhost:8080/tencent', path: '/tencent/' }, { host: 'localhost:8080/tencent', path: '/' },
  ])
  assert.deepEqual(signedReadings('ckafka.example.com', '/'), [{ host: 'ckafka.example.com', path: '/' }])
  assert.deepEqual(signedReadings('[::1]:8080', '/'), [{ host: '[::1]:8080', path: '/' }, { host: '[::1]', path: '/' }])
})

test('TC3 scope of an endpoint with a path: the service holds the slash (localhost:8080/tencent) and verifies', () => {
  const timestamp = 1700000000
  const body = '{"DataHubId":"datahub-1","Message":[{"Body":"x"}]}'
  const { authorization } = signTc3({ secretId: 'AKID', secretKey: 'secret', service: 'localhost:8080/tencent', host: 'localhost', timestamp, contentType: 'application/json', body, path: '/tencent/' })
  const parsed = parseTc3Authorization(authorization)
  assert.ok(parsed.ok)
  assert.equal(parsed.auth.service, 'localhost:8080/tencent')
  const verified = verifyTc3({ authorization, headers: { 'content-type': 'application/json', host: 'localhost', 'x-tc-timestamp': String(timestamp) }, method: 'POST', path: '/tencent/', query: '', body: Buffer.from(body), secretKey: 'secret', now: timestamp * 1000 })
  assert.equal(verified.ok, true)
  assert.equal(parseTc3Authorization('TC3-HMAC-SHA256 Credential=AKID/2023-11-14//tc3_request, SignedHeaders=content-type;host, Signature=' + '0'.repeat(64)).ok, false)
})
