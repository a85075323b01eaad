/**
 * End-to-end test helpers: a gateway built on the real broker named by
 * KAFKA_BOOTSTRAP_SERVERS (set by `make test`), random topic names, cleanup.
 */
import { randomBytes } from 'node:crypto'
import type { TestContext } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config/load.ts'
import type { GatewayConfig } from '../../src/config/schema.ts'
import { createGateway, type Gateway } from '../../src/core/gateway.ts'
import { createKafka } from '../../src/kafka/index.ts'
import { GatewayMetrics } from '../../src/ops/metrics.ts'

export function bootstrapFromEnv (): string {
  const bootstrap = process.env.KAFKA_BOOTSTRAP_SERVERS
  if (!bootstrap) throw new Error('KAFKA_BOOTSTRAP_SERVERS is not set: run end-to-end tests through `make test` (it starts a broker)')
  return bootstrap
}

export function randomTopic (prefix = 't'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`
}

/** Cleanups that must run before the gateway closes (node:test runs t.after hooks first-in first-out). */
const beforeClose = new WeakMap<Gateway, Array<() => Promise<void>>>()

export interface TestGateway {
  app: FastifyInstance
  gateway: Gateway
  config: Readonly<GatewayConfig>
  metrics: GatewayMetrics
  /** Base URL when started with `listen: true`. */
  url: string
  /** Runs `fn` after the test but before the gateway closes (last registered runs first). */
  defer (fn: () => Promise<void>): void
}

export interface TestGatewayOptions {
  bootstrap?: string
  /** Config overrides by dotted path, e.g. {'producer.lingerMs': 0}. */
  overrides?: Record<string, unknown>
  env?: Record<string, string>
  listen?: boolean
}

/** Builds a gateway on the real broker; closed automatically after the test. */
export async function startTestGateway (t: TestContext, options: TestGatewayOptions = {}): Promise<TestGateway> {
  const config = loadConfig({ KAFKA_BOOTSTRAP_SERVERS: options.bootstrap ?? bootstrapFromEnv(), ...options.env }, {
    'kafka.retries': 1,
    'kafka.connectTimeoutMs': 2000,
    'kafka.requestTimeoutMs': 5000,
    'fetch.pollSliceMs': 200,
    ...options.overrides,
  })
  const metrics = new GatewayMetrics(false)
  const kafka = createKafka(config, metrics)
  const gateway = createGateway(config, kafka)
  const app = await buildApp(config, { gateway, metrics, logger: false })
  let url = ''
  if (options.listen) url = await app.listen({ host: '127.0.0.1', port: 0 })
  const cleanups: Array<() => Promise<void>> = []
  beforeClose.set(gateway, cleanups)
  t.after(async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => {})
    await app.close()
    await kafka.close()
  })
  return { app, gateway, config, metrics, url, defer: fn => { cleanups.push(fn) } }
}

/** Creates a topic through the gateway's own admin port and deletes it after the test. */
export async function createTopic (t: TestContext, gateway: Gateway, options: { name?: string, partitions?: number, replicationFactor?: number, configs?: Record<string, string> } = {}): Promise<string> {
  const name = options.name ?? randomTopic()
  await gateway.admin.createTopic({ name, partitions: options.partitions ?? 1, replicationFactor: options.replicationFactor ?? -1, configs: options.configs ?? {} }, false)
  const remove = async (): Promise<void> => { await gateway.admin.deleteTopic(name).catch(() => {}) }
  const cleanups = beforeClose.get(gateway)
  if (cleanups) cleanups.push(remove)
  else t.after(remove)
  return name
}
