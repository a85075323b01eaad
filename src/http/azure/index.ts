/**
 * The Azure HDInsight Kafka REST proxy dialect (contracts.md §3, seed 004)
 * under its prefix (`/v1` by default): metadata, topic creation, producer,
 * consumer and status, for bearer JWTs of the configured OIDC issuer (the
 * root access-control hook authenticates them like for every dialect), and
 * only for members of the configured security group. Every failure class
 * answers `{"error": {"code", "message"}}`. A translation onto the core.
 */
import type { FastifyInstance } from 'fastify'
import type { GatewayConfig } from '../../config/schema.ts'
import { GatewayError } from '../../core/errors.ts'
import type { Gateway } from '../../core/gateway.ts'
import { toGatewayError } from '../shared/error-body.ts'
import { sendAzureError } from './errors.ts'
import { assertInRequiredGroup } from './group-gate.ts'
import { registerConsumerRoutes } from './routes/consumer.ts'
import { registerMetadataRoutes } from './routes/metadata.ts'
import { registerProducerRoutes } from './routes/producer.ts'
import { registerStatusRoutes } from './routes/status.ts'
import { registerTopicRoutes } from './routes/topics.ts'
import { TimestampTypes } from './timestamp-types.ts'

export async function azureDialect (app: FastifyInstance, opts: { gateway: Gateway, config: Readonly<GatewayConfig> }): Promise<void> {
  const { gateway, config } = opts
  // JSON only, as the proxy: a text body gets 415 in this dialect's format instead of a confusing schema error.
  app.removeContentTypeParser('text/plain')
  app.setErrorHandler((error, request, reply) => sendAzureError(request, reply, toGatewayError(error)))
  app.setNotFoundHandler((request, reply) => sendAzureError(request, reply, new GatewayError(
    'route_not_found', `no route ${request.method} ${request.url.split('?')[0]}; the Azure Kafka REST proxy API here is described in docs/azure.md`,
  )))
  // Runs after the root hook authenticated the caller (root hooks run first), before it authorizes.
  app.addHook('onRequest', async request => {
    if (request.principal) assertInRequiredGroup(request.principal, config.azure.requiredGroup)
  })

  registerMetadataRoutes(app, gateway)
  registerTopicRoutes(app, gateway)
  registerProducerRoutes(app, gateway)
  registerConsumerRoutes(app, gateway, new TimestampTypes(gateway.admin, config.kafka.metadataMaxAgeMs))
  registerStatusRoutes(app, gateway)
}
