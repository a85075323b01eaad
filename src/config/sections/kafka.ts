import Type from 'typebox'

const SaslMechanism = Type.Union([
  Type.Literal('PLAIN'), Type.Literal('SCRAM-SHA-256'), Type.Literal('SCRAM-SHA-512'),
])

export const KafkaSettings = Type.Object({
  bootstrapServers: Type.Array(Type.String({ pattern: '^[^\\s:]+:\\d+$' }), { default: [], env: 'KAFKA_BOOTSTRAP_SERVERS', description: 'Kafka brokers as host:port, comma separated. Empty with `make run` starts a local broker.' }),
  clientId: Type.String({ minLength: 1, default: 'kafka-http-gateway', env: 'KAFKA_CLIENT_ID', description: 'client.id the gateway presents to Kafka.' }),
  connectTimeoutMs: Type.Integer({ minimum: 100, default: 5000, env: 'KAFKA_CONNECT_TIMEOUT_MS', description: 'TCP/TLS connect timeout to a broker.' }),
  requestTimeoutMs: Type.Integer({ minimum: 100, default: 10_000, env: 'KAFKA_REQUEST_TIMEOUT_MS', description: 'Timeout of one Kafka request.' }),
  retries: Type.Integer({ minimum: 0, default: 2, env: 'KAFKA_RETRIES', description: 'Retries of a failed Kafka operation before the client gets a 503.' }),
  retryDelayMs: Type.Integer({ minimum: 0, default: 250, env: 'KAFKA_RETRY_DELAY_MS', description: 'Pause between those retries.' }),
  metadataMaxAgeMs: Type.Integer({ minimum: 100, default: 5000, env: 'KAFKA_METADATA_MAX_AGE_MS', description: 'How long topic metadata (partition counts, leaders) is cached.' }),
  tls: Type.Object({
    enabled: Type.Boolean({ default: false, env: 'KAFKA_TLS_ENABLED', description: 'Connect to brokers with TLS.' }),
    caFile: Type.Optional(Type.String({ env: 'KAFKA_TLS_CA_FILE', description: 'PEM file of the CA that signed the broker certificates.' })),
    certFile: Type.Optional(Type.String({ env: 'KAFKA_TLS_CERT_FILE', description: 'PEM client certificate (mutual TLS to Kafka).' })),
    keyFile: Type.Optional(Type.String({ env: 'KAFKA_TLS_KEY_FILE', description: 'PEM private key of that certificate.' })),
    rejectUnauthorized: Type.Boolean({ default: true, env: 'KAFKA_TLS_REJECT_UNAUTHORIZED', description: 'Verify the broker certificate (turn off only for testing).' }),
  }, { additionalProperties: false, default: {} }),
  sasl: Type.Object({
    mechanism: Type.Optional(Type.Union([SaslMechanism], { env: 'KAFKA_SASL_MECHANISM', description: 'PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512; unset disables SASL.' })),
    username: Type.Optional(Type.String({ env: 'KAFKA_SASL_USERNAME', description: 'SASL user name.' })),
    password: Type.Optional(Type.String({ env: 'KAFKA_SASL_PASSWORD', sensitive: true, description: 'SASL password (never logged).' })),
  }, { additionalProperties: false, default: {} }),
}, { additionalProperties: false, default: {} })
