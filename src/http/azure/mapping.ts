/**
 * Pure Azure-wire ⇄ core translations (contracts.md §3).
 */
import type { Static } from 'typebox'
import { GatewayError } from '../../core/errors.ts'
import type { BrokerInfo, ConsumedRecord, PartitionInfo, ProduceRecord, ProduceResult } from '../../core/model.ts'
import type { Broker, ConsumedRecord as AzureRecord, Partition, ProduceBody, ProduceResult as AzureProduceResult } from './schemas.ts'

/**
 * A key or value of the producer API → bytes. The proxy "accepts JSON
 * objects and any serialized form" (Microsoft's sample sends strings,
 * numbers, objects and lists): a string is stored as its UTF-8 text, so
 * Kafka consumers read exactly what was sent; anything else as JSON text.
 */
export function toBytes (value: unknown): Buffer | null {
  if (value === undefined || value === null) return null
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8')
}

export function toProduceRecords (body: Static<typeof ProduceBody>): ProduceRecord[] {
  return body.records.map(record => ({
    key: toBytes(record.key),
    value: toBytes(record.value),
    ...(record.partition !== undefined ? { partition: record.partition } : {}),
    headers: [],
  }))
}

/** One entry per record, in order: where it landed, or why it did not. */
export function toProduceAnswer (results: ProduceResult[]): Static<typeof AzureProduceResult> {
  return {
    offsets: results.map(r => r.ok
      ? { partition: r.partition, offset: r.offset }
      : { ...(r.partition !== undefined ? { partition: r.partition } : {}), error: { code: r.error.code, message: r.error.message } }),
  }
}

/** Topic properties as Kafka configs: Microsoft's sample sends numbers and strings alike. */
export function toTopicConfigs (properties: Record<string, string | number | boolean>): Record<string, string> {
  const configs: Record<string, string> = {}
  for (const [name, value] of Object.entries(properties)) configs[name] = String(value)
  return configs
}

export function toBroker (broker: BrokerInfo): Static<typeof Broker> {
  return { hostName: broker.host, port: broker.port, id: broker.id, rack: broker.rack }
}

export function toPartition (partition: PartitionInfo): Static<typeof Partition> {
  return {
    partition_id: partition.partition,
    earliest_offset: partition.earliestOffset,
    latest_offset: partition.latestOffset,
    leader: partition.leader,
    replicas: partition.replicas,
    isr: partition.isr,
  }
}

export function findPartition (topic: string, partitions: PartitionInfo[], partition: number): PartitionInfo {
  const found = partitions.find(p => p.partition === partition)
  if (!found) throw new GatewayError('partition_not_found', `partition ${partition} does not exist: topic ${topic} has partitions 0 to ${partitions.length - 1}`, { field: 'partition' })
  return found
}

/** Keys and values come back as text (the reference's ConsumeRecord has string key and value). */
export function toAzureRecord (record: ConsumedRecord, timestampType: string): Static<typeof AzureRecord> {
  return {
    topic: record.topic,
    key: record.key === null ? null : record.key.toString('utf8'),
    value: record.value === null ? null : record.value.toString('utf8'),
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    timestampType,
  }
}
