/**
 * The client library's parsed record batches → gateway records. A fetch may
 * start inside a batch (records before the requested offset are dropped) and
 * may contain transaction control batches (skipped, but the next offset
 * moves past them). With the answer's aborted transactions (read_committed),
 * their batches are skipped too: the library itself only drops an aborted
 * range when its ABORT marker came in the same answer.
 */
import type { RecordsBatch } from '@platformatic/kafka'
import type { ConsumedRecord, RecordHeader } from '../core/model.ts'
import { ABORT_MARKER, AbortedRanges, type AbortedTransaction } from './record-batch-reader.ts'

const IS_CONTROL_BATCH = 0x20
const IS_TRANSACTIONAL = 0x10
const LOG_APPEND_TIME = 0x08

export interface DecodedRecords {
  records: ConsumedRecord[]
  nextOffset: number
  bytes: number
}

export function decodeBatches (topic: string, partition: number, batches: RecordsBatch[] | null | undefined, fromOffset: number, limit: number, aborted: AbortedTransaction[] | null = null): DecodedRecords {
  const records: ConsumedRecord[] = []
  let nextOffset = fromOffset
  let bytes = 0
  const abortedRanges = aborted && aborted.length > 0 ? new AbortedRanges(aborted) : null
  for (const batch of batches ?? []) {
    const first = Number(batch.firstOffset)
    const isControl = (batch.attributes & IS_CONTROL_BATCH) !== 0
    if (abortedRanges && (batch.attributes & IS_TRANSACTIONAL) !== 0) {
      const isAbortMarker = isControl && batch.records[0]?.key?.readInt16BE(2) === ABORT_MARKER
      if (abortedRanges.skips(batch.producerId, first + batch.lastOffsetDelta, isControl, isAbortMarker)) {
        nextOffset = Math.max(nextOffset, first + batch.lastOffsetDelta + 1)
        continue
      }
    }
    if (isControl) {
      nextOffset = Math.max(nextOffset, first + batch.lastOffsetDelta + 1)
      continue
    }
    const logAppendTime = (batch.attributes & LOG_APPEND_TIME) !== 0
    const firstTimestamp = Number(batch.firstTimestamp)
    for (const record of batch.records) {
      const offset = first + record.offsetDelta
      if (offset < fromOffset) continue
      if (records.length >= limit) return { records, nextOffset, bytes }
      const headers: RecordHeader[] = record.headers.map(([name, value]) => ({ name: name?.toString('utf8') ?? '', value }))
      records.push({
        topic,
        partition,
        offset,
        timestamp: logAppendTime ? Number(batch.maxTimestamp) : firstTimestamp + Number(record.timestampDelta),
        key: record.key,
        value: record.value,
        headers,
      })
      bytes += (record.key?.length ?? 0) + (record.value?.length ?? 0)
      nextOffset = offset + 1
    }
    // Compaction can leave gaps at the end of a batch; skip past them.
    if (records.length < limit) nextOffset = Math.max(nextOffset, first + batch.lastOffsetDelta + 1)
  }
  return { records, nextOffset, bytes }
}
