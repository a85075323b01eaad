import assert from 'node:assert/strict'
import { test } from 'node:test'
import { GatewayError } from '../../src/core/errors.ts'
import { partitionForKey } from '../../src/core/partitioner.ts'
import { memoryApp } from '../support/memory-gateway.ts'

const url = '/gateway/v1/topics/orders/records'

test('a batch produces one result per record, in order', async t => {
  const { app, kafka } = await memoryApp(t)
  const res = await app.inject({ method: 'POST', url, payload: { records: [{ key: 'a', value: { n: 1 } }, { key: 'a', value: { n: 2 } }, { value: 'x', partition: 1 }] } })
  assert.equal(res.statusCode, 200)
  const body = res.json()
  assert.equal(body.results.length, 3)
  const p = partitionForKey(Buffer.from(JSON.stringify('a')), 3)
  assert.deepEqual(body.results.map((r: { partition: number }) => r.partition), [p, p, 1])
  assert.deepEqual(body.results.slice(0, 2).map((r: { offset: number }) => r.offset), [0, 1])
  assert.equal(kafka.topics.get('orders')![p]![1]!.value!.toString(), '{"n":2}')
})

test('a single record object is accepted as a batch of one', async t => {
  const { app } = await memoryApp(t)
  const res = await app.inject({ method: 'POST', url, payload: { value: 'hello', headers: { source: 'test' } } })
  assert.equal(res.statusCode, 200)
  assert.equal(res.json().results.length, 1)
})

test('string and base64 encodings are applied per request', async t => {
  const { app, kafka } = await memoryApp(t, { bin: 1 })
  const bytes = Buffer.from([0, 1, 2, 255])
  const res = await app.inject({ method: 'POST', url: '/gateway/v1/topics/bin/records?keyEncoding=string&valueEncoding=base64', payload: { key: 'plain', value: bytes.toString('base64') } })
  assert.equal(res.statusCode, 200)
  const stored = kafka.topics.get('bin')![0]![0]!
  assert.equal(stored.key!.toString(), 'plain')
  assert.deepEqual(stored.value, bytes)
})

test('bad input classes get their status, code and the field to fix', async t => {
  const { app } = await memoryApp(t)
  const cases: Array<{ payload: string | object, query?: string, status: number, code: string, field?: string }> = [
    { payload: '{"records": [', status: 400, code: 'invalid_json' },
    { payload: { records: [{ valeu: 1 }] }, status: 400, code: 'invalid_request', field: 'records[0].value' },
    { payload: { records: [] }, status: 400, code: 'invalid_request', field: 'records' },
    { payload: { records: [{ value: 1, partition: -1 }] }, status: 400, code: 'invalid_request', field: 'records[0].partition' },
    { payload: { records: [{ value: 1, partition: 9 }] }, status: 404, code: 'partition_not_found', field: 'records[0].partition' },
    { payload: { value: 7 }, query: '?valueEncoding=string', status: 422, code: 'invalid_encoding', field: 'records[0].value' },
    { payload: { value: 'x' }, query: '?valueEncoding=utf16', status: 400, code: 'invalid_request' },
  ]
  for (const c of cases) {
    const res = await app.inject({ method: 'POST', url: url + (c.query ?? ''), headers: { 'content-type': 'application/json' }, payload: typeof c.payload === 'string' ? c.payload : JSON.stringify(c.payload) })
    assert.equal(res.statusCode, c.status, JSON.stringify(c) + res.body)
    const body = res.json()
    assert.equal(body.code, c.code, res.body)
    assert.ok(body.message.length > 10)
    assert.ok(body.requestId)
    if (c.field) assert.equal(body.field, c.field, res.body)
  }
})

test('an unknown topic is a 404 and nothing is written', async t => {
  const { app } = await memoryApp(t)
  const res = await app.inject({ method: 'POST', url: '/gateway/v1/topics/missing/records', payload: { value: 1 } })
  assert.equal(res.statusCode, 404)
  assert.equal(res.json().code, 'topic_not_found')
})

test('a body over the limit is a 413', async t => {
  const { app } = await memoryApp(t, { orders: 1 }, { 'http.bodyLimitBytes': 2048 })
  const res = await app.inject({ method: 'POST', url, payload: { value: 'x'.repeat(4096) } })
  assert.equal(res.statusCode, 413)
  assert.equal(res.json().code, 'body_too_large')
})

test('a record over the size limit fails the request before anything is written', async t => {
  const { app, kafka } = await memoryApp(t, { orders: 1 }, { 'producer.maxRecordBytes': 100 })
  const res = await app.inject({ method: 'POST', url, payload: { records: [{ value: 'ok' }, { value: 'y'.repeat(200) }] } })
  assert.equal(res.statusCode, 413)
  assert.equal(res.json().field, 'records[1]')
  assert.equal(kafka.topics.get('orders')![0]!.length, 0)
})

test('Kafka unavailable: 503 with Retry-After', async t => {
  const { app, kafka } = await memoryApp(t)
  kafka.failNext = new GatewayError('kafka_unavailable', 'Kafka is unreachable; retry shortly', { retryAfterSeconds: 2 })
  const res = await app.inject({ method: 'POST', url, payload: { value: 1 } })
  assert.equal(res.statusCode, 503)
  assert.equal(res.headers['retry-after'], '2')
  assert.equal(res.json().code, 'kafka_unavailable')
})

test('wrong content type is a 415', async t => {
  const { app } = await memoryApp(t)
  const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'text/plain' }, payload: 'hello' })
  assert.equal(res.statusCode, 415)
  assert.equal(res.json().code, 'unsupported_media_type')
})
