import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { FetchResponse, WireRecord } from '../src/api/types.ts'
import { recordMatches, scanRange, type ScanStart } from '../src/pages/messages/record-filter.ts'

const b64 = (text: string) => Buffer.from(text).toString('base64')
const record = (offset: number, key: string | null, value: string): WireRecord =>
  ({ topic: 't', partition: 0, offset, timestamp: 0, key: key === null ? null : b64(key), value: b64(value), headers: { trace: `id-${offset}` } })

test('matches by key, value or anywhere (headers included), case-insensitively', () => {
  const r = record(0, 'Order-7', '{"city":"Seoul"}')
  assert.equal(recordMatches(r, { text: 'order-7', scope: 'key' }), true)
  assert.equal(recordMatches(r, { text: 'seoul', scope: 'key' }), false)
  assert.equal(recordMatches(r, { text: 'seoul', scope: 'value' }), true)
  assert.equal(recordMatches(r, { text: 'id-0', scope: 'any' }), true)
  assert.equal(recordMatches(r, { text: '  ', scope: 'value' }), true)
})

/** A partition of `size` records served in pages, like the gateway's fetch. */
function partition (size: number, calls: { start: ScanStart, limit: number }[]) {
  const records = Array.from({ length: size }, (_, i) => record(i, `k${i % 3}`, `v${i}`))
  return async (start: ScanStart, limit: number): Promise<FetchResponse> => {
    calls.push({ start, limit })
    const from = 'offset' in start ? start.offset : 0
    const page = records.slice(from, from + limit)
    return { topic: 't', partition: 0, records: page, nextOffset: from + page.length, highWatermark: size }
  }
}

test('reads no more than the bound, in pages, and keeps only matches', async () => {
  const calls: { start: ScanStart, limit: number }[] = []
  const result = await scanRange(partition(100, calls), { start: { offset: 10 }, maxScanned: 25, pageSize: 10, filter: { text: 'k1', scope: 'key' } })
  assert.deepEqual(calls.map(c => c.limit), [10, 10, 5])
  assert.equal(result.scanned, 25)
  assert.deepEqual([result.firstOffset, result.lastOffset, result.nextOffset, result.reachedEnd], [10, 34, 35, false])
  assert.deepEqual(result.matches.map(r => r.offset), [10, 13, 16, 19, 22, 25, 28, 31, 34])
})

test('stops at the end of the partition', async () => {
  const result = await scanRange(partition(12, []), { start: { offset: 5 }, maxScanned: 100, pageSize: 50, filter: { text: '', scope: 'any' } })
  assert.equal(result.scanned, 7)
  assert.equal(result.reachedEnd, true)
})

test('an empty fetch that makes no progress ends the scan instead of looping', async () => {
  let calls = 0
  const result = await scanRange(async () => { calls++; return { topic: 't', partition: 0, records: [], nextOffset: 3, highWatermark: 10 } },
    { start: { offset: 3 }, maxScanned: 50, pageSize: 10, filter: { text: '', scope: 'any' } })
  assert.equal(result.scanned, 0)
  assert.equal(calls, 2)
})
