/**
 * GatewayError → NAVER Data Stream answer `{status, detail}` and HTTP status
 * (contracts.md §2, seed 003). `detail` is the seed's message for the status,
 * word for word, so clients that compare it keep working; `message` adds the
 * gateway's explanation of what to change. `status` is a number as the
 * contract says (the seed's example shows the string "200"; see docs/naver.md).
 *
 * Failure classes the seed's table does not name (rate limits, sizes, Kafka
 * down, unknown routes) answer their standard HTTP status and reason phrase.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { GatewayError } from '../../core/errors.ts'
import { logServerError } from '../shared/error-body.ts'

/** Which API answers: the produce API maps everything the client sent wrong onto seed 003's 400s. */
export type NaverSurface = 'produce' | 'topics'

/** `field` of the GatewayErrors raised for missing or malformed x-ncp-* headers. */
export const NCP_HEADERS_FIELD = 'x-ncp-apigw-*'

export const DETAIL = {
  ok: 'OK',
  badRequest: 'Bad Request',
  invalidHeaders: 'Bad Request, Invalid headers',
  invalidPartition: 'Bad Request, Invalid topic partition',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  notFound: 'Not Found',
  conflict: 'Conflict',
  tooLarge: 'Payload Too Large',
  tooMany: 'Too Many Requests',
  unavailable: 'Service Unavailable',
  timeout: 'Gateway Timeout',
  internal: 'Internal Server Error',
} as const

export interface NaverFailure { status: number, detail: string }

export function naverFailure (error: GatewayError, surface: NaverSurface): NaverFailure {
  if (error.field === NCP_HEADERS_FIELD) return { status: 400, detail: DETAIL.invalidHeaders }
  switch (error.code) {
    case 'partition_not_found': return { status: 400, detail: DETAIL.invalidPartition }
    // The produce API names its topic in the body: an unknown one is a bad body value (seed 003: "Invalid request or body values").
    case 'topic_not_found': return surface === 'produce' ? { status: 400, detail: DETAIL.badRequest } : { status: 404, detail: DETAIL.notFound }
  }
  switch (error.kind) {
    case 'invalid': return { status: 400, detail: DETAIL.badRequest }
    case 'unauthenticated': return { status: 401, detail: DETAIL.unauthorized }
    case 'forbidden': return { status: 403, detail: DETAIL.forbidden }
    case 'not_found': return { status: 404, detail: DETAIL.notFound }
    case 'conflict': return { status: 409, detail: DETAIL.conflict }
    case 'too_large': return { status: 413, detail: DETAIL.tooLarge }
    case 'rate_limited': return { status: 429, detail: DETAIL.tooMany }
    case 'unavailable': return { status: 503, detail: DETAIL.unavailable }
    case 'timeout': return { status: 504, detail: DETAIL.timeout }
    case 'internal': return { status: 500, detail: DETAIL.internal }
  }
}

export function sendNaverError (request: FastifyRequest, reply: FastifyReply, error: GatewayError, surface: NaverSurface): FastifyReply {
  const { status, detail } = naverFailure(error, surface)
  if (error.retryAfterSeconds !== undefined && error.retryable) reply.header('retry-after', String(error.retryAfterSeconds))
  logServerError(request.log, error, status)
  return reply.code(status).type('application/json; charset=utf-8').send({ status, detail, message: error.message })
}
