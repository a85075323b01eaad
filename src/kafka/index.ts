/**
 * The Kafka side of the gateway: the only place that creates Kafka clients.
 * One shared producer, one admin client, and a set of fetch lanes.
 */
import { Admin, ConnectionPool, Consumer } from '@platformatic/kafka'
import type { GatewayConfig } from '../config/schema.ts'
import type { KafkaMetricsPort, KafkaPort } from '../core/ports.ts'
import { KafkaAcls } from './acls.ts'
import { KafkaAdmin } from './admin.ts'
import { clientOptions } from './client-options.ts'
import { createConsumerInstancesKafka } from './consumer-instances/index.ts'
import { FetchLanes } from './fetch-lanes.ts'
import { LaneFetcher } from './fetcher.ts'
import { KafkaHealth } from './health.ts'
import { TopicMetadata } from './metadata.ts'
import { BatchingProducer, createProducer } from './producer.ts'

export function createKafka (config: Readonly<GatewayConfig>, metrics?: KafkaMetricsPort): KafkaPort {
  const admin = new Admin(clientOptions(config.kafka, 'admin'))
  const producerClient = createProducer(clientOptions(config.kafka, 'producer'), config.producer)
  const probe = async (): Promise<void> => { await admin.metadata({ topics: [], forceUpdate: true }) }
  const health = new KafkaHealth(probe)
  const metadata = new TopicMetadata(admin, health)
  const lanes = new FetchLanes(index => {
    const options = clientOptions(config.kafka, `fetch-${index}`)
    return new ConnectionPool(options.clientId!, options)
  }, config.fetch.lanes, config.fetch.maxQueue)
  // Only for brokers older than Kafka 3.1 (fetch-round.ts); the fetcher retries, so this client does not.
  const libraryConsumer = (): Consumer => new Consumer({
    ...clientOptions(config.kafka, 'fetch'),
    retries: 0,
    // It never joins this group; the client needs a group id to exist.
    groupId: `${config.kafka.clientId}-fetch-lane`,
  })

  const producer = new BatchingProducer(producerClient, config.producer, health, metrics)
  const fetcher = new LaneFetcher(lanes, metadata, admin, {
    pollSliceMs: config.fetch.pollSliceMs,
    retries: config.kafka.retries,
    retryDelayMs: config.kafka.retryDelayMs,
    libraryFetchOnly: config.fetch.recordReader === 'library',
  }, health, libraryConsumer, metrics)
  const kafkaAdmin = new KafkaAdmin(admin, metadata, health)
  const consumerInstances = createConsumerInstancesKafka(config, { admin: kafkaAdmin, fetcher, client: admin, health, clientOptions: role => clientOptions(config.kafka, role) })
  return {
    producer,
    fetcher,
    admin: kafkaAdmin,
    consumerInstances: consumerInstances.ports,
    acls: new KafkaAcls(admin, health),
    async ping () { await metadata.cluster(true) },
    async close () {
      health.close()
      await consumerInstances.close()
      await producer.flush()
      await Promise.allSettled([producerClient.close(), admin.close(), fetcher.close(), lanes.close()])
    },
  }
}
