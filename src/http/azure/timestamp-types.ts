/**
 * The `timestampType` of consumed records (the proxy reference's
 * ConsumeRecord): Kafka stamps a topic's records with the producer's time
 * (CreateTime) or its own (LogAppendTime) by the topic's
 * message.timestamp.type. Read from the topic's configs and kept as long as
 * topic metadata is (KAFKA_METADATA_MAX_AGE_MS), so paging a partition does
 * not ask Kafka for configs on every request.
 */
import type { AdminPort } from '../../core/ports.ts'

export type TimestampType = 'CreateTime' | 'LogAppendTime'

export class TimestampTypes {
  readonly #admin: AdminPort
  readonly #maxAgeMs: number
  readonly #known = new Map<string, { type: TimestampType, until: number }>()

  constructor (admin: AdminPort, maxAgeMs: number) {
    this.#admin = admin
    this.#maxAgeMs = maxAgeMs
  }

  async of (topic: string): Promise<TimestampType> {
    const now = Date.now()
    const known = this.#known.get(topic)
    if (known && known.until > now) return known.type
    const configs = await this.#admin.describeTopicConfigs(topic)
    // Kafka's default when the config is not reported is CreateTime.
    const type: TimestampType = configs.find(c => c.name === 'message.timestamp.type')?.value === 'LogAppendTime' ? 'LogAppendTime' : 'CreateTime'
    this.#known.set(topic, { type, until: now + this.#maxAgeMs })
    return type
  }
}
