/**
 * Offset commits and committed offsets of a consumer group, for consumer
 * instances (contracts.md §4 v2 `offsets`). The member that represents an
 * instance may run in another gateway process, so a commit is a raw
 * OffsetCommit carrying that member's id and generation (read from the state
 * topic): Kafka then rejects it after a rebalance exactly as it would reject
 * the member's own commit.
 */
import { FindCoordinatorKeyTypes, kGetApi, kGetConnection, type Admin, type Connection } from '@platformatic/kafka'
import { GatewayError } from '../core/errors.ts'
import type { MemberIdentity, PartitionOffset, TopicPartition } from '../core/consumers/model.ts'
import type { GroupOffsetsPort } from '../core/consumers/ports.ts'
import { kafkaErrorIds, mapKafkaError } from './errors.ts'
import type { KafkaHealth } from './health.ts'

interface OffsetCommitRequestTopic {
  name: string
  partitions: { partitionIndex: number, committedOffset: bigint, committedLeaderEpoch: number, committedMetadata: string | null }[]
}

type OffsetCommitApi = ((connection: Connection, ...args: unknown[]) => void) & {
  async: (connection: Connection, groupId: string, generation: number, memberId: string, groupInstanceId: string | null, topics: OffsetCommitRequestTopic[]) => Promise<unknown>
}

/** Kafka's answers when the member's generation is over: the client should fetch and commit again. */
const STALE_MEMBER = new Set(['ILLEGAL_GENERATION', 'UNKNOWN_MEMBER_ID', 'REBALANCE_IN_PROGRESS', 'FENCED_INSTANCE_ID'])

function callbackToPromise<T> (start: (callback: (error: Error | null | undefined, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((error, value) => { if (error) reject(error); else resolve(value) }))
}

export class KafkaGroupOffsets implements GroupOffsetsPort {
  readonly #admin: Admin
  readonly #health: KafkaHealth

  constructor (admin: Admin, health: KafkaHealth) {
    this.#admin = admin
    this.#health = health
  }

  async commit (group: string, member: MemberIdentity | null, offsets: PartitionOffset[]): Promise<void> {
    const topics = new Map<string, OffsetCommitRequestTopic>()
    for (const o of offsets) {
      let topic = topics.get(o.topic)
      if (!topic) { topic = { name: o.topic, partitions: [] }; topics.set(o.topic, topic) }
      topic.partitions.push({ partitionIndex: o.partition, committedOffset: BigInt(o.offset), committedLeaderEpoch: -1, committedMetadata: '' })
    }
    try {
      const [coordinator] = await this.#admin.findCoordinator({ keyType: FindCoordinatorKeyTypes.GROUP, keys: [group] })
      if (!coordinator) throw new GatewayError('kafka_unavailable', `Kafka named no coordinator for group ${group}; retry shortly`)
      const admin = this.#admin as unknown as Record<symbol, (...args: unknown[]) => void>
      const connection = await callbackToPromise<Connection>(cb => admin[kGetConnection]!.call(this.#admin, { host: coordinator.host, port: coordinator.port }, cb))
      const api = await callbackToPromise<OffsetCommitApi>(cb => admin[kGetApi]!.call(this.#admin, 'OffsetCommit', cb))
      await api.async(connection, group, member?.generation ?? -1, member?.memberId ?? '', member?.instanceId ?? null, [...topics.values()])
      this.#health.markAvailable()
    } catch (error) {
      this.#health.observe(error)
      const stale = kafkaErrorIds(error).find(id => STALE_MEMBER.has(id))
      if (stale) {
        throw new GatewayError('group_rebalancing', `group ${group} is rebalancing or this instance's membership changed (${stale}); fetch records again and commit what they returned`, { kafkaCode: stale, cause: error })
      }
      throw mapKafkaError(error, { action: 'commit offsets', group })
    }
  }

  async committed (group: string, partitions: TopicPartition[]): Promise<(number | null)[]> {
    if (partitions.length === 0) return []
    const byTopic = new Map<string, number[]>()
    for (const tp of partitions) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition])
    const listed = await this.#health.call(() => this.#admin.listConsumerGroupOffsets({
      groups: [{ groupId: group, topics: [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes })) }],
    }), error => mapKafkaError(error, { action: 'read committed offsets', group }))
    const found = new Map<string, number>()
    for (const topic of listed[0]?.topics ?? []) {
      for (const p of topic.partitions) if (p.committedOffset >= 0n) found.set(`${topic.name}\u0000${p.partitionIndex}`, Number(p.committedOffset))
    }
    return partitions.map(tp => found.get(`${tp.topic}\u0000${tp.partition}`) ?? null)
  }
}
