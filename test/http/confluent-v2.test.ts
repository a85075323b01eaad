/**
 * The Confluent v2 dialect over in-memory ports: wire shapes, media types,
 * per-record results, error codes (contracts.md §4).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { GatewayError } from '../../src/core/errors.ts'
import { V2, V2_BINARY, V2_JSON } from '../support/confluent-http.ts'
import { confluentMemoryApp } from '../support/confluent-memory.ts'
import { memoryApp } from '../support/memory-gateway.ts'

test('a failed write is reported per record inside a 200: error_code 2 when retriable, 1 when not', async t => {
  const { client, kafka } = await confluentMemoryApp(t)
  kafka.failNext = new GatewayError('kafka_unavailable', 'Kafka could not write the records right now', { kafkaCode: 'NOT_ENOUGH_REPLICAS' })
  const retriable = await client({ method: 'POST', url: '/topics/orders/partitions/0', headers: { 'content-type': V2_JSON }, body: { records: [{ value: 1 }, { value: 2 }] } })
  assert.equal(retriable.status, 200, retriable.text)
  assert.deepEqual(retriable.body, {
    key_schema_id: null,
    value_schema_id: null,
    offsets: [
      { partition: 0, offset: null, error_code: 2, error: 'Kafka could not write the records right now' },
      { partition: 0, offset: null, error_code: 2, error: 'Kafka could not write the records right now' },
    ],
  })
  kafka.failNext = new GatewayError('kafka_error', 'Kafka refused the records: INVALID_RECORD')
  const fatal = await client({ method: 'POST', url: '/topics/orders/partitions/0', headers: { 'content-type': V2_JSON }, body: { records: [{ value: 1 }] } })
  assert.equal(fatal.body.offsets[0].error_code, 1)
  const ok = await client({ method: 'POST', url: '/topics/orders/partitions/0', headers: { 'content-type': V2_JSON }, body: { records: [{ value: 1 }] } })
  assert.deepEqual(ok.body.offsets, [{ partition: 0, offset: 0, error_code: null, error: null }])
})

test('every answer is application/vnd.kafka.v2+json, errors included', async t => {
  const { client } = await confluentMemoryApp(t)
  for (const url of ['/topics', '/topics/orders', '/topics/missing', '/brokers']) {
    const res = await client({ method: 'GET', url })
    assert.match(res.headers['content-type']!, /^application\/vnd\.kafka\.v2\+json/, url)
  }
  const missing = await client({ method: 'GET', url: '/topics/missing' })
  assert.deepEqual(Object.keys(missing.body).sort(), ['error_code', 'message'])
})

test('a record over the size limit is a 413 and nothing is written', async t => {
  const { client, kafka } = await confluentMemoryApp(t, { orders: 1 }, { 'producer.maxRecordBytes': 50 })
  const res = await client({ method: 'POST', url: '/topics/orders', headers: { 'content-type': 'application/vnd.kafka.string.v2+json' }, body: { records: [{ value: 'small' }, { value: 'x'.repeat(100) }] } })
  assert.deepEqual([res.status, res.body.error_code], [413, 413])
  assert.equal(kafka.topics.get('orders')![0]!.length, 0)
})

test('consumer instance: base_uri from the advertised URL, defaults, empty bodies, Accept handling', async t => {
  const { client, kafka, offsets } = await confluentMemoryApp(t, { orders: 2 }, { 'confluent.advertisedUrl': 'https://kafka-rest.example.com/' })
  const created = await client({ method: 'POST', url: '/consumers/billing', headers: { 'content-type': V2 } })
  assert.equal(created.status, 200, created.text)
  assert.match(created.body.instance_id, /^rest-consumer-[0-9a-f]+$/)
  assert.equal(created.body.base_uri, `https://kafka-rest.example.com/consumers/billing/instances/${created.body.instance_id}`)
  const base = `/consumers/billing/instances/${created.body.instance_id}`

  // Defaults: binary format, latest, auto commit on.
  await client({ method: 'POST', url: '/topics/orders/partitions/1', headers: { 'content-type': V2_BINARY }, body: { records: [{ value: 'b2xk' }] } })
  assert.equal((await client({ method: 'POST', url: `${base}/subscription`, headers: { 'content-type': V2 }, body: { topics: ['orders'] } })).status, 204)
  assert.deepEqual((await client({ method: 'GET', url: `${base}/records?timeout=0` })).body, [], 'latest skips what was there')
  await client({ method: 'POST', url: '/topics/orders/partitions/1', headers: { 'content-type': V2_BINARY }, body: { records: [{ key: 'aw==', value: 'bmV3' }] } })
  const res = await client({ method: 'GET', url: `${base}/records?timeout=0`, headers: { accept: `${V2_BINARY}, application/json;q=0.5` } })
  assert.equal(res.status, 200, res.text)
  assert.match(res.headers['content-type']!, /^application\/vnd\.kafka\.binary\.v2\+json/)
  const [record] = res.body
  assert.deepEqual({ ...record, timestamp: 0 }, { topic: 'orders', key: 'aw==', value: 'bmV3', partition: 1, offset: 1, timestamp: 0, headers: [] })
  // Auto commit of the positions after what was handed out, as a Kafka consumer commits them.
  assert.deepEqual(offsets.commits.at(-1)!.offsets, [{ topic: 'orders', partition: 0, offset: 0 }, { topic: 'orders', partition: 1, offset: 2 }])
  assert.equal(offsets.commits.at(-1)!.member?.instanceId, created.body.instance_id)

  // GET offsets takes its partitions from a body, as Confluent does.
  const committed = await client({ method: 'GET', url: `${base}/offsets`, headers: { 'content-type': V2 }, raw: JSON.stringify({ partitions: [{ topic: 'orders', partition: 1 }, { topic: 'orders', partition: 0 }] }) })
  assert.deepEqual(committed.body, { offsets: [{ topic: 'orders', partition: 1, offset: 2, metadata: '' }, { topic: 'orders', partition: 0, offset: 0, metadata: '' }] })
  const other = await client({ method: 'GET', url: `${base}/offsets?partitions=orders:0` })
  assert.deepEqual(other.body.offsets.map((o: { offset: number }) => o.offset), [0])
  const noBody = await client({ method: 'GET', url: `${base}/offsets` })
  assert.deepEqual([noBody.status, noBody.body.error_code], [422, 42203])
  assert.equal(kafka.topics.get('orders')![1]!.length, 2)
})

test('strimzi style: text format, enable.auto.commit, record headers and timestamps', async t => {
  const { client, kafka } = await confluentMemoryApp(t, { events: 1 })
  const produced = await client({
    method: 'POST',
    url: '/topics/events',
    headers: { 'content-type': 'application/vnd.kafka.text.v2+json' },
    body: { records: [{ key: 'k', value: 'hello', timestamp: 1700000000000, headers: [{ key: 'source', value: Buffer.from('bridge').toString('base64') }] }] },
  })
  assert.equal(produced.status, 200, produced.text)
  const stored = kafka.topics.get('events')![0]![0]!
  assert.equal(stored.timestamp, 1700000000000)
  assert.deepEqual(stored.headers.map(h => [h.name, h.value?.toString()]), [['source', 'bridge']])

  const created = await client({ method: 'POST', url: '/consumers/bridge', headers: { 'content-type': V2 }, body: { name: 'c', format: 'text', 'auto.offset.reset': 'earliest', 'enable.auto.commit': false, 'fetch.min.bytes': 1, 'consumer.request.timeout.ms': 100 } })
  assert.equal(created.status, 200, created.text)
  await client({ method: 'POST', url: '/consumers/bridge/instances/c/assignments', headers: { 'content-type': V2 }, body: { partitions: [{ topic: 'events', partition: 0 }] } })
  const res = await client({ method: 'GET', url: '/consumers/bridge/instances/c/records', headers: { accept: 'application/vnd.kafka.text.v2+json' } })
  assert.equal(res.status, 200, res.text)
  assert.match(res.headers['content-type']!, /^application\/vnd\.kafka\.text\.v2\+json/)
  assert.deepEqual(res.body, [{ topic: 'events', key: 'k', value: 'hello', partition: 0, offset: 0, timestamp: 1700000000000, headers: [{ key: 'source', value: Buffer.from('bridge').toString('base64') }] }])
})

test('the v2 consumer API answers 503 where the Kafka port keeps no instance state', async t => {
  const { app } = await memoryApp(t)
  const res = await app.inject({ method: 'POST', url: '/consumers/g', headers: { 'content-type': V2 }, payload: '{}' })
  assert.equal(res.statusCode, 503)
  assert.equal(res.json().error_code, 503)
})
