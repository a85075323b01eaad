/**
 * One Kafka Fetch round trip to one partition leader, in one of two ways:
 * - RawFetchRound (Kafka 3.1 and later): a sessionless Fetch whose record
 *   batches are read straight into RecordTables (record-batch-reader.ts);
 * - LibraryFetchRound (older brokers): the client library's Fetch, records
 *   as objects.
 * Both read committed data only, as Kafka's consumers do by default here.
 */
import { FetchIsolationLevels, type Connection, type ConnectionPool, type Consumer } from '@platformatic/kafka'
import type { BufferPool } from '../core/buffer-pool.ts'
import { FetchedPartition } from '../core/fetched-partition.ts'
import type { PartitionFetchRequest } from '../core/model.ts'
import { rawFetchApi, type RawFetchVersion } from './raw-fetch.ts'
import { readRecordBatches } from './record-batch-reader.ts'
import { decodeBatches } from './record-batches.ts'
import type { YoungCollectionPacer } from './young-collection-pacer.ts'

export interface Leader {
  topicId: string
  node: number
  broker: { host: string, port: number }
}

export interface FetchRound {
  run (pool: ConnectionPool, leader: Leader, requests: PartitionFetchRequest[], waitMs: number): Promise<FetchedPartition[]>
  close (): Promise<void>
}

const totalMaxBytes = (requests: PartitionFetchRequest[]): number => requests.reduce((sum, r) => sum + r.maxBytes, 0)

/** Without a session (id 0, epoch -1) the broker answers every asked partition, high watermark and log start included. */
const NO_SESSION = { id: 0, epoch: -1 } as const

export class RawFetchRound implements FetchRound {
  readonly #api: ReturnType<typeof rawFetchApi>
  readonly #pacer: YoungCollectionPacer | undefined

  constructor (version: RawFetchVersion, pool: BufferPool, pacer?: YoungCollectionPacer) {
    this.#api = rawFetchApi(version, pool)
    this.#pacer = pacer
  }

  async run (pool: ConnectionPool, leader: Leader, requests: PartitionFetchRequest[], waitMs: number): Promise<FetchedPartition[]> {
    const connection: Connection = await pool.get(leader.broker)
    const answer = await this.#api.async(connection,
      waitMs, 1, totalMaxBytes(requests), FetchIsolationLevels.READ_COMMITTED, NO_SESSION.id, NO_SESSION.epoch,
      [{
        topicId: leader.topicId,
        partitions: requests.map(r => ({ partition: r.partition, currentLeaderEpoch: -1, fetchOffset: BigInt(r.offset), lastFetchedEpoch: -1, partitionMaxBytes: r.maxBytes })),
      }],
      [], '')
    const partitions = answer.topics.find(t => t.topicId === leader.topicId)?.partitions ?? []
    if (this.#pacer) for (const partition of partitions) this.#pacer.received(partition.records?.length ?? 0)
    return requests.map(request => {
      const partition = partitions.find(p => p.partitionIndex === request.partition)
      const read = readRecordBatches(partition?.records ?? null, request.offset, request.limit, partition?.abortedTransactions ?? null)
      return FetchedPartition.ofTable(request.topic, request.partition, read.table, {
        nextOffset: read.nextOffset,
        highWatermark: partition?.highWatermark ?? -1,
        logStartOffset: partition?.logStartOffset ?? -1,
      }, partition?.release)
    })
  }

  async close (): Promise<void> {}
}

export class LibraryFetchRound implements FetchRound {
  readonly #createConsumer: () => Consumer
  /** One client per lane: the library keeps one fetch session per broker per client, which concurrent fetches would break. */
  readonly #consumers = new Map<ConnectionPool, Consumer>()

  constructor (createConsumer: () => Consumer) {
    this.#createConsumer = createConsumer
  }

  async run (pool: ConnectionPool, leader: Leader, requests: PartitionFetchRequest[], waitMs: number): Promise<FetchedPartition[]> {
    let consumer = this.#consumers.get(pool)
    if (!consumer) { consumer = this.#createConsumer(); this.#consumers.set(pool, consumer) }
    const response = await consumer.fetch({
      node: leader.node,
      connectionPool: pool,
      minBytes: 1,
      maxWaitTime: waitMs,
      maxBytes: totalMaxBytes(requests),
      topics: [{
        topicId: leader.topicId,
        partitions: requests.map(r => ({ partition: r.partition, currentLeaderEpoch: -1, fetchOffset: BigInt(r.offset), lastFetchedEpoch: -1, partitionMaxBytes: r.maxBytes })),
      }],
    })
    return requests.map(request => {
      // The library keeps a fetch session (KIP-227), in which the broker leaves out partitions with nothing new (-1 below; the fetcher looks those up).
      const partition = response.responses[0]?.partitions.find(p => p.partitionIndex === request.partition)
      const decoded = decodeBatches(request.topic, request.partition, partition?.records, request.offset, request.limit, partition?.abortedTransactions ?? null)
      return FetchedPartition.ofRecords(decoded.records, {
        nextOffset: decoded.nextOffset,
        highWatermark: Number(partition?.highWatermark ?? -1),
        logStartOffset: Number(partition?.logStartOffset ?? -1),
      })
    })
  }

  async close (): Promise<void> {
    await Promise.allSettled([...this.#consumers.values()].map(consumer => consumer.close(true)))
  }
}
