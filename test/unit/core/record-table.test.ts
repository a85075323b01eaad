import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BufferPool } from '../../../src/core/buffer-pool.ts'
import { FetchedPartition } from '../../../src/core/fetched-partition.ts'
import type { ConsumedRecord } from '../../../src/core/model.ts'
import { RecordTable } from '../../../src/core/record-table.ts'

const record = (offset: number, key: string | null, value: string | null, headers: ConsumedRecord['headers'] = []): ConsumedRecord =>
  ({ topic: 't', partition: 2, offset, timestamp: 1000 + offset, key: key === null ? null : Buffer.from(key), value: value === null ? null : Buffer.from(value), headers })

test('a table grows past its first capacity and gives back the records it was given', () => {
  const records = Array.from({ length: 150 }, (_, i) => record(i, i % 3 === 0 ? null : `k${i}`, i % 5 === 0 ? null : `v${i}`, i === 7 ? [{ name: 'h', value: Buffer.from('x') }] : []))
  const table = RecordTable.fromRecords(records)
  assert.equal(table.length, 150)
  assert.equal(table.hasHeaders, true)
  assert.deepEqual(table.toRecords('t', 2), records)
  assert.equal(table.payloadBytes, records.reduce((n, r) => n + (r.key?.length ?? 0) + (r.value?.length ?? 0), 0))
})

test('a fetched partition builds objects from its table once, and the table from objects when asked', () => {
  const table = RecordTable.fromRecords([record(5, 'k', 'v')])
  const fromTable = FetchedPartition.ofTable('t', 2, table, { nextOffset: 6, highWatermark: 9, logStartOffset: 0 })
  assert.equal(fromTable.records, fromTable.records)
  assert.deepEqual(fromTable.records, [record(5, 'k', 'v')])
  const fromRecords = FetchedPartition.ofRecords([record(5, 'k', 'v')], { nextOffset: 6, highWatermark: 9, logStartOffset: 0 })
  assert.equal(fromRecords.table.value(0)?.toString(), 'v')
  assert.equal(fromRecords.recordCount, 1)
})

test('release gives the bytes back only when no record object can still point into them', () => {
  let released = 0
  const fresh = FetchedPartition.ofTable('t', 2, RecordTable.fromRecords([record(5, 'k', 'v')]), { nextOffset: 6, highWatermark: 9, logStartOffset: 0 }, () => { released++ })
  fresh.release()
  fresh.release()
  assert.equal(released, 1)
  assert.throws(() => fresh.table, /released/)
  const materialized = FetchedPartition.ofTable('t', 2, RecordTable.fromRecords([record(5, 'k', 'v')]), { nextOffset: 6, highWatermark: 9, logStartOffset: 0 }, () => { released++ })
  assert.equal(materialized.records.length, 1)
  materialized.release()
  assert.equal(released, 1)
})

test('the buffer pool reuses released buffers of the same size class and allocates small ones plainly', () => {
  const pool = new BufferPool(2)
  const first = pool.take(100_000)
  assert.equal(first.buffer.length, 100_000)
  const underlying = first.buffer.buffer
  first.release()
  first.release()
  assert.equal(pool.idle, 1)
  const second = pool.take(120_000)
  assert.equal(second.buffer.buffer, underlying)
  assert.equal(second.buffer.length, 120_000)
  assert.equal(pool.idle, 0)
  // Outside the pooled sizes: plain buffers, nothing kept.
  pool.take(10).release()
  assert.equal(pool.idle, 0)
  // At most maxFreePerClass kept per size class.
  const taken = [pool.take(70_000), pool.take(70_000), pool.take(70_000)]
  for (const t of taken) t.release()
  assert.equal(pool.idle, 2)
})
