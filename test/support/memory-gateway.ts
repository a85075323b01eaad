/**
 * The real app over an in-memory Kafka port, for `app.inject` tests.
 */
import type { TestContext } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config/load.ts'
import { createGateway } from '../../src/core/gateway.ts'
import { GatewayMetrics } from '../../src/ops/metrics.ts'
import { MemoryKafka } from './memory-kafka.ts'

export async function memoryApp (t: TestContext, topics: Record<string, number> = { orders: 3 }, overrides: Record<string, unknown> = {}): Promise<{ app: FastifyInstance, kafka: MemoryKafka, metrics: GatewayMetrics }> {
  const config = loadConfig({}, { 'kafka.bootstrapServers': ['memory:9092'], ...overrides })
  const kafka = new MemoryKafka(topics)
  const metrics = new GatewayMetrics(false)
  const app = await buildApp(config, { gateway: createGateway(config, kafka), metrics, logger: false })
  t.after(() => app.close())
  return { app, kafka, metrics }
}
