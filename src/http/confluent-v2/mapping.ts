/**
 * Pure Confluent v2 wire ⇄ core translations (contracts.md §4).
 */
import type { Static } from 'typebox'
import { GatewayError } from '../../core/errors.ts'
import type { ConsumerFormat, InstanceSettings, OffsetReset } from '../../core/consumers/model.ts'
import type { ConsumedRecord, PartitionInfo, ProduceRecord, ProduceResult, TopicDescription } from '../../core/model.ts'
import { decodeField, encodeField, type Encoding } from '../../formats/encodings.ts'
import { consumerFormat } from './media-types.ts'
import type { CreateConsumerBody, V2ProduceBody } from './schemas.ts'

export const ENCODING_OF: Record<ConsumerFormat, Encoding> = { binary: 'base64', json: 'json', string: 'string' }

/** Avro, JSON Schema and Protobuf need schemas this gateway cannot register or resolve. */
export function rejectSchemaFormat (name: string, body: Static<typeof V2ProduceBody>): never {
  const hasKeys = body.records.some(r => r.key !== undefined && r.key !== null)
  const keySchemaMissing = hasKeys && body.key_schema == null && body.key_schema_id == null
  const valueSchemaMissing = body.value_schema == null && body.value_schema_id == null
  const why = `the ${name} embedded format needs a schema registry, which this gateway does not have; send the records as binary, json or string (Content-Type application/vnd.kafka.json.v2+json, for example)`
  if (keySchemaMissing) throw new GatewayError('schema_registry_required', `the request has keys but no key_schema or key_schema_id, and ${why}`, { field: 'key_schema' })
  if (valueSchemaMissing) throw new GatewayError('schema_registry_required', `the request has no value_schema or value_schema_id, and ${why}`, { field: 'value_schema' })
  throw new GatewayError('schema_registry_required', `cannot serialize the records: ${why}`)
}

export function toProduceRecords (body: Static<typeof V2ProduceBody>, format: ConsumerFormat, partition?: number): ProduceRecord[] {
  const encoding = ENCODING_OF[format]
  return body.records.map((record, i): ProduceRecord => {
    const target = partition ?? record.partition ?? undefined
    return {
      key: encodeField(record.key, encoding, `records[${i}].key`),
      value: encodeField(record.value, encoding, `records[${i}].value`),
      ...(target !== undefined && target !== null ? { partition: target } : {}),
      ...(record.timestamp !== undefined && record.timestamp !== null ? { timestamp: record.timestamp } : {}),
      headers: (record.headers ?? []).map((h, j) => {
        const name = h.key ?? h.name
        if (name === undefined) throw new GatewayError('invalid_request', `records[${i}].headers[${j}] needs a key`, { field: `records[${i}].headers[${j}].key` })
        return { name, value: h.value === null ? null : encodeField(h.value, 'base64', `records[${i}].headers[${j}].value`) }
      }),
    }
  })
}

/** Per-record results inside a 200, as Confluent answers: error_code 1 non-retriable, 2 retriable. */
export function toProduceResponse (results: ProduceResult[]): object {
  return {
    key_schema_id: null,
    value_schema_id: null,
    offsets: results.map(r => r.ok
      ? { partition: r.partition, offset: r.offset, error_code: null, error: null }
      : { partition: r.partition ?? null, offset: null, error_code: r.error.retryable ? 2 : 1, error: r.error.message }),
  }
}

export function toPartition (p: PartitionInfo): object {
  const isr = new Set(p.isr)
  return { partition: p.partition, leader: p.leader, replicas: p.replicas.map(broker => ({ broker, leader: broker === p.leader, in_sync: isr.has(broker) })) }
}

export function findPartition (topic: TopicDescription, partition: number): PartitionInfo {
  const found = topic.partitions.find(p => p.partition === partition)
  if (!found) throw new GatewayError('partition_not_found', `partition ${partition} does not exist: topic ${topic.name} has partitions 0 to ${topic.partitions.length - 1}`, { field: 'partition' })
  return found
}

function flag (value: string | boolean | undefined, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value === 'boolean') return value
  if (value.toLowerCase() === 'true') return true
  if (value.toLowerCase() === 'false') return false
  throw new GatewayError('invalid_consumer_config', `${field} must be true or false (got ${JSON.stringify(value)})`, { field })
}

function count (value: string | number | undefined, field: string, fallback: number): number {
  if (value === undefined) return fallback
  const n = typeof value === 'number' ? value : Number(value)
  if (!Number.isSafeInteger(n) || n < 0) throw new GatewayError('invalid_consumer_config', `${field} must be a whole number, 0 or more (got ${JSON.stringify(value)})`, { field })
  return n
}

const RESETS: Record<string, OffsetReset> = { earliest: 'earliest', smallest: 'earliest', latest: 'latest', largest: 'latest', none: 'none' }

export function toInstanceSettings (body: Static<typeof CreateConsumerBody>, defaults: { requestTimeoutMs: number }): InstanceSettings {
  const formatName = body.format ?? 'binary'
  const format = consumerFormat(formatName)
  if (format === 'schema') {
    throw new GatewayError('invalid_consumer_config', `format ${formatName} needs a schema registry, which this gateway does not have; use binary, json or string`, { field: 'format' })
  }
  if (format === null) throw new GatewayError('invalid_consumer_config', `format must be binary, json or string (Strimzi: text); got ${JSON.stringify(formatName)}`, { field: 'format' })
  const resetName = body['auto.offset.reset'] ?? 'latest'
  const autoOffsetReset = RESETS[resetName.toLowerCase()]
  if (!autoOffsetReset) throw new GatewayError('invalid_consumer_config', `auto.offset.reset must be earliest, latest or none (got ${JSON.stringify(resetName)})`, { field: 'auto.offset.reset' })
  if (body['isolation.level'] !== undefined && body['isolation.level'] !== 'read_uncommitted' && body['isolation.level'] !== 'read_committed') {
    throw new GatewayError('invalid_consumer_config', 'isolation.level must be read_uncommitted or read_committed', { field: 'isolation.level' })
  }
  return {
    format,
    autoOffsetReset,
    autoCommit: flag(body['auto.commit.enable'] ?? body['enable.auto.commit'], 'auto.commit.enable', true),
    fetchMinBytes: count(body['fetch.min.bytes'], 'fetch.min.bytes', 1),
    requestTimeoutMs: count(body['consumer.request.timeout.ms'], 'consumer.request.timeout.ms', defaults.requestTimeoutMs),
  }
}

/** One consumer record as v2 JSON, as an object: the readable definition that records-json.ts renders as bytes (the test holds them equal). */
export function toConsumedRecord (record: ConsumedRecord, format: ConsumerFormat): object {
  const encoding = ENCODING_OF[format]
  const where = `record at offset ${record.offset} of partition ${record.partition} of topic ${record.topic}`
  return {
    topic: record.topic,
    key: decodeField(record.key, encoding, `the key of the ${where}`),
    value: decodeField(record.value, encoding, `the value of the ${where}`),
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    headers: record.headers.map(h => ({ key: h.name, value: h.value === null ? null : h.value.toString('base64') })),
  }
}

/** Confluent takes an ISO 8601 instant; a number is read as ms since epoch. */
export function toTimestamp (value: string | number, field: string): number {
  const ms = typeof value === 'number' ? value : Date.parse(value)
  if (!Number.isFinite(ms) || ms < 0) throw new GatewayError('invalid_request', `${field} must be an ISO 8601 time such as 2024-01-31T12:00:00Z, or ms since epoch`, { field })
  return ms
}
