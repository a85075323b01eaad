import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { RecordsBatch } from '@platformatic/kafka'
import { decodeBatches } from '../../../src/kafka/record-batches.ts'

function batch (firstOffset: number, count: number, attributes = 0, firstTimestamp = 1000): RecordsBatch {
  return {
    firstOffset: BigInt(firstOffset), length: 0, partitionLeaderEpoch: 0, magic: 2, crc: 0, attributes,
    lastOffsetDelta: count - 1, firstTimestamp: BigInt(firstTimestamp), maxTimestamp: BigInt(firstTimestamp + 99),
    producerId: -1n, producerEpoch: -1, firstSequence: -1,
    records: Array.from({ length: count }, (_, i) => ({
      length: 0, attributes: 0, timestampDelta: BigInt(i), offsetDelta: i,
      key: Buffer.from(`k${firstOffset + i}`), value: Buffer.from(`v${firstOffset + i}`), headers: [[Buffer.from('h'), Buffer.from('x')]],
    })),
  }
}

test('records before the requested offset are dropped and offsets/timestamps are absolute', () => {
  const decoded = decodeBatches('t', 0, [batch(10, 5)], 12, 100)
  assert.deepEqual(decoded.records.map(r => r.offset), [12, 13, 14])
  assert.deepEqual(decoded.records.map(r => r.timestamp), [1002, 1003, 1004])
  assert.equal(decoded.records[0]!.headers[0]!.name, 'h')
  assert.equal(decoded.nextOffset, 15)
})

test('the limit stops early and nextOffset points at the first record not returned', () => {
  const decoded = decodeBatches('t', 0, [batch(0, 5), batch(5, 5)], 0, 7)
  assert.equal(decoded.records.length, 7)
  assert.equal(decoded.nextOffset, 7)
})

test('transaction control batches are skipped but moved past', () => {
  const decoded = decodeBatches('t', 0, [batch(0, 2), batch(2, 1, 0x20), batch(3, 1)], 0, 100)
  assert.deepEqual(decoded.records.map(r => r.offset), [0, 1, 3])
  assert.equal(decoded.nextOffset, 4)
})

test('log-append-time batches report the broker timestamp', () => {
  const decoded = decodeBatches('t', 0, [batch(0, 2, 0x08, 5000)], 0, 100)
  assert.deepEqual(decoded.records.map(r => r.timestamp), [5099, 5099])
})

test('no batches: stay at the requested offset', () => {
  assert.deepEqual(decodeBatches('t', 0, null, 42, 10), { records: [], nextOffset: 42, bytes: 0 })
})
