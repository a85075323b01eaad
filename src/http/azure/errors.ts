/**
 * GatewayError → the Azure answer: the HTTP status the HDInsight Kafka REST
 * proxy reference lists (400, 401, 403, 404, 500; plus 409, 413, 429, 503,
 * 504 for the failure classes it does not name) and, as Azure REST APIs do,
 * `{"error": {"code", "message"}}` (contracts.md §3; docs/azure.md).
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { GatewayError } from '../../core/errors.ts'
import { logServerError } from '../shared/error-body.ts'

/** `topic_not_found` → `TopicNotFound`, the code style of Azure REST errors. */
export function azureErrorCode (error: GatewayError): string {
  return error.code.split('_').map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('')
}

export function azureStatus (error: GatewayError): number {
  // The proxy reference has no 416/422/415: a request it cannot serve is a Bad Request.
  if (error.kind === 'invalid') return 400
  return error.status
}

export function sendAzureError (request: FastifyRequest, reply: FastifyReply, error: GatewayError): FastifyReply {
  const status = azureStatus(error)
  if (error.retryAfterSeconds !== undefined && error.retryable) reply.header('retry-after', String(error.retryAfterSeconds))
  logServerError(request.log, error, status)
  return reply.code(status).type('application/json; charset=utf-8').send({ error: { code: azureErrorCode(error), message: error.message } })
}
