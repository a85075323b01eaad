/**
 * Produce use-case: checks the target, picks partitions the way the Java
 * client would, enforces the record size limit, then hands the records to the
 * shared batching producer. Nothing is written when any record is invalid.
 */
import { GatewayError } from './errors.ts'
import type { ProduceRecord, ProduceResult } from './model.ts'
import { partitionForKey } from './partitioner.ts'
import type { AdminPort, ProducerPort, RoutedRecord } from './ports.ts'

export interface ProduceLimits {
  maxRecordBytes: number
}

export function recordSize (record: ProduceRecord): number {
  let size = (record.key?.length ?? 0) + (record.value?.length ?? 0)
  for (const header of record.headers) size += Buffer.byteLength(header.name) + (header.value?.length ?? 0)
  return size
}

export class ProduceService {
  readonly #producer: ProducerPort
  readonly #admin: AdminPort
  readonly #limits: ProduceLimits
  /** Sticky choice for unkeyed records: a request's records stay together, requests rotate. */
  readonly #nextUnkeyed = new Map<string, number>()

  constructor (producer: ProducerPort, admin: AdminPort, limits: ProduceLimits) {
    this.#producer = producer
    this.#admin = admin
    this.#limits = limits
  }

  async produce (topic: string, records: ProduceRecord[]): Promise<ProduceResult[]> {
    if (records.length === 0) throw new GatewayError('invalid_request', 'records must hold at least one record', { field: 'records' })
    const partitionCount = await this.#admin.partitionCount(topic)
    const now = Date.now()
    const unkeyed = this.#stickyPartition(topic, partitionCount)
    const routed: RoutedRecord[] = new Array(records.length)
    for (let i = 0; i < records.length; i++) {
      const record = records[i]!
      const size = recordSize(record)
      if (size > this.#limits.maxRecordBytes) {
        throw new GatewayError('record_too_large', `records[${i}] is ${size} bytes; the limit is ${this.#limits.maxRecordBytes} bytes of key, value and headers`, { field: `records[${i}]` })
      }
      let partition = record.partition
      if (partition === undefined) {
        partition = record.key ? partitionForKey(record.key, partitionCount) : unkeyed
      } else if (partition < 0 || partition >= partitionCount) {
        throw new GatewayError('partition_not_found', `records[${i}].partition ${partition} does not exist: topic ${topic} has partitions 0 to ${partitionCount - 1}`, { field: `records[${i}].partition` })
      }
      routed[i] = { ...record, partition, timestamp: record.timestamp ?? now }
    }
    return this.#producer.send(topic, routed)
  }

  #stickyPartition (topic: string, partitionCount: number): number {
    const next = this.#nextUnkeyed.get(topic) ?? Math.floor(Math.random() * partitionCount)
    this.#nextUnkeyed.set(topic, (next + 1) % partitionCount)
    return next % partitionCount
  }
}
