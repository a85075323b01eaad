import assert from 'node:assert/strict'
import { test } from 'node:test'
import { poll } from '../../../src/core/consumers/poll.ts'
import { FetchedPartition } from '../../../src/core/fetched-partition.ts'
import type { ConsumedRecord, PartitionFetchRequest, PartitionFetchResult } from '../../../src/core/model.ts'
import type { FetcherPort } from '../../../src/core/ports.ts'

function record (partition: number, offset: number, size: number): ConsumedRecord {
  return { topic: 't', partition, offset, timestamp: 1, key: null, value: Buffer.alloc(size), headers: [] }
}

type Fetched = Pick<PartitionFetchResult, 'records' | 'nextOffset' | 'highWatermark' | 'logStartOffset'>

function fetcher (results: (request: PartitionFetchRequest) => Fetched, seen: PartitionFetchRequest[] = []): FetcherPort {
  return {
    fetch: async requests => {
      seen.push(...requests)
      return requests.map(request => { const { records, ...positions } = results(request); return FetchedPartition.ofRecords(records, positions) })
    },
    resolveOffset: async () => { throw new Error('not used') },
  }
}

const limits = { maxBytes: 1000, maxWaitMs: 50, recordsPerPartition: 100 }

test('records of every partition, and where each continues', async () => {
  const seen: PartitionFetchRequest[] = []
  const f = fetcher(r => ({ records: r.partition === 0 ? [record(0, 5, 10), record(0, 6, 10)] : [], nextOffset: r.partition === 0 ? 7 : r.offset, highWatermark: 7, logStartOffset: 0 }), seen)
  const result = await poll(f, [{ topic: 't', partition: 0, offset: 5 }, { topic: 't', partition: 1, offset: 3 }], { ...limits, maxBytes: 10_000 })
  assert.deepEqual(result.records.map(r => r.offset), [5, 6])
  assert.deepEqual(result.positions, [{ topic: 't', partition: 0, offset: 7 }, { topic: 't', partition: 1, offset: 3 }])
  // The byte budget is shared between the partitions of one fetch.
  assert.deepEqual(seen.map(r => [r.partition, r.offset, r.maxWaitMs, r.maxBytes]), [[0, 5, 50, 5000], [1, 3, 50, 5000]])
})

test('max_bytes cuts the answer, positions stop after the last record handed out', async () => {
  const f = fetcher(r => ({ records: [record(r.partition, 0, 400), record(r.partition, 1, 400)], nextOffset: 2, highWatermark: 2, logStartOffset: 0 }))
  const result = await poll(f, [{ topic: 't', partition: 0, offset: 0 }, { topic: 't', partition: 1, offset: 0 }], limits)
  assert.deepEqual(result.records.map(r => [r.partition, r.offset]), [[0, 0], [0, 1]])
  assert.deepEqual(result.positions.map(p => p.offset), [2, 0])
})

test('a record larger than max_bytes still goes out alone, so the instance never sticks', async () => {
  const f = fetcher(() => ({ records: [record(0, 0, 5000), record(0, 1, 1)], nextOffset: 2, highWatermark: 2, logStartOffset: 0 }))
  const result = await poll(f, [{ topic: 't', partition: 0, offset: 0 }], limits)
  assert.deepEqual(result.records.map(r => r.offset), [0])
  assert.deepEqual(result.positions, [{ topic: 't', partition: 0, offset: 1 }])
})

test('a position outside the retained range is reported, not silently stuck', async () => {
  const f = fetcher(r => ({ records: [], nextOffset: r.offset, highWatermark: 50, logStartOffset: 20 }))
  const result = await poll(f, [{ topic: 't', partition: 0, offset: 3 }, { topic: 't', partition: 1, offset: 90 }, { topic: 't', partition: 2, offset: 50 }], limits)
  assert.deepEqual(result.outOfRange.map(p => p.partition), [0, 1])
  assert.deepEqual(result.positions, [{ topic: 't', partition: 2, offset: 50 }])
})

test('skipped offsets (transaction markers, compaction) move the position without records', async () => {
  const f = fetcher(() => ({ records: [], nextOffset: 12, highWatermark: 12, logStartOffset: 0 }))
  const result = await poll(f, [{ topic: 't', partition: 0, offset: 10 }], limits)
  assert.deepEqual(result.positions, [{ topic: 't', partition: 0, offset: 12 }])
})

test('nothing assigned: no fetch at all', async () => {
  const seen: PartitionFetchRequest[] = []
  const result = await poll(fetcher(() => { throw new Error('no') }, seen), [], limits)
  assert.deepEqual(result, { records: [], positions: [], outOfRange: [] })
  assert.equal(seen.length, 0)
})
