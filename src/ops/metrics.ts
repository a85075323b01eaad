/**
 * Prometheus metrics. Labels are bounded: routes are the registered route
 * templates (never raw URLs), Kafka error codes come from a fixed table.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { KafkaMetricsPort } from '../core/ports.ts'

export class GatewayMetrics implements KafkaMetricsPort {
  readonly registry = new Registry()
  readonly httpRequests = new Counter({ name: 'gateway_http_requests_total', help: 'HTTP requests by route, method and status', labelNames: ['route', 'method', 'status'] as const, registers: [this.registry] })
  readonly httpDuration = new Histogram({
    name: 'gateway_http_request_duration_seconds',
    help: 'HTTP request latency by route, method and status class',
    labelNames: ['route', 'method', 'status_class'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  })

  readonly recordsProduced = new Counter({ name: 'gateway_records_produced_total', help: 'Records acknowledged by Kafka', registers: [this.registry] })
  readonly bytesProduced = new Counter({ name: 'gateway_bytes_produced_total', help: 'Key, value and header bytes acknowledged by Kafka', registers: [this.registry] })
  readonly recordsFetched = new Counter({ name: 'gateway_records_fetched_total', help: 'Records read from Kafka', registers: [this.registry] })
  readonly bytesFetched = new Counter({ name: 'gateway_bytes_fetched_total', help: 'Key and value bytes read from Kafka', registers: [this.registry] })
  readonly kafkaErrors = new Counter({ name: 'gateway_kafka_errors_total', help: 'Kafka operation failures by operation and error code', labelNames: ['operation', 'code'] as const, registers: [this.registry] })

  constructor (collectProcessMetrics = true) {
    if (collectProcessMetrics) collectDefaultMetrics({ register: this.registry, prefix: 'gateway_' })
  }

  produced (records: number, bytes: number): void {
    this.recordsProduced.inc(records)
    this.bytesProduced.inc(bytes)
  }

  fetched (records: number, bytes: number): void {
    this.recordsFetched.inc(records)
    this.bytesFetched.inc(bytes)
  }

  kafkaError (operation: string, code: string): void {
    this.kafkaErrors.inc({ operation, code })
  }

  observeRequest (route: string, method: string, status: number, seconds: number): void {
    this.httpRequests.inc({ route, method, status: String(status) })
    this.httpDuration.observe({ route, method, status_class: `${Math.floor(status / 100)}xx` }, seconds)
  }
}
