/**
 * The core as one object handed to every dialect: use-cases over the Kafka
 * port. Dialects translate wire shapes onto these calls and nothing else.
 */
import type { GatewayConfig } from '../config/schema.ts'
import { FetchService } from './fetch.ts'
import type { AdminPort, KafkaPort } from './ports.ts'
import { ProduceService } from './produce.ts'
import { TopicStream, type StreamStart } from './stream.ts'

export interface Gateway {
  readonly kafka: KafkaPort
  readonly admin: AdminPort
  readonly produce: ProduceService
  readonly fetch: FetchService
  openStream (start: StreamStart): Promise<TopicStream>
}

export function createGateway (config: Readonly<GatewayConfig>, kafka: KafkaPort): Gateway {
  return {
    kafka,
    admin: kafka.admin,
    produce: new ProduceService(kafka.producer, kafka.admin, { maxRecordBytes: config.producer.maxRecordBytes }),
    fetch: new FetchService(kafka.fetcher, kafka.admin, config.fetch),
    openStream: start => TopicStream.open(kafka.fetcher, kafka.admin, start, {
      maxBytesPerFetch: config.stream.maxBytesPerFetch,
      pollSliceMs: config.fetch.pollSliceMs,
      recordsPerFetch: 500,
    }),
  }
}
