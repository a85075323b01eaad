/**
 * The consumer state topic as the core's ConsumerStatePort. Reads catch up
 * with the instance's partition before answering: a fetch from this
 * process's read position until the high watermark, which covers every write
 * acknowledged with acks=all before the call (Kafka acknowledges such a write
 * only once the high watermark has passed it). So a request that lands on
 * another gateway process sees what the previous request wrote.
 */
import { ProduceAcks, type Producer } from '@platformatic/kafka'
import { GatewayError } from '../../core/errors.ts'
import type { InstanceRecord, InstanceRef, InstanceState, MembershipRecord, PositionsRecord } from '../../core/consumers/model.ts'
import type { ConsumerStatePort, StateWait } from '../../core/consumers/ports.ts'
import type { AdminPort, FetcherPort } from '../../core/ports.ts'
import { mapKafkaError } from '../errors.ts'
import { encodeKey, statePartition, type StateKind } from './codec.ts'
import { StateView } from './state-view.ts'

export interface StateTopicSettings {
  topic: string
  /** Partition count when the gateway creates the topic. */
  partitions: number
  /** Longest single long-poll of the topic while waiting for a change. */
  pollSliceMs: number
}

const RECORDS_PER_READ = 10_000
const BYTES_PER_READ = 4 * 1024 * 1024

export class ConsumerStateStore implements ConsumerStatePort {
  readonly view = new StateView()
  readonly #settings: StateTopicSettings
  readonly #admin: AdminPort
  readonly #fetcher: FetcherPort
  readonly #producer: Producer
  readonly #onStartHosting: () => void
  #ready: Promise<number> | null = null

  constructor (settings: StateTopicSettings, deps: { admin: AdminPort, fetcher: FetcherPort, producer: Producer, onStartHosting: () => void }) {
    this.#settings = settings
    this.#admin = deps.admin
    this.#fetcher = deps.fetcher
    this.#producer = deps.producer
    this.#onStartHosting = deps.onStartHosting
  }

  get topic (): string { return this.#settings.topic }

  /** Partition count of the state topic, creating the topic (compacted) when it is missing. */
  partitions (): Promise<number> {
    this.#ready ??= this.#ensureTopic().catch((error: unknown) => {
      this.#ready = null
      throw error
    })
    return this.#ready
  }

  async #ensureTopic (): Promise<number> {
    try {
      return await this.#admin.partitionCount(this.#settings.topic)
    } catch (error) {
      if (!(error instanceof GatewayError && error.code === 'topic_not_found')) throw error
    }
    try {
      await this.#admin.createTopic({
        name: this.#settings.topic,
        partitions: this.#settings.partitions,
        replicationFactor: -1,
        configs: { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '0' },
      }, false)
    } catch (error) {
      // Another gateway process created it first.
      if (!(error instanceof GatewayError && error.code === 'topic_exists')) throw error
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#admin.partitionCount(this.#settings.topic)
      } catch (error) {
        // Fresh topics take a moment to appear in metadata.
        if (attempt >= 20 || !(error instanceof GatewayError && error.code === 'topic_not_found')) throw error
        await new Promise(resolve => setTimeout(resolve, 100))
      }
    }
  }

  async partitionOf (ref: InstanceRef): Promise<number> {
    return statePartition(ref, await this.partitions())
  }

  startHosting (): void {
    this.#onStartHosting()
  }

  async read (ref: InstanceRef, wait?: StateWait): Promise<InstanceState> {
    const partition = await this.partitionOf(ref)
    await this.catchUp(partition)
    if (!wait) return this.view.state(partition, ref)
    const deadline = Date.now() + wait.maxWaitMs
    for (;;) {
      const state = this.view.state(partition, ref)
      const remaining = deadline - Date.now()
      if (wait.until(state) || remaining <= 0) return state
      await this.readOnce(partition, Math.min(remaining, this.#settings.pollSliceMs))
    }
  }

  /** Reads `partition` up to its high watermark. */
  async catchUp (partition: number): Promise<void> {
    for (;;) {
      const highWatermark = await this.readOnce(partition, 0)
      if (highWatermark < 0 || this.view.next(partition) >= highWatermark) return
    }
  }

  /** One fetch from the read position (long-polling up to waitMs); returns the high watermark. */
  async readOnce (partition: number, waitMs: number): Promise<number> {
    const [highWatermark] = await this.readMany([partition], waitMs)
    return highWatermark ?? -1
  }

  /** One fetch of several partitions, answered as soon as any has news; high watermarks align with `partitions`. */
  async readMany (partitions: number[], waitMs: number): Promise<number[]> {
    const from = partitions.map(p => this.view.next(p))
    const results = await this.#fetcher.fetch(partitions.map((partition, i) => ({
      topic: this.#settings.topic, partition, offset: from[i]!, limit: RECORDS_PER_READ, maxBytes: BYTES_PER_READ, maxWaitMs: waitMs,
    })))
    return partitions.map((partition, i) => {
      const result = results[i]
      if (!result) return -1
      this.view.apply(partition, result.records)
      // Offsets below the log start are gone (nothing to read there); compaction gaps are skipped by the fetcher.
      if (result.records.length === 0 && result.logStartOffset > from[i]!) this.view.skipTo(partition, result.logStartOffset)
      else this.view.skipTo(partition, result.nextOffset)
      return result.highWatermark
    })
  }

  writeInstance (ref: InstanceRef, record: InstanceRecord | null): Promise<void> {
    return this.#write('i', ref, record)
  }

  writePositions (ref: InstanceRef, record: PositionsRecord | null): Promise<void> {
    return this.#write('p', ref, record)
  }

  /** Only the process hosting the instance's member writes this. */
  writeMembership (ref: InstanceRef, record: MembershipRecord | null): Promise<void> {
    return this.#write('m', ref, record)
  }

  async #write (kind: StateKind, ref: InstanceRef, record: object | null): Promise<void> {
    const partition = await this.partitionOf(ref)
    const key = encodeKey(kind, ref)
    const value = record === null ? null : Buffer.from(JSON.stringify(record))
    let offset: number
    try {
      const result = await this.#producer.send({
        messages: [{ topic: this.#settings.topic, partition, key, value: value as Buffer }],
        acks: ProduceAcks.ALL,
      })
      offset = Number(result.offsets?.[0]?.offset ?? -1)
    } catch (error) {
      throw mapKafkaError(error, { action: 'save the consumer instance', topic: this.#settings.topic })
    }
    // Our own write, right at the read position: apply it without reading it back.
    if (offset >= 0 && this.view.next(partition) === offset) {
      this.view.apply(partition, [{ topic: this.#settings.topic, partition, offset, timestamp: Date.now(), key, value, headers: [] }])
    }
  }
}
