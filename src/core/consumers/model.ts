/**
 * Consumer instances (Confluent v2 consumers, contracts.md §4): what an
 * instance is made of, split by who writes it, so two writers never
 * overwrite each other's facts:
 * - InstanceRecord: settings and subscription/assignment, written by the
 *   requests of the client that owns the instance;
 * - PositionsRecord: next offsets and last use, written by those requests too;
 * - MembershipRecord: the Kafka group membership (member id, generation,
 *   assigned partitions), written only by the gateway process hosting it.
 * All three live in Kafka, never only in one process's memory, so any
 * gateway process can serve any request of any instance.
 */

export type ConsumerFormat = 'binary' | 'json' | 'string'
export type OffsetReset = 'earliest' | 'latest' | 'none'

export interface InstanceRef {
  group: string
  name: string
}

export interface TopicPartition {
  topic: string
  partition: number
}

export interface PartitionOffset extends TopicPartition {
  offset: number
}

export interface InstanceSettings {
  format: ConsumerFormat
  autoOffsetReset: OffsetReset
  autoCommit: boolean
  fetchMinBytes: number
  /** Default long-poll of a records request (Confluent consumer.request.timeout.ms). */
  requestTimeoutMs: number
}

export type Subscription =
  | { kind: 'topics', topics: string[] }
  | { kind: 'pattern', pattern: string }

export interface InstanceRecord {
  settings: InstanceSettings
  createdAt: number
  /** Random per creation, so facts of a deleted instance never apply to a new one of the same name. */
  incarnation: string
  /** Bumped on every subscribe, unsubscribe and assign; membership answers for one epoch. */
  epoch: number
  subscription: Subscription | null
  /** Manually assigned partitions (assign), exclusive with a subscription. */
  assignment: TopicPartition[] | null
}

export interface PositionsRecord {
  incarnation: string
  /**
   * Group generation the positions belong to (-1 for a manual assignment).
   * After a rebalance they no longer apply: Kafka consumers restart from the
   * committed offsets of newly assigned partitions.
   */
  generation: number
  positions: PartitionOffset[]
  usedAt: number
}

export interface MembershipRecord {
  incarnation: string
  epoch: number
  memberId: string
  generation: number
  assignment: TopicPartition[]
  /** Topics the subscription resolved to (a pattern matches topics). */
  topics: string[]
  /** Gateway process hosting the member, for diagnostics. */
  host: string
  updatedAt: number
  /** Why the group cannot be joined (e.g. not authorized), so requests fail clearly instead of waiting. */
  error: { code: string, message: string } | null
}

export interface InstanceState {
  instance: InstanceRecord | null
  positions: PositionsRecord | null
  membership: MembershipRecord | null
}

/** Identity a commit needs when the instance is a group member. */
export interface MemberIdentity {
  memberId: string
  generation: number
  instanceId: string
}

export function partitionKey (tp: TopicPartition): string {
  return `${tp.topic}\u0000${tp.partition}`
}

export function samePartitions (a: TopicPartition[], b: TopicPartition[]): boolean {
  if (a.length !== b.length) return false
  const keys = new Set(a.map(partitionKey))
  return b.every(tp => keys.has(partitionKey(tp)))
}
