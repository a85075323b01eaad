/**
 * The one error table of the gateway. Every error a client can see has a
 * stable code, a kind (which each dialect maps onto its own status/format)
 * and a message that tells the caller what to change.
 */
export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'unavailable'
  | 'timeout'
  | 'too_large'
  | 'rate_limited'
  | 'internal'

interface ErrorSpec { kind: ErrorKind; status: number; retryable: boolean }

export const ERROR_CODES = {
  invalid_json: { kind: 'invalid', status: 400, retryable: false },
  invalid_request: { kind: 'invalid', status: 400, retryable: false },
  unsupported_media_type: { kind: 'invalid', status: 415, retryable: false },
  invalid_encoding: { kind: 'invalid', status: 422, retryable: false },
  invalid_record: { kind: 'invalid', status: 422, retryable: false },
  invalid_config: { kind: 'invalid', status: 422, retryable: false },
  invalid_offset: { kind: 'invalid', status: 400, retryable: false },
  offset_out_of_range: { kind: 'invalid', status: 416, retryable: false },
  topic_not_found: { kind: 'not_found', status: 404, retryable: false },
  partition_not_found: { kind: 'not_found', status: 404, retryable: false },
  group_not_found: { kind: 'not_found', status: 404, retryable: false },
  route_not_found: { kind: 'not_found', status: 404, retryable: false },
  topic_exists: { kind: 'conflict', status: 409, retryable: false },
  invalid_partitions: { kind: 'invalid', status: 422, retryable: false },
  invalid_replication_factor: { kind: 'invalid', status: 422, retryable: false },
  record_too_large: { kind: 'too_large', status: 413, retryable: false },
  body_too_large: { kind: 'too_large', status: 413, retryable: false },
  unauthenticated: { kind: 'unauthenticated', status: 401, retryable: false },
  forbidden: { kind: 'forbidden', status: 403, retryable: false },
  rate_limited: { kind: 'rate_limited', status: 429, retryable: true },
  // Identity, permissions, limits and access points (issue 4).
  credential_not_found: { kind: 'not_found', status: 404, retryable: false },
  permission_not_found: { kind: 'not_found', status: 404, retryable: false },
  access_point_not_found: { kind: 'not_found', status: 404, retryable: false },
  access_point_paused: { kind: 'conflict', status: 409, retryable: false },
  read_only_entry: { kind: 'conflict', status: 409, retryable: false },
  invalid_schema: { kind: 'invalid', status: 422, retryable: false },
  schema_violation: { kind: 'invalid', status: 422, retryable: false },
  request_over_limit: { kind: 'too_large', status: 413, retryable: false },
  state_unavailable: { kind: 'unavailable', status: 503, retryable: true },
  not_configured: { kind: 'unavailable', status: 503, retryable: false },
  identity_provider_unavailable: { kind: 'unavailable', status: 503, retryable: true },
  // Confluent REST compatibility: consumer instances, clusters, brokers, configs (issue 3, contracts.md §4).
  consumer_not_found: { kind: 'not_found', status: 404, retryable: false },
  consumer_exists: { kind: 'conflict', status: 409, retryable: false },
  consumer_conflict: { kind: 'conflict', status: 409, retryable: false },
  consumer_format_mismatch: { kind: 'invalid', status: 406, retryable: false },
  invalid_consumer_config: { kind: 'invalid', status: 422, retryable: false },
  schema_registry_required: { kind: 'invalid', status: 422, retryable: false },
  cluster_not_found: { kind: 'not_found', status: 404, retryable: false },
  broker_not_found: { kind: 'not_found', status: 404, retryable: false },
  config_not_found: { kind: 'not_found', status: 404, retryable: false },
  group_rebalancing: { kind: 'unavailable', status: 503, retryable: true },
  kafka_unavailable: { kind: 'unavailable', status: 503, retryable: true },
  overloaded: { kind: 'unavailable', status: 503, retryable: true },
  shutting_down: { kind: 'unavailable', status: 503, retryable: true },
  metrics_unavailable: { kind: 'unavailable', status: 503, retryable: true },
  kafka_timeout: { kind: 'timeout', status: 504, retryable: true },
  kafka_error: { kind: 'internal', status: 500, retryable: false },
  internal_error: { kind: 'internal', status: 500, retryable: false },
} as const satisfies Record<string, ErrorSpec>

export type ErrorCode = keyof typeof ERROR_CODES

export interface GatewayErrorOptions {
  /** Field or path the error is about, e.g. `records[2].value`. */
  field?: string
  /** Seconds a client should wait before retrying (503/429). */
  retryAfterSeconds?: number
  /** Kafka protocol error name, when Kafka produced the error. */
  kafkaCode?: string
  cause?: unknown
}

export class GatewayError extends Error {
  readonly code: ErrorCode
  readonly kind: ErrorKind
  readonly status: number
  readonly retryable: boolean
  readonly field: string | undefined
  readonly retryAfterSeconds: number | undefined
  readonly kafkaCode: string | undefined

  constructor (code: ErrorCode, message: string, options: GatewayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    const spec: ErrorSpec = ERROR_CODES[code]
    this.name = 'GatewayError'
    this.code = code
    this.kind = spec.kind
    this.status = spec.status
    this.retryable = spec.retryable
    this.field = options.field
    this.retryAfterSeconds = options.retryAfterSeconds ?? (spec.retryable ? 1 : undefined)
    this.kafkaCode = options.kafkaCode
  }
}

export function isGatewayError (error: unknown): error is GatewayError {
  return error instanceof GatewayError
}
