/**
 * Consumer records → the v2 records answer, rendered as bytes
 * (../shared/json-bytes.ts) rather than through the route serializer: at
 * 1 KiB binary records the generic path (an object per record, a base64
 * string escaped by the serializer, ~9 MB of text re-encoded to UTF-8) took
 * ~45 ms per 6,000 records, most of a records request. Same document as
 * `toConsumedRecord` + JSON.stringify (see the test).
 */
import type { ConsumerFormat } from '../../core/consumers/model.ts'
import type { ConsumedRecord } from '../../core/model.ts'
import { JsonBytes, recordsSizeHint, writeField } from '../shared/json-bytes.ts'
import { ENCODING_OF } from './mapping.ts'

function writeHeaders (out: JsonBytes, record: ConsumedRecord): void {
  if (record.headers.length === 0) { out.text('[]'); return }
  out.text(JSON.stringify(record.headers.map(h => ({ key: h.name, value: h.value === null ? null : h.value.toString('base64') }))))
}

export function v2RecordsJson (records: ConsumedRecord[], format: ConsumerFormat): Buffer {
  const encoding = ENCODING_OF[format]
  const out = new JsonBytes(recordsSizeHint(records))
  out.text('[')
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!
    const where = `record at offset ${record.offset} of partition ${record.partition} of topic ${record.topic}`
    out.text(i === 0 ? `{"topic":${JSON.stringify(record.topic)},"key":` : `,{"topic":${JSON.stringify(record.topic)},"key":`)
    writeField(out, record.key, encoding, `the key of the ${where}`, false)
    out.text(',"value":')
    writeField(out, record.value, encoding, `the value of the ${where}`, false)
    out.text(`,"partition":${record.partition},"offset":${record.offset},"timestamp":${record.timestamp},"headers":`)
    writeHeaders(out, record)
    out.text('}')
  }
  out.text(']')
  return out.toBuffer()
}
