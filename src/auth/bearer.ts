// Bearer token extraction (RFC 6750 §2.1): the scheme is case-insensitive and
// the token is token68. Used for JWTs (contracts.md §3) and gateway API tokens.

const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The token of `Authorization: Bearer <token>`, or null (absent, other scheme, repeated header, bad characters). */
export function extractBearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  return BEARER.exec(header.trim())?.[1] ?? null;
}
