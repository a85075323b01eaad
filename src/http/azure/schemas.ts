/**
 * Wire schemas of the Azure HDInsight Kafka REST proxy dialect (contracts.md
 * §3, seed 004, and Microsoft's HDInsight Kafka REST proxy reference).
 */
import Type from 'typebox'

export const AzureError = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }) })
export const azureErrors = { 400: AzureError, 401: AzureError, 403: AzureError, 404: AzureError, 409: AzureError, 413: AzureError, 415: AzureError, 429: AzureError, 500: AzureError, 503: AzureError, 504: AzureError }

const TopicNameText = Type.String({ minLength: 1, maxLength: 249, pattern: '^[a-zA-Z0-9._-]+$', description: 'Kafka topic name' })

export const TopicParams = Type.Object({ topic: TopicNameText })
export const PartitionParams = Type.Object({ topic: TopicNameText, partition: Type.Integer({ minimum: 0 }) })
export const ConsumeParams = Type.Object({ topic: TopicNameText, partition: Type.Integer({ minimum: 0 }), offset: Type.Integer({ minimum: 0, description: 'Offset to start from' }) })
export const ConsumeQuery = Type.Object({
  count: Type.Integer({ minimum: 1, default: 1, description: 'Records to return (default 1); the answer stops at about 6 MB' }),
})

export const TopicList = Type.Object({ topics: Type.Array(Type.String()) })
export const Broker = Type.Object({ hostName: Type.String(), port: Type.Integer(), id: Type.Integer(), rack: Type.Union([Type.String(), Type.Null()]) })
export const BrokerList = Type.Object({ brokers: Type.Array(Broker) })
export const Partition = Type.Object({
  partition_id: Type.Integer(),
  earliest_offset: Type.Integer(),
  latest_offset: Type.Integer(),
  leader: Type.Integer({ description: 'Broker id of the leader' }),
  replicas: Type.Array(Type.Integer(), { description: 'Broker ids' }),
  isr: Type.Array(Type.Integer(), { description: 'Broker ids of the in-sync replicas' }),
})
export const PartitionList = Type.Object({ topic: Type.String(), partitions: Type.Array(Partition) })

/** Microsoft's sample sends numbers (retention.ms) and strings (min.insync.replicas) alike. */
const TopicProperty = Type.Union([Type.String(), Type.Number(), Type.Boolean()])
export const CreateTopicBody = Type.Object({
  partition_count: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  replication_factor: Type.Integer({ minimum: -1, maximum: 32767, default: -1, description: '-1: the broker default' }),
  topic_properties: Type.Record(Type.String(), TopicProperty, { default: {}, description: 'Topic configs, e.g. {"retention.ms": 604800000}' }),
}, { additionalProperties: false })
export const CreatedTopic = Type.Object({
  topic: Type.String(),
  partition_count: Type.Integer(),
  replication_factor: Type.Integer(),
  topic_properties: Type.Record(Type.String(), Type.String()),
})

export const ProducerRecord = Type.Object({
  key: Type.Optional(Type.Unknown({ description: 'Any JSON; a string is stored as its text, anything else as JSON' })),
  value: Type.Unknown({ description: 'Any JSON; a string is stored as its text, anything else as JSON' }),
  partition: Type.Optional(Type.Integer({ minimum: 0 })),
}, { additionalProperties: false })
export const ProduceBody = Type.Object({ records: Type.Array(ProducerRecord, { minItems: 1 }) }, { additionalProperties: false })
export const ProduceResult = Type.Object({
  offsets: Type.Array(Type.Object({
    partition: Type.Optional(Type.Integer()),
    offset: Type.Optional(Type.Integer()),
    error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  })),
})

export const ConsumedRecord = Type.Object({
  topic: Type.String(),
  key: Type.Union([Type.String(), Type.Null()]),
  value: Type.Union([Type.String(), Type.Null()]),
  partition: Type.Integer(),
  offset: Type.Integer(),
  timestamp: Type.Integer(),
  timestampType: Type.String({ description: 'CreateTime or LogAppendTime (the topic\'s message.timestamp.type)' }),
})
export const ConsumeAnswer = Type.Object({ records: Type.Array(ConsumedRecord) })
