/**
 * GatewayError → Confluent v3 `{error_code, message}` and HTTP status, as
 * the v3 reference shows them (contracts.md §4): an unknown topic or
 * partition is 404/40403, Kafka refusing a topic change is 400/40002,
 * Kafka authentication/authorization 40101/40301, retriable Kafka errors
 * 50003; everything else carries its HTTP status as its code.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { GatewayError } from '../../core/errors.ts'
import { logServerError } from '../shared/error-body.ts'

export interface V3Failure { status: number, errorCode: number }

export function v3Failure (error: GatewayError): V3Failure {
  switch (error.code) {
    case 'topic_not_found':
    case 'partition_not_found': return { status: 404, errorCode: 40403 }
    case 'topic_exists':
    case 'invalid_partitions':
    case 'invalid_replication_factor':
    case 'invalid_config': return { status: 400, errorCode: 40002 }
    case 'unauthenticated': return { status: 401, errorCode: 40101 }
    case 'forbidden': return { status: 403, errorCode: 40301 }
    case 'rate_limited': return { status: 429, errorCode: error.kafkaCode === 'THROTTLING_QUOTA_EXCEEDED' ? 42901 : 429 }
    case 'kafka_unavailable':
    case 'kafka_timeout':
    case 'group_rebalancing': return { status: error.status, errorCode: 50003 }
    case 'kafka_error': return { status: 500, errorCode: 50002 }
    // v3 refuses what it cannot serialize (schema formats, bad base64) as a bad request.
    case 'schema_registry_required':
    case 'invalid_encoding':
    case 'invalid_request':
    case 'invalid_record': return { status: 400, errorCode: 400 }
    default: return { status: error.status, errorCode: error.status }
  }
}

export function sendV3Error (request: FastifyRequest, reply: FastifyReply, error: GatewayError): FastifyReply {
  const { status, errorCode } = v3Failure(error)
  if (error.retryAfterSeconds !== undefined && error.retryable) reply.header('retry-after', String(error.retryAfterSeconds))
  logServerError(request.log, error, status)
  return reply.code(status).type('application/json').send({ error_code: errorCode, message: error.message })
}
