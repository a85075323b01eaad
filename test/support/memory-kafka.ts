/**
 * An in-memory KafkaPort for HTTP tests of the layers above the Kafka port
 * (never a stand-in for Kafka in end-to-end tests). Partitions are arrays;
 * `failNext` makes the next produce or fetch fail like an outage would.
 */
import { GatewayError } from '../../src/core/errors.ts'
import { FetchedPartition } from '../../src/core/fetched-partition.ts'
import type { ConsumedRecord, ProduceResult, TopicDescription } from '../../src/core/model.ts'
import type { AdminPort, FetcherPort, KafkaPort, ProducerPort, RoutedRecord } from '../../src/core/ports.ts'

const MAX_EMPTY_WAIT_MS = 50

export class MemoryKafka implements KafkaPort {
  readonly topics = new Map<string, ConsumedRecord[][]>()
  failNext: GatewayError | null = null
  reachable = true

  constructor (topics: Record<string, number> = {}) {
    for (const [name, partitions] of Object.entries(topics)) this.topics.set(name, Array.from({ length: partitions }, () => []))
  }

  #partitions (topic: string): ConsumedRecord[][] {
    const partitions = this.topics.get(topic)
    if (!partitions) throw new GatewayError('topic_not_found', `topic ${topic} does not exist`)
    return partitions
  }

  #takeFailure (): void {
    const failure = this.failNext
    if (failure) { this.failNext = null; throw failure }
  }

  readonly producer: ProducerPort = {
    send: async (topic: string, records: RoutedRecord[]): Promise<ProduceResult[]> => {
      const failure = this.failNext
      if (failure) { this.failNext = null; return records.map(r => ({ ok: false, partition: r.partition, error: failure })) }
      const partitions = this.#partitions(topic)
      return records.map(r => {
        const log = partitions[r.partition]!
        log.push({ topic, partition: r.partition, offset: log.length, timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers })
        return { ok: true, partition: r.partition, offset: log.length - 1, timestamp: r.timestamp }
      })
    },
    flush: async () => {},
  }

  readonly fetcher: FetcherPort = {
    fetch: async requests => {
      this.#takeFailure()
      const results = requests.map(request => {
        const log = this.#partitions(request.topic)[request.partition]!
        if (request.offset > log.length) throw new GatewayError('offset_out_of_range', 'offset out of range')
        const records = log.slice(request.offset, request.offset + request.limit)
        return FetchedPartition.ofRecords(records, { nextOffset: request.offset + records.length, highWatermark: log.length, logStartOffset: 0 })
      })
      // Like Kafka's long poll, nothing new means an answer only after a wait (kept short here), so pollers yield to the event loop.
      const waitMs = Math.min(MAX_EMPTY_WAIT_MS, Math.max(0, ...requests.map(r => r.maxWaitMs)))
      if (waitMs > 0 && results.every(r => r.recordCount === 0)) await new Promise(resolve => setTimeout(resolve, waitMs))
      return results
    },
    resolveOffset: async (topic, partition, spec) => {
      const log = this.#partitions(topic)[partition]!
      if (spec.kind === 'earliest') return 0
      if (spec.kind === 'latest') return log.length
      if (spec.kind === 'offset') return spec.offset
      const found = log.find(r => r.timestamp >= spec.timestamp)
      return found ? found.offset : log.length
    },
  }

  readonly admin: AdminPort = {
    cluster: async () => ({ clusterId: 'memory', controllerId: 1, brokers: [{ id: 1, host: 'localhost', port: 9092, rack: null }] }),
    listTopics: async () => [...this.topics.entries()].map(([name, p]) => ({ name, internal: false, partitions: p.length, replicationFactor: 1 })),
    partitionCount: async topic => this.#partitions(topic).length,
    describeTopic: async (topic): Promise<TopicDescription> => ({
      name: topic, id: `id-${topic}`, internal: false,
      partitions: this.#partitions(topic).map((log, partition) => ({ partition, leader: 1, replicas: [1], isr: [1], earliestOffset: 0, latestOffset: log.length })),
    }),
    createTopic: async (topic, validateOnly) => {
      if (this.topics.has(topic.name)) throw new GatewayError('topic_exists', `topic ${topic.name} already exists`)
      if (!validateOnly) this.topics.set(topic.name, Array.from({ length: topic.partitions }, () => []))
    },
    deleteTopic: async topic => { this.#partitions(topic); this.topics.delete(topic) },
    createPartitions: async (topic, count) => { const p = this.#partitions(topic); while (p.length < count) p.push([]) },
    describeTopicConfigs: async topic => { this.#partitions(topic); return [] },
    alterTopicConfigs: async topic => { this.#partitions(topic) },
    describeBrokerConfigs: async () => [],
    listGroups: async () => [],
    describeGroup: async group => { throw new GatewayError('group_not_found', `consumer group ${group} does not exist`) },
  }

  async ping (): Promise<void> {
    if (!this.reachable) throw new GatewayError('kafka_unavailable', 'Kafka is unreachable')
  }

  async close (): Promise<void> {}
}
