/**
 * The native API dialect under /gateway/v1: its routes and its error format
 * `{code, message, field?, requestId}`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { GatewayConfig } from '../../config/schema.ts'
import { GatewayError } from '../../core/errors.ts'
import type { Gateway } from '../../core/gateway.ts'
import { logServerError, toGatewayError } from '../shared/error-body.ts'
import { registerAccessPointIngestRoutes } from './routes/access-point-ingest.ts'
import { registerAccessPointRoutes } from './routes/access-points.ts'
import { registerClusterRoutes } from './routes/cluster.ts'
import { registerCredentialRoutes } from './routes/credentials.ts'
import { registerPermissionRoutes } from './routes/permissions.ts'
import { registerRecordRoutes } from './routes/records.ts'
import { registerStreamRoutes } from './routes/stream.ts'
import { registerTopicRoutes } from './routes/topics.ts'
import { registerWhoamiRoutes } from './routes/whoami.ts'

export const NATIVE_PREFIX = '/gateway/v1'

export function sendNativeError (request: FastifyRequest, reply: FastifyReply, error: GatewayError): FastifyReply {
  if (error.retryAfterSeconds !== undefined && (error.status === 503 || error.status === 429 || error.status === 504)) {
    reply.header('retry-after', String(error.retryAfterSeconds))
  }
  return reply.code(error.status).send({
    code: error.code,
    message: error.message,
    ...(error.field !== undefined ? { field: error.field } : {}),
    requestId: String(request.id),
  })
}

export async function nativeDialect (app: FastifyInstance, opts: { gateway: Gateway, config: Readonly<GatewayConfig> }): Promise<void> {
  // The native API speaks JSON only: text bodies get 415 instead of a confusing schema error.
  app.removeContentTypeParser('text/plain')
  app.setErrorHandler((error, request, reply) => {
    const failure = toGatewayError(error)
    logServerError(request.log, failure, failure.status, error)
    return sendNativeError(request, reply, failure)
  })
  app.setNotFoundHandler((request, reply) => sendNativeError(request, reply, new GatewayError(
    'route_not_found', `no route ${request.method} ${request.url.split('?')[0]}; the API is described at ${NATIVE_PREFIX}/openapi.json`,
  )))
  registerRecordRoutes(app, opts.gateway)
  registerStreamRoutes(app, opts.gateway, opts.config.stream)
  registerTopicRoutes(app, opts.gateway)
  registerClusterRoutes(app, opts.gateway)
  registerWhoamiRoutes(app, opts.gateway)
  registerCredentialRoutes(app, opts.gateway)
  registerPermissionRoutes(app, opts.gateway)
  registerAccessPointRoutes(app, opts.gateway)
  registerAccessPointIngestRoutes(app, opts.gateway)
}
