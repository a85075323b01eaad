/**
 * Consumed records → the native API's binary fetch answer
 * (`application/vnd.kafka-gateway.records.v1`, docs/binary-fetch.md).
 *
 * JSON costs a reader a full parse of every value (and base64 for binary
 * data); at 1 KiB records that parse, not the gateway, limits a reader's
 * records per second. This format is length-prefixed like Kafka's own
 * protocol, so a reader slices keys and values out of the body without
 * parsing, and the gateway copies the bytes it got from Kafka unchanged.
 *
 * Every record, one after the other, all integers big-endian:
 *   int64 offset, int64 timestamp (ms),
 *   int32 key length (-1: null) + key bytes,
 *   int32 value length (-1: null) + value bytes,
 *   int32 header count, then per header:
 *     int32 name length + UTF-8 name, int32 value length (-1: null) + value bytes.
 * Topic and partition are those of the URL; the next offset, high watermark
 * and record count travel in response headers (BINARY_HEADERS).
 */
import type { BufferPool, PooledBuffer } from '../../core/buffer-pool.ts'
import type { RecordTable } from '../../core/record-table.ts'

export const BINARY_RECORDS_TYPE = 'application/vnd.kafka-gateway.records.v1'

export const BINARY_HEADERS = {
  nextOffset: 'kafka-next-offset',
  highWatermark: 'kafka-high-watermark',
  recordCount: 'kafka-record-count',
} as const

/** Fixed bytes of a record: offset, timestamp, key length, value length, header count. */
const RECORD_FIXED_BYTES = 8 + 8 + 4 + 4 + 4
const NULL_LENGTH = -1

function encodedSize (table: RecordTable): number {
  let size = table.length * RECORD_FIXED_BYTES
  for (let i = 0; i < table.length; i++) {
    size += Math.max(0, table.keyLengths[i]!) + Math.max(0, table.valueLengths[i]!)
  }
  if (table.hasHeaders) {
    for (const headers of table.headers) {
      for (const header of headers) size += 8 + Buffer.byteLength(header.name) + (header.value?.length ?? 0)
    }
  }
  return size
}

const TWO_TO_32 = 2 ** 32

/** A whole number as int64 without a BigInt per call for the usual non-negative offsets and times. */
function writeInt64 (out: Buffer, value: number, at: number): number {
  if (value < 0) return out.writeBigInt64BE(BigInt(value), at)
  at = out.writeUInt32BE(Math.floor(value / TWO_TO_32), at)
  return out.writeUInt32BE(value >>> 0, at)
}

/** Length-prefixed bytes copied from `source[start, start + length)`; length -1 is null. */
function writeSlice (out: Buffer, at: number, source: Buffer, start: number, length: number): number {
  at = out.writeInt32BE(length, at)
  if (length <= 0) return at
  return at + source.copy(out, at, start, start + length)
}

/**
 * Records straight from the fetch's column table: bytes copied from where
 * Kafka's answer holds them, no object per record. The answer buffer comes
 * from `pool`; release it once the response is written.
 */
export function binaryRecords (table: RecordTable, pool: BufferPool): PooledBuffer {
  const pooled = pool.take(encodedSize(table))
  const out = pooled.buffer
  let at = 0
  for (let i = 0; i < table.length; i++) {
    const source = table.sources[i]!
    at = writeInt64(out, table.offsets[i]!, at)
    at = writeInt64(out, table.timestamps[i]!, at)
    at = writeSlice(out, at, source, table.keyStarts[i]!, table.keyLengths[i]!)
    at = writeSlice(out, at, source, table.valueStarts[i]!, table.valueLengths[i]!)
    const headers = table.headers[i]!
    at = out.writeInt32BE(headers.length, at)
    for (const header of headers) {
      const nameLength = out.write(header.name, at + 4, 'utf8')
      at = out.writeInt32BE(nameLength, at) + nameLength
      at = header.value === null ? out.writeInt32BE(NULL_LENGTH, at) : writeSlice(out, at, header.value, 0, header.value.length)
    }
  }
  return pooled
}

/** True when the Accept header asks for the binary answer (any media range naming it, unless with q=0). */
export function acceptsBinaryRecords (accept: string | undefined): boolean {
  if (accept === undefined) return false
  const lower = accept.toLowerCase()
  if (!lower.includes(BINARY_RECORDS_TYPE)) return false
  for (const range of lower.split(',')) {
    const [type, ...params] = range.split(';').map(part => part.trim())
    if (type !== BINARY_RECORDS_TYPE) continue
    const q = params.find(p => /^q\s*=/i.test(p))
    return q === undefined || Number(q.split('=')[1]) > 0
  }
  return false
}
