/**
 * Consumed records → the native API's JSON (fetch answers and SSE events),
 * rendered as bytes (../shared/json-bytes.ts). The result is the same JSON
 * document that `fromRecord` + JSON.stringify gives (see the test).
 */
import type { ConsumedRecord } from '../../core/model.ts'
import type { BufferPool, PooledBuffer } from '../../core/buffer-pool.ts'
import { JsonBytes, recordsSizeHint, writeField } from '../shared/json-bytes.ts'
import type { Encodings } from './mapping.ts'

/** One record as the native API's ConsumedRecordBody. */
export function writeRecord (out: JsonBytes, record: ConsumedRecord, encodings: Encodings, singleLine = false): void {
  const where = `record at offset ${record.offset} of partition ${record.partition}`
  out.text(`{"topic":${JSON.stringify(record.topic)},"partition":${record.partition},"offset":${record.offset},"timestamp":${record.timestamp},"key":`)
  writeField(out, record.key, encodings.keyEncoding, `the key of the ${where}`, singleLine)
  out.text(',"value":')
  writeField(out, record.value, encodings.valueEncoding, `the value of the ${where}`, singleLine)
  if (record.headers.length === 0) {
    out.text(',"headers":{}}')
    return
  }
  const headers: Record<string, string> = {}
  for (const h of record.headers) headers[h.name] = h.value?.toString('utf8') ?? ''
  out.text(`,"headers":${JSON.stringify(headers)}}`)
}


export interface FetchAnswer {
  topic: string
  partition: number
  records: ConsumedRecord[]
  nextOffset: number
  highWatermark: number
}

/** The whole FetchResponse document, in a buffer from `pool`: release it once the answer is written. */
export function fetchResponseJson (answer: FetchAnswer, encodings: Encodings, pool?: BufferPool): PooledBuffer {
  const out = new JsonBytes(recordsSizeHint(answer.records), pool)
  out.text(`{"topic":${JSON.stringify(answer.topic)},"partition":${answer.partition},"records":[`)
  for (let i = 0; i < answer.records.length; i++) {
    if (i > 0) out.text(',')
    writeRecord(out, answer.records[i]!, encodings)
  }
  out.text(`],"nextOffset":${answer.nextOffset},"highWatermark":${answer.highWatermark}}`)
  return out.toPooled()
}
