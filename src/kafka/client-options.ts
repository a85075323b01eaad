/**
 * Gateway Kafka settings → options of the Kafka client (connection, TLS, SASL).
 */
import { readFileSync } from 'node:fs'
import type { BaseOptions } from '@platformatic/kafka'
import type { GatewayConfig } from '../config/schema.ts'

export function clientOptions (kafka: GatewayConfig['kafka'], role: string): BaseOptions {
  const options: BaseOptions = {
    clientId: `${kafka.clientId}-${role}`,
    bootstrapBrokers: [...kafka.bootstrapServers],
    connectTimeout: kafka.connectTimeoutMs,
    requestTimeout: kafka.requestTimeoutMs,
    timeout: kafka.requestTimeoutMs,
    retries: kafka.retries,
    retryDelay: kafka.retryDelayMs,
    metadataMaxAge: kafka.metadataMaxAgeMs,
    autocreateTopics: false,
  }
  if (kafka.tls.enabled) {
    options.tls = {
      rejectUnauthorized: kafka.tls.rejectUnauthorized,
      ...(kafka.tls.caFile ? { ca: readFileSync(kafka.tls.caFile) } : {}),
      ...(kafka.tls.certFile ? { cert: readFileSync(kafka.tls.certFile) } : {}),
      ...(kafka.tls.keyFile ? { key: readFileSync(kafka.tls.keyFile) } : {}),
    }
  }
  if (kafka.sasl.mechanism) {
    options.sasl = {
      mechanism: kafka.sasl.mechanism,
      ...(kafka.sasl.username !== undefined ? { username: kafka.sasl.username } : {}),
      ...(kafka.sasl.password !== undefined ? { password: kafka.sasl.password } : {}),
    }
  }
  return options
}
