/**
 * Pure native-wire ⇄ core translations.
 */
import type { Static } from 'typebox'
import { GatewayError } from '../../core/errors.ts'
import type { ConsumedRecord, OffsetSpec, ProduceRecord, ProduceResult } from '../../core/model.ts'
import { decodeField, encodeField, type Encoding } from '../../formats/encodings.ts'
import type { ProduceBody, RecordToProduce } from './schemas.ts'

export interface Encodings {
  keyEncoding: Encoding
  valueEncoding: Encoding
}

/** A bare record object is accepted as a batch of one. */
export function normalizeProduceBody (body: unknown): unknown {
  if (typeof body === 'object' && body !== null && !Array.isArray(body) && !('records' in body)) return { records: [body] }
  return body
}

export function toProduceRecords (body: Static<typeof ProduceBody>, encodings: Encodings): ProduceRecord[] {
  return body.records.map((record: Static<typeof RecordToProduce>, i): ProduceRecord => ({
    key: encodeField(record.key, encodings.keyEncoding, `records[${i}].key`),
    value: encodeField(record.value, encodings.valueEncoding, `records[${i}].value`),
    ...(record.partition !== undefined ? { partition: record.partition } : {}),
    ...(record.timestamp !== undefined ? { timestamp: record.timestamp } : {}),
    headers: record.headers ? Object.entries(record.headers).map(([name, value]) => ({ name, value: Buffer.from(value) })) : [],
  }))
}

export function toProduceResultItems (results: ProduceResult[]): object[] {
  return results.map(r => r.ok
    ? { partition: r.partition, offset: r.offset, timestamp: r.timestamp }
    : { ...(r.partition !== undefined ? { partition: r.partition } : {}), error: { code: r.error.code, message: r.error.message } })
}

/** The request fails as a whole when every record failed for the same reason (e.g. Kafka down). */
export function commonFailure (results: ProduceResult[]): GatewayError | null {
  const first = results[0]
  if (!first || first.ok) return null
  return results.every(r => !r.ok && r.error.code === first.error.code) ? first.error : null
}

/**
 * The answer to a produce (topic or access point): 200 when every record was
 * written, 207 when some were, the shared error when all failed alike.
 */
export function produceAnswer (topic: string, results: ProduceResult[]): { status: 200 | 207, body: { topic: string, results: object[] } } {
  const failure = commonFailure(results)
  if (failure) throw failure
  return { status: results.every(r => r.ok) ? 200 : 207, body: { topic, results: toProduceResultItems(results) } }
}

export function fromRecord (record: ConsumedRecord, encodings: Encodings): object {
  const headers: Record<string, string> = {}
  for (const h of record.headers) headers[h.name] = h.value?.toString('utf8') ?? ''
  const where = `record at offset ${record.offset} of partition ${record.partition}`
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    key: decodeField(record.key, encodings.keyEncoding, `the key of the ${where}`),
    value: decodeField(record.value, encodings.valueEncoding, `the value of the ${where}`),
    headers,
  }
}

export function startOf (query: { offset?: string | undefined, timestamp?: number | undefined }, fallback: OffsetSpec): OffsetSpec {
  if (query.offset !== undefined && query.timestamp !== undefined) {
    throw new GatewayError('invalid_request', 'give either offset or timestamp, not both', { field: 'offset' })
  }
  if (query.timestamp !== undefined) return { kind: 'timestamp', timestamp: query.timestamp }
  if (query.offset === undefined) return fallback
  if (query.offset === 'earliest' || query.offset === 'latest') return { kind: query.offset }
  const offset = Number(query.offset)
  if (!Number.isSafeInteger(offset)) throw new GatewayError('invalid_offset', 'offset is too large', { field: 'offset' })
  return { kind: 'offset', offset }
}
