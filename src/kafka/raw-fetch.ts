/**
 * The Kafka Fetch API (versions 13 to 17, Kafka 3.1 and later), answered with
 * each partition's record batches left as bytes.
 *
 * The client library's own Fetch parses every record into objects (with a
 * BigInt per timestamp delta and a Buffer per key and value) before the
 * caller sees it, which cost the gateway twice the CPU a consumer needs for
 * the same records. The request is the library's; the answer parser is the
 * library's layout with `records` kept as one Buffer (record-batch-reader.ts
 * walks it).
 */
import { createAPI, fetchV13, fetchV14, fetchV15, fetchV16, fetchV17, ResponseError, readKnownTaggedFields, type Reader } from '@platformatic/kafka'
import type { BufferPool } from '../core/buffer-pool.ts'
import type { AbortedTransaction } from './record-batch-reader.ts'

const FETCH_API_KEY = 1
export const RAW_FETCH_VERSIONS = { min: 13, max: 17 } as const

export interface RawPartitionAnswer {
  partitionIndex: number
  errorCode: number
  highWatermark: number
  logStartOffset: number
  abortedTransactions: AbortedTransaction[] | null
  /** The record batches as Kafka sent them; null when there are none. */
  records: Buffer | null
  /** Gives `records` back to the pool once nothing reads it any more (a no-op when it is a view of the socket data). */
  release: () => void
}

export interface RawFetchAnswer {
  topics: { topicId: string, partitions: RawPartitionAnswer[] }[]
}

/** The socket data of an answer: a list of chunks. */
type DynamicBuffer = Reader['buffer']

const NOTHING_TO_RELEASE = (): void => {}

/**
 * `size` bytes from `at` as one Buffer: a view when they arrived in one
 * socket chunk, else a copy into a pooled buffer.
 */
function contiguous (data: DynamicBuffer, at: number, size: number, pool: BufferPool): { bytes: Buffer, release: () => void } {
  let chunk = 0
  let start = at
  while (chunk < data.buffers.length && start >= data.buffers[chunk]!.length) start -= data.buffers[chunk++]!.length
  const first = data.buffers[chunk]!
  if (start + size <= first.length) return { bytes: first.subarray(start, start + size), release: NOTHING_TO_RELEASE }
  const pooled = pool.take(size)
  let copied = first.copy(pooled.buffer, 0, start)
  while (copied < size) {
    const next = data.buffers[++chunk]!
    copied += next.copy(pooled.buffer, copied, 0, Math.min(next.length, size - copied))
  }
  return { bytes: pooled.buffer, release: pooled.release }
}

function parseRawFetchAnswer (pool: BufferPool, apiKey: number, apiVersion: number, reader: Reader): RawFetchAnswer {
  const errors: [string, [number, null]][] = []
  reader.readInt32() // throttle time
  const errorCode = reader.readInt16()
  if (errorCode !== 0) errors.push(['', [errorCode, null]])
  reader.readInt32() // session id: these fetches are sessionless
  const answer: RawFetchAnswer = {
    topics: reader.readArray((r, i) => ({
      topicId: r.readUUID(),
      partitions: r.readArray((r, j) => {
        const partition: RawPartitionAnswer = {
          partitionIndex: r.readInt32(),
          errorCode: r.readInt16(),
          highWatermark: Number(r.readInt64()),
          logStartOffset: 0,
          abortedTransactions: null,
          records: null,
          release: NOTHING_TO_RELEASE,
        }
        r.readInt64() // last stable offset
        partition.logStartOffset = Number(r.readInt64())
        partition.abortedTransactions = r.readNullableArray(r => ({ producerId: r.readInt64(), firstOffset: r.readInt64() }))
        r.readInt32() // preferred read replica
        if (partition.errorCode !== 0) errors.push([`/responses/${i}/partitions/${j}`, [partition.errorCode, null]])
        // COMPACT_RECORDS: length + 1, 0 for null.
        const size = r.readUnsignedVarInt() - 1
        if (size > 0) {
          const records = contiguous(r.buffer, r.position, size, pool)
          partition.records = records.bytes
          partition.release = records.release
          // Past the records (what Reader's own skip does).
          r.position += size
        }
        readKnownTaggedFields(r, {})
        return partition
      }, true, false),
    })),
  }
  readKnownTaggedFields(reader, {})
  if (errors.length > 0) throw new ResponseError(apiKey, apiVersion, Object.fromEntries(errors), answer)
  return answer
}

const requestOf = { 13: fetchV13, 14: fetchV14, 15: fetchV15, 16: fetchV16, 17: fetchV17 } as const

export type RawFetchVersion = keyof typeof requestOf

export function rawFetchApi (version: RawFetchVersion, pool: BufferPool) {
  return createAPI<Parameters<typeof fetchV17.createRequest>, RawFetchAnswer>(FETCH_API_KEY, version, requestOf[version].createRequest,
    (_correlationId, apiKey, apiVersion, reader) => parseRawFetchAnswer(pool, apiKey, apiVersion, reader))
}

/** The highest Fetch version both the broker and this reader speak, or undefined when the broker is older than Kafka 3.1. */
export function rawFetchVersion (brokerMax: number): RawFetchVersion | undefined {
  const version = Math.min(brokerMax, RAW_FETCH_VERSIONS.max)
  return version >= RAW_FETCH_VERSIONS.min ? version as RawFetchVersion : undefined
}
