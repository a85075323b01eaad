/**
 * One records request of a consumer instance: fetch from the positions of
 * the assigned partitions, long-polling up to the request's timeout, return
 * at most `maxBytes` of keys and values (at least one record, so a record
 * larger than the limit cannot block the instance), and report where each
 * partition continues.
 */
import type { ConsumedRecord, PartitionFetchRequest, PartitionFetchResult } from '../model.ts'
import type { FetcherPort } from '../ports.ts'
import type { PartitionOffset } from './model.ts'

export interface PollLimits {
  maxBytes: number
  maxWaitMs: number
  /** Most records taken from one partition per request. */
  recordsPerPartition: number
}

export interface PollResult {
  records: ConsumedRecord[]
  /** Next position of every polled partition. */
  positions: PartitionOffset[]
  /** Partitions whose position lies outside the retained range; they start over per auto.offset.reset. */
  outOfRange: PartitionOffset[]
}

function recordBytes (record: ConsumedRecord): number {
  return (record.key?.length ?? 0) + (record.value?.length ?? 0)
}

function isOutOfRange (offset: number, result: PartitionFetchResult): boolean {
  if (result.records.length > 0) return false
  return (result.logStartOffset >= 0 && offset < result.logStartOffset) || (result.highWatermark >= 0 && offset > result.highWatermark)
}

export async function poll (fetcher: FetcherPort, from: PartitionOffset[], limits: PollLimits): Promise<PollResult> {
  if (from.length === 0) return { records: [], positions: [], outOfRange: [] }
  const perPartitionBytes = Math.max(1024, Math.floor(limits.maxBytes / from.length))
  const requests: PartitionFetchRequest[] = from.map(p => ({
    topic: p.topic,
    partition: p.partition,
    offset: p.offset,
    limit: limits.recordsPerPartition,
    maxBytes: perPartitionBytes,
    maxWaitMs: limits.maxWaitMs,
  }))
  const results = await fetcher.fetch(requests)
  const records: ConsumedRecord[] = []
  const positions: PartitionOffset[] = []
  const outOfRange: PartitionOffset[] = []
  let bytes = 0
  let full = false
  for (let i = 0; i < from.length; i++) {
    const start = from[i]!
    const result = results[i]!
    if (isOutOfRange(start.offset, result)) {
      outOfRange.push(start)
      continue
    }
    let next = start.offset
    let truncated = false
    for (const record of result.records) {
      const size = recordBytes(record)
      if (full || (records.length > 0 && bytes + size > limits.maxBytes)) {
        full = true
        truncated = true
        break
      }
      records.push(record)
      bytes += size
      next = record.offset + 1
    }
    // Without truncation the fetch may have moved past offsets it skipped (transaction markers, compaction gaps).
    if (!truncated) next = Math.max(next, result.nextOffset)
    positions.push({ topic: start.topic, partition: start.partition, offset: next })
  }
  return { records, positions, outOfRange }
}
