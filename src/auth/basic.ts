// HTTP Basic credentials (RFC 7617) carrying an API key id and secret.
// Anything odd yields null rather than an exception, so the HTTP layer can
// answer 401 uniformly instead of leaking a parse error.

export interface BasicCredentials {
  id: string;
  secret: string;
}

const BASIC = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses `Authorization: Basic base64(id:secret)`; null on a missing/other scheme, bad base64, invalid UTF-8, no colon or empty id. */
export function parseBasicAuthorization(header: string | string[] | undefined): BasicCredentials | null {
  if (typeof header !== 'string') return null;
  const match = BASIC.exec(header.trim());
  const token = match?.[1];
  if (token === undefined) return null;
  const bytes = Buffer.from(token, 'base64');
  // Buffer's decoder is lenient; insist the token is the canonical encoding of what it decodes to.
  if (bytes.toString('base64').replace(/=+$/, '') !== token.replace(/=+$/, '')) return null;
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return null;
  }
  // RFC 7617: the user-id cannot contain a colon, the password can.
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
