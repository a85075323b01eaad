/**
 * The Confluent REST Proxy v2 dialect at the root paths (/topics,
 * /consumers, /brokers; contracts.md §4): its content types, its routes and
 * its error format `{error_code, message}`. A translation onto the core and
 * nothing else.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { GatewayConfig } from '../../config/schema.ts'
import { GatewayError } from '../../core/errors.ts'
import type { Gateway } from '../../core/gateway.ts'
import { toGatewayError } from '../shared/error-body.ts'
import { sendV2Error, V2_MEDIA_TYPE } from './errors.ts'
import { VENDOR_JSON } from './media-types.ts'
import { registerConsumerOffsetRoutes } from './routes/consumer-offsets.ts'
import { registerConsumerRecordRoutes } from './routes/consumer-records.ts'
import { registerConsumerRoutes } from './routes/consumers.ts'
import { registerProduceRoutes } from './routes/produce.ts'
import { registerTopicRoutes } from './routes/topics.ts'

const V2_PATH_FAMILIES = /^\/(topics|consumers|brokers)(\/|$)/

/** Whether an unmatched path belongs to v2's root path families, so its 404 answers in v2's format. */
export function isConfluentV2Path (path: string): boolean {
  return V2_PATH_FAMILIES.test(path)
}

export async function confluentV2Dialect (app: FastifyInstance, opts: { gateway: Gateway, config: Readonly<GatewayConfig> }): Promise<void> {
  // Vendor types and plain JSON (any charset) carry JSON; an empty body (commit everything, create with defaults) is no body.
  const parseJson = app.getDefaultJsonParser('error', 'ignore')
  const lenientJson = (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, body?: unknown) => void): void => {
    const text = body.toString()
    if (text.trim() === '') { done(null, undefined); return }
    parseJson(request, text, done)
  }
  app.addContentTypeParser('application/json', { parseAs: 'string' }, lenientJson)
  app.addContentTypeParser(VENDOR_JSON, { parseAs: 'string' }, lenientJson)
  app.addContentTypeParser('text/plain', (_request, _payload, done) => {
    done(new GatewayError('unsupported_media_type', 'text/plain is not accepted; send application/vnd.kafka.{binary|json|string}.v2+json or application/json'))
  })
  // Every answer but records is application/vnd.kafka.v2+json.
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = reply.getHeader('content-type')
    if (typeof type === 'string' && type.startsWith('application/json')) reply.header('content-type', V2_MEDIA_TYPE)
    return payload
  })

  // Confluent takes an absent body as an empty object (create with defaults, commit everything fetched).
  app.addHook('preValidation', async request => {
    if (request.body === undefined && request.method === 'POST') request.body = {}
  })
  app.setErrorHandler((error, request, reply) => sendV2Error(request, reply, toGatewayError(error)))

  const consumers = opts.config.confluent.consumers
  registerTopicRoutes(app, opts.gateway)
  registerProduceRoutes(app, opts.gateway)
  registerConsumerRoutes(app, opts.gateway, { advertisedUrl: opts.config.confluent.advertisedUrl, requestTimeoutMs: consumers.requestTimeoutMs })
  registerConsumerOffsetRoutes(app, opts.gateway, { bodyLimitBytes: opts.config.http.bodyLimitBytes })
  registerConsumerRecordRoutes(app, opts.gateway)
}
