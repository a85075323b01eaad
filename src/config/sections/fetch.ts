import Type from 'typebox'

export const FetchSettings = Type.Object({
  lanes: Type.Integer({ minimum: 1, maximum: 256, default: 16, env: 'GATEWAY_FETCH_LANES', description: 'Kafka fetch connections used in parallel by fetch, stream and consumer requests.' }),
  maxQueue: Type.Integer({ minimum: 0, default: 1000, env: 'GATEWAY_FETCH_MAX_QUEUE', description: 'Fetches waiting for a lane before new ones get 503 overloaded.' }),
  defaultLimit: Type.Integer({ minimum: 1, default: 100, env: 'GATEWAY_FETCH_DEFAULT_LIMIT', description: 'Records per fetch when the request does not say.' }),
  maxLimit: Type.Integer({ minimum: 1, default: 10_000, env: 'GATEWAY_FETCH_MAX_LIMIT', description: 'Largest `limit` a fetch may ask for.' }),
  defaultMaxBytes: Type.Integer({ minimum: 1024, default: 1024 * 1024, env: 'GATEWAY_FETCH_DEFAULT_MAX_BYTES', description: 'Bytes per fetch when the request does not say.' }),
  maxBytesCap: Type.Integer({ minimum: 1024, default: 16 * 1024 * 1024, env: 'GATEWAY_FETCH_MAX_BYTES_CAP', description: 'Largest `maxBytes` a fetch may ask for.' }),
  maxWaitMs: Type.Integer({ minimum: 0, default: 30_000, env: 'GATEWAY_FETCH_MAX_WAIT_MS', description: 'Longest long-poll a fetch may ask for with `timeoutMs`.' }),
  pollSliceMs: Type.Integer({ minimum: 10, default: 500, env: 'GATEWAY_FETCH_POLL_SLICE_MS', description: 'A long-poll holds a fetch lane at most this long at a time, so lanes are shared fairly.' }),
  recordReader: Type.Union([Type.Literal('raw'), Type.Literal('library')], { default: 'raw', env: 'GATEWAY_FETCH_RECORD_READER', description: '`raw` reads Kafka record batches straight into answers (brokers from Kafka 3.1; older ones get `library` anyway); `library` uses the Kafka client library\'s record objects, slower, a fallback if the raw reader ever misreads.' }),
}, { additionalProperties: false, default: {} })

export const StreamSettings = Type.Object({
  heartbeatMs: Type.Integer({ minimum: 100, default: 15_000, env: 'GATEWAY_STREAM_HEARTBEAT_MS', description: 'SSE comment sent when no record arrived for this long (keeps proxies from closing the stream).' }),
  maxBytesPerFetch: Type.Integer({ minimum: 1024, default: 1024 * 1024, env: 'GATEWAY_STREAM_MAX_BYTES_PER_FETCH', description: 'Bytes one SSE stream reads from Kafka at a time; a slow client holds at most twice this much (one batch being written, the next one read).' }),
  maxStreams: Type.Integer({ minimum: 1, default: 1000, env: 'GATEWAY_STREAM_MAX_STREAMS', description: 'Open SSE streams per gateway process before new ones get 503.' }),
}, { additionalProperties: false, default: {} })
