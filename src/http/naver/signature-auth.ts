/**
 * NCP signature v2 for the NAVER dialect (contracts.md §2; docs/security.md
 * "For dialect authors"): the access key is a gateway API key id, the secret
 * key its secret. The dialect checks the signature itself with the core's
 * identity, then asks the one authorizer and the per-principal limits.
 */
import type { FastifyRequest } from 'fastify'
import { parseNcpHeaders, verifyNcp } from '../../auth/ncp-signature.ts'
import { GatewayError } from '../../core/errors.ts'
import type { Identity } from '../../core/identity/identity.ts'
import { ANONYMOUS, type Operation, type Principal, type Resource } from '../../core/identity/principal.ts'
import { NCP_HEADERS_FIELD } from './errors.ts'

/** One message for an unknown key, a revoked key and a wrong signature: a guesser learns nothing. */
const NOT_VERIFIED = 'the NCP signature does not match: sign "METHOD URI\\ntimestamp\\naccessKey" with the secret of an active API key (docs/naver.md)'

export interface NcpCheck {
  identity: Identity
  /** GATEWAY_SIGNATURE_MAX_SKEW_SECONDS, in milliseconds. */
  maxSkewMs: number
  now?: () => number
}

/**
 * The principal that signed the request. With GATEWAY_AUTH_MODE=none every
 * caller is the anonymous administrator, as for every other dialect.
 * Missing or malformed x-ncp-* headers are seed 003's "Invalid headers".
 */
export function authenticateNcp (request: FastifyRequest, check: NcpCheck): Principal {
  if (check.identity.mode === 'none') return ANONYMOUS
  const parsed = parseNcpHeaders(request.headers)
  if (!parsed.ok) throw new GatewayError('invalid_request', `${parsed.message}; send x-ncp-apigw-timestamp, x-ncp-iam-access-key and x-ncp-apigw-signature-v2`, { field: NCP_HEADERS_FIELD })
  const resolved = check.identity.credentials.resolveSecret(parsed.credentials.accessKey)
  if (!resolved) throw new GatewayError('unauthenticated', NOT_VERIFIED)
  const verified = verifyNcp({
    headers: request.headers,
    method: request.method,
    // The raw request target as sent: the client signed these bytes, prefix and query included.
    uri: request.url,
    secretKey: resolved.secret,
    now: (check.now ?? Date.now)(),
    maxSkewMs: check.maxSkewMs,
  })
  if (!verified.ok) {
    throw new GatewayError('unauthenticated', verified.reason === 'expired'
      ? `x-ncp-apigw-timestamp is more than ${check.maxSkewMs / 1000} s away from the gateway's clock; send the current time in epoch milliseconds`
      : NOT_VERIFIED)
  }
  return resolved.principal
}

/** The request's body size, for the per-principal byte limit. */
function bodyBytes (request: FastifyRequest): number {
  const length = Number(request.headers['content-length'])
  return Number.isSafeInteger(length) && length > 0 ? length : 0
}

/**
 * May the signed-in caller do this (the core authorizer), and is it within
 * its limits (the core rate limiter)? Throws forbidden / rate_limited.
 */
export function admit (request: FastifyRequest, identity: Identity, operation: Operation, resource: Resource): void {
  const principal = request.principal
  if (!principal) throw new GatewayError('internal_error', 'the NAVER route ran without an authenticated caller')
  identity.authorizer.authorize(principal, operation, resource)
  identity.admitRequest(principal, bodyBytes(request))
}
