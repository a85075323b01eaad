/**
 * The broker of a bench run: a throwaway local one (which the outage
 * scenario may stop and restart), or the cluster named by
 * KAFKA_BOOTSTRAP_SERVERS (then the outage scenario is not available).
 * Topics are made here with the Kafka client, so neither side under test
 * pays for them, and both sides get the same layout.
 */
import { randomBytes } from 'node:crypto'
import { Admin, Producer, ProduceAcks } from '@platformatic/kafka'
import { startKafkaCluster, type KafkaCluster } from '../../scripts/kafka/cluster.ts'
import { KAFKA_VERSION } from '../../scripts/kafka/version.ts'
import { recordValue } from './payloads.ts'

export const PARTITIONS = 6

export interface BenchBroker {
  bootstrap: string
  kafkaVersion: string
  /** Present when the bench owns the broker. */
  cluster: KafkaCluster | undefined
  createTopic (label: string): Promise<string>
  deleteTopics (): Promise<void>
  /** Writes `perPartition` 1 KiB records to every partition of the topic. */
  fill (topic: string, perPartition: number): Promise<void>
  stop (): Promise<void>
}

export async function openBroker (log: (line: string) => void): Promise<BenchBroker> {
  const external = process.env.KAFKA_BOOTSTRAP_SERVERS
  let cluster: KafkaCluster | undefined
  if (!external) {
    log('starting a local Kafka broker…')
    cluster = await startKafkaCluster({ brokers: 1, heapMb: 512 })
  }
  const bootstrap = external ?? cluster!.bootstrap
  const admin = new Admin({ clientId: 'bench-admin', bootstrapBrokers: bootstrap.split(','), autocreateTopics: false })
  const runId = randomBytes(3).toString('hex')
  const created: string[] = []

  return {
    bootstrap,
    kafkaVersion: external ? 'external cluster' : KAFKA_VERSION,
    cluster,
    async createTopic (label) {
      const name = `bench-${runId}-${label}`
      await admin.createTopics({ topics: [name], partitions: PARTITIONS, replicas: 1 })
      created.push(name)
      return name
    },
    async deleteTopics () {
      if (created.length === 0) return
      await admin.deleteTopics({ topics: created.splice(0) }).catch(() => {})
    },
    async fill (topic, perPartition) {
      const producer = new Producer({ clientId: 'bench-fill', bootstrapBrokers: bootstrap.split(','), acks: ProduceAcks.LEADER, autocreateTopics: false })
      const value = Buffer.from(recordValue())
      try {
        for (let sent = 0; sent < perPartition; sent += 500) {
          const count = Math.min(500, perPartition - sent)
          const messages = []
          for (let p = 0; p < PARTITIONS; p++) for (let i = 0; i < count; i++) messages.push({ topic, partition: p, value })
          await producer.send({ messages })
        }
      } finally {
        await producer.close()
      }
    },
    async stop () {
      await admin.close().catch(() => {})
      await cluster?.stop()
    },
  }
}
