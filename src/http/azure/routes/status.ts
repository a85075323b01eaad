/**
 * GET {prefix}/status (contracts.md §3): "OK" while Kafka answers a
 * metadata request; the Kafka failure (503 + Retry-After) otherwise.
 */
import type { FastifyInstance } from 'fastify'
import Type from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { azureErrors } from '../schemas.ts'

export function registerStatusRoutes (app: FastifyInstance, gateway: Gateway): void {
  app.get('/status', {
    schema: { summary: 'Proxy status (Azure HDInsight)', tags: ['Azure HDInsight'], response: { 200: Type.String(), ...azureErrors } },
    config: { access: { operation: 'describe', resource: 'self' } },
  }, async (_request, reply) => {
    await gateway.kafka.ping()
    // A JSON string, so the answer is application/json like every other one.
    return reply.type('application/json; charset=utf-8').send(JSON.stringify('OK'))
  })
}
