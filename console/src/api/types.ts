/**
 * Wire shapes of the gateway's native API (/gateway/v1, see its
 * openapi.json). The console never imports the server's code; these types
 * restate what the API promises.
 */

export interface NativeErrorBody {
  code: string
  message: string
  field?: string
  requestId: string
}

export interface Broker { id: number, host: string, port: number, rack: string | null }
export interface ClusterInfo { clusterId: string, controllerId: number, brokers: Broker[] }

export interface TopicSummary { name: string, internal: boolean, partitions: number, replicationFactor: number }
export interface PartitionInfo {
  partition: number
  leader: number
  replicas: number[]
  isr: number[]
  earliestOffset: number
  latestOffset: number
}
export interface TopicDescription { name: string, id: string, internal: boolean, partitions: PartitionInfo[] }
export interface ConfigEntry { name: string, value: string | null, readOnly: boolean, sensitive: boolean, isDefault: boolean, source: string }
export interface CreateTopicRequest { name: string, partitions: number, replicationFactor: number, configs: Record<string, string> }

/** A record as fetched with keyEncoding=valueEncoding=base64. */
export interface WireRecord {
  topic: string
  partition: number
  offset: number
  timestamp: number
  key: string | null
  value: string | null
  headers: Record<string, string>
}
export interface FetchResponse { topic: string, partition: number, records: WireRecord[], nextOffset: number, highWatermark: number }

export type Encoding = 'json' | 'string' | 'base64'
export interface RecordToProduce { key?: unknown, value: unknown, partition?: number, headers?: Record<string, string> }
export interface ProduceResultItem { partition?: number, offset?: number, timestamp?: number, error?: { code: string, message: string } }
export interface ProduceResponse { topic: string, results: ProduceResultItem[] }

export interface GroupSummary { groupId: string, state: string, protocolType: string }
export interface GroupDescription {
  groupId: string
  state: string
  protocolType: string
  protocol: string
  members: { memberId: string, clientId: string, host: string, assignments: { topic: string, partitions: number[] }[] }[]
  offsets: { topic: string, partition: number, committedOffset: number | null, endOffset: number, lag: number | null }[]
  totalLag: number
}

export type Operation = 'produce' | 'consume' | 'describe' | 'admin'
export type ResourceType = 'topic' | 'group' | 'access-point' | 'cluster'
export interface ResourcePattern { type: ResourceType, name?: string, prefix?: string }
export interface Permission {
  id: string
  principal?: string
  group?: string
  operations: Operation[]
  resource: ResourcePattern
}
export interface GrantRequest { principal?: string, group?: string, operations: Operation[], resource: ResourcePattern }

export interface Identity {
  principal: string
  kind: string
  groups: string[]
  admin: boolean
  permissions: Permission[]
}

export interface Credential { id: string, principal: string, description: string, createdAt: string, revoked: boolean }
export interface CreatedCredential { id: string, secret: string, token: string, principal: string, description: string, createdAt: string }

export interface AccessPointLimits { recordsPerSecond?: number, bytesPerSecond?: number, maxMessageBytes?: number }
export interface AccessPoint {
  id: string
  name: string
  topic: string
  description: string
  schema: unknown
  limits: AccessPointLimits
  allowedPrincipals: string[]
  status: 'running' | 'paused'
  createdAt: string
  updatedAt: string
  ingestPath: string
}
export interface CreateAccessPointRequest {
  name: string
  topic: string
  description?: string
  limits?: AccessPointLimits
  allowedPrincipals?: string[]
}
