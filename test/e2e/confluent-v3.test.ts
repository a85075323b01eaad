/**
 * Confluent v3 against the real broker, from the public API reference
 * (contracts.md §4): clusters, topics, topic configs, partitions, brokers,
 * consumer groups, produce (one record and batch), error codes.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { eventually, V2, V2_JSON } from '../support/confluent-http.ts'
import { startConfluentGateway } from '../support/confluent-gateway.ts'
import { createTopic, randomTopic } from '../support/gateway.ts'

test('clusters and brokers with their configs', async t => {
  const { client, clusterId, gateway } = await startConfluentGateway(t)
  const list = await client({ method: 'GET', url: '/v3/clusters' })
  assert.equal(list.status, 200)
  assert.match(list.headers['content-type']!, /^application\/json/)
  assert.equal(list.body.kind, 'KafkaClusterList')
  assert.equal(list.body.metadata.next, null)
  const [cluster] = list.body.data
  assert.equal(cluster.kind, 'KafkaCluster')
  assert.equal(cluster.cluster_id, clusterId)
  assert.equal(cluster.metadata.resource_name, `crn:///kafka=${clusterId}`)
  assert.ok(cluster.metadata.self.endsWith(`/v3/clusters/${clusterId}`))
  for (const relation of ['acls', 'brokers', 'broker_configs', 'consumer_groups', 'topics', 'controller']) assert.ok(cluster[relation].related.startsWith('http'), relation)

  assert.equal((await client({ method: 'GET', url: `/v3/clusters/${clusterId}` })).body.cluster_id, clusterId)
  const wrong = await client({ method: 'GET', url: '/v3/clusters/not-this-one/topics' })
  assert.deepEqual([wrong.status, wrong.body.error_code], [404, 404])

  const [broker] = (await gateway.admin.cluster()).brokers
  const brokers = await client({ method: 'GET', url: `/v3/clusters/${clusterId}/brokers` })
  assert.equal(brokers.body.kind, 'KafkaBrokerList')
  assert.deepEqual(brokers.body.data.map((b: { broker_id: number, port: number }) => [b.broker_id, b.port]), [[broker!.id, broker!.port]])
  const one = await client({ method: 'GET', url: `/v3/clusters/${clusterId}/brokers/${broker!.id}` })
  assert.deepEqual([one.body.kind, one.body.host], ['KafkaBroker', broker!.host])
  const configs = await client({ method: 'GET', url: `/v3/clusters/${clusterId}/brokers/${broker!.id}/configs` })
  assert.equal(configs.body.kind, 'KafkaBrokerConfigList')
  const numPartitions = configs.body.data.find((c: { name: string }) => c.name === 'num.partitions')
  assert.equal(numPartitions.kind, 'KafkaBrokerConfig')
  const config = await client({ method: 'GET', url: `/v3/clusters/${clusterId}/brokers/${broker!.id}/configs/num.partitions` })
  assert.equal(config.body.value, numPartitions.value)
  assert.equal((await client({ method: 'GET', url: `/v3/clusters/${clusterId}/brokers/999` })).status, 404)
  assert.equal((await client({ method: 'GET', url: `/v3/clusters/${clusterId}/brokers/${broker!.id}/configs/no.such.config` })).status, 404)
})

test('topics: create with configs and validate_only, get, list, add partitions, delete', async t => {
  const { client, clusterId, gateway } = await startConfluentGateway(t)
  const topics = `/v3/clusters/${clusterId}/topics`
  const name = randomTopic('v3')
  t.after(() => gateway.admin.deleteTopic(name).catch(() => {}))

  const dry = await client({ method: 'POST', url: topics, body: { topic_name: name, partitions_count: 2, validate_only: true } })
  assert.equal(dry.status, 201, dry.text)
  assert.equal((await client({ method: 'GET', url: `${topics}/${name}` })).status, 404, 'validate_only created nothing')

  const created = await client({ method: 'POST', url: topics, body: { topic_name: name, partitions_count: 2, replication_factor: 1, configs: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'retention.ms', value: '3600000' }] } })
  assert.equal(created.status, 201, created.text)
  assert.equal(created.body.kind, 'KafkaTopic')
  assert.deepEqual([created.body.topic_name, created.body.partitions_count, created.body.replication_factor, created.body.is_internal], [name, 2, 1, false])
  assert.equal(created.body.metadata.resource_name, `crn:///kafka=${clusterId}/topic=${name}`)
  assert.ok(created.body.partitions.related.endsWith(`/topics/${name}/partitions`))

  const again = await client({ method: 'POST', url: topics, body: { topic_name: name } })
  assert.deepEqual([again.status, again.body.error_code], [400, 40002])
  const listed = await client({ method: 'GET', url: topics })
  assert.equal(listed.body.kind, 'KafkaTopicList')
  assert.ok(listed.body.data.some((d: { topic_name: string }) => d.topic_name === name))
  assert.equal((await client({ method: 'GET', url: `${topics}/${name}` })).body.partitions_count, 2)

  const grown = await client({ method: 'PATCH', url: `${topics}/${name}`, body: { partitions_count: 3 } })
  assert.equal(grown.status, 200, grown.text)
  assert.equal(grown.body.partitions_count, 3)
  const shrink = await client({ method: 'PATCH', url: `${topics}/${name}`, body: { partitions_count: 1 } })
  assert.deepEqual([shrink.status, shrink.body.error_code], [400, 40002])

  const partitions = await client({ method: 'GET', url: `${topics}/${name}/partitions` })
  assert.equal(partitions.body.kind, 'KafkaPartitionList')
  assert.deepEqual(partitions.body.data.map((p: { partition_id: number }) => p.partition_id), [0, 1, 2])
  const partition = await client({ method: 'GET', url: `${topics}/${name}/partitions/2` })
  assert.deepEqual([partition.body.kind, partition.body.topic_name, partition.body.partition_id], ['KafkaPartition', name, 2])
  const replicas = await client({ method: 'GET', url: `${topics}/${name}/partitions/2/replicas` })
  assert.equal(replicas.body.data[0].is_leader, true)
  const noPartition = await client({ method: 'GET', url: `${topics}/${name}/partitions/9` })
  assert.deepEqual([noPartition.status, noPartition.body.error_code], [404, 40403])

  assert.equal((await client({ method: 'DELETE', url: `${topics}/${name}` })).status, 204)
  const gone = await eventually(async () => {
    const res = await client({ method: 'GET', url: `${topics}/${name}` })
    return res.status === 404 ? res : undefined
  })
  assert.equal(gone.body.error_code, 40403)
  const missingDelete = await client({ method: 'DELETE', url: `${topics}/${randomTopic('missing')}` })
  assert.deepEqual([missingDelete.status, missingDelete.body.error_code], [404, 40403])
})

test('topic configs: list, get, set, reset and alter in a batch', async t => {
  const { client, clusterId, gateway } = await startConfluentGateway(t)
  const topic = await createTopic(t, gateway)
  const configs = `/v3/clusters/${clusterId}/topics/${topic}/configs`
  const value = async (name: string) => (await client({ method: 'GET', url: `${configs}/${name}` })).body

  const list = await client({ method: 'GET', url: configs })
  assert.equal(list.body.kind, 'KafkaTopicConfigList')
  const retention = list.body.data.find((c: { name: string }) => c.name === 'retention.ms')
  assert.deepEqual([retention.kind, retention.topic_name, retention.is_default], ['KafkaTopicConfig', topic, true])
  assert.equal(retention.metadata.resource_name, `crn:///kafka=${clusterId}/topic=${topic}/config=retention.ms`)

  assert.equal((await client({ method: 'PUT', url: `${configs}/retention.ms`, body: { value: '123456' } })).status, 204)
  assert.deepEqual([(await value('retention.ms')).value, (await value('retention.ms')).is_default], ['123456', false])
  assert.equal((await client({ method: 'DELETE', url: `${configs}/retention.ms` })).status, 204)
  assert.equal((await value('retention.ms')).is_default, true)

  const alter = await client({ method: 'POST', url: `${configs}:alter`, body: { data: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'max.message.bytes', value: '65536' }] } })
  assert.equal(alter.status, 204, alter.text)
  assert.equal((await value('cleanup.policy')).value, 'compact')
  const reset = await client({ method: 'POST', url: `${configs}:alter`, body: { data: [{ name: 'cleanup.policy', operation: 'DELETE' }] } })
  assert.equal(reset.status, 204, reset.text)
  assert.equal((await value('cleanup.policy')).value, 'delete')
  const dry = await client({ method: 'POST', url: `${configs}:alter`, body: { data: [{ name: 'cleanup.policy', value: 'compact' }], validate_only: true } })
  assert.equal(dry.status, 204)
  assert.equal((await value('cleanup.policy')).value, 'delete', 'validate_only changed nothing')

  const unknown = await client({ method: 'GET', url: `${configs}/no.such.config` })
  assert.equal(unknown.status, 404)
  const invalid = await client({ method: 'PUT', url: `${configs}/cleanup.policy`, body: { value: 'sometimes' } })
  assert.deepEqual([invalid.status, invalid.body.error_code], [400, 40002])
})

test('consumer groups with consumers, assignments, lags and lag summary', async t => {
  const { client, clusterId, gateway } = await startConfluentGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 2 })
  await client({ method: 'POST', url: `/topics/${topic}/partitions/0`, headers: { 'content-type': V2_JSON }, body: { records: [1, 2, 3, 4, 5].map(value => ({ value })) } })
  await client({ method: 'POST', url: `/topics/${topic}/partitions/1`, headers: { 'content-type': V2_JSON }, body: { records: [{ value: 6 }] } })
  const group = randomTopic('group')
  const base = `/consumers/${group}/instances/member`
  await client({ method: 'POST', url: `/consumers/${group}`, headers: { 'content-type': V2 }, body: { name: 'member', format: 'json', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' } })
  await client({ method: 'POST', url: `${base}/subscription`, headers: { 'content-type': V2 }, body: { topics: [topic] } })
  await eventually(async () => (await client({ method: 'GET', url: `${base}/assignments` })).body.partitions.length === 2 ? true : undefined)
  // Committed: 2 of 5 on partition 0 (lag 3), 0 of 1 on partition 1 (lag 1).
  await client({ method: 'POST', url: `${base}/offsets`, headers: { 'content-type': V2 }, body: { offsets: [{ topic, partition: 0, offset: 2 }, { topic, partition: 1, offset: 0 }] } })

  const groups = `/v3/clusters/${clusterId}/consumer-groups`
  const list = await client({ method: 'GET', url: groups })
  assert.equal(list.body.kind, 'KafkaConsumerGroupList')
  const listed = list.body.data.find((g: { consumer_group_id: string }) => g.consumer_group_id === group)
  assert.deepEqual([listed.state, listed.is_simple], ['STABLE', false])
  const one = await client({ method: 'GET', url: `${groups}/${group}` })
  assert.equal(one.body.kind, 'KafkaConsumerGroup')
  assert.ok(one.body.coordinator.related.includes('/brokers/'))
  assert.ok(one.body.partition_assignor.length > 0)

  const consumers = await client({ method: 'GET', url: `${groups}/${group}/consumers` })
  assert.equal(consumers.body.kind, 'KafkaConsumerList')
  const [consumer] = consumers.body.data
  assert.deepEqual([consumer.kind, consumer.instance_id], ['KafkaConsumer', 'member'])
  const consumerId = consumer.consumer_id as string
  assert.equal((await client({ method: 'GET', url: `${groups}/${group}/consumers/${consumerId}` })).body.consumer_id, consumerId)
  const assignments = await client({ method: 'GET', url: `${groups}/${group}/consumers/${consumerId}/assignments` })
  assert.deepEqual(assignments.body.data.map((a: { topic_name: string, partition_id: number }) => `${a.topic_name}/${a.partition_id}`).sort(), [`${topic}/0`, `${topic}/1`])

  const lags = await client({ method: 'GET', url: `${groups}/${group}/lags` })
  assert.equal(lags.body.kind, 'KafkaConsumerLagList')
  const p0 = lags.body.data.find((l: { partition_id: number }) => l.partition_id === 0)
  assert.deepEqual([p0.current_offset, p0.log_end_offset, p0.lag, p0.consumer_id, p0.instance_id], [2, 5, 3, consumerId, 'member'])
  assert.equal((await client({ method: 'GET', url: `${groups}/${group}/lags/${topic}/partitions/1` })).body.lag, 1)
  const summary = await client({ method: 'GET', url: `${groups}/${group}/lag-summary` })
  assert.deepEqual([summary.body.kind, summary.body.max_lag, summary.body.total_lag, summary.body.max_lag_partition_id, summary.body.max_lag_instance_id], ['KafkaConsumerGroupLagSummary', 3, 4, 0, 'member'])

  const missing = await client({ method: 'GET', url: `${groups}/${randomTopic('nogroup')}` })
  assert.equal(missing.status, 404)
  assert.equal((await client({ method: 'GET', url: `${groups}/${group}/consumers/nobody` })).status, 404)
})

test('produce one record and a batch; schema formats and bad data are refused clearly', async t => {
  const { client, clusterId, gateway } = await startConfluentGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 2 })
  const records = `/v3/clusters/${clusterId}/topics/${topic}/records`

  const one = await client({ method: 'POST', url: records, body: { partition_id: 1, headers: [{ name: 'h', value: Buffer.from('v').toString('base64') }], key: { type: 'STRING', data: 'k' }, value: { type: 'JSON', data: { n: 1 } }, timestamp: '2024-01-31T12:00:00Z' } })
  assert.equal(one.status, 200, one.text)
  assert.deepEqual(one.body, {
    error_code: 200, cluster_id: clusterId, topic_name: topic, partition_id: 1, offset: 0,
    timestamp: '2024-01-31T12:00:00.000Z', key: { type: 'STRING', size: 1 }, value: { type: 'JSON', size: 7 },
  })
  const stored = await client({ method: 'GET', url: `/gateway/v1/topics/${topic}/partitions/1/records?offset=0&limit=1&keyEncoding=string` })
  assert.deepEqual([stored.body.records[0].key, stored.body.records[0].value, stored.body.records[0].headers], ['k', { n: 1 }, { h: 'v' }])
  const binary = await client({ method: 'POST', url: records, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { value: { type: 'BINARY', data: Buffer.from([0, 255]).toString('base64') } } })
  assert.deepEqual([binary.status, binary.body.value], [200, { type: 'BINARY', size: 2 }])

  const cases: { body: object, status: number, code: number, match: RegExp }[] = [
    { body: { value: { type: 'AVRO', data: 1 } }, status: 400, code: 400, match: /schema registry/ },
    { body: { value: { schema_id: 3, data: 1 } }, status: 400, code: 400, match: /schema registry/ },
    { body: { value: { data: 1 } }, status: 400, code: 400, match: /type is required/ },
    { body: { value: { type: 'BINARY', data: '%%%' } }, status: 400, code: 400, match: /base64/ },
    { body: { partition_id: 9, value: { type: 'JSON', data: 1 } }, status: 404, code: 40403, match: /partition 9/ },
    { body: { value: { type: 'JSON', data: 1 }, timestamp: 'yesterday' }, status: 400, code: 400, match: /ISO 8601/ },
  ]
  for (const c of cases) {
    const res = await client({ method: 'POST', url: records, body: c.body })
    assert.deepEqual([res.status, res.body.error_code], [c.status, c.code], res.text)
    assert.match(res.body.message, c.match)
  }
  const noTopic = await client({ method: 'POST', url: `/v3/clusters/${clusterId}/topics/${randomTopic('missing')}/records`, body: { value: { type: 'JSON', data: 1 } } })
  assert.deepEqual([noTopic.status, noTopic.body.error_code], [404, 40403])
  const notJson = await client({ method: 'POST', url: records, headers: { 'content-type': 'text/plain' }, raw: 'hello' })
  assert.equal(notJson.status, 415)

  const batch = await client({ method: 'POST', url: `${records}:batch`, body: { entries: [
    { id: 'a', value: { type: 'STRING', data: 'first' } },
    { id: 'b', partition_id: 7, value: { type: 'STRING', data: 'no such partition' } },
    { id: 'c', partition_id: 0, key: { type: 'BINARY', data: 'AA==' }, value: { type: 'JSON', data: [1] } },
    { id: 'd', value: { type: 'AVRO', data: 1 } },
  ] } })
  assert.equal(batch.status, 207, batch.text)
  assert.deepEqual(batch.body.successes.map((s: { id: string }) => s.id).sort(), ['a', 'c'])
  assert.deepEqual(batch.body.failures.map((f: { id: string, error_code: number }) => [f.id, f.error_code]).sort(), [['b', 40403], ['d', 400]])
  const c = batch.body.successes.find((s: { id: string }) => s.id === 'c')
  assert.deepEqual([c.partition_id, c.key, c.value], [0, { type: 'BINARY', size: 1 }, { type: 'JSON', size: 3 }])
  const duplicate = await client({ method: 'POST', url: `${records}:batch`, body: { entries: [{ id: 'x' }, { id: 'x' }] } })
  assert.equal(duplicate.status, 400)
})
