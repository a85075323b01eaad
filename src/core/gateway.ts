/**
 * The core as one object handed to every dialect: use-cases over the Kafka
 * port. Dialects translate wire shapes onto these calls and nothing else.
 */
import { ConsumerInstances } from './consumers/instances.ts'
import { FetchService, type FetchLimits } from './fetch.ts'
import { Identity, type AuthMode, type IdentityDeps } from './identity/identity.ts'
import type { AclPort, AdminPort, KafkaPort } from './ports.ts'
import { ProduceService } from './produce.ts'
import { TopicStream, type StreamStart } from './stream.ts'

export interface Gateway {
  readonly kafka: KafkaPort
  readonly admin: AdminPort
  readonly produce: ProduceService
  readonly fetch: FetchService
  openStream (start: StreamStart): Promise<TopicStream>
  /** Who is calling, what they may do, how much, and access points (issue 4). */
  readonly identity: Identity
  /** Confluent v2 consumer instances (issue 3); null when the Kafka port keeps no instance state. */
  readonly consumers: ConsumerInstances | null
  /** Kafka ACLs (issue 3); null when the Kafka port cannot manage them. */
  readonly acls: AclPort | null
}

/** Where the shared state lives and how secrets are sealed; in-process defaults when absent (tests). */
export type GatewayOptions = Omit<IdentityDeps, 'admin' | 'produce'>

/** The settings the core reads; the gateway configuration satisfies it structurally. */
export interface CoreSettings {
  producer: { maxRecordBytes: number }
  fetch: FetchLimits & { pollSliceMs: number }
  stream: { maxBytesPerFetch: number }
  confluent: { consumers: { instanceTimeoutMs: number, requestMaxBytes: number } }
  security: {
    auth: { mode: AuthMode }
    state: { topic: string }
    limits: { requestsPerSecond: number, bytesPerSecond: number }
  }
}

export function createGateway (config: Readonly<CoreSettings>, kafka: KafkaPort, options: GatewayOptions = {}): Gateway {
  const produce = new ProduceService(kafka.producer, kafka.admin, { maxRecordBytes: config.producer.maxRecordBytes })
  const identity = new Identity({
    mode: config.security.auth.mode,
    stateTopic: config.security.state.topic,
    principalLimits: config.security.limits,
  }, { ...options, admin: kafka.admin, produce })
  // Loading runs in the background; until it is done, state-dependent requests get 503 state_unavailable.
  identity.state.start().catch(() => {})
  return {
    kafka,
    admin: kafka.admin,
    produce,
    identity,
    consumers: kafka.consumerInstances
      ? new ConsumerInstances(kafka.consumerInstances, kafka.fetcher, kafka.admin, {
        ...config.confluent.consumers, maxWaitMs: config.fetch.maxWaitMs, recordsPerPartition: config.fetch.maxLimit,
      })
      : null,
    acls: kafka.acls ?? null,
    fetch: new FetchService(kafka.fetcher, kafka.admin, config.fetch),
    openStream: start => TopicStream.open(kafka.fetcher, kafka.admin, start, {
      maxBytesPerFetch: config.stream.maxBytesPerFetch,
      pollSliceMs: config.fetch.pollSliceMs,
      recordsPerFetch: 500,
    }),
  }
}
