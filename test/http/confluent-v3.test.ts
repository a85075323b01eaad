/**
 * The Confluent v3 dialect over in-memory ports: envelopes, links,
 * single and concatenated produce, error codes (contracts.md §4).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { confluentMemoryApp } from '../support/confluent-memory.ts'

const BASE = '/v3/clusters/memory'

test('links follow the advertised URL and every resource has kind and metadata', async t => {
  const { client } = await confluentMemoryApp(t, { orders: 2 }, { 'confluent.advertisedUrl': 'https://rest.example.com' })
  const topic = await client({ method: 'GET', url: `${BASE}/topics/orders` })
  assert.equal(topic.status, 200, topic.text)
  assert.deepEqual(topic.body.metadata, { self: 'https://rest.example.com/v3/clusters/memory/topics/orders', resource_name: 'crn:///kafka=memory/topic=orders' })
  assert.equal(topic.body.configs.related, 'https://rest.example.com/v3/clusters/memory/topics/orders/configs')
  const partition = await client({ method: 'GET', url: `${BASE}/topics/orders/partitions/1` })
  assert.equal(partition.body.leader.related, 'https://rest.example.com/v3/clusters/memory/topics/orders/partitions/1/replicas/1')
})

test('unknown routes and clusters answer in the v3 error format', async t => {
  const { client } = await confluentMemoryApp(t)
  const route = await client({ method: 'GET', url: '/v3/nothing-here' })
  assert.deepEqual([route.status, route.body.error_code], [404, 404])
  const cluster = await client({ method: 'GET', url: '/v3/clusters/other/topics' })
  assert.deepEqual([cluster.status, cluster.body.error_code], [404, 404])
  assert.match(cluster.body.message, /cannot be found/)
  const invalid = await client({ method: 'POST', url: `${BASE}/topics`, body: { topic_name: 'x', partitions_count: 'many' } })
  assert.deepEqual([invalid.status, invalid.body.error_code], [400, 400])
})

test('concatenated records without chunking get concatenated reports; one record gets one answer', async t => {
  const { client, kafka } = await confluentMemoryApp(t, { orders: 1 })
  const records = `${BASE}/topics/orders/records`
  const one = await client({ method: 'POST', url: records, raw: '{"value":{"type":"STRING","data":"one"}}' })
  assert.equal(one.status, 200)
  assert.equal(one.body.offset, 0)
  const three = await client({ method: 'POST', url: records, raw: '{"value":{"type":"STRING","data":"a"}} {"value":{"type":"STRING","data":"b"}}\n{"partition_id":3}' })
  assert.equal(three.status, 200)
  const reports = three.text.split('\r\n').filter(Boolean).map(line => JSON.parse(line))
  assert.deepEqual(reports.map(r => [r.error_code, r.offset]), [[200, 1], [200, 2], [40403, undefined]])
  assert.deepEqual(kafka.topics.get('orders')![0]!.map(r => r.value?.toString()), ['one', 'a', 'b'])
  const bad = await client({ method: 'POST', url: records, raw: '{"value":' })
  assert.deepEqual([bad.status, bad.body.error_code], [400, 400])
  const empty = await client({ method: 'POST', url: records, raw: '  ' })
  assert.deepEqual([empty.status, empty.body.error_code], [400, 400])
})

test('ACL filters and bindings map onto the ACL port', async t => {
  const { client, acls } = await confluentMemoryApp(t)
  const created = await client({ method: 'POST', url: `${BASE}/acls`, body: { resource_type: 'GROUP', resource_name: 'g', pattern_type: 'LITERAL', principal: 'User:bob', host: '*', operation: 'READ', permission: 'ALLOW' } })
  assert.equal(created.status, 201, created.text)
  assert.deepEqual(acls.acls, [{ resourceType: 'GROUP', resourceName: 'g', patternType: 'LITERAL', principal: 'User:bob', host: '*', operation: 'READ', permission: 'ALLOW' }])
  const none = await client({ method: 'GET', url: `${BASE}/acls?resource_type=TOPIC` })
  assert.deepEqual(none.body.data, [])
  const unknown = await client({ method: 'GET', url: `${BASE}/acls?operation=UNKNOWN` })
  assert.equal(unknown.status, 400)
})
