/**
 * Topic metadata (id, partition leaders, partition count) from the admin
 * client, which caches it for `metadataMaxAgeMs`. Unknown topics become
 * topic_not_found.
 */
import type { Admin, ClusterMetadata, ClusterTopicMetadata } from '@platformatic/kafka'
import { mapKafkaError } from './errors.ts'
import type { KafkaHealth } from './health.ts'

export class TopicMetadata {
  readonly #admin: Admin
  readonly #health: KafkaHealth

  constructor (admin: Admin, health: KafkaHealth) {
    this.#admin = admin
    this.#health = health
  }

  cluster (forceUpdate = false): Promise<ClusterMetadata> {
    return this.#health.call(() => this.#admin.metadata({ topics: [], forceUpdate }), error => mapKafkaError(error, { action: 'read cluster metadata' }))
  }

  async topic (topic: string, forceUpdate = false): Promise<ClusterTopicMetadata & { brokers: ClusterMetadata['brokers'] }> {
    let metadata: ClusterMetadata
    // Not through health.call: a cached answer says nothing about whether Kafka is reachable now.
    try {
      metadata = await this.#admin.metadata({ topics: [topic], forceUpdate })
    } catch (error) {
      this.#health.observe(error)
      // For a single-topic request, the client reports UNKNOWN_TOPIC_OR_PARTITION as a bare UserError.
      if ((error as { code?: unknown }).code === 'PLT_KFK_USER') throw mapKafkaError({ apiId: 'UNKNOWN_TOPIC_OR_PARTITION' }, { action: 'read metadata', topic })
      throw mapKafkaError(error, { action: 'read metadata', topic })
    }
    const info = metadata.topics.get(topic)
    if (!info) throw mapKafkaError({ apiId: 'UNKNOWN_TOPIC_OR_PARTITION' }, { action: 'read metadata', topic })
    return { ...info, brokers: metadata.brokers }
  }
}
