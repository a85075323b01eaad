// Authorization header (or client certificate) → principal, the same for
// every dialect that uses standard HTTP authentication (native, Confluent):
//
//   Bearer <GATEWAY_ADMIN_TOKEN>   the bootstrap administrator
//   Bearer gw_<id>_<secret>        a gateway API key (api-key-format.ts)
//   Bearer <JWT>                   an OIDC token (oidc.ts), when an issuer is configured
//   Basic base64(<id>:<secret>)    a gateway API key (Confluent clients)
//   (no header) verified client certificate → its subject (mutual TLS)
//
// Secrets and tokens are compared in constant time and never logged. The
// signature dialects (TC3, NCP) do not come through here: they look the key
// up with identity.credentials.resolveSecret and verify the signature.
import { GatewayError } from '../core/errors.ts'
import type { Identity } from '../core/identity/identity.ts'
import { ADMIN_TOKEN_PRINCIPAL, ANONYMOUS, type Principal } from '../core/identity/principal.ts'
import { parseApiToken } from './api-key-format.ts'
import { parseBasicAuthorization } from './basic.ts'
import { extractBearerToken } from './bearer.ts'
import { createOidcVerifier, type OidcFailureReason, type OidcVerifier } from './oidc.ts'
import { safeEqualStrings } from './timing-safe.ts'

/** The challenge sent with every 401 (RFC 9110 §11.6.1). */
export const WWW_AUTHENTICATE = 'Bearer realm="kafka-gateway", Basic realm="kafka-gateway", charset="UTF-8"'

export interface AuthenticatorOptions {
  adminToken?: string | undefined
  oidc?: OidcVerifier | undefined
  /** Tokens without this group are refused (contracts.md §3: the configured security group). */
  requiredGroup?: string | undefined
}

export interface Credentials {
  authorization: string | string[] | undefined
  /** The principal of a verified client certificate, if the connection has one. */
  certificate: Principal | null
}

const unauthenticated = (message: string): GatewayError => new GatewayError('unauthenticated', message)

const OIDC_MESSAGES: Record<OidcFailureReason, string> = {
  expired: 'the token has expired or is not yet valid; get a new one from the issuer',
  audience: 'the token was issued for another audience; ask the issuer for a token for this gateway',
  issuer: 'the token comes from an issuer this gateway does not trust',
  signature: 'the token signature is not valid for the configured issuer',
  malformed: 'the bearer token is malformed',
  jwks_unavailable: '',
}

export class Authenticator {
  readonly #identity: Identity
  readonly #options: AuthenticatorOptions

  constructor (identity: Identity, options: AuthenticatorOptions) {
    this.#identity = identity
    this.#options = options
  }

  async authenticate (credentials: Credentials): Promise<Principal> {
    if (this.#identity.mode === 'none') return ANONYMOUS
    const header = credentials.authorization
    if (Array.isArray(header)) throw unauthenticated('send one Authorization header, not several')
    if (header === undefined || header.trim() === '') {
      if (credentials.certificate) return credentials.certificate
      throw unauthenticated('this endpoint needs credentials: send Authorization: Bearer <API token or JWT>, or Basic base64(<key id>:<secret>)')
    }
    const scheme = header.trim().split(/\s+/, 1)[0]!.toLowerCase()
    if (scheme === 'basic') return this.#basic(header)
    if (scheme === 'bearer') return this.#bearer(header)
    throw unauthenticated(`the ${scheme} authorization scheme is not accepted here; use Bearer or Basic`)
  }

  #basic (header: string): Principal {
    const basic = parseBasicAuthorization(header)
    if (!basic) throw unauthenticated('the Basic credentials are malformed; send base64(<key id>:<secret>)')
    return this.#apiKey(basic.id, basic.secret)
  }

  async #bearer (header: string): Promise<Principal> {
    const token = extractBearerToken(header)
    if (!token) throw unauthenticated('the bearer token is malformed')
    const admin = this.#options.adminToken
    if (admin !== undefined && safeEqualStrings(token, admin)) return ADMIN_TOKEN_PRINCIPAL
    const apiToken = parseApiToken(token)
    if (apiToken) return this.#apiKey(apiToken.id, apiToken.secret)
    if (this.#options.oidc) return this.#jwt(this.#options.oidc, token)
    throw unauthenticated('the bearer token is neither a gateway API token (gw_…) nor the admin token, and this gateway accepts no OIDC tokens')
  }

  #apiKey (id: string, secret: string): Principal {
    const principal = this.#identity.credentials.verify(id, secret)
    // One message for unknown, revoked and wrong secret: do not tell a guesser which.
    if (!principal) throw unauthenticated('the API key is unknown, revoked, or its secret does not match')
    return principal
  }

  async #jwt (oidc: OidcVerifier, token: string): Promise<Principal> {
    const result = await oidc.verify(token)
    if (!result.ok) {
      if (result.reason === 'jwks_unavailable') {
        throw new GatewayError('identity_provider_unavailable', 'the keys of the OIDC issuer cannot be fetched right now; retry shortly', { retryAfterSeconds: 5 })
      }
      throw unauthenticated(OIDC_MESSAGES[result.reason])
    }
    const required = this.#options.requiredGroup
    if (required !== undefined && !result.groups.includes(required)) {
      throw new GatewayError('forbidden', `the token of ${result.principal} lacks the group ${required} that this gateway requires`)
    }
    return { id: result.principal, kind: 'oidc', groups: result.groups }
  }
}

export interface AuthenticatorSettings {
  auth: { adminToken?: string | undefined }
  oidc: {
    issuer?: string | undefined
    jwksUrl?: string | undefined
    audience: readonly string[]
    clockToleranceSeconds: number
    groupsClaim: string
    principalClaim: string
    requiredGroup?: string | undefined
  }
}

/** The authenticator the settings describe: OIDC only when an issuer is configured. */
export function authenticatorFor (identity: Identity, settings: AuthenticatorSettings, createVerifier: typeof createOidcVerifier = createOidcVerifier): Authenticator {
  const { oidc } = settings
  const verifier = oidc.issuer === undefined
    ? undefined
    : createVerifier({
      issuer: oidc.issuer,
      ...(oidc.jwksUrl !== undefined ? { jwksUrl: oidc.jwksUrl } : {}),
      audience: [...oidc.audience],
      clockToleranceSeconds: oidc.clockToleranceSeconds,
      groupsClaim: oidc.groupsClaim,
      principalClaim: oidc.principalClaim,
    })
  return new Authenticator(identity, { adminToken: settings.auth.adminToken, oidc: verifier, requiredGroup: oidc.requiredGroup })
}
