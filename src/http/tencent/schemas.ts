/**
 * Parameters of each action, named and typed as in the Tencent CKafka API
 * 2019-08-19 (contracts.md §1, the SDK's ckafka_models). Parameters Tencent
 * knows but this gateway cannot honour (data transforms, schema bindings,
 * other sources and targets) are left out, so a request that uses them is
 * refused with UnknownParameter instead of being half done.
 */
import Type from 'typebox'

const Name = Type.String({ minLength: 1 })

// SendMessage (seeds 000/001): at most 500 messages per request.
export const MAX_MESSAGES = 500
export const SendMessageParams = Type.Object({
  DataHubId: Name,
  Message: Type.Array(Type.Object({
    Body: Type.String(),
    Key: Type.Optional(Type.String()),
  }, { additionalProperties: false }), { minItems: 1, maxItems: MAX_MESSAGES }),
}, { additionalProperties: false })

// DataHub tasks: an HTTP source task is an access point of this gateway.
const TopicParam = Type.Object({
  Resource: Name,
  TopicId: Type.Optional(Type.String()),
  // The gateway compresses by GATEWAY_PRODUCER_COMPRESSION; accepted and ignored.
  CompressionType: Type.Optional(Type.String()),
  UseAutoCreateTopic: Type.Optional(Type.Boolean()),
}, { additionalProperties: false })

const KafkaParam = Type.Object({
  SelfBuilt: Type.Boolean(),
  /** The instance: the cluster id or one of GATEWAY_TENCENT_INSTANCE_IDS. */
  Resource: Name,
  Topic: Type.Optional(Type.String()),
  ResourceName: Type.Optional(Type.String()),
  TopicId: Type.Optional(Type.String()),
  ZoneId: Type.Optional(Type.Integer()),
  PartitionNum: Type.Optional(Type.Integer()),
  CompressionType: Type.Optional(Type.String()),
  UseAutoCreateTopic: Type.Optional(Type.Boolean()),
}, { additionalProperties: false })

export const CreateDatahubTaskParams = Type.Object({
  // Tencent's rule for task names: a letter first, then letters, digits, - . _; at most 64.
  TaskName: Type.String({ pattern: '^[A-Za-z][A-Za-z0-9._-]{0,63}$' }),
  TaskType: Type.String(),
  SourceResource: Type.Object({ Type: Type.String() }, { additionalProperties: false }),
  TargetResource: Type.Object({
    Type: Type.String(),
    TopicParam: Type.Optional(TopicParam),
    KafkaParam: Type.Optional(KafkaParam),
  }, { additionalProperties: false }),
  Description: Type.Optional(Type.String()),
  // Accepted for compatibility; access points carry no tags.
  Tags: Type.Optional(Type.Array(Type.Object({ TagKey: Type.String(), TagValue: Type.String() }, { additionalProperties: false }))),
  TaskId: Type.Optional(Type.String()),
}, { additionalProperties: false })

export const TaskIdParams = Type.Object({ TaskId: Name }, { additionalProperties: false })

export const DEFAULT_TASK_PAGE = 20
export const MAX_TASK_PAGE = 100
export const DescribeDatahubTasksParams = Type.Object({
  // Tencent: "default 20, at most 100 (more is limited to 100)".
  Limit: Type.Optional(Type.Integer({ minimum: 1 })),
  Offset: Type.Optional(Type.Integer({ minimum: 0 })),
  SearchWord: Type.Optional(Type.String()),
  TargetType: Type.Optional(Type.String()),
  TaskType: Type.Optional(Type.String()),
  SourceType: Type.Optional(Type.String()),
  Resource: Type.Optional(Type.String()),
}, { additionalProperties: false })

// Message query (seed 001 "查询消息"): at most 20 records per partition.
export const MAX_QUERY_RECORDS = 20
const RecordNumber = Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_QUERY_RECORDS }))
const Offset = Type.Integer({ minimum: 0 })
const Partition = Type.Integer({ minimum: 0 })

export const FetchMessageByOffsetParams = Type.Object({
  InstanceId: Name,
  Topic: Name,
  Partition,
  Offset,
}, { additionalProperties: false })

export const FetchMessageListByOffsetParams = Type.Object({
  InstanceId: Name,
  Topic: Name,
  Partition,
  Offset,
  SinglePartitionRecordNumber: RecordNumber,
}, { additionalProperties: false })

export const FetchMessageListByTimestampParams = Type.Object({
  InstanceId: Name,
  Topic: Name,
  Partition: Type.Optional(Partition),
  /** Milliseconds since the epoch (a 13-digit timestamp). */
  StartTime: Type.Optional(Type.Integer({ minimum: 0 })),
  SinglePartitionRecordNumber: RecordNumber,
}, { additionalProperties: false })
