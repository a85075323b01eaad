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
  /** The records column by column over the bytes Kafka sent (record-table.ts); answer writers that copy bytes read this. */
  readonly table: import('./record-table.ts').RecordTable
  /** The same records as objects, built when first asked for. */
  readonly records: ConsumedRecord[]
  readonly recordCount: number
  /**
   * Says the caller is done with `table` (and never asked for `records`), so
   * the bytes under it can be reused; optional, for bulk paths that copy the
   * bytes out right away.
   */
  release (): void
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
  /** group.instance.id of a static member. */
  instanceId?: string | null
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
  /** Broker coordinating the group, when known. */
  coordinatorId?: number
  state: string
  protocolType: string
  protocol: string
  members: GroupMemberInfo[]
  offsets: GroupPartitionLag[]
}

/** Kafka ACLs (Confluent v3 `/acls`, contracts.md §4); names as in Kafka's AclBinding. */
export type AclResourceType = 'TOPIC' | 'GROUP' | 'CLUSTER' | 'TRANSACTIONAL_ID' | 'DELEGATION_TOKEN'
export type AclPatternType = 'LITERAL' | 'PREFIXED'
export type AclOperation =
  | 'ALL' | 'READ' | 'WRITE' | 'CREATE' | 'DELETE' | 'ALTER' | 'DESCRIBE'
  | 'CLUSTER_ACTION' | 'DESCRIBE_CONFIGS' | 'ALTER_CONFIGS' | 'IDEMPOTENT_WRITE'
export type AclPermission = 'DENY' | 'ALLOW'

export interface AclBinding {
  resourceType: AclResourceType
  resourceName: string
  patternType: AclPatternType
  principal: string
  host: string
  operation: AclOperation
  permission: AclPermission
}

/** Matches bindings; `ANY` (and null names) match everything, `MATCH` also finds prefixed and wildcard patterns. */
export interface AclFilter {
  resourceType: AclResourceType | 'ANY'
  resourceName: string | null
  patternType: AclPatternType | 'ANY' | 'MATCH'
  principal: string | null
  host: string | null
  operation: AclOperation | 'ANY'
  permission: AclPermission | 'ANY'
}
