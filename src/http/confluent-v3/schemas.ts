/**
 * Wire schemas of the Confluent v3 dialect, from the public API reference
 * (contracts.md §4). Responses are serialized through them, so they list
 * every field the reference shows.
 */
import Type from 'typebox'

export const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const V3Error = Type.Object({ error_code: Type.Integer(), message: Type.String() })
export const v3Errors = { 400: V3Error, 401: V3Error, 403: V3Error, 404: V3Error, 409: V3Error, 413: V3Error, 415: V3Error, 422: V3Error, 429: V3Error, 500: V3Error, 503: V3Error, 504: V3Error }

const Related = Type.Object({ related: Type.String() })
const ResourceMetadata = Type.Object({ self: Type.String(), resource_name: Type.Optional(Type.String()) })

/** `{kind, metadata, ...fields}` */
export function Resource<T extends Type.TProperties> (fields: T) {
  return Type.Object({ kind: Type.String(), metadata: ResourceMetadata, ...fields })
}

/** `{kind, metadata: {self, next}, data: [...]}` */
export function Collection<T extends Type.TSchema> (item: T) {
  return Type.Object({ kind: Type.String(), metadata: Type.Object({ self: Type.String(), next: Nullable(Type.String()) }), data: Type.Array(item) })
}

export const ClusterParams = Type.Object({ cluster_id: Type.String({ minLength: 1 }) })
export const TopicParams = Type.Object({ cluster_id: Type.String({ minLength: 1 }), topic_name: Type.String({ minLength: 1, maxLength: 249 }) })
export const PartitionParams = Type.Object({ ...TopicParams.properties, partition_id: Type.Integer({ minimum: 0 }) })
export const TopicConfigParams = Type.Object({ ...TopicParams.properties, name: Type.String({ minLength: 1 }) })
export const BrokerParams = Type.Object({ cluster_id: Type.String({ minLength: 1 }), broker_id: Type.Integer({ minimum: 0 }) })
export const BrokerConfigParams = Type.Object({ ...BrokerParams.properties, name: Type.String({ minLength: 1 }) })
export const GroupParams = Type.Object({ cluster_id: Type.String({ minLength: 1 }), consumer_group_id: Type.String({ minLength: 1 }) })
export const ConsumerParams = Type.Object({ ...GroupParams.properties, consumer_id: Type.String({ minLength: 1 }) })
export const LagParams = Type.Object({ ...GroupParams.properties, topic_name: Type.String({ minLength: 1 }), partition_id: Type.Integer({ minimum: 0 }) })

export const ClusterData = Resource({
  cluster_id: Type.String(),
  controller: Type.Optional(Related),
  acls: Related,
  brokers: Related,
  broker_configs: Related,
  consumer_groups: Related,
  topics: Related,
  partition_reassignments: Related,
})

export const BrokerData = Resource({
  cluster_id: Type.String(),
  broker_id: Type.Integer(),
  host: Nullable(Type.String()),
  port: Nullable(Type.Integer()),
  rack: Nullable(Type.String()),
  configs: Related,
  partition_replicas: Related,
})

const Synonym = Type.Object({ name: Type.String(), value: Nullable(Type.String()), source: Type.String() })
const ConfigFields = {
  cluster_id: Type.String(),
  name: Type.String(),
  value: Nullable(Type.String()),
  is_default: Type.Boolean(),
  is_read_only: Type.Boolean(),
  is_sensitive: Type.Boolean(),
  source: Type.String(),
  synonyms: Type.Array(Synonym),
}
export const BrokerConfigData = Resource({ ...ConfigFields, broker_id: Type.Integer() })
export const TopicConfigData = Resource({ ...ConfigFields, topic_name: Type.String() })

export const TopicData = Resource({
  cluster_id: Type.String(),
  topic_name: Type.String(),
  is_internal: Type.Boolean(),
  replication_factor: Type.Integer(),
  partitions_count: Type.Integer(),
  partitions: Related,
  configs: Related,
  partition_reassignments: Related,
  authorized_operations: Type.Optional(Type.Array(Type.String())),
})

export const PartitionData = Resource({
  cluster_id: Type.String(),
  topic_name: Type.String(),
  partition_id: Type.Integer(),
  leader: Type.Optional(Related),
  replicas: Related,
  reassignment: Related,
})

export const ReplicaData = Resource({
  cluster_id: Type.String(),
  topic_name: Type.String(),
  partition_id: Type.Integer(),
  broker_id: Type.Integer(),
  is_leader: Type.Boolean(),
  is_in_sync: Type.Boolean(),
  broker: Related,
})

const NameValue = Type.Object({ name: Type.String({ minLength: 1 }), value: Type.Optional(Nullable(Type.String())) }, { additionalProperties: false })

export const CreateTopicBody = Type.Object({
  topic_name: Type.String({ minLength: 1, maxLength: 249 }),
  partitions_count: Type.Optional(Type.Integer({ minimum: 1 })),
  replication_factor: Type.Optional(Type.Integer({ minimum: 1 })),
  configs: Type.Optional(Type.Array(NameValue)),
  validate_only: Type.Optional(Type.Boolean()),
  replicas_assignments: Type.Optional(Type.Array(Type.Object({ partition_id: Type.Integer(), broker_ids: Type.Array(Type.Integer()) }))),
}, { additionalProperties: false })

export const UpdatePartitionCountBody = Type.Object({ partitions_count: Type.Integer({ minimum: 1 }) }, { additionalProperties: false })
export const UpdateConfigBody = Type.Object({ value: Nullable(Type.String()) }, { additionalProperties: false })
export const AlterConfigsBody = Type.Object({
  data: Type.Array(Type.Object({
    name: Type.String({ minLength: 1 }),
    value: Type.Optional(Nullable(Type.String())),
    operation: Type.Optional(Nullable(Type.Union([Type.Literal('SET'), Type.Literal('DELETE'), Type.Literal('set'), Type.Literal('delete')]))),
  }, { additionalProperties: false })),
  validate_only: Type.Optional(Type.Boolean()),
}, { additionalProperties: false })

export const ConsumerGroupData = Resource({
  cluster_id: Type.String(),
  consumer_group_id: Type.String(),
  is_simple: Type.Boolean(),
  partition_assignor: Type.String(),
  state: Type.String(),
  coordinator: Type.Optional(Related),
  consumers: Related,
  lag_summary: Related,
})

export const ConsumerData = Resource({
  cluster_id: Type.String(),
  consumer_group_id: Type.String(),
  consumer_id: Type.String(),
  instance_id: Nullable(Type.String()),
  client_id: Type.String(),
  assignments: Related,
})

export const ConsumerAssignmentData = Resource({
  cluster_id: Type.String(),
  consumer_group_id: Type.String(),
  consumer_id: Type.String(),
  topic_name: Type.String(),
  partition_id: Type.Integer(),
  partition: Related,
  lag: Related,
})

export const ConsumerLagData = Resource({
  cluster_id: Type.String(),
  consumer_group_id: Type.String(),
  topic_name: Type.String(),
  partition_id: Type.Integer(),
  current_offset: Type.Integer(),
  log_end_offset: Type.Integer(),
  lag: Type.Integer(),
  consumer_id: Type.String(),
  instance_id: Nullable(Type.String()),
  client_id: Type.String(),
})

export const LagSummaryData = Resource({
  cluster_id: Type.String(),
  consumer_group_id: Type.String(),
  max_lag_consumer_id: Type.String(),
  max_lag_instance_id: Nullable(Type.String()),
  max_lag_client_id: Type.String(),
  max_lag_topic_name: Type.String(),
  max_lag_partition_id: Type.Integer(),
  max_lag: Type.Integer(),
  total_lag: Type.Integer(),
  max_lag_consumer: Type.Optional(Related),
  max_lag_partition: Type.Optional(Related),
})

const ResourceType = Type.Union(['UNKNOWN', 'ANY', 'TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN'].map(v => Type.Literal(v)))
const PatternType = Type.Union(['UNKNOWN', 'ANY', 'MATCH', 'LITERAL', 'PREFIXED'].map(v => Type.Literal(v)))
const Operation = Type.Union(['UNKNOWN', 'ANY', 'ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE'].map(v => Type.Literal(v)))
const Permission = Type.Union(['UNKNOWN', 'ANY', 'DENY', 'ALLOW'].map(v => Type.Literal(v)))

export const AclQuery = Type.Object({
  resource_type: Type.Optional(ResourceType),
  resource_name: Type.Optional(Type.String()),
  pattern_type: Type.Optional(PatternType),
  principal: Type.Optional(Type.String()),
  host: Type.Optional(Type.String()),
  operation: Type.Optional(Operation),
  permission: Type.Optional(Permission),
}, { additionalProperties: false })

export const CreateAclBody = Type.Object({
  resource_type: ResourceType,
  resource_name: Type.String({ minLength: 1 }),
  pattern_type: PatternType,
  principal: Type.String({ minLength: 1, description: 'e.g. User:alice' }),
  host: Type.String({ minLength: 1, description: '* for any host' }),
  operation: Operation,
  permission: Permission,
}, { additionalProperties: false })

export const AclData = Type.Object({
  kind: Type.String(),
  metadata: Type.Object({ self: Type.String() }),
  cluster_id: Type.String(),
  resource_type: Type.String(),
  resource_name: Type.String(),
  pattern_type: Type.String(),
  principal: Type.String(),
  host: Type.String(),
  operation: Type.String(),
  permission: Type.String(),
})

const ProduceData = Type.Object({
  type: Type.Optional(Type.String({ description: 'BINARY (base64 data), JSON or STRING' })),
  data: Type.Optional(Type.Unknown()),
  subject: Type.Optional(Nullable(Type.String())),
  subject_name_strategy: Type.Optional(Nullable(Type.String())),
  schema_id: Type.Optional(Nullable(Type.Integer())),
  schema_version: Type.Optional(Nullable(Type.Integer())),
  schema: Type.Optional(Nullable(Type.String())),
}, { additionalProperties: false })

export const ProduceRecordBody = Type.Object({
  partition_id: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  headers: Type.Optional(Type.Array(Type.Object({ name: Type.String({ minLength: 1 }), value: Type.Optional(Nullable(Type.String({ description: 'base64' }))) }, { additionalProperties: false }))),
  key: Type.Optional(Nullable(ProduceData)),
  value: Type.Optional(Nullable(ProduceData)),
  timestamp: Type.Optional(Nullable(Type.String({ description: 'ISO 8601 date-time' }))),
}, { additionalProperties: false })

export const BatchBody = Type.Object({
  entries: Type.Array(Type.Object({ id: Type.Union([Type.String({ minLength: 1 }), Type.Integer()]), ...ProduceRecordBody.properties }, { additionalProperties: false }), { minItems: 1 }),
}, { additionalProperties: false })

const SizeType = Nullable(Type.Object({ type: Type.String(), size: Type.Integer() }))
const ReportFields = {
  cluster_id: Type.String(),
  topic_name: Type.String(),
  partition_id: Type.Integer(),
  offset: Type.Integer(),
  timestamp: Nullable(Type.String()),
  key: SizeType,
  value: SizeType,
}
export const ProduceReport = Type.Object({ error_code: Type.Integer(), ...ReportFields })
export const BatchResponse = Type.Object({
  successes: Type.Array(Type.Object({ id: Type.String(), ...ReportFields })),
  failures: Type.Array(Type.Object({ id: Type.String(), error_code: Type.Integer(), message: Type.String() })),
})
