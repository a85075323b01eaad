// The Azure HDInsight Kafka REST proxy dialect on the real broker
// (contracts.md §3): metadata as Kafka reports it, timestampType from the
// topic's message.timestamp.type, the consume answer stopping at about 6 MB,
// offsets past the end, and Kafka's refusals in the Azure format.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { InjectOptions } from 'fastify'
import { CONSUME_MAX_BYTES } from '../../src/http/azure/routes/consumer.ts'
import { createTopic, randomTopic, startTestGateway } from '../support/gateway.ts'

test('metadata, create, produce and consume on the real broker', async t => {
  const gw = await startTestGateway(t, { overrides: { 'security.auth.mode': 'none' } })
  const call = (method: InjectOptions['method'], url: string, payload?: unknown) => gw.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) })
  const topic = randomTopic('azure')
  gw.defer(async () => { await gw.gateway.admin.deleteTopic(topic).catch(() => {}) })

  const created = await call('PUT', `/v1/topics/${topic}`, { partition_count: 2, replication_factor: 1, topic_properties: { 'retention.ms': 604800000, 'message.timestamp.type': 'LogAppendTime' } })
  assert.equal(created.statusCode, 200, created.body)
  assert.deepEqual(created.json(), { topic, partition_count: 2, replication_factor: 1, topic_properties: { 'retention.ms': '604800000', 'message.timestamp.type': 'LogAppendTime' } })
  const badConfig = await call('PUT', `/v1/topics/${randomTopic('azure')}`, { topic_properties: { 'retention.ms': 'forever' } })
  assert.equal(badConfig.statusCode, 400, badConfig.body)
  assert.equal(badConfig.json().error.code, 'InvalidConfig')

  assert.ok((await call('GET', '/v1/metadata/topics')).json().topics.includes(topic))
  const brokers = (await call('GET', '/v1/metadata/brokers')).json().brokers
  assert.equal(brokers.length, 1)
  assert.equal(brokers[0].hostName, '127.0.0.1')

  const before = Date.now()
  const produced = await call('POST', `/v1/producer/topics/${topic}`, { records: [{ key: 'k', value: { n: 1 }, partition: 1 }, { value: 'plain', partition: 1 }] })
  assert.equal(produced.statusCode, 200, produced.body)
  assert.deepEqual(produced.json(), { offsets: [{ partition: 1, offset: 0 }, { partition: 1, offset: 1 }] })

  const partition = (await call('GET', `/v1/metadata/topics/${topic}/partitions/1`)).json()
  assert.deepEqual({ ...partition, leader: undefined }, { partition_id: 1, earliest_offset: 0, latest_offset: 2, leader: undefined, replicas: [brokers[0].id], isr: [brokers[0].id] })

  const consumed = await call('GET', `/v1/consumer/topics/${topic}/partitions/1/offsets/0?count=10`)
  assert.equal(consumed.statusCode, 200, consumed.body)
  assert.equal(consumed.headers.nextoffset, '2')
  const records = consumed.json().records
  assert.deepEqual(records.map((r: { key: string | null, value: string }) => [r.key, r.value]), [['k', '{"n":1}'], [null, 'plain']])
  // The topic stamps records itself: LogAppendTime, at the broker's clock.
  assert.equal(records[0].timestampType, 'LogAppendTime')
  assert.ok(records[0].timestamp >= before - 1000)

  const atEnd = await call('GET', `/v1/consumer/topics/${topic}/partitions/1/offsets/2`)
  assert.deepEqual(atEnd.json(), { records: [] })
  assert.equal(atEnd.headers.nextoffset, '2')
  const pastEnd = await call('GET', `/v1/consumer/topics/${topic}/partitions/1/offsets/50`)
  assert.equal(pastEnd.statusCode, 400, pastEnd.body)
  assert.equal(pastEnd.json().error.code, 'OffsetOutOfRange')
  const noTopic = await call('GET', `/v1/consumer/topics/${randomTopic('none')}/partitions/0/offsets/0`)
  assert.equal(noTopic.statusCode, 404)
  assert.equal(noTopic.json().error.code, 'TopicNotFound')
})

test('a consume answer stops at about 6 MB, and NextOffset continues where it stopped', async t => {
  const gw = await startTestGateway(t, { overrides: { 'security.auth.mode': 'none' } })
  const topic = await createTopic(t, gw.gateway, { partitions: 1, configs: { 'max.message.bytes': String(2 * 1024 * 1024) } })
  const value = 'v'.repeat(900 * 1024)
  for (let i = 0; i < 9; i++) {
    const res = await gw.app.inject({ method: 'POST', url: `/v1/producer/topics/${topic}`, payload: { records: [{ value: `${i}${value}` }] } })
    assert.equal(res.statusCode, 200, res.body)
  }
  const first = await gw.app.inject({ url: `/v1/consumer/topics/${topic}/partitions/0/offsets/0?count=9` })
  const got = first.json().records as Array<{ offset: number, value: string }>
  assert.ok(got.length >= 1 && got.length < 9, `${got.length} records`)
  assert.ok(got.reduce((sum, r) => sum + r.value.length, 0) <= CONSUME_MAX_BYTES + value.length + 1)
  assert.equal(first.headers.nextoffset, String(got.length))
  const rest = await gw.app.inject({ url: `/v1/consumer/topics/${topic}/partitions/0/offsets/${first.headers.nextoffset}?count=9` })
  assert.equal(rest.json().records[0].value[0], String(got.length))
})
