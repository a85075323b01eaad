/**
 * Wire schemas of the native API. They drive validation, serialization and
 * the OpenAPI document.
 */
import Type from 'typebox'
import { ENCODINGS } from '../../formats/encodings.ts'

export const TopicName = Type.String({ minLength: 1, maxLength: 249, pattern: '^[a-zA-Z0-9._-]+$', description: 'Kafka topic name' })
export const EncodingParam = Type.Union(ENCODINGS.map(e => Type.Literal(e)), { default: 'json', description: 'json: any JSON value; string: UTF-8 text; base64: binary' })

export const ErrorBody = Type.Object({
  code: Type.String({ description: 'Stable error code, see docs/errors.md' }),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  requestId: Type.String(),
}, { $id: 'NativeError' })

export const ErrorRef = Type.Ref('NativeError')

export const errorResponses = {
  400: ErrorRef, 401: ErrorRef, 403: ErrorRef, 404: ErrorRef, 409: ErrorRef, 413: ErrorRef, 415: ErrorRef,
  416: ErrorRef, 422: ErrorRef, 429: ErrorRef, 500: ErrorRef, 503: ErrorRef, 504: ErrorRef,
}

export const Headers = Type.Record(Type.String(), Type.String(), { description: 'Record headers, name → UTF-8 value' })

export const RecordToProduce = Type.Object({
  key: Type.Optional(Type.Unknown({ description: 'Key in the request key encoding; absent or null for no key' })),
  value: Type.Unknown({ description: 'Value in the request value encoding; null for a tombstone' }),
  partition: Type.Optional(Type.Integer({ minimum: 0 })),
  headers: Type.Optional(Headers),
  timestamp: Type.Optional(Type.Integer({ minimum: 0, description: 'Milliseconds since epoch; the gateway receive time when absent' })),
}, { additionalProperties: false })

export const ProduceBody = Type.Object({
  records: Type.Array(RecordToProduce, { minItems: 1 }),
}, { additionalProperties: false, description: 'A batch of records; a single record object (without the `records` wrapper) is accepted too.' })

export const ProduceQuery = Type.Object({
  keyEncoding: Type.Optional(EncodingParam),
  valueEncoding: Type.Optional(EncodingParam),
})

export const ProduceResultItem = Type.Object({
  partition: Type.Optional(Type.Integer()),
  offset: Type.Optional(Type.Integer()),
  timestamp: Type.Optional(Type.Integer()),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
})

export const ProduceResponse = Type.Object({
  topic: Type.String(),
  results: Type.Array(ProduceResultItem),
})

export const ConsumedRecordBody = Type.Object({
  topic: Type.String(),
  partition: Type.Integer(),
  offset: Type.Integer(),
  timestamp: Type.Integer(),
  key: Type.Unknown(),
  value: Type.Unknown(),
  headers: Headers,
})

export const FetchQuery = Type.Object({
  offset: Type.Optional(Type.String({ pattern: '^(\\d+|earliest|latest)$', description: 'Start offset, or earliest/latest (default earliest)' })),
  timestamp: Type.Optional(Type.Integer({ minimum: 0, description: 'Start at the first record at or after this time (ms)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1 })),
  maxBytes: Type.Optional(Type.Integer({ minimum: 1 })),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 0, description: 'Long-poll: wait up to this long for a first record' })),
  keyEncoding: Type.Optional(EncodingParam),
  valueEncoding: Type.Optional(EncodingParam),
}, { additionalProperties: false })

export const FetchResponse = Type.Object({
  topic: Type.String(),
  partition: Type.Integer(),
  records: Type.Array(ConsumedRecordBody),
  nextOffset: Type.Integer(),
  highWatermark: Type.Integer(),
})

export const StreamQuery = Type.Object({
  from: Type.Optional(Type.Union([Type.Literal('earliest'), Type.Literal('latest')], { description: 'Where to start (default latest)' })),
  timestamp: Type.Optional(Type.Integer({ minimum: 0 })),
  offsets: Type.Optional(Type.String({ description: 'Per-partition start, e.g. 0:15,1:7; same format as event ids' })),
  partitions: Type.Optional(Type.String({ pattern: '^\\d+(,\\d+)*$', description: 'Only these partitions, e.g. 0,2' })),
  keyEncoding: Type.Optional(EncodingParam),
  valueEncoding: Type.Optional(EncodingParam),
}, { additionalProperties: false })

export const TopicParams = Type.Object({ topic: TopicName })
export const PartitionParams = Type.Object({ topic: TopicName, partition: Type.Integer({ minimum: 0 }) })
