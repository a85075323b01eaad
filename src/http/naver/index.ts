/**
 * The NAVER Cloud Data Stream dialect (contracts.md §2, seed 003) under its
 * prefix (`/api` by default): POST /produce and the /v1/topics topic API,
 * signed with NCP signature v2, answering `{status, detail}` in every
 * failure class. A translation onto the core and nothing else.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { GatewayConfig } from '../../config/schema.ts'
import { GatewayError } from '../../core/errors.ts'
import type { Gateway } from '../../core/gateway.ts'
import { resourceOf } from '../shared/access-control.ts'
import { toGatewayError } from '../shared/error-body.ts'
import { sendNaverError, type NaverSurface } from './errors.ts'
import { registerProduceRoute } from './routes/produce.ts'
import { registerTopicRoutes } from './routes/topics.ts'
import { admit, authenticateNcp } from './signature-auth.ts'
import { TopicDirectory } from './topic-directory.ts'

export async function naverDialect (app: FastifyInstance, opts: { gateway: Gateway, config: Readonly<GatewayConfig> }): Promise<void> {
  const { gateway } = opts
  const identity = gateway.identity
  const check = { identity, maxSkewMs: opts.config.security.auth.signatureMaxSkewSeconds * 1000 }

  // NAVER's own examples send JSON with `curl --data`, i.e. as application/x-www-form-urlencoded,
  // and content-type is optional (Data Stream request headers): every body is read as JSON.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'ignore'))

  const onError = (surface: NaverSurface) => (error: unknown, request: FastifyRequest, reply: FastifyReply) =>
    sendNaverError(request, reply, toGatewayError(error), surface)
  app.setErrorHandler(onError('topics'))
  app.setNotFoundHandler((request, reply) => sendNaverError(request, reply, new GatewayError(
    'route_not_found', `no route ${request.method} ${request.url.split('?')[0]}; the NAVER API here has POST /produce and /v1/topics (docs/naver.md)`,
  ), 'topics'))

  // Before the body is read: who signed the request (unknown routes go to the 404 above unsigned).
  app.addHook('onRequest', async request => {
    if (request.routeOptions.config.checkedByDialect !== true) return
    request.principal = authenticateNcp(request, check)
  })
  // After validation, so the topic named in the body can be checked; topicId routes check in their handler.
  app.addHook('preHandler', async request => {
    const access = request.routeOptions.config.access
    if (!access) return
    const resource = resourceOf(request, access)
    if (resource) admit(request, identity, access.operation, resource)
  })

  // The produce API has its own error surface: what the client got wrong is one of seed 003's 400s.
  await app.register(async produce => {
    produce.setErrorHandler(onError('produce'))
    registerProduceRoute(produce, gateway)
  })
  registerTopicRoutes(app, gateway, new TopicDirectory(gateway.admin))
}
