/**
 * API-neutral data of the gateway. Keys, values and header values are raw
 * bytes; each dialect decides how to render them. Offsets and timestamps are
 * plain numbers: Kafka offsets stay far below 2^53 in any real cluster (a
 * partition taking a million records a second needs 285 years to get there),
 * and numbers serialize to JSON without surprises.
 */
export interface RecordHeader {
  name: string
  value: Buffer | null
}

export interface ProduceRecord {
  key: Buffer | null
  value: Buffer | null
  /** Explicit partition; when absent the core picks one (murmur2 on the key, sticky otherwise). */
  partition?: number
  headers: RecordHeader[]
  /** Milliseconds since epoch; the gateway stamps the receive time when absent. */
  timestamp?: number
}

export interface ProduceSuccess {
  ok: true
  partition: number
  offset: number
  timestamp: number
}

export interface ProduceFailure {
  ok: false
  partition?: number
  error: import('./errors.ts').GatewayError
}

export type ProduceResult = ProduceSuccess | ProduceFailure

export interface ConsumedRecord {
  topic: string
  partition: number
  offset: number
  timestamp: number
  key: Buffer | null
  value: Buffer | null
  headers: RecordHeader[]
}

export type OffsetSpec =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  | { kind: 'offset', offset: number }
  | { kind: 'timestamp', timestamp: number }

export interface PartitionFetchRequest {
  topic: string
  partition: number
  offset: number
  /** Most records to return; the rest stays for the next call. */
  limit: number
  /** Upper bound of record bytes Kafka may return. */
  maxBytes: number
  /** How long to wait for the first record when none is there yet. */
  maxWaitMs: number
}

export interface PartitionFetchResult {
  records: ConsumedRecord[]
  /** Offset to ask for next time. */
  nextOffset: number
  highWatermark: number
  logStartOffset: number
}

export interface BrokerInfo {
  id: number
  host: string
  port: number
  rack: string | null
}

export interface ClusterInfo {
  clusterId: string
  controllerId: number
  brokers: BrokerInfo[]
}

export interface TopicSummary {
  name: string
  internal: boolean
  partitions: number
  replicationFactor: number
}

export interface PartitionInfo {
  partition: number
  leader: number
  replicas: number[]
  isr: number[]
  earliestOffset: number
  latestOffset: number
}

export interface TopicDescription {
  name: string
  id: string
  internal: boolean
  partitions: PartitionInfo[]
}

export interface TopicToCreate {
  name: string
  partitions: number
  replicationFactor: number
  configs: Record<string, string>
}

export interface ConfigEntry {
  name: string
  value: string | null
  readOnly: boolean
  sensitive: boolean
  isDefault: boolean
  source: string
}

export interface GroupSummary {
  groupId: string
  state: string
  protocolType: string
}

export interface GroupMemberInfo {
  memberId: string
  clientId: string
  host: string
  assignments: { topic: string, partitions: number[] }[]
}

export interface GroupPartitionLag {
  topic: string
  partition: number
  committedOffset: number | null
  endOffset: number
  lag: number | null
}

export interface GroupDescription {
  groupId: string
  state: string
  protocolType: string
  protocol: string
  members: GroupMemberInfo[]
  offsets: GroupPartitionLag[]
}
