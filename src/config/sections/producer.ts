import Type from 'typebox'

export const ProducerSettings = Type.Object({
  acks: Type.Union([Type.Literal('all'), Type.Literal('leader'), Type.Literal('none')], { default: 'all', env: 'GATEWAY_PRODUCER_ACKS', description: 'Acknowledgement Kafka gives before the gateway answers: all in-sync replicas, the leader only, or none.' }),
  compression: Type.Union([Type.Literal('none'), Type.Literal('gzip'), Type.Literal('snappy'), Type.Literal('lz4'), Type.Literal('zstd')], { default: 'none', env: 'GATEWAY_PRODUCER_COMPRESSION', description: 'Compression of record batches sent to Kafka.' }),
  idempotent: Type.Boolean({ default: false, env: 'GATEWAY_PRODUCER_IDEMPOTENT', description: 'Idempotent producer (no duplicates on internal retries; needs acks=all).' }),
  lingerMs: Type.Integer({ minimum: 0, maximum: 1000, default: 1, env: 'GATEWAY_PRODUCER_LINGER_MS', description: 'How long records of concurrent requests wait to be batched into one Kafka produce.' }),
  batchMaxBytes: Type.Integer({ minimum: 1024, default: 960 * 1024, env: 'GATEWAY_PRODUCER_BATCH_MAX_BYTES', description: 'Most bytes in one produce request to Kafka; a fuller batch is sent at once. Keep it below the topics\' max.message.bytes (1 MiB by default).' }),
  maxInFlightBytes: Type.Integer({ minimum: 1024, default: 64 * 1024 * 1024, env: 'GATEWAY_PRODUCER_MAX_IN_FLIGHT_BYTES', description: 'Bytes of records waiting for Kafka before new produces get 503 overloaded (bounds memory).' }),
  deliveryTimeoutMs: Type.Integer({ minimum: 100, default: 15_000, env: 'GATEWAY_PRODUCER_DELIVERY_TIMEOUT_MS', description: 'Longest wait for Kafka to acknowledge a produce before the client gets 503.' }),
  maxRecordBytes: Type.Integer({ minimum: 1, default: 1024 * 1024, env: 'GATEWAY_MAX_RECORD_BYTES', description: 'Largest key+value+headers of one record; larger ones get 413 record_too_large.' }),
}, { additionalProperties: false, default: {} })
