/**
 * Who is calling, from the TC3-HMAC-SHA256 signature (contracts.md §1;
 * docs/security.md "For dialect authors"): the key id of the credential
 * scope is looked up in the core's credentials, then the signature is
 * verified over the exact body bytes.
 *
 * What the official SDKs sign is not always what they send, so a few
 * readings of the same request are tried, each of which only the key's
 * holder can have signed:
 * - the Node SDK sends `Host: localhost:8080` but signs the host without
 *   its port (`host:localhost`); other SDKs sign the port too;
 * - the Node SDK signs the path it posts to (`/tencent/` behind a path
 *   prefix); the Go SDK always signs `/` (TencentCloud API 3.0's fixed
 *   CanonicalURI), and signs its whole endpoint as the host, so behind a
 *   prefix the host it signs is `localhost:8080/tencent`.
 */
import type { FastifyRequest } from 'fastify'
import { parseTc3Authorization, verifyTc3, type Tc3FailureReason } from '../../auth/tc3-signature.ts'
import type { Identity } from '../../core/identity/identity.ts'
import { ANONYMOUS, type Principal } from '../../core/identity/principal.ts'
import { TencentError, type TencentErrorCode } from './errors.ts'

export interface SignatureSettings {
  /** GATEWAY_SIGNATURE_MAX_SKEW_SECONDS */
  maxSkewSeconds: number
}

const FAILURE_CODES: Record<Tc3FailureReason, TencentErrorCode> = {
  malformed: 'AuthFailure.InvalidAuthorization',
  date_mismatch: 'AuthFailure.InvalidAuthorization',
  missing_header: 'AuthFailure.InvalidAuthorization',
  expired: 'AuthFailure.SignatureExpire',
  signature: 'AuthFailure.SignatureFailure',
}

function withoutPort (host: string): string {
  return host.replace(/:\d+$/, '')
}

/** The (host, path) pairs a conforming SDK may have signed for this request. */
export function signedReadings (host: string | undefined, path: string): Array<{ host: string | undefined, path: string }> {
  const prefix = path.replace(/\/+$/, '')
  const hosts = host === undefined ? [undefined] : [...new Set([host, withoutPort(host), `${host}${prefix}`])]
  const paths = [...new Set([path, '/'])]
  return hosts.flatMap(h => paths.map(p => ({ host: h, path: p })))
}

/**
 * The caller's principal, or a TencentError with the AuthFailure code that
 * says what to fix. In auth mode `none` every caller is the anonymous
 * administrator, as on every other dialect, and signatures are not checked.
 */
export function authenticateTc3 (request: FastifyRequest, body: Buffer, identity: Identity, settings: SignatureSettings): Principal {
  if (identity.mode === 'none') return ANONYMOUS
  const header = request.headers.authorization
  if (header === undefined || header.trim() === '') {
    throw new TencentError('AuthFailure.InvalidAuthorization', 'the request is not signed: send Authorization: TC3-HMAC-SHA256 Credential=<SecretId>/<Date>/<service>/tc3_request, SignedHeaders=…, Signature=… (the tencentcloud SDKs do this with the key id and secret of a gateway API key)')
  }
  if (request.headers['x-tc-timestamp'] === undefined) {
    throw new TencentError('MissingParameter', 'the request is missing the required parameter Timestamp: send X-TC-Timestamp (unix seconds)')
  }
  const parsed = parseTc3Authorization(header)
  if (!parsed.ok) throw new TencentError('AuthFailure.InvalidAuthorization', `the Authorization header is malformed: ${parsed.message}`)
  const resolved = identity.credentials.resolveSecret(parsed.auth.secretId)
  if (!resolved) {
    throw new TencentError('AuthFailure.SecretIdNotFound', `SecretId ${parsed.auth.secretId} is not an active API key of this gateway; create one with POST /gateway/v1/credentials and use its id and secret`)
  }
  const path = request.url.split('?', 1)[0] ?? '/'
  const now = Date.now()
  for (const reading of signedReadings(request.headers.host, path)) {
    const result = verifyTc3({
      authorization: parsed.auth,
      headers: { ...request.headers, host: reading.host },
      method: request.method,
      path: reading.path,
      query: '',
      body,
      secretKey: resolved.secret,
      now,
      maxSkewSeconds: settings.maxSkewSeconds,
    })
    if (result.ok) return resolved.principal
    // Only a signature mismatch can depend on the reading; anything else is final.
    if (result.reason !== 'signature') throw new TencentError(FAILURE_CODES[result.reason], result.message)
  }
  throw new TencentError('AuthFailure.SignatureFailure', `the signature does not match: sign with the secret of key ${parsed.auth.secretId}, over the exact body sent, with the Host this gateway is reached at`)
}
