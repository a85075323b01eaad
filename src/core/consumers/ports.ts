/**
 * What consumer instances need from Kafka beyond produce and fetch.
 * `src/kafka/` implements them with a compacted state topic, a group of
 * gateway processes that host the memberships, and raw offset commits;
 * HTTP tests implement them in memory.
 */
import type { InstanceRecord, InstanceRef, InstanceState, MemberIdentity, PartitionOffset, PositionsRecord, TopicPartition } from './model.ts'

export interface StateWait {
  /** Resolve as soon as this holds for the instance's state … */
  until: (state: InstanceState) => boolean
  /** … or after this long with whatever state there is. */
  maxWaitMs: number
}

export interface ConsumerStatePort {
  /**
   * The instance's state, including every write acknowledged before the call,
   * whichever gateway process made it (read-your-writes across processes).
   */
  read (ref: InstanceRef, wait?: StateWait): Promise<InstanceState>
  /** `null` deletes the instance (the hosting process then leaves the group). */
  writeInstance (ref: InstanceRef, record: InstanceRecord | null): Promise<void>
  writePositions (ref: InstanceRef, record: PositionsRecord | null): Promise<void>
  /** Makes this process share the hosting of group memberships; idempotent. */
  startHosting (): void
}

export interface GroupOffsetsPort {
  /**
   * Commits offsets for the group: as the instance's member when it has one
   * (so Kafka checks the generation), as a simple consumer otherwise.
   */
  commit (group: string, member: MemberIdentity | null, offsets: PartitionOffset[]): Promise<void>
  /** Committed offset of each partition, aligned with the request; null when none. */
  committed (group: string, partitions: TopicPartition[]): Promise<(number | null)[]>
}

export interface ConsumerInstancePorts {
  state: ConsumerStatePort
  offsets: GroupOffsetsPort
}
