// NAVER Data Stream produce (contracts.md §2, seed 003) over app.inject and
// the in-memory Kafka port: NCP signature v2 with gateway API keys, the
// seed's status codes and messages in every failure class.
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { test, type TestContext } from 'node:test'
import pino from 'pino'
import { GatewayError } from '../../src/core/errors.ts'
import { partitionForKey } from '../../src/core/partitioner.ts'
import { createKey, grant, identityApp, type IdentityAppOptions } from '../support/identity.ts'
import { ncpHeaders, type NcpKey } from '../support/naver-signing.ts'

async function naverApp (t: TestContext, options: IdentityAppOptions = {}) {
  const gw = await identityApp(t, options)
  const key = await createKey(gw.app, 'sensor-svc')
  await grant(gw.app, { principal: 'sensor-svc', operations: ['produce'], resource: { type: 'topic', prefix: 'orders' } })
  const produce = (payload: unknown, headers: Record<string, string> = ncpHeaders('POST', '/api/produce', key), url = '/api/produce') =>
    gw.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) })
  return { ...gw, key, produce }
}

const MESSAGE = { topic: 'orders', key: 'test-key', value: 'this is a test (body)' }

test('a signed message is written to Kafka and answered {status: 200, detail: "OK"}', async t => {
  const { produce, kafka } = await naverApp(t)
  const res = await produce(MESSAGE)
  assert.equal(res.statusCode, 200, res.body)
  assert.deepEqual(res.json(), { status: 200, detail: 'OK' })
  const written = kafka.topics.get('orders')!.flat()
  assert.equal(written.length, 1)
  assert.equal(written[0]!.key!.toString(), 'test-key')
  assert.equal(written[0]!.value!.toString(), 'this is a test (body)')
  // No partition: the key picks it, as the Java client would.
  assert.equal(written[0]!.partition, partitionForKey(Buffer.from('test-key'), 3))
})

test('an explicit partition is honoured; one that does not exist is "Bad Request, Invalid topic partition"', async t => {
  const { produce, kafka } = await naverApp(t)
  assert.equal((await produce({ ...MESSAGE, partition: 2 })).statusCode, 200)
  assert.equal(kafka.topics.get('orders')![2]!.length, 1)
  const res = await produce({ ...MESSAGE, partition: 7 })
  assert.equal(res.statusCode, 400)
  assert.equal(res.json().status, 400)
  assert.equal(res.json().detail, 'Bad Request, Invalid topic partition')
  assert.match(res.json().message, /partition 7 does not exist: topic orders has partitions 0 to 2/)
})

test('the body as NAVER\'s curl example sends it (--data, form content type, no content type) is read as JSON', async t => {
  const { app, key, kafka } = await naverApp(t)
  for (const headers of [{ 'content-type': 'application/x-www-form-urlencoded' }, {}]) {
    const res = await app.inject({ method: 'POST', url: '/api/produce', headers: { ...ncpHeaders('POST', '/api/produce', key), ...headers }, payload: JSON.stringify(MESSAGE) })
    assert.equal(res.statusCode, 200, res.body)
  }
  assert.equal(kafka.topics.get('orders')!.flat().length, 2)
})

test('missing or malformed x-ncp-* headers are "Bad Request, Invalid headers"', async t => {
  const { produce, key } = await naverApp(t)
  const good = ncpHeaders('POST', '/api/produce', key)
  const cases: Array<[string, Record<string, string>]> = [
    ['no headers', {}],
    ['no signature', { ...good, 'x-ncp-apigw-signature-v2': '' }],
    ['no access key', { 'x-ncp-apigw-timestamp': good['x-ncp-apigw-timestamp']!, 'x-ncp-apigw-signature-v2': good['x-ncp-apigw-signature-v2']! }],
    ['timestamp not in milliseconds', { ...good, 'x-ncp-apigw-timestamp': '2024-01-01T00:00:00Z' }],
  ]
  for (const [what, headers] of cases) {
    const res = await produce(MESSAGE, headers)
    assert.equal(res.statusCode, 400, what)
    assert.deepEqual({ status: res.json().status, detail: res.json().detail }, { status: 400, detail: 'Bad Request, Invalid headers' }, what)
  }
})

test('a wrong signature, an unknown or revoked key, a stale timestamp and a changed path are 401 Unauthorized', async t => {
  const { app, produce, key } = await naverApp(t)
  const stranger: NcpKey = { id: 'GWKAAAAAAAAAAAAAAAAAAAA', secret: key.secret }
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['wrong secret', ncpHeaders('POST', '/api/produce', { id: key.id, secret: 'not-the-secret' }), /signature does not match/],
    ['unknown key', ncpHeaders('POST', '/api/produce', stranger), /signature does not match/],
    ['signed for another path', ncpHeaders('POST', '/api/v1/topics', key), /signature does not match/],
    ['signed for another method', ncpHeaders('GET', '/api/produce', key), /signature does not match/],
    ['six minutes old', ncpHeaders('POST', '/api/produce', key, Date.now() - 6 * 60_000), /300 s away from the gateway's clock/],
  ]
  for (const [what, headers, message] of cases) {
    const res = await produce(MESSAGE, headers)
    assert.equal(res.statusCode, 401, what)
    assert.equal(res.json().detail, 'Unauthorized', what)
    assert.match(res.json().message, message, what)
  }
  const revoke = await app.inject({ method: 'DELETE', url: `/gateway/v1/credentials/${key.id}`, headers: { authorization: 'Bearer test-admin-token-0123456789' } })
  assert.equal(revoke.statusCode, 204)
  assert.equal((await produce(MESSAGE)).statusCode, 401)
})

test('a key without a produce grant on the topic is 403 Forbidden; nothing is written', async t => {
  const { produce, kafka } = await naverApp(t, { topics: { 'orders': 3, 'payments': 1, '_gateway_state': 1 } })
  const res = await produce({ ...MESSAGE, topic: 'payments' })
  assert.equal(res.statusCode, 403)
  assert.equal(res.json().detail, 'Forbidden')
  assert.match(res.json().message, /sensor-svc may not produce on topic payments/)
  assert.equal(kafka.topics.get('payments')!.flat().length, 0)
})

test('invalid bodies are 400 Bad Request: no key, an object as value, bad JSON, an unknown field or topic', async t => {
  const { produce } = await naverApp(t)
  const cases: Array<[string, unknown, RegExp]> = [
    ['no key', { topic: 'orders', value: 'v' }, /key is required/],
    ['value not a string', { topic: 'orders', key: 'k', value: { n: 5 } }, /value must be string/],
    ['not JSON', '{"topic": "orders",', /not valid JSON/],
    ['unknown field', { ...MESSAGE, headers: {} }, /headers is not a known field/],
    ['unknown topic', { ...MESSAGE, topic: 'orders-missing' }, /orders-missing/],
  ]
  for (const [what, body, message] of cases) {
    const res = await produce(body)
    assert.equal(res.statusCode, 400, `${what}: ${res.body}`)
    assert.deepEqual({ status: res.json().status, detail: res.json().detail }, { status: 400, detail: 'Bad Request' }, what)
    assert.match(res.json().message, message, what)
  }
})

test('size limits, rate limits and a Kafka outage answer in the NAVER format', async t => {
  const now = 7_000_000
  const { produce, kafka } = await naverApp(t, { now: () => now, overrides: { 'http.bodyLimitBytes': 1024, 'security.limits.requestsPerSecond': 2 } })
  const tooLarge = await produce({ ...MESSAGE, value: 'x'.repeat(1100) })
  assert.equal(tooLarge.statusCode, 413)
  assert.deepEqual({ status: tooLarge.json().status, detail: tooLarge.json().detail }, { status: 413, detail: 'Payload Too Large' })

  kafka.failNext = new GatewayError('kafka_unavailable', 'Kafka is unreachable')
  const down = await produce(MESSAGE)
  assert.equal(down.statusCode, 503)
  assert.equal(down.json().detail, 'Service Unavailable')
  assert.ok(down.headers['retry-after'])

  assert.equal((await produce(MESSAGE)).statusCode, 200)
  const limited = await produce(MESSAGE)
  assert.equal(limited.statusCode, 429)
  assert.deepEqual({ status: limited.json().status, detail: limited.json().detail }, { status: 429, detail: 'Too Many Requests' })
  assert.equal(limited.headers['retry-after'], '1')
})

test('unknown routes under the prefix answer 404 in the NAVER format', async t => {
  const { app } = await naverApp(t)
  const res = await app.inject({ method: 'GET', url: '/api/v1/connectors' })
  assert.equal(res.statusCode, 404)
  assert.equal(res.json().status, 404)
  assert.equal(res.json().detail, 'Not Found')
})

test('GATEWAY_NAVER_PREFIX moves the API (clients sign the path they send); GATEWAY_NAVER_ENABLED=false removes it', async t => {
  const { app, key } = await naverApp(t, { overrides: { 'naver.prefix': '/naver/api' } })
  const url = '/naver/api/produce'
  const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...ncpHeaders('POST', url, key) }, payload: MESSAGE })
  assert.equal(res.statusCode, 200, res.body)
  assert.equal((await app.inject({ method: 'POST', url: '/api/produce', headers: ncpHeaders('POST', '/api/produce', key), payload: MESSAGE })).statusCode, 404)

  const { app: off } = await identityApp(t, { overrides: { 'naver.enabled': false } })
  const gone = await off.inject({ method: 'POST', url: '/api/produce', payload: MESSAGE })
  assert.equal(gone.statusCode, 404)
  assert.equal(gone.json().detail, undefined)
})

test('with GATEWAY_AUTH_MODE=none no signature is needed, as for every dialect; the state topic stays closed', async t => {
  const { app, kafka } = await identityApp(t, { overrides: { 'security.auth.mode': 'none' } })
  const res = await app.inject({ method: 'POST', url: '/api/produce', payload: MESSAGE })
  assert.equal(res.statusCode, 200, res.body)
  assert.equal(kafka.topics.get('orders')!.flat().length, 1)
  const reserved = await app.inject({ method: 'POST', url: '/api/produce', payload: { ...MESSAGE, topic: '_gateway_state' } })
  assert.equal(reserved.statusCode, 403)
  assert.equal(reserved.json().detail, 'Forbidden')
})

test('failed signatures and denials are audit lines naming the caller; the signature is not logged', async t => {
  let text = ''
  const logger = pino({ level: 'info' }, new Writable({ write (chunk, _encoding, done) { text += String(chunk); done() } }))
  const { produce, key } = await naverApp(t, { logger, topics: { orders: 3, payments: 1, _gateway_state: 1 } })
  const forged = ncpHeaders('POST', '/api/produce', { id: key.id, secret: 'not-the-secret' })
  assert.equal((await produce(MESSAGE, forged)).statusCode, 401)
  assert.equal((await produce({ ...MESSAGE, topic: 'payments' })).statusCode, 403)
  const lines = text.split('\n').filter(Boolean).map(line => JSON.parse(line) as Record<string, unknown>).filter(line => line.audit === true && line.route === '/api/produce')
  assert.deepEqual(lines.map(line => [line.event, line.route]), [['authentication.failed', '/api/produce'], ['access.denied', '/api/produce']])
  assert.equal(lines[1]!.principal, 'sensor-svc')
  assert.equal(lines[1]!.credentialId, key.id)
  assert.ok(!text.includes(forged['x-ncp-apigw-signature-v2']!), 'the signature is not logged')
})
