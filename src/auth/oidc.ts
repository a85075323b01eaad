// Bearer JWT verification against an OIDC issuer (contracts.md §3): signature
// against the issuer's JWKS, then `iss`, `aud`, `exp`/`nbf`, then principal
// and groups from configurable claims.
//
// Keys come from jose's createRemoteJWKSet: it caches the set, refetches when
// a token names an unknown `kid` (key rotation), and rate-limits those
// refetches with a cooldown so a flood of forged kids cannot hammer the IdP.
// Failures are classified by jose error code, never by message text.
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTHeaderParameters, JWTPayload, FlattenedJWSInput, CryptoKey } from 'jose';
import { groupsFromClaim, readClaimPath } from './claims.ts';

export interface OidcVerifierOptions {
  /** Expected `iss`, exactly as the issuer writes it. */
  issuer: string;
  /** JWKS location; when absent it is read from `${issuer}/.well-known/openid-configuration`. */
  jwksUrl?: string;
  /** Accepted `aud` value(s). */
  audience: string | string[];
  /** Leeway for exp/nbf. Default 30. */
  clockToleranceSeconds?: number;
  /** Dot path of the groups claim, e.g. `groups` or `realm_access.roles`. Default `groups`. */
  groupsClaim?: string;
  /** Claim naming the principal. Default `sub`. */
  principalClaim?: string;
  /** Accepted JWS algorithms. Default: asymmetric ones only (no HS*, no `none`). */
  algorithms?: string[];
  /** Minimum time between JWKS refetches triggered by an unknown kid. Default 30 000 (jose's default). */
  jwksCooldownMs?: number;
  /** Refetch the JWKS after this age even without an unknown kid. Default 600 000. */
  jwksCacheMaxAgeMs?: number;
  /** Timeout for discovery and JWKS HTTP requests. Default 5 000. */
  httpTimeoutMs?: number;
}

export type OidcFailureReason = 'expired' | 'audience' | 'issuer' | 'signature' | 'malformed' | 'jwks_unavailable';

export type OidcVerifyResult =
  | { ok: true; principal: string; groups: string[]; claims: JWTPayload }
  | { ok: false; reason: OidcFailureReason; message: string };

export interface OidcVerifier {
  verify(token: string): Promise<OidcVerifyResult>;
}

const DEFAULT_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

type KeyResolver = (header: JWTHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey>;

/** Marks a failure to obtain keys (discovery/JWKS fetch) as opposed to a bad token. */
class JwksUnavailableError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'JwksUnavailableError';
  }
}

/** Errors the key resolver raises because of the token, not because keys are unreachable. */
const TOKEN_LEVEL_KEY_ERRORS = new Set([
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
  errors.JOSENotSupported.code,
]);

function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

async function discoverJwksUrl(issuer: string, timeoutMs: number): Promise<URL> {
  let response: Response;
  try {
    response = await fetch(discoveryUrl(issuer), {
      headers: { accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    throw new JwksUnavailableError('OIDC discovery request failed', err);
  }
  if (response.status !== 200) throw new JwksUnavailableError(`OIDC discovery answered HTTP ${response.status}`);
  let doc: unknown;
  try {
    doc = await response.json();
  } catch (err) {
    throw new JwksUnavailableError('OIDC discovery document is not JSON', err);
  }
  const meta = doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>) : {};
  // OpenID Connect Discovery §4.3: the document's issuer must equal the configured one.
  if (meta['issuer'] !== issuer) throw new JwksUnavailableError('OIDC discovery issuer does not match the configured issuer');
  const jwksUri = meta['jwks_uri'];
  if (typeof jwksUri !== 'string' || !URL.canParse(jwksUri)) throw new JwksUnavailableError('OIDC discovery has no valid jwks_uri');
  return new URL(jwksUri);
}

function failure(reason: OidcFailureReason, message: string): OidcVerifyResult {
  return { ok: false, reason, message };
}

/** Maps a jwtVerify rejection to a reason, by error class/code only. */
function classify(err: unknown): OidcVerifyResult {
  if (err instanceof JwksUnavailableError) return failure('jwks_unavailable', err.message);
  if (!(err instanceof errors.JOSEError)) return failure('malformed', 'token could not be verified');
  switch (err.code) {
    case errors.JWTExpired.code:
      return failure('expired', 'token has expired');
    case errors.JWTClaimValidationFailed.code: {
      const claim = (err as InstanceType<typeof errors.JWTClaimValidationFailed>).claim;
      if (claim === 'aud') return failure('audience', 'token audience is not accepted');
      if (claim === 'iss') return failure('issuer', 'token issuer is not accepted');
      // A token used before its nbf is outside its validity window, like an expired one.
      if (claim === 'nbf') return failure('expired', 'token is not yet valid');
      return failure('malformed', `token claim ${claim} is missing or invalid`);
    }
    case errors.JWSSignatureVerificationFailed.code:
      return failure('signature', 'token signature is invalid');
    case errors.JWKSNoMatchingKey.code:
      // Even after the rotation refetch, no issuer key matches: not signed by the issuer.
      return failure('signature', 'no issuer key matches the token');
    case errors.JOSEAlgNotAllowed.code:
      return failure('signature', 'token algorithm is not accepted');
    default:
      return failure('malformed', 'token is malformed');
  }
}

export function createOidcVerifier(options: OidcVerifierOptions): OidcVerifier {
  const timeoutMs = options.httpTimeoutMs ?? 5000;
  const groupsClaim = options.groupsClaim ?? 'groups';
  const principalClaim = options.principalClaim ?? 'sub';
  let jwksPromise: Promise<KeyResolver> | undefined;

  const makeJwks = (url: URL): KeyResolver =>
    createRemoteJWKSet(url, {
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
      cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
      timeoutDuration: timeoutMs,
    });

  // Discovery runs once, lazily; a failed attempt is forgotten so the next request retries.
  const jwks = (): Promise<KeyResolver> => {
    if (jwksPromise === undefined) {
      const pending =
        options.jwksUrl !== undefined
          ? Promise.resolve(makeJwks(new URL(options.jwksUrl)))
          : discoverJwksUrl(options.issuer, timeoutMs).then(makeJwks);
      jwksPromise = pending;
      pending.catch(() => {
        if (jwksPromise === pending) jwksPromise = undefined;
      });
    }
    return jwksPromise;
  };

  const getKey: KeyResolver = async (header, token) => {
    const resolve = await jwks();
    try {
      return await resolve(header, token);
    } catch (err) {
      if (err instanceof errors.JOSEError && TOKEN_LEVEL_KEY_ERRORS.has(err.code)) throw err;
      throw new JwksUnavailableError('issuer JWKS could not be fetched or used', err);
    }
  };

  return {
    async verify(token: string): Promise<OidcVerifyResult> {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, getKey, {
          issuer: options.issuer,
          audience: options.audience,
          clockTolerance: options.clockToleranceSeconds ?? 30,
          algorithms: options.algorithms ?? DEFAULT_ALGORITHMS,
          requiredClaims: ['exp'],
        }));
      } catch (err) {
        return classify(err);
      }
      const principal = readClaimPath(payload, principalClaim);
      if (typeof principal !== 'string' || principal === '') {
        return failure('malformed', `token has no ${principalClaim} claim`);
      }
      return { ok: true, principal, groups: groupsFromClaim(readClaimPath(payload, groupsClaim)), claims: payload };
    },
  };
}
