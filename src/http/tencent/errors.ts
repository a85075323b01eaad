/**
 * The Tencent Cloud API 3.0 error codes this dialect answers with
 * (contracts.md §1), and the translation of the core's GatewayError onto
 * them. Every answer is HTTP 200 with
 * `{"Response":{"Error":{"Code","Message"},"RequestId"}}` (envelope.ts).
 */
import { isGatewayError, type GatewayError } from '../../core/errors.ts'
import { toGatewayError } from '../shared/error-body.ts'

export const TENCENT_ERROR_CODES = [
  'AuthFailure.SignatureFailure',
  'AuthFailure.SignatureExpire',
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.InvalidAuthorization',
  'AuthFailure.UnauthorizedOperation',
  'InvalidAction',
  'MissingParameter',
  'InvalidParameter',
  'InvalidParameterValue',
  'UnknownParameter',
  'ResourceNotFound',
  'FailedOperation',
  'OperationDenied',
  'RequestLimitExceeded',
  'RequestSizeLimitExceeded',
  'InternalError',
  'ResourceUnavailable',
  // Not in contracts.md §1's list, but the code TencentCloud API 3.0 itself
  // answers for an X-TC-Version the service does not have.
  'NoSuchVersion',
] as const

export type TencentErrorCode = (typeof TENCENT_ERROR_CODES)[number]

/** An error already phrased in Tencent's terms; `retryAfterSeconds` becomes a Retry-After header. */
export class TencentError extends Error {
  readonly code: TencentErrorCode
  readonly retryAfterSeconds: number | undefined
  /** The core error it was translated from, kept for logs. */
  readonly gatewayError: GatewayError | undefined

  constructor (code: TencentErrorCode, message: string, options: { retryAfterSeconds?: number | undefined, gatewayError?: GatewayError, cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'TencentError'
    this.code = code
    this.retryAfterSeconds = options.retryAfterSeconds
    this.gatewayError = options.gatewayError
  }
}

/** The Tencent code of a core error: by its kind, with the few codes Tencent distinguishes further. */
export function tencentCodeOf (error: GatewayError): TencentErrorCode {
  switch (error.code) {
    case 'invalid_json':
    case 'unsupported_media_type': return 'InvalidParameter'
    // The state file's entries cannot be changed through the API: the operation is refused, not failed.
    case 'read_only_entry': return 'OperationDenied'
    // The gateway lacks a master key (or has another one): nothing the caller can fix.
    case 'not_configured': return 'InternalError'
  }
  switch (error.kind) {
    case 'invalid': return 'InvalidParameterValue'
    case 'not_found': return 'ResourceNotFound'
    // A paused access point is FailedOperation per seeds 000/001.
    case 'conflict': return 'FailedOperation'
    case 'forbidden': return 'AuthFailure.UnauthorizedOperation'
    case 'unauthenticated': return 'AuthFailure.SignatureFailure'
    case 'rate_limited': return 'RequestLimitExceeded'
    case 'too_large': return 'RequestSizeLimitExceeded'
    case 'unavailable':
    case 'timeout': return 'ResourceUnavailable'
    case 'internal': return 'InternalError'
  }
}

/** Anything thrown while serving a request, as a TencentError. */
export function toTencentError (error: unknown): TencentError {
  if (error instanceof TencentError) return error
  const failure = isGatewayError(error) ? error : toGatewayError(error)
  return new TencentError(tencentCodeOf(failure), failure.message, {
    retryAfterSeconds: failure.retryable ? failure.retryAfterSeconds : undefined,
    gatewayError: failure,
    cause: error,
  })
}
