/**
 * The Tencent Cloud CKafka dialect (contracts.md §1, seeds 000/001): one
 * route, `POST <prefix>` (default `/`), dispatched on X-TC-Action, signed
 * with TC3-HMAC-SHA256 and answered in the `{"Response":{…,"RequestId"}}`
 * envelope with HTTP 200. The dialect checks signatures itself
 * (`checkedByDialect`, docs/security.md "For dialect authors"), so it reads
 * every body as raw bytes: the signature covers them exactly.
 */
import type { FastifyInstance } from 'fastify'
import type { GatewayConfig } from '../../config/schema.ts'
import type { Gateway } from '../../core/gateway.ts'
import { dispatchTencentRequest, type DispatchDeps } from './dispatch.ts'
import { sendTencentError, tencentRequestId } from './envelope.ts'
import { InstanceIds } from './instance.ts'

/** `/` → [`/`]; `/tencent` → [`/tencent`, `/tencent/`] (the SDKs post to `<endpoint>/`). */
export function tencentPaths (prefix: string): string[] {
  const base = prefix.replace(/\/+$/, '')
  return base === '' ? ['/'] : [base, `${base}/`]
}

export async function tencentDialect (app: FastifyInstance, opts: { gateway: Gateway, config: Readonly<GatewayConfig> }): Promise<void> {
  const deps: DispatchDeps = {
    gateway: opts.gateway,
    instances: new InstanceIds(opts.gateway.admin, opts.config.tencent.instanceIds),
    signature: { maxSkewSeconds: opts.config.security.auth.signatureMaxSkewSeconds },
  }
  // Raw bytes for every content type: the signature is over the exact body, and the action parses it.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => { done(null, body) })
  // Failures before the handler (a body over GATEWAY_BODY_LIMIT_BYTES, a broken upload) still answer in the envelope.
  app.setErrorHandler((error, request, reply) => sendTencentError(request, reply, error))
  // The root hook sets X-Request-Id to the gateway's request id; keep it equal to the answer's RequestId.
  app.addHook('onSend', async (request, reply) => { reply.header('x-request-id', tencentRequestId(request)) })

  for (const url of tencentPaths(opts.config.tencent.prefix)) {
    app.post(url, {
      // TencentCloud API 3.0 is one endpoint for every action; it is described in docs/tencent.md, not in the native OpenAPI document.
      schema: { hide: true },
      config: { checkedByDialect: true },
    }, (request, reply) => dispatchTencentRequest(request, reply, deps))
  }
}
