/**
 * Kafka client errors → gateway errors, by protocol error id and client error
 * class code, never by message text.
 */
import { GatewayError, type ErrorCode } from '../core/errors.ts'

const BY_PROTOCOL_ID: Record<string, ErrorCode> = {
  UNKNOWN_TOPIC_OR_PARTITION: 'topic_not_found',
  UNKNOWN_TOPIC_ID: 'topic_not_found',
  TOPIC_ALREADY_EXISTS: 'topic_exists',
  INVALID_TOPIC_EXCEPTION: 'invalid_request',
  INVALID_PARTITIONS: 'invalid_partitions',
  INVALID_REPLICATION_FACTOR: 'invalid_replication_factor',
  INVALID_REPLICA_ASSIGNMENT: 'invalid_replication_factor',
  INVALID_CONFIG: 'invalid_config',
  POLICY_VIOLATION: 'invalid_config',
  INVALID_REQUEST: 'invalid_request',
  MESSAGE_TOO_LARGE: 'record_too_large',
  RECORD_LIST_TOO_LARGE: 'record_too_large',
  OFFSET_OUT_OF_RANGE: 'offset_out_of_range',
  GROUP_ID_NOT_FOUND: 'group_not_found',
  TOPIC_AUTHORIZATION_FAILED: 'forbidden',
  GROUP_AUTHORIZATION_FAILED: 'forbidden',
  CLUSTER_AUTHORIZATION_FAILED: 'forbidden',
  SASL_AUTHENTICATION_FAILED: 'kafka_unavailable',
  NOT_ENOUGH_REPLICAS: 'kafka_unavailable',
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: 'kafka_unavailable',
  LEADER_NOT_AVAILABLE: 'kafka_unavailable',
  NOT_LEADER_OR_FOLLOWER: 'kafka_unavailable',
  NOT_CONTROLLER: 'kafka_unavailable',
  COORDINATOR_NOT_AVAILABLE: 'kafka_unavailable',
  NOT_COORDINATOR: 'kafka_unavailable',
  COORDINATOR_LOAD_IN_PROGRESS: 'kafka_unavailable',
  REQUEST_TIMED_OUT: 'kafka_timeout',
  KAFKA_STORAGE_ERROR: 'kafka_unavailable',
  BROKER_NOT_AVAILABLE: 'kafka_unavailable',
  THROTTLING_QUOTA_EXCEEDED: 'rate_limited',
}

interface ErrorLike {
  code?: unknown
  apiId?: unknown
  errors?: unknown
  cause?: unknown
  serverErrorMessage?: unknown
}

/** Every protocol error id and client code found anywhere in the error tree. */
function collect (error: unknown, ids: string[], codes: string[], serverMessages: string[], depth = 0): void {
  if (typeof error !== 'object' || error === null || depth > 8) return
  const e = error as ErrorLike
  if (typeof e.apiId === 'string') ids.push(e.apiId)
  if (typeof e.code === 'string') codes.push(e.code)
  if (typeof e.serverErrorMessage === 'string' && e.serverErrorMessage) serverMessages.push(e.serverErrorMessage)
  if (Array.isArray(e.errors)) for (const child of e.errors) collect(child, ids, codes, serverMessages, depth + 1)
  if (e.cause) collect(e.cause, ids, codes, serverMessages, depth + 1)
}

export function kafkaErrorIds (error: unknown): string[] {
  const ids: string[] = []
  collect(error, ids, [], [])
  return ids
}

export interface KafkaErrorContext {
  topic?: string
  partition?: number
  group?: string
  /** What the gateway was doing, for the message. */
  action: string
}

function describeSubject (ctx: KafkaErrorContext): string {
  if (ctx.group) return `group ${ctx.group}`
  if (ctx.topic && ctx.partition !== undefined) return `topic ${ctx.topic} partition ${ctx.partition}`
  if (ctx.topic) return `topic ${ctx.topic}`
  return 'the cluster'
}

export function isNetworkFailure (error: unknown): boolean {
  const ids: string[] = []
  const codes: string[] = []
  collect(error, ids, codes, [])
  return ids.length === 0 && codes.some(c => c === 'PLT_KFK_NETWORK' || c === 'PLT_KFK_TIMEOUT' || c === 'ECONNREFUSED' || c === 'ETIMEDOUT')
}

export function mapKafkaError (error: unknown, ctx: KafkaErrorContext): GatewayError {
  if (error instanceof GatewayError) return error
  const ids: string[] = []
  const codes: string[] = []
  const serverMessages: string[] = []
  collect(error, ids, codes, serverMessages)
  const subject = describeSubject(ctx)
  const detail = serverMessages[0] ? ` (Kafka says: ${serverMessages[0]})` : ''
  for (const id of ids) {
    const code = BY_PROTOCOL_ID[id]
    if (!code) continue
    const options = { kafkaCode: id, cause: error }
    switch (code) {
      case 'topic_not_found':
        return new GatewayError(code, `${ctx.topic ? `topic ${ctx.topic}` : 'the topic'} does not exist; create it first or check the name`, options)
      case 'topic_exists':
        return new GatewayError(code, `topic ${ctx.topic ?? ''} already exists; pick another name or delete it first`, options)
      case 'group_not_found':
        return new GatewayError(code, `consumer group ${ctx.group ?? ''} does not exist`, options)
      case 'offset_out_of_range':
        return new GatewayError(code, `the offset is outside the retained range of ${subject}; ask for earliest or latest, or an offset between them`, options)
      case 'kafka_unavailable':
      case 'kafka_timeout':
        return new GatewayError(code, `Kafka could not ${ctx.action} for ${subject} right now (${id}); retry shortly`, options)
      default:
        return new GatewayError(code, `Kafka refused to ${ctx.action} for ${subject}: ${id}${detail}`, options)
    }
  }
  if (codes.some(c => c === 'PLT_KFK_NETWORK' || c === 'PLT_KFK_TIMEOUT' || c === 'ECONNREFUSED')) {
    return new GatewayError('kafka_unavailable', `Kafka is unreachable, could not ${ctx.action} for ${subject}; retry shortly`, { cause: error, retryAfterSeconds: 2 })
  }
  const first = ids[0]
  return new GatewayError('kafka_error', `Kafka failed to ${ctx.action} for ${subject}${first ? `: ${first}` : ''}${detail}`, { cause: error, ...(first ? { kafkaCode: first } : {}) })
}
