/**
 * One producer shared by every request. Records of concurrent requests are
 * gathered for `lingerMs` (or until `batchMaxBytes`) and sent to Kafka as one
 * produce, then each request gets the exact offset of each of its records:
 * the partition's base offset plus the record's position in that partition's
 * part of the batch (the client keeps records of one partition in order).
 */
import { ProduceAcks, Producer, type BaseOptions, type MessageToProduce } from '@platformatic/kafka'
import type { GatewayConfig } from '../config/schema.ts'
import { GatewayError } from '../core/errors.ts'
import type { ProduceResult } from '../core/model.ts'
import type { KafkaMetricsPort, ProducerPort, RoutedRecord } from '../core/ports.ts'
import { mapKafkaError } from './errors.ts'
import type { KafkaHealth } from './health.ts'

interface Job {
  topic: string
  records: RoutedRecord[]
  bytes: number
  /** Where each record went: which produce request (chunk), and its index within its partition there. */
  chunkOf: Uint32Array
  indexInPartition: Uint32Array
  resolve: (results: ProduceResult[]) => void
}

/** One produce request to Kafka. */
interface Chunk {
  messages: MessageToProduce[]
  bytes: number
  /** topic → records so far per partition (arrays indexed by partition: no string key per record). */
  positionInPartition: Map<string, number[]>
  /** topic → base offset per partition, from Kafka's answer. */
  baseOffsets?: Map<string, number[]>
  failure?: GatewayError
}

function newChunk (): Chunk {
  return { messages: [], bytes: 0, positionInPartition: new Map() }
}

function positionsOf (chunk: Chunk, topic: string): number[] {
  let positions = chunk.positionInPartition.get(topic)
  if (!positions) { positions = []; chunk.positionInPartition.set(topic, positions) }
  return positions
}

const EMPTY = new Uint32Array(0)

const ACKS = { all: ProduceAcks.ALL, leader: ProduceAcks.LEADER, none: ProduceAcks.NO_RESPONSE } as const

/** Encoded size estimate of a record, generous with the per-record overhead. */
function recordBytes (r: RoutedRecord): number {
  let bytes = 64 + (r.key?.length ?? 0) + (r.value?.length ?? 0)
  for (const h of r.headers) bytes += 8 + h.name.length + (h.value?.length ?? 0)
  return bytes
}

function jobBytes (records: RoutedRecord[]): number {
  let bytes = 0
  for (const r of records) bytes += recordBytes(r)
  return bytes
}

export class BatchingProducer implements ProducerPort {
  readonly #producer: Producer
  readonly #settings: GatewayConfig['producer']
  readonly #health: KafkaHealth
  readonly #metrics: KafkaMetricsPort | undefined
  #batch: Job[] = []
  #batchBytes = 0
  #timer: NodeJS.Timeout | null = null
  #inFlightBytes = 0
  readonly #inFlight = new Set<Promise<void>>()

  constructor (producer: Producer, settings: GatewayConfig['producer'], health: KafkaHealth, metrics?: KafkaMetricsPort) {
    this.#producer = producer
    this.#settings = settings
    this.#health = health
    this.#metrics = metrics
  }

  send (topic: string, records: RoutedRecord[]): Promise<ProduceResult[]> {
    this.#health.assertAvailable()
    const bytes = jobBytes(records)
    if (this.#inFlightBytes + bytes > this.#settings.maxInFlightBytes) {
      throw new GatewayError('overloaded', `the gateway already holds ${this.#inFlightBytes} bytes waiting for Kafka (limit ${this.#settings.maxInFlightBytes}); retry shortly`, { retryAfterSeconds: 1 })
    }
    this.#inFlightBytes += bytes
    return new Promise(resolve => {
      this.#batch.push({ topic, records, bytes, chunkOf: EMPTY, indexInPartition: EMPTY, resolve })
      this.#batchBytes += bytes
      if (this.#batchBytes >= this.#settings.batchMaxBytes) this.#flushBatch()
      else if (!this.#timer) this.#timer = setTimeout(() => this.#flushBatch(), this.#settings.lingerMs)
    })
  }

  async flush (): Promise<void> {
    this.#flushBatch()
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight])
  }

  #flushBatch (): void {
    if (this.#timer) { clearTimeout(this.#timer); this.#timer = null }
    const jobs = this.#batch
    if (jobs.length === 0) return
    this.#batch = []
    this.#batchBytes = 0
    const done = this.#sendJobs(jobs).finally(() => {
      for (const job of jobs) this.#inFlightBytes -= job.bytes
      this.#inFlight.delete(done)
    })
    this.#inFlight.add(done)
  }

  async #sendJobs (jobs: Job[]): Promise<void> {
    const chunks = this.#splitIntoChunks(jobs)
    // Chunks go out one after the other so records keep their order per
    // partition; after a failure the rest is not attempted (and reported failed).
    let failure: GatewayError | null = null
    for (const chunk of chunks) {
      if (failure) { chunk.failure = failure; continue }
      try {
        const result = await this.#sendWithDeadline(chunk.messages)
        chunk.baseOffsets = new Map()
        for (const o of result.offsets ?? []) {
          let byPartition = chunk.baseOffsets.get(o.topic)
          if (!byPartition) { byPartition = []; chunk.baseOffsets.set(o.topic, byPartition) }
          byPartition[o.partition] = Number(o.offset)
        }
        this.#health.markAvailable()
        this.#metrics?.produced(chunk.messages.length, chunk.bytes)
      } catch (error) {
        this.#health.observe(error)
        failure = mapKafkaError(error, { action: 'write the records', topic: jobs.length === 1 ? jobs[0]!.topic : undefined })
        chunk.failure = failure
        this.#metrics?.kafkaError('produce', failure.kafkaCode ?? failure.code)
      }
    }
    for (const job of jobs) {
      const results: ProduceResult[] = new Array(job.records.length)
      for (let i = 0; i < job.records.length; i++) {
        const record = job.records[i]!
        const chunk = chunks[job.chunkOf[i]!]!
        if (chunk.failure) {
          results[i] = { ok: false, partition: record.partition, error: chunk.failure }
          continue
        }
        const base = chunk.baseOffsets?.get(job.topic)?.[record.partition]
        // acks=none: Kafka answers nothing, so there is no offset to report.
        results[i] = { ok: true, partition: record.partition, offset: base === undefined ? -1 : base + job.indexInPartition[i]!, timestamp: record.timestamp }
      }
      job.resolve(results)
    }
  }

  /**
   * Kafka refuses a record batch over the topic's max.message.bytes (1 MiB by
   * default), and the client puts all records of one partition in one batch,
   * so a flush is cut into produce requests of at most `batchMaxBytes`.
   */
  #splitIntoChunks (jobs: Job[]): Chunk[] {
    const chunks: Chunk[] = []
    let chunk: Chunk = newChunk()
    chunks.push(chunk)
    for (const job of jobs) {
      job.chunkOf = new Uint32Array(job.records.length)
      job.indexInPartition = new Uint32Array(job.records.length)
      let positions = positionsOf(chunk, job.topic)
      for (let i = 0; i < job.records.length; i++) {
        const record = job.records[i]!
        const size = recordBytes(record)
        if (chunk.messages.length > 0 && chunk.bytes + size > this.#settings.batchMaxBytes) {
          chunk = newChunk()
          chunks.push(chunk)
          positions = positionsOf(chunk, job.topic)
        }
        const index = positions[record.partition] ?? 0
        positions[record.partition] = index + 1
        job.chunkOf[i] = chunks.length - 1
        job.indexInPartition[i] = index
        chunk.bytes += size
        const message: MessageToProduce = {
          topic: job.topic,
          partition: record.partition,
          key: record.key ?? undefined,
          value: record.value as Buffer,
          timestamp: BigInt(record.timestamp),
        }
        // Most records have no headers: no Map for them (the client writes an empty header list).
        if (record.headers.length > 0) {
          const headers = new Map<Buffer, Buffer>()
          for (const h of record.headers) headers.set(Buffer.from(h.name), h.value as Buffer)
          message.headers = headers
        }
        chunk.messages.push(message)
      }
    }
    return chunks
  }

  async #sendWithDeadline (messages: MessageToProduce[]): ReturnType<Producer['send']> {
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new GatewayError('kafka_timeout', `Kafka did not acknowledge the records within ${this.#settings.deliveryTimeoutMs} ms; they may or may not have been written, retry to be sure`)), this.#settings.deliveryTimeoutMs)
    })
    try {
      return await Promise.race([
        this.#producer.send({ messages, acks: ACKS[this.#settings.acks] }),
        deadline,
      ])
    } finally {
      clearTimeout(timer)
    }
  }
}

export function createProducer (options: BaseOptions, settings: GatewayConfig['producer']): Producer {
  return new Producer<Buffer, Buffer, Buffer, Buffer>({
    ...options,
    acks: ACKS[settings.acks],
    compression: settings.compression,
    idempotent: settings.idempotent,
  })
}
