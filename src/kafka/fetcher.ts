/**
 * Fetches records of one or more partitions without a consumer group: one
 * Kafka Fetch per partition leader, each in a lane for at most one poll
 * slice, repeated until records arrive or the caller's wait is over.
 * Failures Kafka calls retriable (leader moved, connection lost) are retried
 * with fresh metadata, as the client library does for its own requests.
 */
import { findErrorBy, GenericError, ListOffsetTimestamps, type Admin, type ConnectionPool, type Consumer } from '@platformatic/kafka'
import { setTimeout as sleep } from 'node:timers/promises'
import { BufferPool } from '../core/buffer-pool.ts'
import { GatewayError } from '../core/errors.ts'
import type { FetchedPartition } from '../core/fetched-partition.ts'
import type { OffsetSpec, PartitionFetchRequest, PartitionFetchResult } from '../core/model.ts'
import type { FetcherPort, KafkaMetricsPort } from '../core/ports.ts'
import { mapKafkaError } from './errors.ts'
import type { FetchLanes } from './fetch-lanes.ts'
import { LibraryFetchRound, RawFetchRound, type FetchRound, type Leader } from './fetch-round.ts'
import type { KafkaHealth } from './health.ts'
import type { TopicMetadata } from './metadata.ts'
import { rawFetchVersion } from './raw-fetch.ts'
import { UnsupportedRecordFormatError } from './record-batch-reader.ts'
import { YoungCollectionPacer } from './young-collection-pacer.ts'

const FETCH_API_KEY = 1

export interface FetcherSettings {
  pollSliceMs: number
  retries: number
  retryDelayMs: number
  /** Use the client library's Fetch even on brokers the raw reader supports (tests of the older-broker path). */
  libraryFetchOnly?: boolean
}

export class LaneFetcher implements FetcherPort {
  readonly #lanes: FetchLanes<ConnectionPool>
  readonly #metadata: TopicMetadata
  readonly #admin: Admin
  readonly #settings: FetcherSettings
  readonly #health: KafkaHealth
  readonly #metrics: KafkaMetricsPort | undefined
  readonly #libraryConsumer: () => Consumer
  #round: Promise<FetchRound> | undefined
  /** Record bytes of fetch answers; the binary answer gives them back once copied out. */
  readonly #bytes = new BufferPool()
  /** Frees the socket chunks of Kafka's answers before they pile up into full collections. */
  readonly #pacer = new YoungCollectionPacer()

  constructor (lanes: FetchLanes<ConnectionPool>, metadata: TopicMetadata, admin: Admin, settings: FetcherSettings, health: KafkaHealth, libraryConsumer: () => Consumer, metrics?: KafkaMetricsPort) {
    this.#lanes = lanes
    this.#metadata = metadata
    this.#admin = admin
    this.#settings = settings
    this.#health = health
    this.#libraryConsumer = libraryConsumer
    this.#metrics = metrics
  }

  fetch (requests: PartitionFetchRequest[]): Promise<PartitionFetchResult[]> {
    return this.#fetch(requests, 0)
  }

  async #fetch (requests: PartitionFetchRequest[], attempt: number): Promise<FetchedPartition[]> {
    const results: FetchedPartition[] = new Array(requests.length)
    const byLeader = new Map<string, { leader: Leader, items: { index: number, request: PartitionFetchRequest }[] }>()
    for (let index = 0; index < requests.length; index++) {
      const request = requests[index]!
      const topic = await this.#metadata.topic(request.topic, attempt > 0)
      const node = topic.partitions[request.partition]?.leader ?? -1
      const key = `${topic.id}/${node}`
      let group = byLeader.get(key)
      if (!group) {
        const broker = topic.brokers.get(node)
        group = { leader: { topicId: topic.id, node, broker: broker ?? { host: '', port: -1 } }, items: [] }
        byLeader.set(key, group)
      }
      group.items.push({ index, request })
    }
    await Promise.all([...byLeader.values()].map(async ({ leader, items }) => {
      const groupRequests = items.map(i => i.request)
      let groupResults: FetchedPartition[]
      try {
        groupResults = await this.#fetchFromLeader(leader, groupRequests)
      } catch (error) {
        if (attempt >= this.#settings.retries || !retriable(error)) throw this.#failure(error, groupRequests)
        await sleep(this.#settings.retryDelayMs)
        groupResults = await this.#fetch(groupRequests, attempt + 1)
      }
      items.forEach((item, i) => { results[item.index] = groupResults[i]! })
    }))
    return results
  }

  async #fetchFromLeader (leader: Leader, requests: PartitionFetchRequest[]): Promise<FetchedPartition[]> {
    // No leader right now (election under way): retriable, like Kafka's own answer would be.
    if (leader.node < 0 || leader.broker.port < 0) throw Object.assign(new Error('no partition leader'), { apiId: 'LEADER_NOT_AVAILABLE', canRetry: true })
    const round = await this.#chooseRound()
    const deadline = Date.now() + Math.max(...requests.map(r => r.maxWaitMs))
    for (;;) {
      const waitMs = Math.max(0, Math.min(this.#settings.pollSliceMs, deadline - Date.now()))
      const results = await this.#lanes.use(pool => round.run(pool, leader, requests, waitMs))
      this.#health.markAvailable()
      if (results.some(r => r.recordCount > 0) || Date.now() >= deadline) {
        for (const result of results) if (result.recordCount > 0) this.#metrics?.fetched(result.recordCount, result.payloadBytes)
        const absent = results.flatMap((result, index) => result.highWatermark < 0 ? [{ request: requests[index]!, result }] : [])
        if (absent.length > 0) await this.#fillOffsets(absent)
        return results
      }
    }
  }

  /** Raw record reading when the broker speaks Fetch v13 or later (Kafka 3.1+), the library's Fetch before that. */
  #chooseRound (): Promise<FetchRound> {
    this.#round ??= (async () => {
      const apis = await this.#admin.listApis()
      const brokerMax = apis.find(api => api.apiKey === FETCH_API_KEY)?.maxVersion ?? 0
      const version = this.#settings.libraryFetchOnly ? undefined : rawFetchVersion(brokerMax)
      return version === undefined ? new LibraryFetchRound(this.#libraryConsumer) : new RawFetchRound(version, this.#bytes, this.#pacer)
    })()
    this.#round.catch(() => { this.#round = undefined })
    return this.#round
  }

  #failure (error: unknown, requests: PartitionFetchRequest[]): GatewayError {
    const first = requests[0]!
    const partition = requests.length === 1 ? first.partition : undefined
    if (error instanceof UnsupportedRecordFormatError) return new GatewayError('kafka_error', `cannot read topic ${first.topic}: ${error.message}`, { cause: error })
    if (!(error instanceof GatewayError)) this.#health.observe(error)
    const mapped = mapKafkaError(error, { action: 'fetch records', topic: first.topic, ...(partition !== undefined ? { partition } : {}) })
    this.#metrics?.kafkaError('fetch', mapped.kafkaCode ?? mapped.code)
    return mapped
  }

  /**
   * The library's Fetch keeps a session per broker (KIP-227), and in a
   * session the broker leaves out partitions with nothing new, their high
   * watermark and log start included. Those two are looked up for such
   * partitions (one ListOffsets each way), so an empty answer still says where
   * the partition ends.
   */
  async #fillOffsets (missing: { request: PartitionFetchRequest, result: FetchedPartition }[]): Promise<void> {
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

  async close (): Promise<void> {
    const round = await this.#round?.catch(() => undefined)
    await round?.close()
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

/** Kafka's own notion for client errors: retriable unless some error in the chain says it is not. Anything else (a gateway error, a malformed answer) is final. */
function retriable (error: unknown): boolean {
  if (error instanceof Error && GenericError.isGenericError(error)) return !findErrorBy(error, 'canRetry', false)
  return (error as { canRetry?: unknown }).canRetry === true
}
