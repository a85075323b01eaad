/**
 * Confluent v2 metadata, produce and error codes against the real broker,
 * from the public API reference (contracts.md §4).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { partitionForKey } from '../../src/core/partitioner.ts'
import { V2, V2_BINARY, V2_JSON, type Client } from '../support/confluent-http.ts'
import { startConfluentGateway } from '../support/confluent-gateway.ts'
import { createTopic, randomTopic } from '../support/gateway.ts'

/** The record at an offset, read back through the native API (independent of the v2 consumer code). */
async function stored (client: Client, topic: string, partition: number, offset: number): Promise<{ key: string | null, value: string | null, headers: Record<string, string> }> {
  const res = await client({ method: 'GET', url: `/gateway/v1/topics/${topic}/partitions/${partition}/records?offset=${offset}&limit=1&keyEncoding=string&valueEncoding=string` })
  assert.equal(res.status, 200, res.text)
  return res.body.records[0]
}

test('topics, partitions, partition offsets and brokers', async t => {
  const { client, gateway } = await startConfluentGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 2, configs: { 'cleanup.policy': 'compact' } })
  await client({ method: 'POST', url: `/topics/${topic}/partitions/1`, headers: { 'content-type': V2_JSON }, body: { records: [{ key: 'k', value: 1 }, { key: 'k', value: 2 }] } })

  const topics = await client({ method: 'GET', url: '/topics', headers: { accept: V2 } })
  assert.equal(topics.status, 200)
  assert.match(topics.headers['content-type']!, /application\/vnd\.kafka\.v2\+json/)
  assert.ok(topics.body.includes(topic))

  const one = await client({ method: 'GET', url: `/topics/${topic}` })
  assert.equal(one.body.name, topic)
  assert.equal(one.body.configs['cleanup.policy'], 'compact')
  assert.equal(one.body.partitions.length, 2)
  const [broker] = (await gateway.admin.cluster()).brokers
  assert.deepEqual(one.body.partitions[0], { partition: 0, leader: broker!.id, replicas: [{ broker: broker!.id, leader: true, in_sync: true }] })

  const partitions = await client({ method: 'GET', url: `/topics/${topic}/partitions` })
  assert.deepEqual(partitions.body.map((p: { partition: number }) => p.partition), [0, 1])
  assert.equal((await client({ method: 'GET', url: `/topics/${topic}/partitions/1` })).body.partition, 1)
  assert.deepEqual((await client({ method: 'GET', url: `/topics/${topic}/partitions/1/offsets` })).body, { beginning_offset: 0, end_offset: 2 })
  assert.deepEqual((await client({ method: 'GET', url: '/brokers' })).body, { brokers: [broker!.id] })

  const missing = await client({ method: 'GET', url: `/topics/${randomTopic('missing')}` })
  assert.deepEqual([missing.status, missing.body.error_code], [404, 40401])
  const noPartition = await client({ method: 'GET', url: `/topics/${topic}/partitions/7` })
  assert.deepEqual([noPartition.status, noPartition.body.error_code], [404, 40402])
  const noOffsets = await client({ method: 'GET', url: `/topics/${topic}/partitions/7/offsets` })
  assert.deepEqual([noOffsets.status, noOffsets.body.error_code], [404, 40402])
})

test('produce in binary, json and string formats, with every accepted content type', async t => {
  const { client, gateway } = await startConfluentGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 3 })
  const cases: { contentType: string, record: object, key: string | null, value: string }[] = [
    { contentType: V2_BINARY, record: { key: Buffer.from('bk').toString('base64'), value: Buffer.from('bytes').toString('base64') }, key: 'bk', value: 'bytes' },
    { contentType: 'application/json', record: { value: Buffer.from('plain json means binary').toString('base64') }, key: null, value: 'plain json means binary' },
    { contentType: 'application/json; charset=utf-8', record: { value: Buffer.from('with charset').toString('base64') }, key: null, value: 'with charset' },
    { contentType: V2, record: { value: Buffer.from('no embedded format').toString('base64') }, key: null, value: 'no embedded format' },
    { contentType: `${V2_JSON}; charset=UTF-8`, record: { key: { id: 7 }, value: { a: [1, 'x'] } }, key: '{"id":7}', value: '{"a":[1,"x"]}' },
    { contentType: 'application/vnd.kafka.string.v2+json', record: { key: 's', value: 'plain text' }, key: 's', value: 'plain text' },
    { contentType: 'application/vnd.kafka.text.v2+json', record: { value: 'strimzi text' }, key: null, value: 'strimzi text' },
  ]
  for (const c of cases) {
    const res = await client({ method: 'POST', url: `/topics/${topic}`, headers: { 'content-type': c.contentType }, body: { records: [c.record] } })
    assert.equal(res.status, 200, `${c.contentType}: ${res.text}`)
    assert.equal(res.body.key_schema_id, null)
    assert.equal(res.body.value_schema_id, null)
    const [result] = res.body.offsets
    assert.equal(result.error_code, null)
    assert.equal(result.error, null)
    const record = await stored(client, topic, result.partition, result.offset)
    assert.deepEqual({ key: record.key, value: record.value }, { key: c.key, value: c.value }, c.contentType)
  }

  // Keyed records land where the Java client puts them; headers (Strimzi shape) and partitions are honoured.
  const keyed = await client({ method: 'POST', url: `/topics/${topic}`, headers: { 'content-type': 'application/vnd.kafka.string.v2+json' }, body: { records: [{ key: 'order-1', value: 'a' }, { value: 'b', partition: 2, headers: [{ key: 'h', value: Buffer.from('v').toString('base64') }] }] } })
  assert.equal(keyed.body.offsets[0].partition, partitionForKey(Buffer.from('order-1'), 3))
  assert.equal(keyed.body.offsets[1].partition, 2)
  assert.deepEqual((await stored(client, topic, 2, keyed.body.offsets[1].offset)).headers, { h: 'v' })

  const toPartition = await client({ method: 'POST', url: `/topics/${topic}/partitions/1`, headers: { 'content-type': V2_JSON }, body: { records: [{ value: 1 }, { value: 2 }] } })
  assert.deepEqual(toPartition.body.offsets.map((o: { partition: number }) => o.partition), [1, 1])
  assert.equal(toPartition.body.offsets[1].offset, toPartition.body.offsets[0].offset + 1)
})

test('produce errors carry the documented error codes', async t => {
  const { client, gateway } = await startConfluentGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 1 })
  const cases: { url?: string, contentType: string, body: string, status: number, code: number }[] = [
    { url: `/topics/${randomTopic('missing')}`, contentType: V2_JSON, body: '{"records":[{"value":1}]}', status: 404, code: 40401 },
    { url: `/topics/${topic}/partitions/4`, contentType: V2_JSON, body: '{"records":[{"value":1}]}', status: 404, code: 40402 },
    { contentType: V2_JSON, body: '{"records":[{"value":1,"partition":9}]}', status: 404, code: 40402 },
    { contentType: 'application/vnd.kafka.avro.v2+json', body: '{"records":[{"key":1,"value":1}]}', status: 422, code: 42201 },
    { contentType: 'application/vnd.kafka.avro.v2+json', body: '{"records":[{"value":1}]}', status: 422, code: 42202 },
    { contentType: 'application/vnd.kafka.protobuf.v2+json', body: '{"value_schema_id":3,"records":[{"value":1}]}', status: 422, code: 42207 },
    { contentType: V2_BINARY, body: '{"records":[{"value":"not base64!"}]}', status: 422, code: 42206 },
    { contentType: 'application/vnd.kafka.string.v2+json', body: '{"records":[{"value":{"not":"a string"}}]}', status: 422, code: 42206 },
    { contentType: V2_JSON, body: '{"records":[{"valeu":1}]}', status: 422, code: 42203 },
    { contentType: V2_JSON, body: '{"records":[]}', status: 422, code: 42203 },
    { contentType: V2_JSON, body: '{"records": [', status: 400, code: 400 },
    { contentType: 'text/plain', body: 'hello', status: 415, code: 415 },
  ]
  for (const c of cases) {
    const res = await client({ method: 'POST', url: c.url ?? `/topics/${topic}`, headers: { 'content-type': c.contentType }, raw: c.body })
    assert.equal(res.status, c.status, `${c.contentType} ${c.body}: ${res.text}`)
    assert.equal(res.body.error_code, c.code, `${c.contentType} ${c.body}: ${res.text}`)
    assert.ok(res.body.message.length > 10, res.text)
  }
  const avro = await client({ method: 'POST', url: `/topics/${topic}`, headers: { 'content-type': 'application/vnd.kafka.avro.v2+json' }, raw: '{"records":[{"value":1}]}' })
  assert.match(avro.body.message, /schema registry/)
})

test('consumer errors carry the documented error codes', async t => {
  const { client, gateway } = await startConfluentGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 1 })
  const group = randomTopic('group')
  const create = (body: object) => client({ method: 'POST', url: `/consumers/${group}`, headers: { 'content-type': V2 }, body })

  for (const [body, code] of [[{ format: 'avro' }, 42204], [{ format: 'protobuf' }, 42204], [{ format: 'xml' }, 42204], [{ 'auto.offset.reset': 'sometimes' }, 42204], [{ 'auto.commit.enable': 'maybe' }, 42204]] as const) {
    const res = await create(body)
    assert.deepEqual([res.status, res.body.error_code], [422, code], res.text)
  }
  const avro = await create({ format: 'avro' })
  assert.match(avro.body.message, /schema registry/)

  assert.equal((await create({ name: 'taken', format: 'binary' })).status, 200)
  const twice = await create({ name: 'taken' })
  assert.deepEqual([twice.status, twice.body.error_code], [409, 40902])

  const base = `/consumers/${group}/instances/taken`
  assert.equal((await client({ method: 'POST', url: `${base}/subscription`, headers: { 'content-type': V2 }, body: { topics: [topic] } })).status, 204)
  const assign = await client({ method: 'POST', url: `${base}/assignments`, headers: { 'content-type': V2 }, body: { partitions: [{ topic, partition: 0 }] } })
  assert.deepEqual([assign.status, assign.body.error_code], [409, 40903])
  const both = await client({ method: 'POST', url: `${base}/subscription`, headers: { 'content-type': V2 }, body: { topics: [topic], topic_pattern: 'x.*' } })
  assert.deepEqual([both.status, both.body.error_code], [422, 42203])

  const wrongFormat = await client({ method: 'GET', url: `${base}/records`, headers: { accept: V2_JSON } })
  assert.deepEqual([wrongFormat.status, wrongFormat.body.error_code], [406, 40601])
  const avroAccept = await client({ method: 'GET', url: `${base}/records`, headers: { accept: 'application/vnd.kafka.avro.v2+json' } })
  assert.deepEqual([avroAccept.status, avroAccept.body.error_code], [406, 40601])
  const generic = await client({ method: 'GET', url: `${base}/records?timeout=0`, headers: { accept: 'application/json' } })
  assert.equal(generic.status, 200, generic.text)
  assert.match(generic.headers['content-type']!, /application\/vnd\.kafka\.binary\.v2\+json/)

  for (const url of [`/consumers/${group}/instances/nobody/records`, `/consumers/${group}/instances/nobody/subscription`, `/consumers/${group}/instances/nobody/assignments`]) {
    const res = await client({ method: 'GET', url, headers: { accept: V2_BINARY } })
    assert.deepEqual([res.status, res.body.error_code], [404, 40403], url)
  }
  const delMissing = await client({ method: 'DELETE', url: `/consumers/${group}/instances/nobody` })
  assert.deepEqual([delMissing.status, delMissing.body.error_code], [404, 40403])
})
