// TencentCloud API 3.0 request signing, TC3-HMAC-SHA256 (contracts.md §1).
//
// The signer exists for tests, docs and tooling; the gateway itself only
// verifies. The verifier trusts nothing the client says except what the
// signature covers: it rebuilds the canonical request from the headers the
// client listed in SignedHeaders, hashes the exact body bytes, and uses the
// date and service of the client's own credential scope (the SDKs derive the
// service from the first label of whatever host they were pointed at, so the
// gateway cannot know it in advance — contracts.md §1).
import { createHash, createHmac } from 'node:crypto';
import { safeEqualStrings } from './timing-safe.ts';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
const SCOPE_TERMINATOR = 'tc3_request';
/** Default allowed distance between X-TC-Timestamp and server time (contracts.md §1). */
export const TC3_MAX_SKEW_SECONDS = 300;
/** Headers every request must sign: without them a signature could be replayed against another host or content type. */
const REQUIRED_SIGNED_HEADERS = ['content-type', 'host'] as const;

export interface Tc3Authorization {
  secretId: string;
  /** UTC yyyy-mm-dd from the credential scope. */
  date: string;
  /** Service label from the credential scope (e.g. `ckafka`, `127`, `localhost:8080`). */
  service: string;
  /** Lower-case header names, in the order the client listed them. */
  signedHeaders: string[];
  /** The SignedHeaders value exactly as sent: it is part of the canonical request. */
  signedHeadersRaw: string;
  /** Lower-case hex. */
  signature: string;
}

export type Tc3ParseResult =
  | { ok: true; auth: Tc3Authorization }
  | { ok: false; reason: 'malformed'; message: string };

export type Tc3FailureReason = 'malformed' | 'expired' | 'signature' | 'missing_header' | 'date_mismatch';

export type Tc3VerifyResult =
  | { ok: true; auth: Tc3Authorization }
  | { ok: false; reason: Tc3FailureReason; message: string };

export interface Tc3SignInput {
  secretId: string;
  secretKey: string;
  service: string;
  host: string;
  /** Unix seconds, the value of X-TC-Timestamp. */
  timestamp: number;
  contentType: string;
  body: string | Buffer;
  /** Extra headers to sign besides content-type and host (and x-tc-action when `action` is set). */
  signedHeaders?: Record<string, string>;
  /** When set, `x-tc-action` is signed too, as the current official SDKs do. */
  action?: string;
  /** Defaults: POST, `/`, empty query (TC3 uses an empty canonical query for POST). */
  method?: string;
  path?: string;
  query?: string;
}

export interface Tc3SignOutput {
  authorization: string;
  signature: string;
}

export interface Tc3VerifyInput {
  /** The raw Authorization header, or the result of parseTc3Authorization (parse once, look up the secret, then verify). */
  authorization: string | Tc3Authorization;
  /** Request headers keyed by lower-case name (node's IncomingMessage.headers shape). */
  headers: Record<string, string | string[] | undefined>;
  method: string;
  /** Raw request path, e.g. `/`. */
  path: string;
  /** Raw query string without `?`; ignored for POST, whose canonical query is always empty. */
  query: string;
  /** The exact body bytes received. */
  body: Buffer;
  secretKey: string;
  /** Server time in epoch milliseconds (Date.now()). */
  now: number;
  maxSkewSeconds?: number;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** UTC yyyy-mm-dd of a unix-seconds timestamp: the Date of the credential scope. */
export function tc3Date(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

/** Canonical header line value: lower(trim(value)) per contracts.md §1. */
function canonicalHeaderValue(value: string): string {
  return value.trim().toLowerCase();
}

export interface Tc3CanonicalRequestInput {
  method: string;
  path: string;
  query: string;
  /** [lower-case name, value] in SignedHeaders order. */
  headers: Array<[string, string]>;
  signedHeadersRaw: string;
  body: string | Buffer;
}

export function tc3CanonicalRequest(input: Tc3CanonicalRequestInput): string {
  const method = input.method.toUpperCase();
  const query = method === 'POST' ? '' : input.query;
  const canonicalHeaders = input.headers.map(([name, value]) => `${name}:${canonicalHeaderValue(value)}\n`).join('');
  return `${method}\n${input.path}\n${query}\n${canonicalHeaders}\n${input.signedHeadersRaw}\n${sha256Hex(input.body)}`;
}

export function tc3StringToSign(timestamp: string, date: string, service: string, canonicalRequest: string): string {
  return `${TC3_ALGORITHM}\n${timestamp}\n${date}/${service}/${SCOPE_TERMINATOR}\n${sha256Hex(canonicalRequest)}`;
}

/** kDate → kService → kSigning → hex(HMAC(kSigning, StringToSign)), contracts.md §1. */
export function tc3Signature(secretKey: string, date: string, service: string, stringToSign: string): string {
  const kDate = hmac(`TC3${secretKey}`, date);
  const kService = hmac(kDate, service);
  const kSigning = hmac(kService, SCOPE_TERMINATOR);
  return createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
}

export function signTc3(input: Tc3SignInput): Tc3SignOutput {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(input.signedHeaders ?? {})) headers.set(name.toLowerCase(), value);
  headers.set('content-type', input.contentType);
  headers.set('host', input.host);
  if (input.action !== undefined) headers.set('x-tc-action', input.action);
  const sorted = [...headers.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeadersRaw = sorted.map(([name]) => name).join(';');
  const date = tc3Date(input.timestamp);
  const canonicalRequest = tc3CanonicalRequest({
    method: input.method ?? 'POST',
    path: input.path ?? '/',
    query: input.query ?? '',
    headers: sorted,
    signedHeadersRaw,
    body: input.body,
  });
  const stringToSign = tc3StringToSign(String(input.timestamp), date, input.service, canonicalRequest);
  const signature = tc3Signature(input.secretKey, date, input.service, stringToSign);
  const authorization =
    `${TC3_ALGORITHM} Credential=${input.secretId}/${date}/${input.service}/${SCOPE_TERMINATOR}, ` +
    `SignedHeaders=${signedHeadersRaw}, Signature=${signature}`;
  return { authorization, signature };
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

function malformed(message: string): { ok: false; reason: 'malformed'; message: string } {
  return { ok: false, reason: 'malformed', message };
}

/**
 * Parses `TC3-HMAC-SHA256 Credential=<SecretId>/<Date>/<service>/tc3_request, SignedHeaders=<h1;h2>, Signature=<hex>`.
 * Strict: each of the three fields exactly once, the scope ending in tc3_request,
 * content-type and host among the signed headers.
 */
export function parseTc3Authorization(header: string | undefined): Tc3ParseResult {
  if (typeof header !== 'string' || header.length === 0) return malformed('missing Authorization header');
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  if (space < 0 || trimmed.slice(0, space) !== TC3_ALGORITHM) return malformed(`Authorization must start with ${TC3_ALGORITHM}`);
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(space + 1).split(',')) {
    const item = part.trim();
    const eq = item.indexOf('=');
    if (eq <= 0) return malformed('Authorization fields must be name=value');
    const name = item.slice(0, eq);
    if (fields.has(name)) return malformed(`duplicate Authorization field ${name}`);
    fields.set(name, item.slice(eq + 1));
  }
  const credential = fields.get('Credential');
  const signedHeadersRaw = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credential === undefined || signedHeadersRaw === undefined || signature === undefined || fields.size !== 3) {
    return malformed('Authorization needs exactly Credential, SignedHeaders and Signature');
  }
  const scope = credential.split('/');
  if (scope.length < 4) return malformed('Credential must be <SecretId>/<Date>/<service>/tc3_request');
  // The service may itself hold slashes: the SDKs take everything before the
  // first dot of their endpoint, so `localhost:8080/tencent` (a gateway path
  // prefix) becomes the service `localhost:8080/tencent`.
  const [secretId, date] = scope as [string, string];
  const service = scope.slice(2, -1).join('/');
  const terminator = scope[scope.length - 1];
  if (secretId === '' || service === '' || terminator !== SCOPE_TERMINATOR) {
    return malformed('Credential must be <SecretId>/<Date>/<service>/tc3_request');
  }
  if (!DATE.test(date)) return malformed('Credential date must be yyyy-mm-dd');
  const signedHeaders = signedHeadersRaw.split(';');
  if (signedHeaders.some((h) => !HEADER_NAME.test(h))) return malformed('SignedHeaders must be lower-case header names separated by ;');
  if (new Set(signedHeaders).size !== signedHeaders.length) return malformed('SignedHeaders lists a header twice');
  for (const required of REQUIRED_SIGNED_HEADERS) {
    if (!signedHeaders.includes(required)) return malformed(`SignedHeaders must include ${required}`);
  }
  if (!HEX_SHA256.test(signature)) return malformed('Signature must be 64 hex characters');
  return {
    ok: true,
    auth: { secretId, date, service, signedHeaders, signedHeadersRaw, signature: signature.toLowerCase() },
  };
}

function headerValue(headers: Tc3VerifyInput['headers'], name: string): string | undefined {
  const value = headers[name];
  // Node folds repeated headers into an array for a few names; join like a
  // proxy would so the canonical form is still well defined.
  return Array.isArray(value) ? value.join(',') : value;
}

/**
 * Verifies a TC3-HMAC-SHA256 request. Checks run cheapest-first and never
 * reveal the expected signature. Canonical headers follow the client's
 * SignedHeaders order (sorted for every conforming SDK) because that string
 * is itself signed.
 */
export function verifyTc3(input: Tc3VerifyInput): Tc3VerifyResult {
  let auth: Tc3Authorization;
  if (typeof input.authorization === 'string') {
    const parsed = parseTc3Authorization(input.authorization);
    if (!parsed.ok) return parsed;
    auth = parsed.auth;
  } else {
    auth = input.authorization;
  }

  const timestampRaw = headerValue(input.headers, 'x-tc-timestamp');
  if (timestampRaw === undefined) return { ok: false, reason: 'missing_header', message: 'missing X-TC-Timestamp' };
  if (!/^\d{1,12}$/.test(timestampRaw)) return malformed('X-TC-Timestamp must be unix seconds');
  const timestamp = Number(timestampRaw);
  if (tc3Date(timestamp) !== auth.date) {
    return { ok: false, reason: 'date_mismatch', message: 'credential date does not match X-TC-Timestamp (UTC)' };
  }
  const maxSkew = input.maxSkewSeconds ?? TC3_MAX_SKEW_SECONDS;
  if (Math.abs(input.now / 1000 - timestamp) > maxSkew) {
    return { ok: false, reason: 'expired', message: `X-TC-Timestamp is more than ${maxSkew}s from server time` };
  }

  const canonicalHeaders: Array<[string, string]> = [];
  for (const name of auth.signedHeaders) {
    const value = headerValue(input.headers, name);
    if (value === undefined) return { ok: false, reason: 'missing_header', message: `signed header ${name} is missing` };
    canonicalHeaders.push([name, value]);
  }

  const canonicalRequest = tc3CanonicalRequest({
    method: input.method,
    path: input.path,
    query: input.query,
    headers: canonicalHeaders,
    signedHeadersRaw: auth.signedHeadersRaw,
    body: input.body,
  });
  const stringToSign = tc3StringToSign(timestampRaw, auth.date, auth.service, canonicalRequest);
  const expected = tc3Signature(input.secretKey, auth.date, auth.service, stringToSign);
  if (!safeEqualStrings(expected, auth.signature)) {
    return { ok: false, reason: 'signature', message: 'signature does not match' };
  }
  return { ok: true, auth };
}
