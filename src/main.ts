/**
 * config → Kafka → app → listen. SIGTERM/SIGINT: stop accepting, let
 * in-flight requests finish (produces included), flush the producer, close.
 */
import pino from 'pino'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config/load.ts'
import type { GatewayConfig } from './config/schema.ts'
import { createGateway } from './core/gateway.ts'
import { createKafka } from './kafka/index.ts'
import { GatewayMetrics } from './ops/metrics.ts'

function fail (message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

let config: Readonly<GatewayConfig>
try {
  config = loadConfig()
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error))
}
if (config.kafka.bootstrapServers.length === 0) {
  fail('error: no Kafka configured; set KAFKA_BOOTSTRAP_SERVERS=host:port (or use `make run`, which starts a local broker)')
}

const logger = pino({
  level: config.log.level,
  redact: ['req.headers.authorization', 'req.headers["x-tc-authorization"]', 'req.headers["x-ncp-apigw-signature-v2"]'],
  ...(config.log.pretty ? { transport: { target: 'pino-pretty' } } : {}),
})
const metrics = new GatewayMetrics()
const kafka = createKafka(config, metrics)
const gateway = createGateway(config, kafka)
const app = await buildApp(config, { gateway, metrics, logger })

let stopping = false
async function shutdown (signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'shutting down: no new requests, waiting for in-flight ones')
  const timer = setTimeout(() => {
    logger.error('shutdown took longer than GATEWAY_SHUTDOWN_TIMEOUT_MS; exiting')
    process.exit(1)
  }, config.http.shutdownTimeoutMs)
  timer.unref()
  await app.close()
  await kafka.close()
  logger.info('stopped')
  process.exit(0)
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

try {
  await app.listen({ host: config.http.host, port: config.http.port })
} catch (error) {
  const e = error as NodeJS.ErrnoException
  if (e.code === 'EADDRINUSE') fail(`error: port ${config.http.port} on ${config.http.host} is already in use; stop the other process or set GATEWAY_PORT`)
  throw error
}
kafka.ping().then(
  () => logger.info({ bootstrap: config.kafka.bootstrapServers }, 'Kafka reachable'),
  (error: Error) => logger.warn({ bootstrap: config.kafka.bootstrapServers, err: error.message }, 'Kafka not reachable yet; requests get 503 until it is'),
)
