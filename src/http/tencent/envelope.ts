/**
 * The TencentCloud API 3.0 answer (contracts.md §1): always HTTP 200 with
 * `{"Response":{...,"RequestId":"<uuid>"}}`, errors as
 * `{"Response":{"Error":{"Code","Message"},"RequestId"}}`. Only transport
 * failures are anything but 200, because the SDKs treat any other status as
 * a transport failure and lose the code.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { toTencentError } from './errors.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const TRACE_ID = /^[A-Za-z0-9._:-]{1,128}$/
const requestIds = new WeakMap<FastifyRequest, string>()

/**
 * The RequestId of the answer: the gateway's request id when it is a UUID
 * (it is, unless the caller sent an X-Request-Id of another shape), else a
 * fresh UUID. The same value goes into the X-Request-Id header.
 */
export function tencentRequestId (request: FastifyRequest): string {
  let id = requestIds.get(request)
  if (id === undefined) {
    const own = String(request.id)
    id = UUID.test(own) ? own : randomUUID()
    requestIds.set(request, id)
  }
  return id
}

function prepare (request: FastifyRequest, reply: FastifyReply): string {
  const requestId = tencentRequestId(request)
  reply.header('x-request-id', requestId)
  // The SDKs read X-TC-TraceId from the answer to correlate their own logs.
  const trace = request.headers['x-tc-traceid']
  if (typeof trace === 'string' && TRACE_ID.test(trace)) reply.header('x-tc-traceid', trace)
  return requestId
}

export function sendTencentResult (request: FastifyRequest, reply: FastifyReply, result: Record<string, unknown>): FastifyReply {
  const requestId = prepare(request, reply)
  return reply.code(200).type('application/json').send({ Response: { ...result, RequestId: requestId } })
}

export function sendTencentError (request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const failure = toTencentError(error)
  const requestId = prepare(request, reply)
  if (failure.code === 'InternalError') request.log.error({ err: error, code: failure.code, requestId }, failure.message)
  if (failure.retryAfterSeconds !== undefined) reply.header('retry-after', String(failure.retryAfterSeconds))
  return reply.code(200).type('application/json').send({
    Response: { Error: { Code: failure.code, Message: failure.message }, RequestId: requestId },
  })
}
