/**
 * Kafka side of Confluent v2 consumer instances: the state topic, the hosts
 * group that runs the instances' group members, and offset commits.
 */
import { Producer, ProduceAcks, type Admin, type BaseOptions } from '@platformatic/kafka'
import type { GatewayConfig } from '../../config/schema.ts'
import type { ConsumerInstancePorts } from '../../core/consumers/ports.ts'
import type { AdminPort, FetcherPort } from '../../core/ports.ts'
import { KafkaGroupOffsets } from '../group-offsets.ts'
import type { KafkaHealth } from '../health.ts'
import { ConsumerHosts } from './hosts.ts'
import { ConsumerStateStore } from './state-store.ts'

export interface ConsumerInstancesKafka {
  ports: ConsumerInstancePorts
  hosts: ConsumerHosts
  close (): Promise<void>
}

export function createConsumerInstancesKafka (
  config: Readonly<Pick<GatewayConfig, 'confluent' | 'fetch' | 'kafka'>>,
  deps: { admin: AdminPort, fetcher: FetcherPort, client: Admin, health: KafkaHealth, clientOptions: (role: string) => BaseOptions },
): ConsumerInstancesKafka {
  const settings = config.confluent.consumers
  const producer = new Producer({ ...deps.clientOptions('consumer-state'), acks: ProduceAcks.ALL })
  // The store starts the hosts lazily: a process joins the hosts group on its first consumer request.
  const store: ConsumerStateStore = new ConsumerStateStore(
    { topic: settings.stateTopic, partitions: settings.statePartitions, pollSliceMs: config.fetch.pollSliceMs },
    { admin: deps.admin, fetcher: deps.fetcher, producer, onStartHosting: () => hosts.start() },
  )
  const hosts: ConsumerHosts = new ConsumerHosts({
    sessionTimeoutMs: settings.sessionTimeoutMs,
    heartbeatIntervalMs: settings.heartbeatIntervalMs,
    topicRefreshMs: Math.max(1000, config.kafka.metadataMaxAgeMs),
    hostsSessionTimeoutMs: settings.hostsSessionTimeoutMs,
    instanceTimeoutMs: settings.instanceTimeoutMs,
    tailWaitMs: Math.max(1000, config.fetch.pollSliceMs * 4),
  }, { store, admin: deps.admin, fetcher: deps.fetcher, clientOptions: deps.clientOptions })
  return {
    ports: { state: store, offsets: new KafkaGroupOffsets(deps.client, deps.health) },
    hosts,
    async close () {
      await hosts.close()
      await producer.close().catch(() => {})
    },
  }
}
