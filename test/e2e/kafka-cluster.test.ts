import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Admin, type ClusterMetadata } from '@platformatic/kafka'
import { startKafkaCluster } from '../support/kafka-cluster.ts'
import { eventually } from '../support/eventually.ts'

async function metadataFrom (bootstrap: string[], topic: string): Promise<ClusterMetadata> {
  const admin = new Admin({ clientId: 'kafka-cluster-test', bootstrapBrokers: bootstrap })
  try {
    return await admin.metadata({ topics: [topic], forceUpdate: true })
  } finally {
    await admin.close()
  }
}


test('3-broker KRaft cluster: RF 3 topic survives one broker stopping and the broker rejoins', { timeout: 120_000 }, async t => {
  const cluster = await startKafkaCluster({ brokers: 3 })
  t.after(() => cluster.stop())
  assert.equal(cluster.brokers.length, 3)
  const addresses = cluster.brokers.map(b => `${b.host}:${b.port}`)
  assert.equal(cluster.bootstrap, addresses.join(','))

  const admin = new Admin({ clientId: 'kafka-cluster-test', bootstrapBrokers: addresses })
  t.after(() => admin.close())
  await admin.createTopics({ topics: ['x'], partitions: 3, replicas: 3 })
  await eventually(async () => {
    const topic = (await metadataFrom(addresses, 'x')).topics.get('x')
    assert.equal(topic?.partitionsCount, 3)
    for (const partition of topic.partitions) assert.deepEqual([...partition.isr].sort((a, b) => a - b), [1, 2, 3])
  })

  const stopped = 2
  await cluster.stopBroker(stopped)
  const survivors = cluster.brokers.filter(b => b.id !== stopped).map(b => `${b.host}:${b.port}`)
  await eventually(async () => {
    const metadata = await metadataFrom(survivors, 'x')
    assert.deepEqual([...metadata.brokers.keys()].sort((a, b) => a - b), [1, 3])
    const topic = metadata.topics.get('x')
    assert.equal(topic?.partitionsCount, 3)
    for (const partition of topic.partitions) {
      assert.notEqual(partition.leader, stopped)
      assert.ok(!partition.isr.includes(stopped), `ISR ${String(partition.isr)} still lists broker ${stopped}`)
    }
  })

  await cluster.startBroker(stopped)
  await eventually(async () => {
    const metadata = await metadataFrom(addresses, 'x')
    assert.deepEqual([...metadata.brokers.keys()].sort((a, b) => a - b), [1, 2, 3])
    for (const partition of metadata.topics.get('x')?.partitions ?? []) assert.deepEqual([...partition.isr].sort((a, b) => a - b), [1, 2, 3])
  })
})
