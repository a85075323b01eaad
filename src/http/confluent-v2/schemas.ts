/**
 * Wire schemas of the Confluent v2 dialect (contracts.md §4), from the
 * public API reference; Strimzi bridge extensions (record headers and
 * timestamps, `enable.auto.commit`) are accepted too.
 */
import Type from 'typebox'

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()])

export const V2Error = Type.Object({ error_code: Type.Integer(), message: Type.String() })
export const v2Errors = { 400: V2Error, 401: V2Error, 403: V2Error, 404: V2Error, 406: V2Error, 409: V2Error, 413: V2Error, 415: V2Error, 422: V2Error, 429: V2Error, 500: V2Error, 503: V2Error }

export const TopicName = Type.String({ minLength: 1, maxLength: 249, description: 'Kafka topic name' })
export const TopicParams = Type.Object({ topic: TopicName })
export const PartitionParams = Type.Object({ topic: TopicName, partition: Type.Integer({ minimum: 0 }) })
export const GroupParams = Type.Object({ group: Type.String({ minLength: 1, maxLength: 255 }) })
export const InstanceParams = Type.Object({ group: Type.String({ minLength: 1, maxLength: 255 }), instance: Type.String({ minLength: 1, maxLength: 200 }) })

/** Strimzi's header shape; `name` is accepted as a synonym of `key`. */
export const RecordHeader = Type.Object({
  key: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  value: Nullable(Type.String({ description: 'base64' })),
}, { additionalProperties: false })

export const V2Record = Type.Object({
  key: Type.Optional(Type.Unknown({ description: 'In the embedded format of the Content-Type: base64 (binary), any JSON (json), text (string)' })),
  value: Type.Optional(Type.Unknown()),
  partition: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  headers: Type.Optional(Type.Array(RecordHeader)),
  timestamp: Type.Optional(Nullable(Type.Integer({ minimum: 0, description: 'ms since epoch (Strimzi)' }))),
}, { additionalProperties: false })

export const V2ProduceBody = Type.Object({
  records: Type.Array(V2Record, { minItems: 1 }),
  key_schema: Type.Optional(Nullable(Type.String())),
  key_schema_id: Type.Optional(Nullable(Type.Integer())),
  value_schema: Type.Optional(Nullable(Type.String())),
  value_schema_id: Type.Optional(Nullable(Type.Integer())),
}, { additionalProperties: false })

export const V2ProduceResponse = Type.Object({
  key_schema_id: Nullable(Type.Integer()),
  value_schema_id: Nullable(Type.Integer()),
  offsets: Type.Array(Type.Object({
    partition: Nullable(Type.Integer()),
    offset: Nullable(Type.Integer()),
    error_code: Nullable(Type.Integer({ description: '1: non-retriable Kafka error, 2: retriable; null on success' })),
    error: Nullable(Type.String()),
  })),
})

export const Replica = Type.Object({ broker: Type.Integer(), leader: Type.Boolean(), in_sync: Type.Boolean() })
export const V2Partition = Type.Object({ partition: Type.Integer(), leader: Type.Integer(), replicas: Type.Array(Replica) })
export const V2Topic = Type.Object({ name: Type.String(), configs: Type.Record(Type.String(), Type.String()), partitions: Type.Array(V2Partition) })
export const V2PartitionOffsets = Type.Object({ beginning_offset: Type.Integer(), end_offset: Type.Integer() })

const StringOrBoolean = Type.Union([Type.Boolean(), Type.String()])
const StringOrInteger = Type.Union([Type.Integer({ minimum: 0 }), Type.String()])

export const CreateConsumerBody = Type.Object({
  'name': Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  'format': Type.Optional(Type.String({ description: 'binary (default), json, string (Strimzi: text); avro, jsonschema and protobuf need a schema registry' })),
  'auto.offset.reset': Type.Optional(Type.String({ description: 'earliest, latest (default) or none; smallest/largest accepted as old names' })),
  'auto.commit.enable': Type.Optional(StringOrBoolean),
  'enable.auto.commit': Type.Optional(StringOrBoolean),
  'fetch.min.bytes': Type.Optional(StringOrInteger),
  'consumer.request.timeout.ms': Type.Optional(StringOrInteger),
  'isolation.level': Type.Optional(Type.String()),
}, { additionalProperties: false })

export const CreatedConsumer = Type.Object({ instance_id: Type.String(), base_uri: Type.String() })

export const TopicPartitionBody = Type.Object({ topic: TopicName, partition: Type.Integer({ minimum: 0 }) }, { additionalProperties: false })
export const PartitionsBody = Type.Object({ partitions: Type.Array(TopicPartitionBody) }, { additionalProperties: false })
export const OffsetItem = Type.Object({ topic: TopicName, partition: Type.Integer({ minimum: 0 }), offset: Type.Integer({ minimum: 0 }), metadata: Type.Optional(Nullable(Type.String())) }, { additionalProperties: false })

export const SubscriptionBody = Type.Object({
  topics: Type.Optional(Type.Array(TopicName)),
  topic_pattern: Type.Optional(Type.String({ minLength: 1 })),
}, { additionalProperties: false })

export const SeekBody = Type.Object({
  offsets: Type.Optional(Type.Array(OffsetItem)),
  timestamps: Type.Optional(Type.Array(Type.Object({
    topic: TopicName,
    partition: Type.Integer({ minimum: 0 }),
    timestamp: Type.Union([Type.String({ description: 'ISO 8601' }), Type.Integer({ minimum: 0, description: 'ms since epoch' })]),
    metadata: Type.Optional(Nullable(Type.String())),
  }, { additionalProperties: false }))),
}, { additionalProperties: false })

export const CommitBody = Type.Object({ offsets: Type.Optional(Type.Array(OffsetItem)) }, { additionalProperties: false })

export const CommittedResponse = Type.Object({
  offsets: Type.Array(Type.Object({ topic: Type.String(), partition: Type.Integer(), offset: Type.Integer(), metadata: Type.String() })),
})

export const RecordsQuery = Type.Object({
  timeout: Type.Optional(Type.Integer({ minimum: 0, description: 'Long-poll: wait up to this many ms for records' })),
  max_bytes: Type.Optional(Type.Integer({ minimum: 1, description: 'Most bytes of keys and values in the answer' })),
})

export const ConsumedRecord = Type.Object({
  topic: Type.String(),
  key: Type.Unknown(),
  value: Type.Unknown(),
  partition: Type.Integer(),
  offset: Type.Integer(),
  timestamp: Type.Integer({ description: 'Extension: ms since epoch' }),
  headers: Type.Array(Type.Object({ key: Type.String(), value: Nullable(Type.String({ description: 'base64' })) }), { description: 'Extension (Strimzi shape)' }),
})
