/**
 * The core as one object handed to every dialect: use-cases over the Kafka
 * port. Dialects translate wire shapes onto these calls and nothing else.
 */
import { FetchService, type FetchLimits } from './fetch.ts'
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

/** The settings the core reads; the gateway configuration satisfies it structurally. */
export interface CoreSettings {
  producer: { maxRecordBytes: number }
  fetch: FetchLimits & { pollSliceMs: number }
  stream: { maxBytesPerFetch: number }
}

export function createGateway (config: Readonly<CoreSettings>, kafka: KafkaPort): Gateway {
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
