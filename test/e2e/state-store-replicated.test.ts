// The state topic on a 3-broker cluster (issue 4: "replicated on a
// multi-broker cluster"): created with 3 replicas and min.insync.replicas 2,
// it keeps taking and serving changes while one broker is down.
// Starts its own cluster (about a minute), so it does not use KAFKA_BOOTSTRAP_SERVERS.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadConfig } from '../../src/config/load.ts'
import { createKafka } from '../../src/kafka/index.ts'
import { KafkaStateStore } from '../../src/kafka/state-store.ts'
import { startKafkaCluster } from '../support/kafka-cluster.ts'
import { eventually } from '../support/eventually.ts'

const quiet = { info () {}, warn () {} }


test('the state topic is replicated 3 ways and survives a broker stopping', { timeout: 300_000 }, async t => {
  const cluster = await startKafkaCluster({ brokers: 3 })
  t.after(() => cluster.stop())
  const config = loadConfig({ KAFKA_BOOTSTRAP_SERVERS: cluster.bootstrap }, { 'kafka.retries': 5, 'kafka.retryDelayMs': 500 })
  const kafka = createKafka(config)
  t.after(() => kafka.close())
  const settings = { topic: '_gateway_state', replicationFactor: -1, pollWaitMs: 200 }
  const views = [new Map<string, unknown>(), new Map<string, unknown>()]
  const stores = views.map(view => {
    const store = new KafkaStateStore(config.kafka, settings, quiet)
    t.after(() => store.close())
    return { store, view, started: store.start((key, value) => { if (value === null) view.delete(key); else view.set(key, value) }) }
  })
  await Promise.all(stores.map(s => s.started))
  const [a, b] = stores as [typeof stores[0], typeof stores[0]]

  const topic = await kafka.admin.describeTopic('_gateway_state')
  assert.equal(topic.partitions.length, 1)
  assert.equal(topic.partitions[0]!.replicas.length, 3)
  const configs = await kafka.admin.describeTopicConfigs('_gateway_state')
  assert.equal(configs.find(c => c.name === 'cleanup.policy')?.value, 'compact')
  assert.equal(configs.find(c => c.name === 'min.insync.replicas')?.value, '2')

  await a.store.put('access-point/ap1', { id: 'ap1', status: 'running' })
  await eventually(() => assert.deepEqual(b.view.get('access-point/ap1'), { id: 'ap1', status: 'running' }), 60_000)

  // Stop the partition leader: a new leader takes over, writes and reads go on.
  const leader = topic.partitions[0]!.leader
  await cluster.stopBroker(leader)
  await eventually(() => a.store.put('access-point/ap1', { id: 'ap1', status: 'paused' }), 60_000)
  assert.deepEqual(a.view.get('access-point/ap1'), { id: 'ap1', status: 'paused' })
  await eventually(() => assert.deepEqual(b.view.get('access-point/ap1'), { id: 'ap1', status: 'paused' }), 60_000)

  await cluster.startBroker(leader)
  await eventually(() => b.store.put('credential/k1', { id: 'k1' }), 60_000)
  await eventually(() => assert.deepEqual(a.view.get('credential/k1'), { id: 'k1' }), 60_000)
})
