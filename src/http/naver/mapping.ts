/**
 * Pure NAVER-wire ⇄ core translations (contracts.md §2).
 */
import type { Static } from 'typebox'
import type { ConfigEntry, ProduceRecord, TopicDescription } from '../../core/model.ts'
import type { ListTopicsQuery, NaverTopic, ProduceBody } from './schemas.ts'

/** Seed 003 body → one core record: key and value are UTF-8 text, no headers. */
export function toProduceRecord (body: Static<typeof ProduceBody>): ProduceRecord {
  return {
    key: Buffer.from(body.key, 'utf8'),
    value: Buffer.from(body.value, 'utf8'),
    ...(body.partition !== undefined ? { partition: body.partition } : {}),
    headers: [],
  }
}

const UUID = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i

/**
 * The NAVER topicId of a topic: its Kafka topic id in the form Kafka's own
 * tools print (base64url of the 16 UUID bytes, 22 characters), so it is
 * stable for the life of the topic, the same on every gateway instance, and
 * new when a topic is deleted and created again. Ids that are not UUIDs pass
 * through unchanged.
 */
export function naverTopicId (kafkaTopicId: string): string {
  const match = UUID.exec(kafkaTopicId)
  if (!match) return kafkaTopicId
  return Buffer.from(match.slice(1).join(''), 'hex').toString('base64url')
}

/** retention.ms of the topic, or null when Kafka did not report it. */
export function retentionMsOf (configs: ConfigEntry[]): number | null {
  const value = configs.find(c => c.name === 'retention.ms')?.value
  if (value === undefined || value === null) return null
  const ms = Number(value)
  return Number.isSafeInteger(ms) ? ms : null
}

export function toNaverTopic (topic: TopicDescription, configs: ConfigEntry[]): Static<typeof NaverTopic> {
  return {
    topicId: naverTopicId(topic.id),
    topicName: topic.name,
    // Kafka keeps neither descriptions nor creation dates (docs/naver.md "What differs").
    description: '',
    partitions: topic.partitions.length,
    retentionMs: retentionMsOf(configs),
    // A topic Kafka describes is created; Kafka creates topics synchronously.
    status: 'CREATED',
    createdDate: null,
    updatedDate: null,
  }
}

/**
 * NAVER's list filter and order: searchText matches part of the name,
 * descending by default. Without creation dates, createdDate orders by name.
 */
export function filterAndSort<T extends { topicName: string }> (topics: T[], query: Static<typeof ListTopicsQuery>): T[] {
  const needle = query.searchText?.trim().toLowerCase() ?? ''
  const found = needle === '' ? [...topics] : topics.filter(t => t.topicName.toLowerCase().includes(needle))
  found.sort((a, b) => a.topicName.localeCompare(b.topicName))
  return query.descending === false ? found : found.reverse()
}
