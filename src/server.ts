/**
 * One gateway process: Kafka clients → app → listen. SIGTERM/SIGINT: stop
 * accepting, let in-flight requests finish (produces included), flush the
 * producer, close. Runs alone (`--workers 1`) or as one worker of the
 * supervisor in workers.ts, which then shares the listening port.
 */
import pino from 'pino'
import { buildApp } from './app.ts'
import type { GatewayConfig } from './config/schema.ts'
import { createGateway } from './core/gateway.ts'
import { createKafka } from './kafka/index.ts'
import { GatewayMetrics } from './ops/metrics.ts'
import { prepareSecurity, SecurityStartupError, type SecurityWiring } from './security-wiring.ts'

export async function serve (config: Readonly<GatewayConfig>, fail: (message: string) => never): Promise<void> {
  const logger = pino({
    level: config.log.level,
    redact: ['req.headers.authorization', 'req.headers["x-tc-authorization"]', 'req.headers["x-ncp-apigw-signature-v2"]'],
    ...(config.log.pretty ? { transport: { target: 'pino-pretty' } } : {}),
  })
  let security: SecurityWiring
  try {
    security = prepareSecurity(config, logger)
  } catch (error) {
    fail(error instanceof SecurityStartupError ? error.message : String(error))
  }
  const metrics = new GatewayMetrics()
  const kafka = createKafka(config, metrics)
  const gateway = createGateway(config, kafka, security.gatewayOptions)
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
    await security.close()
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
}
