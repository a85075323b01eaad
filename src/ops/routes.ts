/**
 * /healthz: the process is alive. /readyz: Kafka answers a metadata request
 * and the shared state is loaded.
 * /metrics: Prometheus text format; with several workers, all of them merged
 * (cluster-metrics.ts).
 */
import type { FastifyInstance } from 'fastify'
import type { Gateway } from '../core/gateway.ts'
import { metricsSource } from './cluster-metrics.ts'
import type { GatewayMetrics } from './metrics.ts'

export function registerOpsRoutes (app: FastifyInstance, gateway: Gateway, metrics: GatewayMetrics): void {
  const hidden = { hide: true }
  app.get('/healthz', { schema: hidden }, async () => ({ status: 'ok' }))
  app.get('/readyz', { schema: hidden }, async (_request, reply) => {
    try {
      await gateway.kafka.ping()
      // Not ready until credentials, permissions and access points are loaded (issue 4).
      gateway.identity.state.assertReady()
      return { status: 'ready' }
    } catch (error) {
      reply.code(503).header('retry-after', '2')
      return { status: 'unavailable', reason: (error as Error).message }
    }
  })
  const metricsText = metricsSource(metrics.registry)
  app.get('/metrics', { schema: hidden }, async (_request, reply) => {
    const text = await metricsText()
    reply.header('content-type', metrics.registry.contentType)
    return text
  })
}
