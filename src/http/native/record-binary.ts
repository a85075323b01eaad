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
import type { ConsumedRecord } from '../../core/model.ts'

export const BINARY_RECORDS_TYPE = 'application/vnd.kafka-gateway.records.v1'

export const BINARY_HEADERS = {
  nextOffset: 'kafka-next-offset',
  highWatermark: 'kafka-high-watermark',
  recordCount: 'kafka-record-count',
} as const

/** Fixed bytes of a record: offset, timestamp, key length, value length, header count. */
const RECORD_FIXED_BYTES = 8 + 8 + 4 + 4 + 4
const NULL_LENGTH = -1

function encodedSize (records: ConsumedRecord[]): number {
  let size = 0
  for (const record of records) {
    size += RECORD_FIXED_BYTES + (record.key?.length ?? 0) + (record.value?.length ?? 0)
    for (const header of record.headers) size += 8 + Buffer.byteLength(header.name) + (header.value?.length ?? 0)
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

function writeBytes (out: Buffer, at: number, bytes: Uint8Array | null): number {
  if (bytes === null) return out.writeInt32BE(NULL_LENGTH, at)
  at = out.writeInt32BE(bytes.length, at)
  out.set(bytes, at)
  return at + bytes.length
}

export function binaryRecords (records: ConsumedRecord[]): Buffer {
  const out = Buffer.allocUnsafe(encodedSize(records))
  let at = 0
  for (const record of records) {
    at = writeInt64(out, record.offset, at)
    at = writeInt64(out, record.timestamp, at)
    at = writeBytes(out, at, record.key)
    at = writeBytes(out, at, record.value)
    at = out.writeInt32BE(record.headers.length, at)
    for (const header of record.headers) {
      const nameLength = out.write(header.name, at + 4, 'utf8')
      at = out.writeInt32BE(nameLength, at) + nameLength
      at = writeBytes(out, at, header.value)
    }
  }
  return out
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
