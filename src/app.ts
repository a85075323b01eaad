/**
 * buildApp(config, deps): the whole HTTP surface, every plugin registered
 * explicitly. It never listens; main.ts and the tests decide that.
 */
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import cors from '@fastify/cors'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import { authenticatorFor } from './auth/authenticator.ts'
import type { GatewayConfig } from './config/schema.ts'
import { GatewayError } from './core/errors.ts'
import type { Gateway } from './core/gateway.ts'
import { azureDialect } from './http/azure/index.ts'
import { confluentV2Dialect, isConfluentV2Path } from './http/confluent-v2/index.ts'
import { sendV2Error } from './http/confluent-v2/errors.ts'
import { confluentV3Dialect, CONFLUENT_V3_PREFIX } from './http/confluent-v3/index.ts'
import { consolePlugin } from './http/console/index.ts'
import { nativeDialect, NATIVE_PREFIX, sendNativeError } from './http/native/index.ts'
import { naverDialect } from './http/naver/index.ts'
import { ErrorBody } from './http/native/schemas.ts'
import { registerAccessControl } from './http/shared/access-control.ts'
import { requestIdOf } from './http/shared/request-id.ts'
import { httpsOptions } from './http/shared/tls.ts'
import { tencentDialect } from './http/tencent/index.ts'
import { GatewayMetrics } from './ops/metrics.ts'
import { registerOpsRoutes } from './ops/routes.ts'

export interface AppDeps {
  gateway: Gateway
  metrics: GatewayMetrics
  logger?: Logger | false
}

export async function buildApp (config: Readonly<GatewayConfig>, deps: AppDeps): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: (deps.logger || undefined) as FastifyBaseLogger | undefined,
    bodyLimit: config.http.bodyLimitBytes,
    requestTimeout: config.http.requestTimeoutMs,
    genReqId: requestIdOf,
    requestIdHeader: false,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    // HTTPS (and mutual TLS) when GATEWAY_TLS_CERT_FILE/KEY_FILE are set (docs/security.md).
    ...(httpsOptions(config.security.tls) ? { https: httpsOptions(config.security.tls) } : {}),
  }) as unknown as FastifyInstance

  // While closing, every answer closes its connection, so keep-alive clients
  // do not hold the server open after their in-flight request completed.
  let closing = false
  app.addHook('preClose', async () => { closing = true })
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
    if (closing) reply.header('connection', 'close')
  })
  app.addHook('onResponse', async (request, reply) => {
    deps.metrics.observeRequest(request.routeOptions.url ?? 'unmatched', request.method, reply.statusCode, reply.elapsedTime / 1000)
  })

  if (config.http.corsOrigins.length > 0) {
    await app.register(cors, {
      origin: config.http.corsOrigins.includes('*') ? true : [...config.http.corsOrigins],
      // Preflights must allow every method a dialect uses (the default is GET,HEAD,POST only).
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      exposedHeaders: ['x-request-id', 'retry-after', 'location', 'nextoffset'],
      maxAge: 600,
    })
  }

  app.addSchema(ErrorBody)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kafka HTTP Gateway', version: '1', description: 'Native API of the gateway. Compatible dialects (Confluent, Tencent, NAVER, Azure) are documented in docs/.' },
      tags: [
        { name: 'records', description: 'Produce, fetch and stream records' },
        { name: 'topics', description: 'Topic administration' },
        { name: 'cluster', description: 'Cluster and brokers' },
        { name: 'consumer groups', description: 'Consumer groups and lag' },
        { name: 'identity', description: 'Who am I, API keys and permissions (docs/security.md)' },
        { name: 'access points', description: 'Named ingestion endpoints bound to a topic (docs/access-points.md)' },
        { name: 'Confluent v2', description: 'Confluent REST Proxy v2 compatible endpoints (docs/confluent.md)' },
        { name: 'Confluent v2 consumers', description: 'Confluent REST Proxy v2 consumer instances (docs/confluent.md)' },
        { name: 'Confluent v3', description: 'Confluent REST Proxy v3 compatible endpoints (docs/confluent.md)' },
        { name: 'NAVER Data Stream', description: 'NAVER Cloud Data Stream compatible endpoints, NCP signature v2 (docs/naver.md)' },
        { name: 'Azure HDInsight', description: 'Azure HDInsight Kafka REST proxy compatible endpoints (docs/azure.md)' },
      ],
    },
  })
  await app.register(swaggerUi, { routePrefix: '/docs' })
  app.get(`${NATIVE_PREFIX}/openapi.json`, { schema: { hide: true } }, async () => app.swagger())

  // Before the dialects, so its hooks guard every route that declares config.access.
  // Paths no dialect claims. Confluent v2 lives at the root, so its path
  // families answer in its format; anything else in the native one.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    const error = new GatewayError('route_not_found', `no route ${request.method} ${path}; the native API is described at ${NATIVE_PREFIX}/openapi.json, the other dialects in docs/`)
    return config.confluent.enabled && isConfluentV2Path(path) ? sendV2Error(request, reply, error) : sendNativeError(request, reply, error)
  })
  registerAccessControl(app, deps.gateway.identity, authenticatorFor(deps.gateway.identity, config.security))
  registerOpsRoutes(app, deps.gateway, deps.metrics)
  await app.register(nativeDialect, { prefix: NATIVE_PREFIX, gateway: deps.gateway, config })
  if (config.confluent.enabled) {
    await app.register(confluentV2Dialect, { gateway: deps.gateway, config })
    await app.register(confluentV3Dialect, { prefix: CONFLUENT_V3_PREFIX, gateway: deps.gateway, config })
  }
  if (config.naver.enabled) await app.register(naverDialect, { prefix: config.naver.prefix, gateway: deps.gateway, config })
  if (config.azure.enabled) await app.register(azureDialect, { prefix: config.azure.prefix, gateway: deps.gateway, config })
  // POST <GATEWAY_TENCENT_PREFIX> (default /), dispatched on X-TC-Action (docs/tencent.md).
  if (config.tencent.enabled) await app.register(tencentDialect, { gateway: deps.gateway, config })
  await app.register(consolePlugin)
  return app
}
