import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRecordsBatch, type CompressionAlgorithmValue } from '@platformatic/kafka'
import { readRecordBatches, UnsupportedRecordFormatError } from '../../../src/kafka/record-batch-reader.ts'

const ATTRIBUTES_AT = 21
const TRANSACTIONAL = 0x10
const CONTROL = 0x20
const LOG_APPEND_TIME = 0x08

interface BatchSpec {
  baseOffset: number
  values: (string | null)[]
  keys?: (string | null)[]
  headers?: [string, string | null][]
  compression?: CompressionAlgorithmValue
  producerId?: bigint
  transactional?: boolean
  timestamp?: number
}

/** A v2 batch as a producer writes it (the client library's encoder), placed at `baseOffset`. */
function batch (spec: BatchSpec): Buffer {
  const timestamp = BigInt(spec.timestamp ?? 1_700_000_000_000)
  const messages = spec.values.map((value, i) => ({
    topic: 't',
    key: spec.keys?.[i] == null ? undefined : Buffer.from(spec.keys[i]!),
    value: value === null ? undefined : Buffer.from(value),
    headers: new Map((spec.headers ?? []).map(([name, v]) => [Buffer.from(name), v === null ? undefined : Buffer.from(v)])),
    timestamp: timestamp + BigInt(i),
  }))
  const bytes = Buffer.from(createRecordsBatch(messages as never, {
    compression: spec.compression ?? 'none',
    producerId: spec.producerId ?? -1n,
    producerEpoch: 0,
    ...(spec.transactional ? { transactionalId: 'tx' } : {}),
  } as never).buffer)
  bytes.writeBigInt64BE(BigInt(spec.baseOffset), 0)
  return bytes
}

/** A transaction marker (control batch): key is int16 version, int16 type (0 abort, 1 commit). */
function marker (baseOffset: number, producerId: bigint, type: 0 | 1): Buffer {
  const key = Buffer.alloc(4)
  key.writeInt16BE(type, 2)
  const bytes = Buffer.from(createRecordsBatch([{ topic: 't', key, value: Buffer.alloc(6), headers: new Map(), timestamp: 1n }] as never,
    { compression: 'none', producerId, producerEpoch: 0, transactionalId: 'tx' } as never).buffer)
  bytes.writeBigInt64BE(BigInt(baseOffset), 0)
  bytes.writeInt16BE(bytes.readInt16BE(ATTRIBUTES_AT) | CONTROL | TRANSACTIONAL, ATTRIBUTES_AT)
  return bytes
}

const values = (result: ReturnType<typeof readRecordBatches>): (string | null)[] =>
  Array.from({ length: result.table.length }, (_, i) => result.table.value(i)?.toString() ?? null)
const offsets = (result: ReturnType<typeof readRecordBatches>): number[] => Array.from(result.table.offsets.subarray(0, result.table.length))

test('keys, values, nulls, headers, offsets and timestamps come out as the producer wrote them', () => {
  const result = readRecordBatches(batch({ baseOffset: 40, values: ['a', null, ''], keys: ['k', null, ''], headers: [['h', 'x'], ['n', null]] }), 40, 100, null)
  assert.deepEqual(offsets(result), [40, 41, 42])
  assert.deepEqual(values(result), ['a', null, ''])
  assert.deepEqual([0, 1, 2].map(i => result.table.key(i)?.toString() ?? null), ['k', null, ''])
  assert.deepEqual(Array.from(result.table.timestamps.subarray(0, 3)), [1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_002])
  assert.deepEqual(result.table.headers[0]!.map(h => [h.name, h.value?.toString() ?? null]), [['h', 'x'], ['n', null]])
  assert.equal(result.table.payloadBytes, 2)
  assert.equal(result.nextOffset, 43)
})

test('every compression codec Kafka uses is read', () => {
  for (const compression of ['gzip', 'snappy', 'lz4', 'zstd'] as const) {
    const result = readRecordBatches(batch({ baseOffset: 0, values: ['one', 'two', 'x'.repeat(5000)], compression }), 0, 100, null)
    assert.deepEqual(values(result), ['one', 'two', 'x'.repeat(5000)], compression)
  }
})

test('a fetch starting inside a batch drops the records before it; the limit stops at the first record not returned', () => {
  const bytes = Buffer.concat([batch({ baseOffset: 10, values: ['a', 'b', 'c', 'd'] }), batch({ baseOffset: 14, values: ['e', 'f'] })])
  const result = readRecordBatches(bytes, 12, 3, null)
  assert.deepEqual(values(result), ['c', 'd', 'e'])
  assert.equal(result.nextOffset, 15)
})

test('a batch cut short by the size limit is left for the next fetch', () => {
  const bytes = Buffer.concat([batch({ baseOffset: 0, values: ['a', 'b'] }), batch({ baseOffset: 2, values: ['c', 'd'] })])
  const result = readRecordBatches(bytes.subarray(0, bytes.length - 5), 0, 100, null)
  assert.deepEqual(values(result), ['a', 'b'])
  assert.equal(result.nextOffset, 2)
})

test('nothing fetched: an empty table and the same next offset', () => {
  for (const bytes of [null, Buffer.alloc(0), Buffer.alloc(7)]) {
    const result = readRecordBatches(bytes, 42, 10, null)
    assert.equal(result.table.length, 0)
    assert.equal(result.nextOffset, 42)
  }
})

test('compaction gaps at the end of a batch move the next offset past the batch', () => {
  const bytes = batch({ baseOffset: 0, values: ['a', 'b'] })
  // Last offset delta 4: offsets 2 to 4 were compacted away.
  bytes.writeInt32BE(4, 23)
  assert.equal(readRecordBatches(bytes, 0, 100, null).nextOffset, 5)
})

test('log-append-time batches stamp every record with the broker time', () => {
  const bytes = batch({ baseOffset: 0, values: ['a', 'b'], timestamp: 5 })
  bytes.writeInt16BE(bytes.readInt16BE(ATTRIBUTES_AT) | LOG_APPEND_TIME, ATTRIBUTES_AT)
  bytes.writeBigInt64BE(99n, 35)
  assert.deepEqual(Array.from(readRecordBatches(bytes, 0, 100, null).table.timestamps.subarray(0, 2)), [99, 99])
})

test('read_committed: aborted transactions and markers are skipped, committed ones and plain records stay', () => {
  const bytes = Buffer.concat([
    batch({ baseOffset: 0, values: ['committed'], producerId: 7n, transactional: true }),
    marker(1, 7n, 1),
    batch({ baseOffset: 2, values: ['aborted-1', 'aborted-2'], producerId: 8n, transactional: true }),
    batch({ baseOffset: 4, values: ['plain'] }),
    marker(5, 8n, 0),
    // The same producer's next transaction, committed: its range was closed by the ABORT marker.
    batch({ baseOffset: 6, values: ['later'], producerId: 8n, transactional: true }),
  ])
  const committed = readRecordBatches(bytes, 0, 100, [{ producerId: 8n, firstOffset: 2n }])
  assert.deepEqual(values(committed), ['committed', 'plain', 'later'])
  assert.deepEqual(offsets(committed), [0, 4, 6])
  assert.equal(committed.nextOffset, 7)
  // read_uncommitted (no aborted list): every data record, markers still skipped.
  assert.deepEqual(values(readRecordBatches(bytes, 0, 100, null)), ['committed', 'aborted-1', 'aborted-2', 'plain', 'later'])
})

test('a fetch that holds only a marker moves past it', () => {
  const result = readRecordBatches(marker(9, 3n, 1), 9, 100, null)
  assert.equal(result.table.length, 0)
  assert.equal(result.nextOffset, 10)
})

test('the pre-0.11 message formats are refused with a clear error, not misread', () => {
  const bytes = batch({ baseOffset: 0, values: ['a'] })
  bytes.writeInt8(1, 16)
  assert.throws(() => readRecordBatches(bytes, 0, 100, null), UnsupportedRecordFormatError)
})

test('a record whose fields overrun its length is reported, not misread', () => {
  const bytes = batch({ baseOffset: 0, values: ['abc'] })
  // The record's length varint is the first byte after the 61-byte batch header; claim one byte less.
  bytes.writeInt8(bytes.readInt8(61) - 2, 61)
  assert.throws(() => readRecordBatches(bytes, 0, 100, null), RangeError)
})

test('a batch length shorter than a batch header is reported, not looped on', () => {
  const bytes = batch({ baseOffset: 0, values: ['abc'] })
  bytes.writeInt32BE(-20, 8)
  assert.throws(() => readRecordBatches(bytes, 0, 100, null), RangeError)
})
