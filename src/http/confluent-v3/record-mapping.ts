/**
 * v3 produce records ⇄ core (contracts.md §4): `{partition_id?, headers?,
 * key?: {type, data}, value?: {type, data}, timestamp?}` with type BINARY
 * (base64), JSON or STRING; delivery reports with `error_code` 200 and the
 * type and size of key and value. Schema-registry types and fields get a
 * clear error: this gateway has no schema registry.
 */
import type { Static } from 'typebox'
import { GatewayError } from '../../core/errors.ts'
import type { ProduceRecord, ProduceResult } from '../../core/model.ts'
import { encodeField, type Encoding } from '../../formats/encodings.ts'
import type { ProduceRecordBody } from './schemas.ts'

type Data = NonNullable<Static<typeof ProduceRecordBody>['key']>
export type DataType = 'BINARY' | 'JSON' | 'STRING'

const ENCODINGS: Record<DataType, Encoding> = { BINARY: 'base64', JSON: 'json', STRING: 'string' }
const SCHEMA_FIELDS = ['subject', 'subject_name_strategy', 'schema_id', 'schema_version', 'schema'] as const

export interface MappedRecord {
  record: ProduceRecord
  key: { type: DataType, size: number } | null
  value: { type: DataType, size: number } | null
}

function encodeData (data: Data | null | undefined, field: string): { bytes: Buffer | null, type: DataType | null } {
  if (data === null || data === undefined) return { bytes: null, type: null }
  const type = data.type?.toUpperCase()
  const usesSchema = SCHEMA_FIELDS.some(f => data[f] !== undefined && data[f] !== null)
  if (usesSchema || type === 'AVRO' || type === 'PROTOBUF' || type === 'JSONSCHEMA') {
    throw new GatewayError('schema_registry_required', `${field} uses a schema (${type ?? 'schema fields'}), but this gateway has no schema registry; send type BINARY, JSON or STRING`, { field })
  }
  if (type === undefined) {
    if (data.data === undefined || data.data === null) return { bytes: null, type: null }
    throw new GatewayError('invalid_request', `${field}.type is required: BINARY (base64 data), JSON or STRING (this gateway has no schema registry to look a schema up)`, { field: `${field}.type` })
  }
  if (type !== 'BINARY' && type !== 'JSON' && type !== 'STRING') {
    throw new GatewayError('invalid_request', `${field}.type must be BINARY, JSON or STRING (got ${JSON.stringify(data.type)})`, { field: `${field}.type` })
  }
  return { bytes: encodeField(data.data, ENCODINGS[type], `${field}.data`), type }
}

export function toProduceRecord (body: Static<typeof ProduceRecordBody>, field = ''): MappedRecord {
  const prefix = field ? `${field}.` : ''
  const key = encodeData(body.key, `${prefix}key`)
  const value = encodeData(body.value, `${prefix}value`)
  let timestamp: number | undefined
  if (body.timestamp !== undefined && body.timestamp !== null) {
    timestamp = Date.parse(body.timestamp)
    if (!Number.isFinite(timestamp) || timestamp < 0) throw new GatewayError('invalid_request', `${prefix}timestamp must be an ISO 8601 date-time such as 2024-01-31T12:00:00Z`, { field: `${prefix}timestamp` })
  }
  const record: ProduceRecord = {
    key: key.bytes,
    value: value.bytes,
    headers: (body.headers ?? []).map((h, i) => ({
      name: h.name,
      value: h.value === undefined || h.value === null ? null : encodeField(h.value, 'base64', `${prefix}headers[${i}].value`),
    })),
    ...(body.partition_id !== undefined && body.partition_id !== null ? { partition: body.partition_id } : {}),
    ...(timestamp !== undefined ? { timestamp } : {}),
  }
  return {
    record,
    key: key.type && key.bytes ? { type: key.type, size: key.bytes.length } : null,
    value: value.type && value.bytes ? { type: value.type, size: value.bytes.length } : null,
  }
}

export interface ReportTarget { clusterId: string, topic: string }

/** The delivery report of one record (without error_code, which the caller adds or not). */
export function successReport (target: ReportTarget, mapped: MappedRecord, result: ProduceResult & { ok: true }): object {
  return {
    cluster_id: target.clusterId,
    topic_name: target.topic,
    partition_id: result.partition,
    offset: result.offset,
    timestamp: new Date(result.timestamp).toISOString(),
    key: mapped.key,
    value: mapped.value,
  }
}
