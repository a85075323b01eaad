// Tencent dialect, transport and failures (contracts.md §1): every answer is
// HTTP 200 in the {"Response":{…,"RequestId"}} envelope, each failure class
// with its documented code, the signature checked over the raw body.
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { test } from 'node:test'
import pino from 'pino'
import { GatewayError } from '../../src/core/errors.ts'
import { ADMIN, createKey, identityApp } from '../support/identity.ts'
import { tencentError, tencentRequest, tencentResult } from '../support/tencent.ts'

async function withAccessPoint (t: Parameters<typeof identityApp>[0], options: Parameters<typeof identityApp>[1] = {}) {
  const env = await identityApp(t, options)
  const key = await createKey(env.app, 'partner')
  const ap = (await env.app.inject({ method: 'POST', url: '/gateway/v1/access-points', headers: ADMIN, payload: { name: 'partner', topic: 'orders', allowedPrincipals: ['partner'] } })).json()
  return { ...env, key, ap }
}

const send = (datahubId: string, bodies: string[] = ['hello']) => ({ DataHubId: datahubId, Message: bodies.map(Body => ({ Body })) })

test('a signed SendMessage answers HTTP 200 {"Response":{"MessageId":[…],"RequestId":<uuid>}} with the RequestId in X-Request-Id', async t => {
  const { app, key, ap } = await withAccessPoint(t)
  const res = await app.inject(tencentRequest({ action: 'SendMessage', key, params: send(ap.id) }))
  const result = tencentResult(res)
  assert.deepEqual(Object.keys(result), ['MessageId'])
  const other = await app.inject(tencentRequest({ action: 'SendMessage', key, params: send(ap.id) }))
  assert.notEqual(JSON.parse(other.body).Response.RequestId, JSON.parse(res.body).Response.RequestId)
})

test('authentication failures carry the AuthFailure code that says what to fix', async t => {
  const { app, key, ap } = await withAccessPoint(t)
  const params = send(ap.id)
  const now = Math.floor(Date.now() / 1000)
  const cases: Array<[string, ReturnType<typeof tencentRequest>, string, RegExp]> = [
    ['unsigned', tencentRequest({ action: 'SendMessage', params }), 'AuthFailure.InvalidAuthorization', /not signed/],
    ['another scheme', tencentRequest({ action: 'SendMessage', params, headers: { authorization: 'Bearer x' } }), 'AuthFailure.InvalidAuthorization', /TC3-HMAC-SHA256/],
    ['unknown key', tencentRequest({ action: 'SendMessage', params, key: { id: 'AKIDNOPE', secret: 'x' } }), 'AuthFailure.SecretIdNotFound', /AKIDNOPE is not an active API key/],
    ['wrong secret', tencentRequest({ action: 'SendMessage', params, key: { id: key.id, secret: 'not-the-secret' } }), 'AuthFailure.SignatureFailure', /signature does not match/],
    ['too old', tencentRequest({ action: 'SendMessage', params, key, timestamp: now - 301 }), 'AuthFailure.SignatureExpire', /more than 300s/],
    ['from the future', tencentRequest({ action: 'SendMessage', params, key, timestamp: now + 301 }), 'AuthFailure.SignatureExpire', /more than 300s/],
    ['signed for another host', tencentRequest({ action: 'SendMessage', params, key, signedHost: 'evil.example.com' }), 'AuthFailure.SignatureFailure', /signature/],
  ]
  for (const [what, request, code, message] of cases) {
    const error = tencentError(await app.inject(request))
    assert.equal(error.Code, code, `${what}: ${error.Message}`)
    assert.match(error.Message, message, what)
  }
  const tampered = tencentRequest({ action: 'SendMessage', params, key })
  tampered.payload = JSON.stringify(send(ap.id, ['forged']))
  assert.equal(tencentError(await app.inject(tampered)).Code, 'AuthFailure.SignatureFailure')
  const noTimestamp = tencentRequest({ action: 'SendMessage', params, key })
  delete noTimestamp.headers['x-tc-timestamp']
  assert.equal(tencentError(await app.inject(noTimestamp)).Code, 'MissingParameter')
})

test('what the official SDKs sign is accepted: the host without its port or with the prefix, and / for the path behind a prefix', async t => {
  const { app, key, ap } = await withAccessPoint(t, { overrides: { 'tencent.prefix': '/tencent' } })
  const params = send(ap.id)
  // The Node SDK sends Host: localhost:8080 but signs host:localhost, with the service "localhost:8080/tencent".
  const node = tencentRequest({ action: 'SendMessage', params, key, host: 'localhost:8080', signedHost: 'localhost', service: 'localhost:8080/tencent', url: '/tencent/' })
  assert.ok(tencentResult(await app.inject(node)).MessageId)
  // A client signing the path "/" whatever the endpoint holds.
  const root = tencentRequest({ action: 'SendMessage', params, key, host: 'gateway.example.com:8443', url: '/tencent', signedPath: '/' })
  assert.ok(tencentResult(await app.inject(root)).MessageId)
  // The Go SDK: path "/", its whole endpoint as the host, the service "ckafka".
  const go = tencentRequest({ action: 'SendMessage', params, key, host: 'gateway.example.com:8443', signedHost: 'gateway.example.com:8443/tencent', service: 'ckafka', url: '/tencent/', signedPath: '/' })
  assert.ok(tencentResult(await app.inject(go)).MessageId)
  // With a prefix, / is not the Tencent API.
  assert.notEqual((await app.inject(tencentRequest({ action: 'SendMessage', params, key, url: '/' }))).statusCode, 200)
})

test('protocol errors: missing or unknown action, missing or unknown version', async t => {
  const { app, key } = await withAccessPoint(t)
  const cases: Array<[ReturnType<typeof tencentRequest>, string, RegExp]> = [
    [tencentRequest({ key }), 'MissingParameter', /Action/],
    [tencentRequest({ action: 'DescribeInstances', key }), 'InvalidAction', /DescribeInstances is not served.*SendMessage/],
    [tencentRequest({ action: 'SendMessage', key, version: null }), 'MissingParameter', /X-TC-Version: 2019-08-19/],
    [tencentRequest({ action: 'SendMessage', key, version: '2017-03-12' }), 'NoSuchVersion', /2017-03-12/],
  ]
  for (const [request, code, message] of cases) {
    const error = tencentError(await app.inject(request))
    assert.equal(error.Code, code, error.Message)
    assert.match(error.Message, message)
  }
})

test('parameter errors: MissingParameter, UnknownParameter, InvalidParameter (type, JSON, content type), InvalidParameterValue', async t => {
  const { app, key, ap } = await withAccessPoint(t)
  const cases: Array<[Partial<Parameters<typeof tencentRequest>[0]>, string, RegExp]> = [
    [{ params: { Message: [{ Body: 'x' }] } }, 'MissingParameter', /DataHubId/],
    [{ params: { DataHubId: ap.id, Message: [{ Key: 'k' }] } }, 'MissingParameter', /Message\.0\.Body/],
    [{ params: { ...send(ap.id), Partition: 1 } }, 'UnknownParameter', /Partition/],
    [{ params: { DataHubId: ap.id, Message: [{ Body: 5 }] } }, 'InvalidParameter', /Message\.0\.Body must be string/],
    [{ params: { DataHubId: ap.id, Message: [] } }, 'InvalidParameterValue', /Message/],
    [{ params: send(ap.id, Array.from({ length: 501 }, (_, i) => String(i))) }, 'InvalidParameterValue', /Message/],
    [{ body: '{"DataHubId":' }, 'InvalidParameter', /not valid JSON/],
    [{ body: '[1]' }, 'InvalidParameter', /JSON object/],
    [{ contentType: 'application/x-www-form-urlencoded', body: 'DataHubId=x' }, 'InvalidParameter', /application\/json/],
  ]
  for (const [options, code, message] of cases) {
    const error = tencentError(await app.inject(tencentRequest({ action: 'SendMessage', key, ...options })))
    assert.equal(error.Code, code, `${JSON.stringify(options).slice(0, 80)}: ${error.Message}`)
    assert.match(error.Message, message)
  }
})

test('a body over GATEWAY_BODY_LIMIT_BYTES is RequestSizeLimitExceeded, still in the envelope', async t => {
  const { app, key, ap } = await withAccessPoint(t, { overrides: { 'http.bodyLimitBytes': 1024 } })
  const error = tencentError(await app.inject(tencentRequest({ action: 'SendMessage', key, params: send(ap.id, ['x'.repeat(2000)]) })))
  assert.equal(error.Code, 'RequestSizeLimitExceeded')
})

test('per-principal limits answer RequestLimitExceeded with Retry-After; nothing is written', async t => {
  const now = 7_000_000
  const { app, kafka, key, ap } = await withAccessPoint(t, { now: () => now, overrides: { 'security.limits.requestsPerSecond': 1 } })
  tencentResult(await app.inject(tencentRequest({ action: 'SendMessage', key, params: send(ap.id, ['first']) })))
  const res = await app.inject(tencentRequest({ action: 'SendMessage', key, params: send(ap.id, ['second']) }))
  assert.equal(tencentError(res).Code, 'RequestLimitExceeded')
  assert.equal(res.headers['retry-after'], '1')
  assert.deepEqual(kafka.topics.get('orders')!.flat().map(r => r.value!.toString()), ['first'])
})

test('Kafka down is ResourceUnavailable, saying nothing was written', async t => {
  const { app, kafka, key, ap } = await withAccessPoint(t)
  kafka.failNext = new GatewayError('kafka_unavailable', 'Kafka is unreachable')
  const error = tencentError(await app.inject(tencentRequest({ action: 'SendMessage', key, params: send(ap.id) })))
  assert.equal(error.Code, 'ResourceUnavailable')
  assert.match(error.Message, /none of the 1 messages was written.*Kafka is unreachable/)
})

test('denials are AuthFailure.UnauthorizedOperation and audit lines naming the action, operation and resource', async t => {
  let text = ''
  const logger = pino({ level: 'info' }, new Writable({ write (chunk, _encoding, done) { text += String(chunk); done() } }))
  const { app, ap } = await withAccessPoint(t, { logger })
  const stranger = await createKey(app, 'stranger')
  const error = tencentError(await app.inject(tencentRequest({ action: 'SendMessage', key: stranger, params: send(ap.id) })))
  assert.equal(error.Code, 'AuthFailure.UnauthorizedOperation')
  assert.match(error.Message, new RegExp(`principal stranger may not produce on access-point ${ap.id}`))
  tencentError(await app.inject(tencentRequest({ action: 'SendMessage', key: { id: stranger.id, secret: 'wrong' }, params: send(ap.id) })))
  const lines = text.split('\n').filter(Boolean).map(l => JSON.parse(l) as Record<string, unknown>).filter(l => l.audit === true)
  const denied = lines.find(l => l.event === 'access.denied')
  assert.ok(denied, text)
  assert.deepEqual({ principal: denied.principal, action: denied.action, operation: denied.operation, resource: denied.resource }, { principal: 'stranger', action: 'SendMessage', operation: 'produce', resource: { type: 'access-point', name: ap.id } })
  assert.ok(lines.some(l => l.event === 'authentication.failed' && l.action === 'SendMessage'))
  assert.ok(!text.includes(stranger.secret), 'a secret reached the log')
})

test('in auth mode none every caller is the anonymous administrator, as on the other dialects', async t => {
  const { app } = await identityApp(t, { overrides: { 'security.auth.mode': 'none' } })
  const created = tencentResult(await app.inject(tencentRequest({
    action: 'CreateDatahubTask',
    key: { id: 'anything', secret: 'anything' },
    params: { TaskName: 'open', TaskType: 'SOURCE', SourceResource: { Type: 'HTTP' }, TargetResource: { Type: 'TOPIC', TopicParam: { Resource: 'orders' } } },
  })))
  assert.match((created.Result as { TaskId: string }).TaskId, /^datahub-/)
})

test('GATEWAY_TENCENT_ENABLED=false serves no Tencent API', async t => {
  const { app } = await identityApp(t, { overrides: { 'tencent.enabled': false } })
  assert.equal(app.routeAccess.some(r => r.method === 'POST' && r.url === '/'), false)
  assert.equal((await app.inject(tencentRequest({ action: 'SendMessage', params: send('x') }))).statusCode, 404)
})

test('the Tencent route is left to the dialect by the root access control, and listed as such', async t => {
  const { app } = await identityApp(t)
  assert.equal(app.routeAccess.find(r => r.method === 'POST' && r.url === '/')?.access, 'dialect')
})
