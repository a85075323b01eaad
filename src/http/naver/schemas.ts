/**
 * Wire schemas of the NAVER Data Stream dialect (contracts.md §2, seed 003).
 * They drive validation, serialization and the OpenAPI document.
 */
import Type from 'typebox'

export const TopicName = Type.String({ minLength: 1, maxLength: 249, pattern: '^[a-zA-Z0-9._-]+$', description: 'Kafka topic name' })

/** Every answer, errors included: `status` repeats the HTTP status, `detail` is seed 003's message. */
export const NaverStatus = Type.Object({
  status: Type.Integer({ description: 'The HTTP status, as a number (contracts.md §2)' }),
  detail: Type.String({ description: 'Seed 003 message: OK, Bad Request, Bad Request, Invalid headers, …' }),
  message: Type.Optional(Type.String({ description: 'What went wrong and what to change (errors only; a gateway addition)' })),
})

export const naverErrors = { 400: NaverStatus, 401: NaverStatus, 403: NaverStatus, 404: NaverStatus, 409: NaverStatus, 413: NaverStatus, 429: NaverStatus, 500: NaverStatus, 503: NaverStatus, 504: NaverStatus }

/** Seed 003 request body: key and value are required strings. */
export const ProduceBody = Type.Object({
  topic: TopicName,
  key: Type.String({ description: 'Message key (required by NAVER); picks the partition like the Java client when no partition is given' }),
  value: Type.String({ description: 'Message value' }),
  partition: Type.Optional(Type.Integer({ minimum: 0, description: 'Partition index, from 0' })),
}, { additionalProperties: false })

export const NaverTopic = Type.Object({
  topicId: Type.String({ description: 'The Kafka topic id, as kafka-topics.sh prints it (base64url of the UUID)' }),
  topicName: Type.String(),
  description: Type.String({ description: 'Always empty: Kafka keeps no topic descriptions (docs/naver.md)' }),
  partitions: Type.Integer(),
  retentionMs: Type.Union([Type.Integer(), Type.Null()], { description: 'retention.ms of the topic; -1 keeps records forever' }),
  status: Type.String({ description: 'CREATED: the topic exists in Kafka' }),
  createdDate: Type.Null({ description: 'Kafka does not record when a topic was created' }),
  updatedDate: Type.Null({ description: 'Kafka does not record when a topic was changed' }),
})

export const TopicList = Type.Object({ list: Type.Array(NaverTopic) })

export const CreateTopicBody = Type.Object({
  name: TopicName,
  description: Type.Optional(Type.String({ maxLength: 200, description: 'Accepted for compatibility, not stored (docs/naver.md)' })),
  partitions: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  retentionMs: Type.Optional(Type.Integer({ minimum: -1, description: 'retention.ms; the broker default when absent' })),
}, { additionalProperties: false })

export const UpdateTopicBody = Type.Object({
  description: Type.Optional(Type.String({ maxLength: 200, description: 'Accepted for compatibility, not stored (docs/naver.md)' })),
  partitions: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'New total; Kafka can only add partitions' })),
  partition: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, description: 'Spelling used by NAVER\'s own request example; same as partitions' })),
  retentionMs: Type.Optional(Type.Integer({ minimum: -1 })),
}, { additionalProperties: false })

export const ListTopicsQuery = Type.Object({
  sortBy: Type.Optional(Type.Union([Type.Literal('createdDate'), Type.Literal('topicName')], { description: 'createdDate sorts by name too: Kafka keeps no creation dates' })),
  descending: Type.Optional(Type.Boolean({ description: 'Default true, as NAVER' })),
  searchText: Type.Optional(Type.String({ description: 'Part of the topic name (case-insensitive)' })),
})

export const TopicIdParams = Type.Object({ topicId: Type.String({ minLength: 1, maxLength: 64 }) })
