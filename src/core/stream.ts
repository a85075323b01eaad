/**
 * A topic read as one endless sequence of records, for Server-Sent Events.
 * The position (next offset of every partition) is encoded into each event
 * id, so any gateway instance can resume a stream from `Last-Event-ID`
 * without shared state.
 */
import { GatewayError } from './errors.ts'
import type { ConsumedRecord, OffsetSpec } from './model.ts'
import type { AdminPort, FetcherPort } from './ports.ts'

export type StreamPosition = Map<number, number>

/** `0:15,1:7` — partition:nextOffset pairs. */
export function encodePosition (position: StreamPosition): string {
  let out = ''
  for (const [partition, offset] of position) out += (out ? ',' : '') + partition + ':' + offset
  return out
}

export function decodePosition (text: string, field: string): StreamPosition {
  const position: StreamPosition = new Map()
  for (const pair of text.split(',')) {
    const match = /^(\d+):(\d+)$/.exec(pair.trim())
    if (!match) throw new GatewayError('invalid_offset', `${field} must look like 0:15,1:7 (partition:offset pairs); got ${JSON.stringify(text)}`, { field })
    position.set(Number(match[1]), Number(match[2]))
  }
  return position
}

export interface StreamStart {
  topic: string
  /** Partitions to read; all when absent. */
  partitions?: number[]
  from: OffsetSpec
  /** Explicit per-partition positions (resume); wins over `from` for the partitions it names. */
  position?: StreamPosition
}

export interface StreamBatch {
  records: ConsumedRecord[]
  /** Position after each record, aligned with `records`, for event ids. */
  positions: string[]
}

export interface StreamOptions {
  maxBytesPerFetch: number
  pollSliceMs: number
  recordsPerFetch: number
}

export class TopicStream {
  readonly #fetcher: FetcherPort
  readonly #topic: string
  readonly #position: StreamPosition
  readonly #options: StreamOptions

  private constructor (fetcher: FetcherPort, topic: string, position: StreamPosition, options: StreamOptions) {
    this.#fetcher = fetcher
    this.#topic = topic
    this.#position = position
    this.#options = options
  }

  static async open (fetcher: FetcherPort, admin: AdminPort, start: StreamStart, options: StreamOptions): Promise<TopicStream> {
    const count = await admin.partitionCount(start.topic)
    const partitions = start.partitions ?? Array.from({ length: count }, (_, i) => i)
    const position: StreamPosition = new Map()
    for (const partition of partitions) {
      if (partition < 0 || partition >= count) {
        throw new GatewayError('partition_not_found', `partition ${partition} does not exist: topic ${start.topic} has partitions 0 to ${count - 1}`, { field: 'partitions' })
      }
      const resumed = start.position?.get(partition)
      const offset = resumed ?? (start.from.kind === 'offset' ? start.from.offset : await fetcher.resolveOffset(start.topic, partition, start.from))
      position.set(partition, offset)
    }
    return new TopicStream(fetcher, start.topic, position, options)
  }

  get position (): string { return encodePosition(this.#position) }

  /** Next records of any partition; waits up to one poll slice when there are none. */
  async next (): Promise<StreamBatch> {
    const partitions = [...this.#position.keys()]
    const maxBytes = Math.max(1024, Math.floor(this.#options.maxBytesPerFetch / partitions.length))
    const results = await this.#fetcher.fetch(partitions.map(partition => ({
      topic: this.#topic,
      partition,
      offset: this.#position.get(partition)!,
      limit: this.#options.recordsPerFetch,
      maxBytes,
      maxWaitMs: this.#options.pollSliceMs,
    })))
    const batch: StreamBatch = { records: [], positions: [] }
    for (let i = 0; i < partitions.length; i++) {
      const result = results[i]!
      for (const record of result.records) {
        this.#position.set(record.partition, record.offset + 1)
        batch.records.push(record)
        batch.positions.push(encodePosition(this.#position))
      }
      this.#position.set(partitions[i]!, result.nextOffset)
    }
    return batch
  }
}
