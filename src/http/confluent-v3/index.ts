/**
 * The Confluent REST Proxy v3 dialect under /v3 (contracts.md §4): clusters,
 * topics and configs, partitions, brokers, consumer groups, ACLs, produce
 * (single, streaming, batch), with the error format `{error_code, message}`.
 * A translation onto the core and nothing else.
 */
import type { FastifyInstance } from 'fastify'
import type { GatewayConfig } from '../../config/schema.ts'
import { GatewayError } from '../../core/errors.ts'
import type { Gateway } from '../../core/gateway.ts'
import { toGatewayError } from '../shared/error-body.ts'
import { ClusterContext } from './cluster-context.ts'
import { sendV3Error } from './errors.ts'
import { registerAclRoutes } from './routes/acls.ts'
import { registerClusterRoutes } from './routes/cluster.ts'
import { registerConsumerGroupRoutes } from './routes/consumer-groups.ts'
import { registerRecordBatchRoutes } from './routes/records-batch.ts'
import { registerRecordRoutes } from './routes/records.ts'
import { registerTopicConfigRoutes } from './routes/topic-configs.ts'
import { registerTopicRoutes } from './routes/topics.ts'

export const CONFLUENT_V3_PREFIX = '/v3'

export async function confluentV3Dialect (app: FastifyInstance, opts: { gateway: Gateway, config: Readonly<GatewayConfig> }): Promise<void> {
  const context = new ClusterContext(opts.gateway, opts.config.confluent.advertisedUrl)
  app.addContentTypeParser('text/plain', (_request, _payload, done) => {
    done(new GatewayError('unsupported_media_type', 'text/plain is not accepted; send application/json'))
  })
  app.setErrorHandler((error, request, reply) => sendV3Error(request, reply, toGatewayError(error)))
  app.setNotFoundHandler((request, reply) => sendV3Error(request, reply, new GatewayError(
    'route_not_found', `no route ${request.method} ${request.url.split('?')[0]}; see docs/confluent.md for the v3 endpoints this gateway serves`,
  )))
  registerClusterRoutes(app, opts.gateway, context)
  registerTopicRoutes(app, opts.gateway, context)
  registerTopicConfigRoutes(app, opts.gateway, context)
  registerConsumerGroupRoutes(app, opts.gateway, context)
  registerAclRoutes(app, opts.gateway, context)
  registerRecordBatchRoutes(app, opts.gateway, context)
  // Its own context: the records route reads the raw body as a stream.
  await app.register(async streaming => registerRecordRoutes(streaming, opts.gateway, context, { bodyLimitBytes: opts.config.http.bodyLimitBytes }))
}
