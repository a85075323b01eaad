/**
 * What the core needs from Kafka. `src/kafka/` implements these with the
 * Kafka client; unit tests of the layers above implement them in memory.
 */
import type { ConsumerInstancePorts } from './consumers/ports.ts'
import type {
  AclBinding, AclFilter, ClusterInfo, ConfigEntry, GroupDescription, GroupSummary, OffsetSpec, PartitionFetchRequest,
  PartitionFetchResult, ProduceRecord, ProduceResult, TopicDescription, TopicSummary, TopicToCreate,
} from './model.ts'

/** A record whose partition the core has already decided. */
export interface RoutedRecord extends ProduceRecord {
  partition: number
  timestamp: number
}

export interface ProducerPort {
  /** Resolves one result per record, in order; never rejects for per-record Kafka errors. */
  send (topic: string, records: RoutedRecord[]): Promise<ProduceResult[]>
  /** Resolves once every record handed to `send` is acknowledged or failed. */
  flush (): Promise<void>
}

export interface FetcherPort {
  /** Fetches several partitions at once (one Kafka fetch per leader); results align with requests. */
  fetch (requests: PartitionFetchRequest[]): Promise<PartitionFetchResult[]>
  /** Turns earliest/latest/timestamp into a concrete offset of one partition. */
  resolveOffset (topic: string, partition: number, spec: OffsetSpec): Promise<number>
}

export interface AdminPort {
  cluster (): Promise<ClusterInfo>
  listTopics (includeInternal: boolean): Promise<TopicSummary[]>
  /** Partition count from (briefly cached) metadata; throws topic_not_found. */
  partitionCount (topic: string): Promise<number>
  describeTopic (topic: string): Promise<TopicDescription>
  createTopic (topic: TopicToCreate, validateOnly: boolean): Promise<void>
  deleteTopic (topic: string): Promise<void>
  createPartitions (topic: string, totalCount: number, validateOnly: boolean): Promise<void>
  describeTopicConfigs (topic: string): Promise<ConfigEntry[]>
  alterTopicConfigs (topic: string, changes: ConfigChange[], validateOnly: boolean): Promise<void>
  describeBrokerConfigs (brokerId: number): Promise<ConfigEntry[]>
  listGroups (): Promise<GroupSummary[]>
  describeGroup (groupId: string): Promise<GroupDescription>
}

export interface ConfigChange {
  name: string
  /** `null` resets the config to its default. */
  value: string | null
}

/** ACL administration; needs a broker with an authorizer (Confluent v3 `/acls`). */
export interface AclPort {
  describe (filter: AclFilter): Promise<AclBinding[]>
  create (bindings: AclBinding[]): Promise<void>
  /** Deletes every binding the filter matches and returns them. */
  delete (filter: AclFilter): Promise<AclBinding[]>
}

export interface KafkaPort {
  producer: ProducerPort
  fetcher: FetcherPort
  admin: AdminPort
  /** Confluent v2 consumer instances; absent where the port cannot keep their state (then the v2 consumer API answers 503). */
  consumerInstances?: ConsumerInstancePorts
  acls?: AclPort
  /** Resolves when the cluster answers a metadata request; rejects with kafka_unavailable. */
  ping (): Promise<void>
  close (): Promise<void>
}

/** Counters the Kafka layer reports; implemented by ops/metrics with prom-client. */
export interface KafkaMetricsPort {
  produced (records: number, bytes: number): void
  fetched (records: number, bytes: number): void
  kafkaError (operation: string, code: string): void
}
