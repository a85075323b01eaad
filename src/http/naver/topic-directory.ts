/**
 * NAVER's topic API addresses topics by topicId (contracts.md §2); Kafka
 * addresses them by name. The id is the Kafka topic id (mapping.ts), so the
 * directory finds a topic by asking Kafka: first the name it last saw with
 * that id (one describe), else every topic (then it remembers them all).
 */
import type { Static } from 'typebox'
import { GatewayError, isGatewayError } from '../../core/errors.ts'
import type { TopicDescription } from '../../core/model.ts'
import type { AdminPort } from '../../core/ports.ts'
import { naverTopicId, toNaverTopic } from './mapping.ts'
import type { NaverTopic } from './schemas.ts'

/** Describes at a time while scanning, so a large cluster is not asked everything at once. */
const SCAN_CONCURRENCY = 8

async function mapConcurrently<T, R> (items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

export class TopicDirectory {
  readonly #admin: AdminPort
  /** NAVER topicId → the topic name last seen with it. */
  readonly #names = new Map<string, string>()

  constructor (admin: AdminPort) {
    this.#admin = admin
  }

  /** The topic as NAVER shows it: description, partitions and retention from Kafka. */
  async topic (name: string): Promise<Static<typeof NaverTopic>> {
    const [description, configs] = await Promise.all([this.#describe(name), this.#admin.describeTopicConfigs(name)])
    if (!description) throw new GatewayError('topic_not_found', `topic ${name} does not exist`)
    return toNaverTopic(description, configs)
  }

  /** Every topic but Kafka's internal ones. A topic deleted while listing is left out. */
  async list (): Promise<Static<typeof NaverTopic>[]> {
    const summaries = await this.#admin.listTopics(false)
    const topics = await mapConcurrently(summaries, SCAN_CONCURRENCY, s => this.topic(s.name).catch(notFoundAsNull))
    return topics.filter(t => t !== null)
  }

  /** The name of the topic with this NAVER topicId; topic_not_found when none has it. */
  async nameOf (topicId: string): Promise<string> {
    const remembered = this.#names.get(topicId)
    if (remembered !== undefined) {
      const description = await this.#describe(remembered)
      if (description && naverTopicId(description.id) === topicId) return remembered
      this.#names.delete(topicId)
    }
    const summaries = await this.#admin.listTopics(false)
    const found = await mapConcurrently(summaries, SCAN_CONCURRENCY, s => this.#describe(s.name))
    const match = found.find(d => d !== null && naverTopicId(d.id) === topicId)
    if (!match) throw new GatewayError('topic_not_found', `no topic has the id ${topicId}; list topics and their ids with GET /v1/topics`)
    return match.name
  }

  /** Describes a topic and remembers its id; null when it does not exist (anymore). */
  async #describe (name: string): Promise<TopicDescription | null> {
    const description = await this.#admin.describeTopic(name).catch(notFoundAsNull)
    if (description) this.#names.set(naverTopicId(description.id), name)
    return description
  }
}

function notFoundAsNull (error: unknown): null {
  if (isGatewayError(error) && error.code === 'topic_not_found') return null
  throw error
}
