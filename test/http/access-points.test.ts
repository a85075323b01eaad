// Access points (issue 4, seeds 000/001): management, and ingest with pause,
// JSON Schema, message size and limits; every refusal leaves Kafka untouched.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ADMIN, bearer, createKey, grant, identityApp } from '../support/identity.ts'

const base = '/gateway/v1/access-points'

test('create, get, list, update, pause, resume, delete: the agreed shape', async t => {
  const { app } = await identityApp(t)
  const created = await app.inject({ method: 'POST', url: base, headers: ADMIN, payload: { name: 'Partner A', topic: 'orders', description: 'orders from partner A', limits: { recordsPerSecond: 100 }, allowedPrincipals: ['partner-a'] } })
  assert.equal(created.statusCode, 201, created.body)
  const ap = created.json()
  assert.match(ap.id, /^datahub-[0-9a-f]{8}$/)
  assert.equal(created.headers.location, `${base}/${ap.id}`)
  assert.deepEqual(Object.keys(ap).sort(), ['allowedPrincipals', 'createdAt', 'description', 'id', 'ingestPath', 'limits', 'name', 'schema', 'status', 'topic', 'updatedAt'])
  assert.deepEqual({ status: ap.status, schema: ap.schema, limits: ap.limits, ingestPath: ap.ingestPath }, { status: 'running', schema: null, limits: { recordsPerSecond: 100 }, ingestPath: `${base}/${ap.id}/messages` })

  assert.deepEqual((await app.inject({ method: 'GET', url: `${base}/${ap.id}`, headers: ADMIN })).json(), ap)
  assert.deepEqual((await app.inject({ method: 'GET', url: base, headers: ADMIN })).json(), { accessPoints: [ap] })

  const patched = await app.inject({ method: 'PATCH', url: `${base}/${ap.id}`, headers: ADMIN, payload: { description: 'changed', schema: { type: 'object' } } })
  assert.equal(patched.statusCode, 200, patched.body)
  assert.equal(patched.json().description, 'changed')
  assert.deepEqual(patched.json().schema, { type: 'object' })
  assert.equal(patched.json().name, 'Partner A')

  const paused = await app.inject({ method: 'POST', url: `${base}/${ap.id}/pause`, headers: ADMIN })
  assert.equal(paused.json().status, 'paused')
  const resumed = await app.inject({ method: 'POST', url: `${base}/${ap.id}/resume`, headers: ADMIN })
  assert.equal(resumed.json().status, 'running')

  assert.equal((await app.inject({ method: 'DELETE', url: `${base}/${ap.id}`, headers: ADMIN })).statusCode, 204)
  const gone = await app.inject({ method: 'GET', url: `${base}/${ap.id}`, headers: ADMIN })
  assert.equal(gone.statusCode, 404)
  assert.equal(gone.json().code, 'access_point_not_found')
})

test('creation refuses what could never work, saying why', async t => {
  const { app } = await identityApp(t)
  const cases: Array<[object, number, string, RegExp]> = [
    [{ name: 'x', topic: 'nope' }, 404, 'topic_not_found', /nope/],
    [{ name: 'x', topic: '_gateway_state' }, 400, 'invalid_request', /shared state/],
    [{ name: 'x', topic: 'orders', schema: { type: 'objekt' } }, 422, 'invalid_schema', /not a valid JSON Schema/],
    [{ name: 'x', topic: 'orders', limits: { recordsPerSecond: 0 } }, 400, 'invalid_request', /recordsPerSecond/],
    [{ topic: 'orders' }, 400, 'invalid_request', /name/],
    [{ name: 'x', topic: 'orders', status: 'paused' }, 400, 'invalid_request', /status/],
  ]
  for (const [payload, status, code, message] of cases) {
    const res = await app.inject({ method: 'POST', url: base, headers: ADMIN, payload })
    assert.equal(res.statusCode, status, `${JSON.stringify(payload)}: ${res.body}`)
    assert.equal(res.json().code, code)
    assert.match(res.json().message, message)
  }
})

test('an access point cannot widen its creator\'s rights: creating one needs produce on its topic', async t => {
  const { app } = await identityApp(t)
  const key = await createKey(app, 'ap-manager')
  await grant(app, { principal: 'ap-manager', operations: ['admin'], resource: { type: 'access-point', prefix: '' } })
  const refused = await app.inject({ method: 'POST', url: base, headers: bearer(key.token), payload: { name: 'x', topic: 'payments' } })
  assert.equal(refused.statusCode, 403)
  assert.match(refused.json().message, /may not produce on topic payments/)
  await grant(app, { principal: 'ap-manager', operations: ['produce'], resource: { type: 'topic', name: 'payments' } })
  assert.equal((await app.inject({ method: 'POST', url: base, headers: bearer(key.token), payload: { name: 'x', topic: 'payments' } })).statusCode, 201)
})

test('ingest: same records and answer as native produce; only allowed principals', async t => {
  const { app, kafka } = await identityApp(t)
  const partner = await createKey(app, 'partner-a')
  const stranger = await createKey(app, 'stranger')
  const ap = (await app.inject({ method: 'POST', url: base, headers: ADMIN, payload: { name: 'A', topic: 'payments', allowedPrincipals: ['partner-a'] } })).json()
  const res = await app.inject({ method: 'POST', url: ap.ingestPath, headers: bearer(partner.token), payload: { records: [{ key: 'k', value: { amount: 1 }, headers: { src: 'a' } }, { value: 'two' }] } })
  assert.equal(res.statusCode, 200, res.body)
  assert.deepEqual(res.json().results.map((r: { offset: number }) => r.offset), [0, 1])
  assert.equal(res.json().topic, 'payments')
  assert.equal(kafka.topics.get('payments')![0]![0]!.value!.toString(), '{"amount":1}')
  const single = await app.inject({ method: 'POST', url: `${ap.ingestPath}?valueEncoding=string`, headers: bearer(partner.token), payload: { value: 'plain' } })
  assert.equal(single.statusCode, 200)
  assert.equal(kafka.topics.get('payments')![0]![2]!.value!.toString(), 'plain')

  const denied = await app.inject({ method: 'POST', url: ap.ingestPath, headers: bearer(stranger.token), payload: { value: 1 } })
  assert.equal(denied.statusCode, 403)
  // The access point is no grant on its topic.
  assert.equal((await app.inject({ method: 'POST', url: '/gateway/v1/topics/payments/records', headers: bearer(partner.token), payload: { value: 1 } })).statusCode, 403)
  assert.equal(kafka.topics.get('payments')![0]!.length, 3)
})

test('a paused access point refuses messages with the seed\'s message; resumed, it accepts again', async t => {
  const { app, kafka } = await identityApp(t)
  const ap = (await app.inject({ method: 'POST', url: base, headers: ADMIN, payload: { name: 'A', topic: 'payments' } })).json()
  await app.inject({ method: 'POST', url: `${base}/${ap.id}/pause`, headers: ADMIN })
  const refused = await app.inject({ method: 'POST', url: ap.ingestPath, headers: ADMIN, payload: { value: 1 } })
  assert.equal(refused.statusCode, 409)
  assert.deepEqual({ code: refused.json().code, message: refused.json().message }, { code: 'access_point_paused', message: `task status suspended [${ap.id}]` })
  assert.equal(kafka.topics.get('payments')![0]!.length, 0)
  await app.inject({ method: 'POST', url: `${base}/${ap.id}/resume`, headers: ADMIN })
  assert.equal((await app.inject({ method: 'POST', url: ap.ingestPath, headers: ADMIN, payload: { value: 1 } })).statusCode, 200)
})

test('a schema violation names the record and field, and nothing of the batch is written', async t => {
  const { app, kafka } = await identityApp(t)
  const schema = { type: 'object', required: ['device', 'temperature'], properties: { device: { type: 'string' }, temperature: { type: 'number' } } }
  const ap = (await app.inject({ method: 'POST', url: base, headers: ADMIN, payload: { name: 'sensors', topic: 'payments', schema } })).json()
  const res = await app.inject({ method: 'POST', url: ap.ingestPath, headers: ADMIN, payload: { records: [{ value: { device: 'a', temperature: 1 } }, { value: { device: 'b', temperature: 'hot' } }] } })
  assert.equal(res.statusCode, 422)
  assert.deepEqual({ code: res.json().code, field: res.json().field }, { code: 'schema_violation', field: 'records[1].value.temperature' })
  assert.match(res.json().message, /^records\[1\]\.value\.temperature must be number/)
  assert.equal(kafka.topics.get('payments')![0]!.length, 0)
})

test('maxMessageBytes refuses an oversized message, naming it', async t => {
  const { app, kafka } = await identityApp(t)
  const ap = (await app.inject({ method: 'POST', url: base, headers: ADMIN, payload: { name: 'small', topic: 'payments', limits: { maxMessageBytes: 10 } } })).json()
  const res = await app.inject({ method: 'POST', url: `${ap.ingestPath}?valueEncoding=string`, headers: ADMIN, payload: { records: [{ value: 'short' }, { value: 'much too long for it' }] } })
  assert.equal(res.statusCode, 413)
  assert.deepEqual({ code: res.json().code, field: res.json().field }, { code: 'record_too_large', field: 'records[1]' })
  assert.equal(kafka.topics.get('payments')![0]!.length, 0)
})

test('access point limits: 429 with Retry-After over the rate, 413 for a batch that can never fit; nothing half-written', async t => {
  let now = 1_000_000
  const { app, kafka } = await identityApp(t, { now: () => now })
  const ap = (await app.inject({ method: 'POST', url: base, headers: ADMIN, payload: { name: 'limited', topic: 'payments', limits: { recordsPerSecond: 3 } } })).json()
  const ok = await app.inject({ method: 'POST', url: ap.ingestPath, headers: ADMIN, payload: { records: [{ value: 1 }, { value: 2 }] } })
  assert.equal(ok.statusCode, 200)
  const limited = await app.inject({ method: 'POST', url: ap.ingestPath, headers: ADMIN, payload: { records: [{ value: 3 }, { value: 4 }] } })
  assert.equal(limited.statusCode, 429)
  assert.equal(limited.json().code, 'rate_limited')
  assert.equal(limited.headers['retry-after'], '1')
  const never = await app.inject({ method: 'POST', url: ap.ingestPath, headers: ADMIN, payload: { records: [{ value: 1 }, { value: 2 }, { value: 3 }, { value: 4 }] } })
  assert.equal(never.statusCode, 413)
  assert.equal(never.json().code, 'request_over_limit')
  assert.equal(kafka.topics.get('payments')![0]!.length, 2)
  now += 1000 // a second later the bucket is full again
  assert.equal((await app.inject({ method: 'POST', url: ap.ingestPath, headers: ADMIN, payload: { records: [{ value: 3 }, { value: 4 }, { value: 5 }] } })).statusCode, 200)
})

test('a pause on one instance is in force on another sharing the state', async t => {
  const one = await identityApp(t)
  const other = await identityApp(t, { log: one.log, kafka: one.kafka })
  const ap = (await one.app.inject({ method: 'POST', url: base, headers: ADMIN, payload: { name: 'A', topic: 'payments' } })).json()
  assert.equal((await other.app.inject({ method: 'POST', url: ap.ingestPath, headers: ADMIN, payload: { value: 1 } })).statusCode, 200)
  await one.app.inject({ method: 'POST', url: `${base}/${ap.id}/pause`, headers: ADMIN })
  assert.equal((await other.app.inject({ method: 'POST', url: ap.ingestPath, headers: ADMIN, payload: { value: 1 } })).json().code, 'access_point_paused')
})
