/**
 * Real local Kafka for tests: start a private cluster (startKafkaCluster), or
 * use the shared one that `make test` starts and names in KAFKA_BOOTSTRAP_SERVERS.
 */
export { startKafkaCluster, type KafkaCluster, type KafkaClusterOptions } from '../../scripts/kafka/cluster.ts'
export { bootstrapFromEnv } from './gateway.ts'
