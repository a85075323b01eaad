/**
 * GatewayError → Confluent v2 error body `{error_code, message}` and HTTP
 * status (contracts.md §4). Five-digit codes carry their HTTP status in the
 * first three digits; three-digit codes are the status itself.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { GatewayError } from '../../core/errors.ts'
import { logServerError } from '../shared/error-body.ts'

export const V2_MEDIA_TYPE = 'application/vnd.kafka.v2+json'

/** Kafka protocol errors a client may retry; Confluent reports them as 50003. */
const RETRIABLE_KAFKA = new Set(['LEADER_NOT_AVAILABLE', 'NOT_LEADER_OR_FOLLOWER', 'NOT_ENOUGH_REPLICAS', 'NOT_ENOUGH_REPLICAS_AFTER_APPEND', 'NOT_CONTROLLER', 'COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR', 'COORDINATOR_LOAD_IN_PROGRESS', 'REQUEST_TIMED_OUT', 'KAFKA_STORAGE_ERROR'])

export function v2ErrorCode (error: GatewayError): number {
  switch (error.code) {
    case 'topic_not_found': return 40401
    case 'partition_not_found': return 40402
    case 'consumer_not_found': return 40403
    case 'consumer_format_mismatch': return 40601
    case 'consumer_exists': return 40902
    case 'consumer_conflict': return 40903
    case 'schema_registry_required': return error.field === 'key_schema' ? 42201 : error.field === 'value_schema' ? 42202 : 42207
    case 'invalid_request': return 42203
    case 'invalid_consumer_config': return 42204
    case 'invalid_encoding':
    case 'invalid_record': return 42206
    case 'unauthenticated': return 40101
    case 'forbidden': return 40301
    case 'rate_limited': return error.kafkaCode === 'THROTTLING_QUOTA_EXCEEDED' ? 42901 : 429
    case 'record_too_large':
    case 'body_too_large':
    case 'request_over_limit': return 413
    case 'kafka_unavailable': return error.kafkaCode && RETRIABLE_KAFKA.has(error.kafkaCode) ? 50003 : 50302
    case 'kafka_timeout':
    case 'group_rebalancing': return 50003
    case 'kafka_error': return 50002
    case 'internal_error': return 500
    default: return error.status
  }
}

export function v2Status (errorCode: number): number {
  return errorCode >= 10_000 ? Math.floor(errorCode / 100) : errorCode
}

export function sendV2Error (request: FastifyRequest, reply: FastifyReply, error: GatewayError): FastifyReply {
  const errorCode = v2ErrorCode(error)
  if (error.retryAfterSeconds !== undefined && error.retryable) reply.header('retry-after', String(error.retryAfterSeconds))
  logServerError(request.log, error)
  return reply.code(v2Status(errorCode)).type(V2_MEDIA_TYPE).send({ error_code: errorCode, message: error.message })
}
