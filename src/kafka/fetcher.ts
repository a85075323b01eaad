/**
 * Fetches records of one or more partitions without a consumer group: one
 * Kafka Fetch per partition leader, each in a lane for at most one poll
 * slice, repeated until records arrive or the caller's wait is over.
 */
import { ListOffsetTimestamps, type Admin, type Consumer } from '@platformatic/kafka'
import type { OffsetSpec, PartitionFetchRequest, PartitionFetchResult } from '../core/model.ts'
import type { FetcherPort, KafkaMetricsPort } from '../core/ports.ts'
import { mapKafkaError } from './errors.ts'
import type { FetchLanes } from './fetch-lanes.ts'
import type { KafkaHealth } from './health.ts'
import type { TopicMetadata } from './metadata.ts'
import { decodeBatches } from './record-batches.ts'

type FetchResponse = Awaited<ReturnType<Consumer['fetch']>>

export class LaneFetcher implements FetcherPort {
  readonly #lanes: FetchLanes
  readonly #metadata: TopicMetadata
  readonly #admin: Admin
  readonly #pollSliceMs: number
  readonly #health: KafkaHealth
  readonly #metrics: KafkaMetricsPort | undefined

  constructor (lanes: FetchLanes, metadata: TopicMetadata, admin: Admin, pollSliceMs: number, health: KafkaHealth, metrics?: KafkaMetricsPort) {
    this.#lanes = lanes
    this.#metadata = metadata
    this.#admin = admin
    this.#pollSliceMs = pollSliceMs
    this.#health = health
    this.#metrics = metrics
  }

  async fetch (requests: PartitionFetchRequest[]): Promise<PartitionFetchResult[]> {
    const results: PartitionFetchResult[] = new Array(requests.length)
    const byLeader = new Map<string, { topicId: string, node: number, items: { index: number, request: PartitionFetchRequest }[] }>()
    for (let index = 0; index < requests.length; index++) {
      const request = requests[index]!
      const topic = await this.#metadata.topic(request.topic)
      const leader = topic.partitions[request.partition]?.leader ?? -1
      const key = `${topic.id}/${leader}`
      let group = byLeader.get(key)
      if (!group) { group = { topicId: topic.id, node: leader, items: [] }; byLeader.set(key, group) }
      group.items.push({ index, request })
    }
    await Promise.all([...byLeader.values()].map(async group => {
      const groupResults = await this.#fetchFromLeader(group.topicId, group.node, group.items.map(i => i.request))
      group.items.forEach((item, i) => { results[item.index] = groupResults[i]! })
    }))
    return results
  }

  async #fetchFromLeader (topicId: string, node: number, requests: PartitionFetchRequest[]): Promise<PartitionFetchResult[]> {
    const deadline = Date.now() + Math.max(...requests.map(r => r.maxWaitMs))
    for (;;) {
      const waitMs = Math.max(0, Math.min(this.#pollSliceMs, deadline - Date.now()))
      const response = await this.#lanes.use(lane => this.#fetchOnce(lane, topicId, node, requests, waitMs))
      const absent: number[] = []
      const results = requests.map((request, index) => {
        const partition = response.responses[0]?.partitions.find(p => p.partitionIndex === request.partition)
        if (!partition) absent.push(index)
        const decoded = decodeBatches(request.topic, request.partition, partition?.records, request.offset, request.limit)
        if (decoded.records.length > 0) this.#metrics?.fetched(decoded.records.length, decoded.bytes)
        return {
          records: decoded.records,
          nextOffset: decoded.nextOffset,
          highWatermark: Number(partition?.highWatermark ?? -1),
          logStartOffset: Number(partition?.logStartOffset ?? -1),
        }
      })
      if (results.some(r => r.records.length > 0) || Date.now() >= deadline) {
        if (absent.length > 0) await this.#fillOffsets(absent.map(index => ({ request: requests[index]!, result: results[index]! })))
        return results
      }
    }
  }

  /**
   * The client keeps a Kafka fetch session per broker (KIP-227), and in a
   * session the broker leaves out partitions with nothing new, their high
   * watermark and log start included. Those two are looked up for such
   * partitions (one ListOffsets each way), so an empty answer still says where
   * the partition ends.
   */
  async #fillOffsets (missing: { request: PartitionFetchRequest, result: PartitionFetchResult }[]): Promise<void> {
    const [latest, earliest] = await Promise.all([ListOffsetTimestamps.LATEST, ListOffsetTimestamps.EARLIEST].map(async timestamp => {
      const byTopic = new Map<string, { partitionIndex: number, timestamp: bigint }[]>()
      for (const { request } of missing) {
        const partitions = byTopic.get(request.topic) ?? []
        partitions.push({ partitionIndex: request.partition, timestamp })
        byTopic.set(request.topic, partitions)
      }
      try {
        return await this.#admin.listOffsets({ topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })) })
      } catch (error) {
        this.#health.observe(error)
        throw mapKafkaError(error, { action: 'look up offsets', topic: missing[0]!.request.topic })
      }
    }))
    const offsetOf = (listed: typeof latest, topic: string, partition: number): number =>
      Number(listed?.find(t => t.name === topic)?.partitions.find(p => p.partitionIndex === partition)?.offset ?? -1)
    for (const { request, result } of missing) {
      result.highWatermark = offsetOf(latest, request.topic, request.partition)
      result.logStartOffset = offsetOf(earliest, request.topic, request.partition)
    }
  }

  async #fetchOnce (lane: Consumer, topicId: string, node: number, requests: PartitionFetchRequest[], waitMs: number): Promise<FetchResponse> {
    try {
      const response = await lane.fetch({
        node,
        minBytes: 1,
        maxWaitTime: waitMs,
        maxBytes: requests.reduce((sum, r) => sum + r.maxBytes, 0),
        topics: [{
          topicId,
          partitions: requests.map(r => ({
            partition: r.partition,
            currentLeaderEpoch: -1,
            fetchOffset: BigInt(r.offset),
            lastFetchedEpoch: -1,
            partitionMaxBytes: r.maxBytes,
          })),
        }],
      })
      this.#health.markAvailable()
      return response
    } catch (error) {
      this.#health.observe(error)
      const first = requests[0]!
      const mapped = mapKafkaError(error, { action: 'fetch records', topic: first.topic, partition: requests.length === 1 ? first.partition : undefined })
      this.#metrics?.kafkaError('fetch', mapped.kafkaCode ?? mapped.code)
      throw mapped
    }
  }

  async resolveOffset (topic: string, partition: number, spec: OffsetSpec): Promise<number> {
    if (spec.kind === 'offset') return spec.offset
    const timestamp = spec.kind === 'earliest'
      ? ListOffsetTimestamps.EARLIEST
      : spec.kind === 'latest' ? ListOffsetTimestamps.LATEST : BigInt(spec.timestamp)
    try {
      const listed = await this.#admin.listOffsets({ topics: [{ name: topic, partitions: [{ partitionIndex: partition, timestamp }] }] })
      const offset = Number(listed[0]?.partitions[0]?.offset ?? -1)
      // No record at or after the timestamp: start at the end, where the next one will be.
      if (offset < 0 && spec.kind === 'timestamp') return this.resolveOffset(topic, partition, { kind: 'latest' })
      return offset
    } catch (error) {
      this.#health.observe(error)
      throw mapKafkaError(error, { action: 'look up offsets', topic, partition })
    }
  }
}
