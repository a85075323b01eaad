// NAVER Data Stream on the real broker (contracts.md §2): signed produce
// lands where Kafka says, the topic API manages real topics by their Kafka
// topic id (the form kafka-topics.sh prints), and Kafka's refusals answer in
// the NAVER format. Signing with API keys runs against a gateway process in
// naver-docs.test.ts.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { InjectOptions } from 'fastify'
import { partitionForKey } from '../../src/core/partitioner.ts'
import { createTopic, randomTopic, startTestGateway } from '../support/gateway.ts'

test('produce on the real broker: key-hashed or explicit partition, read back through the native API', async t => {
  const gw = await startTestGateway(t, { overrides: { 'security.auth.mode': 'none' } })
  const topic = await createTopic(t, gw.gateway, { partitions: 3 })
  const send = (body: Record<string, unknown>) => gw.app.inject({ method: 'POST', url: '/api/produce', payload: body })
  const res = await send({ topic, key: 'device-7', value: 'temperature=21.5' })
  assert.equal(res.statusCode, 200, res.body)
  assert.deepEqual(res.json(), { status: 200, detail: 'OK' })
  assert.equal((await send({ topic, key: 'device-7', value: 'to partition 0', partition: 0 })).statusCode, 200)
  const badPartition = await send({ topic, key: 'device-7', value: 'x', partition: 3 })
  assert.equal(badPartition.statusCode, 400)
  assert.equal(badPartition.json().detail, 'Bad Request, Invalid topic partition')

  const hashed = partitionForKey(Buffer.from('device-7'), 3)
  const read = async (partition: number) => (await gw.app.inject({ url: `/gateway/v1/topics/${topic}/partitions/${partition}/records?offset=earliest&keyEncoding=string&valueEncoding=string` })).json().records
  const onHashed = await read(hashed)
  assert.equal(onHashed[0].key, 'device-7')
  assert.equal(onHashed[0].value, 'temperature=21.5')
  const onZero = await read(0)
  assert.equal(onZero.at(-1).value, 'to partition 0')
})

test('the topic API on real topics: ids, retention, growing partitions, refusals, delete', async t => {
  const gw = await startTestGateway(t, { overrides: { 'security.auth.mode': 'none' } })
  const name = randomTopic('naver')
  gw.defer(async () => { await gw.gateway.admin.deleteTopic(name).catch(() => {}) })
  const call = (method: InjectOptions['method'], url: string, payload?: unknown) => gw.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) })

  const created = await call('POST', '/api/v1/topics', { name, description: 'Data Stream Topic', partitions: 2, retentionMs: 3600000 })
  assert.equal(created.statusCode, 201, created.body)
  const topic = created.json()
  const kafkaId = (await gw.gateway.admin.describeTopic(name)).id
  // The Kafka topic id in the form Kafka's tools print: base64url of the 16 UUID bytes.
  assert.equal(topic.topicId, Buffer.from(kafkaId.replaceAll('-', ''), 'hex').toString('base64url'))
  assert.equal(topic.topicId.length, 22)
  assert.deepEqual({ ...topic, topicId: undefined }, { topicId: undefined, topicName: name, description: '', partitions: 2, retentionMs: 3600000, status: 'CREATED', createdDate: null, updatedDate: null })

  const listed = (await call('GET', `/api/v1/topics?searchText=${name}`)).json().list
  assert.deepEqual(listed.map((x: { topicId: string }) => x.topicId), [topic.topicId])

  const updated = await call('PUT', `/api/v1/topics/${topic.topicId}`, { description: 'more partitions', partitions: 4, retentionMs: 7200000 })
  assert.equal(updated.statusCode, 200, updated.body)
  assert.equal(updated.json().partitions, 4)
  assert.equal(updated.json().retentionMs, 7200000)
  assert.equal((await gw.gateway.admin.describeTopic(name)).partitions.length, 4)

  const shrink = await call('PUT', `/api/v1/topics/${topic.topicId}`, { partitions: 2 })
  assert.equal(shrink.statusCode, 400)
  assert.equal(shrink.json().detail, 'Bad Request')
  assert.match(shrink.json().message, /already has 4 partitions/)
  const badRetention = await call('PUT', `/api/v1/topics/${topic.topicId}`, { retentionMs: -5 })
  assert.equal(badRetention.statusCode, 400)
  const exists = await call('POST', '/api/v1/topics', { name })
  assert.equal(exists.statusCode, 409)

  const deleted = await call('DELETE', `/api/v1/topics/${topic.topicId}`)
  assert.equal(deleted.statusCode, 200, deleted.body)
  assert.equal(deleted.json(), true)
  const gone = await call('GET', `/api/v1/topics/${topic.topicId}`)
  assert.equal(gone.statusCode, 404)
  assert.equal(gone.json().detail, 'Not Found')
})
