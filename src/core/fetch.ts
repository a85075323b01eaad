/**
 * Fetch use-case: one partition from a start (offset, earliest, latest or
 * timestamp), bounded by record count, bytes and a long-poll wait.
 */
import { GatewayError } from './errors.ts'
import type { OffsetSpec, PartitionFetchResult } from './model.ts'
import type { AdminPort, FetcherPort } from './ports.ts'

export interface FetchLimits {
  defaultLimit: number
  maxLimit: number
  defaultMaxBytes: number
  maxBytesCap: number
  maxWaitMs: number
}

export interface FetchQuery {
  topic: string
  partition: number
  from: OffsetSpec
  limit?: number
  maxBytes?: number
  timeoutMs?: number
}

export class FetchService {
  readonly #fetcher: FetcherPort
  readonly #admin: AdminPort
  readonly #limits: FetchLimits

  constructor (fetcher: FetcherPort, admin: AdminPort, limits: FetchLimits) {
    this.#fetcher = fetcher
    this.#admin = admin
    this.#limits = limits
  }

  get limits (): FetchLimits { return this.#limits }

  async assertPartition (topic: string, partition: number): Promise<number> {
    const count = await this.#admin.partitionCount(topic)
    if (partition < 0 || partition >= count) {
      throw new GatewayError('partition_not_found', `partition ${partition} does not exist: topic ${topic} has partitions 0 to ${count - 1}`, { field: 'partition' })
    }
    return count
  }

  async resolveStart (topic: string, partition: number, from: OffsetSpec): Promise<number> {
    if (from.kind === 'offset') return from.offset
    return this.#fetcher.resolveOffset(topic, partition, from)
  }

  async fetchPartition (query: FetchQuery): Promise<PartitionFetchResult> {
    const limit = query.limit ?? this.#limits.defaultLimit
    const maxBytes = query.maxBytes ?? this.#limits.defaultMaxBytes
    const maxWaitMs = query.timeoutMs ?? 0
    if (limit < 1 || limit > this.#limits.maxLimit) throw new GatewayError('invalid_request', `limit must be between 1 and ${this.#limits.maxLimit}`, { field: 'limit' })
    if (maxBytes < 1 || maxBytes > this.#limits.maxBytesCap) throw new GatewayError('invalid_request', `maxBytes must be between 1 and ${this.#limits.maxBytesCap}`, { field: 'maxBytes' })
    if (maxWaitMs < 0 || maxWaitMs > this.#limits.maxWaitMs) throw new GatewayError('invalid_request', `timeoutMs must be between 0 and ${this.#limits.maxWaitMs}`, { field: 'timeoutMs' })
    await this.assertPartition(query.topic, query.partition)
    const offset = await this.resolveStart(query.topic, query.partition, query.from)
    const [result] = await this.#fetcher.fetch([{ topic: query.topic, partition: query.partition, offset, limit, maxBytes, maxWaitMs }])
    return result!
  }
}
