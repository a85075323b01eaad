/**
 * Kafka record batches (message format v2, the bytes of a Fetch answer's
 * `records` field) → a RecordTable, without an object per record.
 *
 * Follows what Kafka's own consumer does with the same bytes:
 * - a fetch may start inside a batch: records before the asked offset are dropped;
 * - the last batch may be cut short by the size limit: it is left for the next fetch;
 * - compressed batches are inflated once and records point into the result;
 * - control batches (transaction markers) are skipped, the next offset moves past them;
 * - with read_committed, batches of aborted transactions are skipped (the
 *   broker lists them per answer; an ABORT marker ends a producer's range);
 * - compaction can leave offset gaps, so the next offset moves to a batch's end.
 */
import { compressionsAlgorithmsByBitmask } from '@platformatic/kafka'
import type { RecordHeader } from '../core/model.ts'
import { RecordTable } from '../core/record-table.ts'

/** Byte positions inside a v2 batch header. */
const BASE_OFFSET = 0
const BATCH_LENGTH = 8
const MAGIC = 16
const ATTRIBUTES = 21
const LAST_OFFSET_DELTA = 23
const BASE_TIMESTAMP = 27
const MAX_TIMESTAMP = 35
const PRODUCER_ID = 43
const RECORD_COUNT = 57
const RECORDS = 61
/** Base offset and batch length precede the counted length. */
const LOG_OVERHEAD = 12

const COMPRESSION_MASK = 0x07
const LOG_APPEND_TIME = 0x08
const TRANSACTIONAL = 0x10
const CONTROL = 0x20
export const ABORT_MARKER = 0

const TWO_TO_32 = 2 ** 32

export interface AbortedTransaction {
  producerId: bigint
  firstOffset: bigint
}

export interface BatchReadResult {
  table: RecordTable
  /** Where the next fetch starts. */
  nextOffset: number
}

export class UnsupportedRecordFormatError extends Error {
  constructor (magic: number) {
    super(`records in message format v${magic} (Kafka before 0.11) cannot be read; only format v2 is supported`)
  }
}

function int64 (buffer: Buffer, at: number): number {
  return buffer.readInt32BE(at) * TWO_TO_32 + buffer.readUInt32BE(at + 4)
}

/**
 * A cursor over varints (zigzag, as records use them). Kept as a class with
 * plain fields so V8 inlines the reads.
 */
class Cursor {
  buffer: Buffer
  at: number

  constructor (buffer: Buffer, at: number) {
    this.buffer = buffer
    this.at = at
  }

  /** A zigzag varint of up to 64 bits as a number (exact up to 2^53). */
  varint (): number {
    const buffer = this.buffer
    let byte = buffer[this.at++]!
    if (byte < 0x80) return (byte >>> 1) ^ -(byte & 1)
    let value = byte & 0x7f
    let scale = 0x80
    do {
      if (this.at >= buffer.length) throw new RangeError('record ends inside a varint')
      byte = buffer[this.at++]!
      value += (byte & 0x7f) * scale
      scale *= 0x80
    } while (byte >= 0x80)
    // Zigzag: even → value / 2, odd → -(value + 1) / 2.
    return value % 2 === 0 ? value / 2 : -(value + 1) / 2
  }
}

/** Header bytes as objects: headers are rare and small, unlike keys and values. */
function readHeaders (cursor: Cursor, count: number): RecordHeader[] {
  const headers: RecordHeader[] = new Array(count)
  for (let h = 0; h < count; h++) {
    const nameLength = cursor.varint()
    const name = cursor.buffer.toString('utf8', cursor.at, cursor.at + nameLength)
    cursor.at += nameLength
    const valueLength = cursor.varint()
    let value: Buffer | null = null
    if (valueLength >= 0) {
      value = cursor.buffer.subarray(cursor.at, cursor.at + valueLength)
      cursor.at += valueLength
    }
    headers[h] = { name, value }
  }
  return headers
}

const NO_HEADERS: RecordHeader[] = []

/** Tracks aborted transactions across the batches of one answer, as Kafka's consumer does. */
export class AbortedRanges {
  readonly #pending: AbortedTransaction[]
  readonly #open = new Set<bigint>()

  constructor (aborted: AbortedTransaction[]) {
    this.#pending = [...aborted].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0))
  }

  /** Whether a transactional data batch belongs to an aborted transaction; an ABORT marker closes its producer's range. */
  skips (producerId: bigint, lastOffset: number, isControl: boolean, isAbortMarker: boolean): boolean {
    while (this.#pending.length > 0 && Number(this.#pending[0]!.firstOffset) <= lastOffset) this.#open.add(this.#pending.shift()!.producerId)
    if (isControl) {
      if (isAbortMarker) this.#open.delete(producerId)
      return true
    }
    return this.#open.has(producerId)
  }
}

/**
 * Reads the batches in `bytes` into a new table, starting at `fromOffset` and
 * stopping after `limit` records. `aborted` is the answer's aborted
 * transactions under read_committed, null under read_uncommitted.
 */
export function readRecordBatches (bytes: Buffer | null, fromOffset: number, limit: number, aborted: AbortedTransaction[] | null): BatchReadResult {
  const table = new RecordTable(Math.min(limit, 1024))
  let nextOffset = fromOffset
  if (bytes === null) return { table, nextOffset }
  const abortedRanges = aborted && aborted.length > 0 ? new AbortedRanges(aborted) : null
  let at = 0
  while (at + LOG_OVERHEAD <= bytes.length) {
    const batchLength = bytes.readInt32BE(at + BATCH_LENGTH)
    if (batchLength < RECORDS - LOG_OVERHEAD) throw new RangeError(`record batch at byte ${at} claims ${batchLength} bytes, less than its own header`)
    const batchEnd = at + LOG_OVERHEAD + batchLength
    // A batch cut short by the size limit: the next fetch gets it whole.
    if (batchEnd > bytes.length || at + RECORDS > bytes.length) break
    const magic = bytes.readInt8(at + MAGIC)
    if (magic !== 2) throw new UnsupportedRecordFormatError(magic)
    const baseOffset = int64(bytes, at + BASE_OFFSET)
    const attributes = bytes.readInt16BE(at + ATTRIBUTES)
    const lastOffset = baseOffset + bytes.readInt32BE(at + LAST_OFFSET_DELTA)
    if (lastOffset < fromOffset) { at = batchEnd; continue }

    const isControl = (attributes & CONTROL) !== 0
    if ((attributes & TRANSACTIONAL) !== 0 && abortedRanges) {
      const isAbortMarker = isControl && controlType(bytes, at, batchEnd) === ABORT_MARKER
      if (abortedRanges.skips(bytes.readBigInt64BE(at + PRODUCER_ID), lastOffset, isControl, isAbortMarker)) {
        nextOffset = Math.max(nextOffset, lastOffset + 1)
        at = batchEnd
        continue
      }
    } else if (isControl) {
      nextOffset = Math.max(nextOffset, lastOffset + 1)
      at = batchEnd
      continue
    }

    const codec = attributes & COMPRESSION_MASK
    let source = bytes
    let cursorAt = at + RECORDS
    if (codec !== 0) {
      const algorithm = compressionsAlgorithmsByBitmask[codec]
      if (!algorithm) throw new Error(`record batch at offset ${baseOffset} uses unknown compression ${codec}`)
      source = algorithm.decompressSync(bytes.subarray(at + RECORDS, batchEnd))
      cursorAt = 0
    }
    const cursor = new Cursor(source, cursorAt)
    const logAppendTime = (attributes & LOG_APPEND_TIME) !== 0
    const baseTimestamp = int64(bytes, at + BASE_TIMESTAMP)
    const maxTimestamp = int64(bytes, at + MAX_TIMESTAMP)
    const count = bytes.readInt32BE(at + RECORD_COUNT)
    for (let r = 0; r < count; r++) {
      const length = cursor.varint()
      const recordEnd = cursor.at + length
      cursor.at += 1 // attributes, unused
      const timestampDelta = cursor.varint()
      const offset = baseOffset + cursor.varint()
      if (offset < fromOffset) { cursor.at = recordEnd; continue }
      if (table.length >= limit) return { table, nextOffset }
      const keyLength = cursor.varint()
      const keyStart = cursor.at
      if (keyLength > 0) cursor.at += keyLength
      const valueLength = cursor.varint()
      const valueStart = cursor.at
      if (valueLength > 0) cursor.at += valueLength
      const headerCount = cursor.varint()
      const headers = headerCount > 0 ? readHeaders(cursor, headerCount) : NO_HEADERS
      if (cursor.at !== recordEnd) throw new RangeError(`record at offset ${offset} is ${length} bytes long but its fields end ${cursor.at - recordEnd} bytes off`)
      table.add(source, offset, logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta, keyStart, keyLength, valueStart, valueLength, headers)
      nextOffset = offset + 1
    }
    if (table.length < limit) nextOffset = Math.max(nextOffset, lastOffset + 1)
    at = batchEnd
  }
  return { table, nextOffset }
}

/** The type of a control batch's marker: its one record's key is int16 version, int16 type. */
function controlType (bytes: Buffer, batchAt: number, batchEnd: number): number {
  const cursor = new Cursor(bytes, batchAt + RECORDS)
  cursor.varint() // length
  cursor.at += 1 // attributes
  cursor.varint() // timestamp delta
  cursor.varint() // offset delta
  const keyLength = cursor.varint()
  if (keyLength < 4 || cursor.at + 4 > batchEnd) return -1
  return bytes.readInt16BE(cursor.at + 2)
}
