import Type from 'typebox'

/**
 * Confluent REST Proxy compatibility (contracts.md §4): the v2/v3 dialects and
 * the v2 consumer instances, whose state lives in a compacted Kafka topic so
 * any gateway process can serve any instance (see docs/confluent.md).
 */
export const ConfluentSettings = Type.Object({
  enabled: Type.Boolean({ default: true, env: 'GATEWAY_CONFLUENT_ENABLED', description: 'Serve the Confluent REST Proxy API: v2 at the root paths (/topics, /consumers, /brokers) and v3 under /v3.' }),
  advertisedUrl: Type.String({ default: '', env: 'GATEWAY_CONFLUENT_ADVERTISED_URL', description: 'Base URL put into v2 `base_uri` and v3 `metadata.self` links (e.g. https://kafka-rest.example.com); empty derives it from each request\'s Host.' }),
  consumers: Type.Object({
    stateTopic: Type.String({ minLength: 1, maxLength: 249, pattern: '^[a-zA-Z0-9._-]+$', default: '_gateway_consumers', env: 'GATEWAY_CONSUMERS_STATE_TOPIC', description: 'Compacted topic holding v2 consumer instances (settings, subscription, positions, membership); created when missing.' }),
    statePartitions: Type.Integer({ minimum: 1, maximum: 1000, default: 8, env: 'GATEWAY_CONSUMERS_STATE_PARTITIONS', description: 'Partitions of the state topic when the gateway creates it; gateway processes share the hosting of instances by these partitions.' }),
    instanceTimeoutMs: Type.Integer({ minimum: 1000, default: 300_000, env: 'GATEWAY_CONSUMERS_INSTANCE_TIMEOUT_MS', description: 'An instance not used for this long is deleted and leaves its group (Confluent consumer.instance.timeout.ms).' }),
    requestTimeoutMs: Type.Integer({ minimum: 0, default: 1000, env: 'GATEWAY_CONSUMERS_REQUEST_TIMEOUT_MS', description: 'Default long-poll of a records request without `timeout` (Confluent consumer.request.timeout.ms); an instance may set its own.' }),
    requestMaxBytes: Type.Integer({ minimum: 1024, default: 64 * 1024 * 1024, env: 'GATEWAY_CONSUMERS_REQUEST_MAX_BYTES', description: 'Most key+value bytes one records request returns (Confluent consumer.request.max.bytes); `max_bytes` can only lower it.' }),
    sessionTimeoutMs: Type.Integer({ minimum: 1000, default: 45_000, env: 'GATEWAY_CONSUMERS_SESSION_TIMEOUT_MS', description: 'Kafka session timeout of the group member that represents an instance.' }),
    heartbeatIntervalMs: Type.Integer({ minimum: 100, default: 3000, env: 'GATEWAY_CONSUMERS_HEARTBEAT_INTERVAL_MS', description: 'Heartbeat of those members; a rebalance completes within about one interval.' }),
    hostsSessionTimeoutMs: Type.Integer({ minimum: 1000, default: 10_000, env: 'GATEWAY_CONSUMERS_HOSTS_SESSION_TIMEOUT_MS', description: 'How fast the other gateway processes take over the instances of a process that died.' }),
  }, { additionalProperties: false, default: {} }),
}, { additionalProperties: false, default: {} })
