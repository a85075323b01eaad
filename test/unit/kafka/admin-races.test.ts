// KafkaAdmin where Kafka's answers race with other clients: a topic deleted
// between listing names and reading their metadata, and a deletion that
// brokers learn a moment after the controller acknowledged it.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Admin } from '@platformatic/kafka'
import { KafkaAdmin } from '../../../src/kafka/admin.ts'
import { KafkaHealth } from '../../../src/kafka/health.ts'
import { TopicMetadata } from '../../../src/kafka/metadata.ts'

function topicInfo (partitions: number) {
  return { id: 'id', partitionsCount: partitions, partitions: Array.from({ length: partitions }, () => ({ leader: 1, leaderEpoch: 0, replicas: [1], isr: [1] })) }
}

/** A stand-in for the client: only the calls these tests make, over a mutable set of topics. */
function fakeClient (topics: Set<string>, hooks: { afterList?: () => void, metadataLagCalls?: number } = {}) {
  let lagging = 0
  const deleted = new Set<string>()
  const client = {
    async listTopics () {
      const names = [...topics]
      hooks.afterList?.()
      return names
    },
    async metadata ({ topics: wanted }: { topics: string[] }) {
      const missing = wanted.find(name => !topics.has(name) && !(deleted.has(name) && lagging > 0))
      if (deleted.size > 0 && lagging > 0) lagging--
      if (missing) throw Object.assign(new Error(`unknown topic ${missing}`), { code: 'PLT_KFK_USER' })
      return { brokers: new Map(), topics: new Map(wanted.map(name => [name, topicInfo(2)])) }
    },
    async deleteTopics ({ topics: names }: { topics: string[] }) {
      for (const name of names) { topics.delete(name); deleted.add(name) }
      lagging = hooks.metadataLagCalls ?? 0
    },
  }
  return client as unknown as Admin
}

function adminOver (client: Admin): KafkaAdmin {
  const health = new KafkaHealth(async () => {})
  return new KafkaAdmin(client, new TopicMetadata(client, health), health)
}

test('a topic deleted between listing and describing is left out instead of failing the list', async () => {
  const topics = new Set(['a', 'b', 'c'])
  let raced = false
  const admin = adminOver(fakeClient(topics, { afterList: () => { if (!raced) { raced = true; topics.delete('b') } } }))
  assert.deepEqual((await admin.listTopics(false)).map(t => t.name), ['a', 'c'])
})

test('a deletion returns once metadata no longer shows the topic', async () => {
  const topics = new Set(['gone'])
  const admin = adminOver(fakeClient(topics, { metadataLagCalls: 3 }))
  await admin.deleteTopic('gone')
  await assert.rejects(admin.partitionCount('gone'), (error: { code: string }) => error.code === 'topic_not_found')
})
