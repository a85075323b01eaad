/**
 * The shared state of every gateway instance (issue 4) on a compacted
 * topic: key `<type>/<id>`, value JSON, a tombstone deletes. One partition,
 * so every instance applies changes in the same order. Each instance reads
 * the topic in full at start, then follows it with long-poll fetches, so a
 * change made on one instance is in force on the others within about
 * `pollWaitMs`. A write resolves only after this instance has read it back.
 */
import { Admin, Consumer, ListOffsetTimestamps, ProduceAcks, Producer } from '@platformatic/kafka'
import type { GatewayConfig } from '../config/schema.ts'
import { GatewayError } from '../core/errors.ts'
import type { StateLog } from '../core/identity/shared-state.ts'
import type { StateApply, StateStorePort } from '../core/identity/state-port.ts'
import { clientOptions } from './client-options.ts'
import { kafkaErrorIds, mapKafkaError } from './errors.ts'
import { decodeBatches } from './record-batches.ts'

export interface StateTopicSettings {
  topic: string
  /** -1: min(3, brokers). */
  replicationFactor: number
  pollWaitMs: number
}

const PARTITION = 0
const RETRY_MS = 500
const FETCH_MAX_BYTES = 8 * 1024 * 1024
const READ_BACK_TIMEOUT_MS = 15_000

interface Waiter { offset: number, resolve: () => void, reject: (error: Error) => void }

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export class KafkaStateStore implements StateStorePort {
  readonly #settings: StateTopicSettings
  readonly #log: StateLog
  readonly #admin: Admin
  readonly #producer: Producer<Buffer, Buffer, Buffer, Buffer>
  readonly #reader: Consumer
  #apply: StateApply = () => {}
  /** Next offset to read: everything before it is applied. */
  #position = 0
  #waiters: Waiter[] = []
  #leader: { topicId: string, node: number } | null = null
  #following: Promise<void> | null = null
  #closed = false

  constructor (kafka: GatewayConfig['kafka'], settings: StateTopicSettings, log: StateLog) {
    this.#settings = settings
    this.#log = log
    this.#admin = new Admin(clientOptions(kafka, 'state-admin'))
    this.#producer = new Producer<Buffer, Buffer, Buffer, Buffer>({ ...clientOptions(kafka, 'state-writer'), acks: ProduceAcks.ALL })
    // The reader fetches partitions directly and never joins this group; the client needs a group id to exist.
    this.#reader = new Consumer({ ...clientOptions(kafka, 'state-reader'), groupId: `${kafka.clientId}-state-reader` })
  }

  async start (apply: StateApply): Promise<void> {
    this.#apply = apply
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#ensureTopic()
        const end = await this.#endOffset()
        while (this.#position < end) await this.#readOnce(0)
        break
      } catch (error) {
        if (this.#closed) throw new GatewayError('state_unavailable', 'the state store was closed while loading')
        // Log the first failure and then every 20th, not a line per retry.
        if (attempt === 1 || attempt % 20 === 0) this.#log.warn({ err: (error as Error).message, topic: this.#settings.topic, attempt }, 'cannot load the shared state from Kafka yet; retrying')
        await sleep(RETRY_MS)
      }
    }
    this.#following = this.#follow()
  }

  async put (key: string, value: unknown): Promise<void> {
    await this.#readBack(await this.#write(key, Buffer.from(JSON.stringify(value))))
  }

  async delete (key: string): Promise<void> {
    await this.#readBack(await this.#write(key, null))
  }

  async close (): Promise<void> {
    this.#closed = true
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new GatewayError('state_unavailable', 'the gateway is shutting down'))
    await this.#following
    await Promise.allSettled([this.#producer.close(), this.#reader.close(true), this.#admin.close()])
  }

  async #ensureTopic (): Promise<void> {
    const { topic } = this.#settings
    const existing = await this.#admin.listTopics({ includeInternals: true })
    if (existing.includes(topic)) return
    const brokers = (await this.#admin.metadata({ topics: [], forceUpdate: true })).brokers.size
    const replicas = this.#settings.replicationFactor > 0 ? this.#settings.replicationFactor : Math.min(3, brokers)
    try {
      await this.#admin.createTopics({
        topics: [topic],
        partitions: 1,
        replicas,
        configs: [
          { name: 'cleanup.policy', value: 'compact' },
          // With 3 replicas a write survives the loss of one broker; with fewer there is nothing to require.
          { name: 'min.insync.replicas', value: replicas >= 3 ? '2' : '1' },
        ],
      })
      this.#log.info({ topic, replicas }, 'created the shared state topic')
    } catch (error) {
      // Another instance created it at the same moment.
      if (!kafkaErrorIds(error).includes('TOPIC_ALREADY_EXISTS')) throw error
    }
  }

  async #endOffset (): Promise<number> {
    const listed = await this.#admin.listOffsets({ topics: [{ name: this.#settings.topic, partitions: [{ partitionIndex: PARTITION, timestamp: ListOffsetTimestamps.LATEST }] }] })
    return Number(listed[0]?.partitions[0]?.offset ?? 0)
  }

  async #partitionLeader (): Promise<{ topicId: string, node: number }> {
    if (this.#leader) return this.#leader
    const metadata = await this.#admin.metadata({ topics: [this.#settings.topic], forceUpdate: true })
    const info = metadata.topics.get(this.#settings.topic)
    const node = info?.partitions[PARTITION]?.leader ?? -1
    if (!info || node < 0) throw new GatewayError('state_unavailable', `the state topic ${this.#settings.topic} has no leader yet`)
    this.#leader = { topicId: info.id, node }
    return this.#leader
  }

  async #readOnce (waitMs: number): Promise<void> {
    const { topicId, node } = await this.#partitionLeader()
    const from = this.#position
    let response: Awaited<ReturnType<Consumer['fetch']>>
    try {
      response = await this.#reader.fetch({
        node,
        minBytes: 1,
        maxWaitTime: waitMs,
        maxBytes: FETCH_MAX_BYTES,
        topics: [{ topicId, partitions: [{ partition: PARTITION, currentLeaderEpoch: -1, fetchOffset: BigInt(from), lastFetchedEpoch: -1, partitionMaxBytes: FETCH_MAX_BYTES }] }],
      })
    } catch (error) {
      this.#leader = null // leadership may have moved (multi-broker cluster)
      if (kafkaErrorIds(error).includes('OFFSET_OUT_OF_RANGE')) this.#position = await this.#earliestOffset()
      throw error
    }
    const partition = response.responses[0]?.partitions.find(p => p.partitionIndex === PARTITION)
    const decoded = decodeBatches(this.#settings.topic, PARTITION, partition?.records, from, Number.MAX_SAFE_INTEGER)
    for (const record of decoded.records) this.#applyRecord(record.key, record.value, record.offset)
    let next = decoded.nextOffset
    // Kafka always returns a whole batch when one exists past `from`; none means compaction removed everything up to the high watermark.
    const highWatermark = Number(partition?.highWatermark ?? -1)
    if (decoded.records.length === 0 && highWatermark > next) next = highWatermark
    this.#position = Math.max(this.#position, next)
    this.#wakeWaiters()
  }

  async #earliestOffset (): Promise<number> {
    const listed = await this.#admin.listOffsets({ topics: [{ name: this.#settings.topic, partitions: [{ partitionIndex: PARTITION, timestamp: ListOffsetTimestamps.EARLIEST }] }] })
    return Number(listed[0]?.partitions[0]?.offset ?? 0)
  }

  #applyRecord (key: Buffer | null, value: Buffer | null, offset: number): void {
    if (key === null) return
    let parsed: unknown = null
    if (value !== null) {
      try {
        parsed = JSON.parse(value.toString('utf8'))
      } catch {
        this.#log.warn({ topic: this.#settings.topic, offset }, 'ignoring a shared-state record whose value is not JSON')
        return
      }
    }
    this.#apply(key.toString('utf8'), parsed)
  }

  async #follow (): Promise<void> {
    let failures = 0
    while (!this.#closed) {
      try {
        await this.#readOnce(this.#settings.pollWaitMs)
        failures = 0
      } catch (error) {
        if (this.#closed) break
        if (failures++ % 20 === 0) this.#log.warn({ err: (error as Error).message, topic: this.#settings.topic }, 'following the shared state failed; retrying')
        await sleep(RETRY_MS)
      }
    }
  }

  async #write (key: string, value: Buffer | null): Promise<number> {
    if (this.#closed) throw new GatewayError('state_unavailable', 'the gateway is shutting down')
    try {
      const result = await this.#producer.send({
        messages: [{ topic: this.#settings.topic, partition: PARTITION, key: Buffer.from(key), value: value as Buffer }],
        acks: ProduceAcks.ALL,
      })
      const offset = result.offsets?.find(o => o.topic === this.#settings.topic)?.offset
      if (offset === undefined) throw new GatewayError('state_unavailable', 'Kafka did not report where the change was written')
      return Number(offset)
    } catch (error) {
      throw mapKafkaError(error, { action: 'write the shared state', topic: this.#settings.topic })
    }
  }

  /** Read-your-writes: resolves once the follow loop has applied the record at `offset`. */
  #readBack (offset: number): Promise<void> {
    if (this.#position > offset) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter(w => w !== waiter)
        reject(new GatewayError('state_unavailable', 'the change was written to Kafka but not read back in time; it will apply shortly, check before retrying', { retryAfterSeconds: 2 }))
      }, READ_BACK_TIMEOUT_MS)
      const waiter: Waiter = { offset, resolve: () => { clearTimeout(timer); resolve() }, reject: error => { clearTimeout(timer); reject(error) } }
      this.#waiters.push(waiter)
    })
  }

  #wakeWaiters (): void {
    if (this.#waiters.length === 0) return
    const ready = this.#waiters.filter(w => w.offset < this.#position)
    this.#waiters = this.#waiters.filter(w => w.offset >= this.#position)
    for (const waiter of ready) waiter.resolve()
  }
}
