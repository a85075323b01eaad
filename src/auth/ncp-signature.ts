// NAVER Cloud API Gateway signature v2 (contracts.md §2):
//   base64(HMAC-SHA256(secretKey, METHOD + " " + URI + "\n" + timestamp + "\n" + accessKey))
// URI is the raw request target (path, plus `?query` when there is one), never
// re-encoded: the client signed the bytes it sent, so the verifier must sign
// those same bytes. The body is not covered by this scheme.
import { createHmac } from 'node:crypto';
import { safeEqualStrings } from './timing-safe.ts';

export const NCP_HEADER_TIMESTAMP = 'x-ncp-apigw-timestamp';
export const NCP_HEADER_ACCESS_KEY = 'x-ncp-iam-access-key';
export const NCP_HEADER_SIGNATURE = 'x-ncp-apigw-signature-v2';
/** Allowed distance between x-ncp-apigw-timestamp and server time (contracts.md §2). */
export const NCP_MAX_SKEW_MS = 5 * 60 * 1000;

export interface NcpSignInput {
  method: string;
  /** Raw request target: path plus `?query` when present. */
  uri: string;
  /** Epoch milliseconds, as sent in x-ncp-apigw-timestamp. */
  timestamp: number | string;
  accessKey: string;
  secretKey: string;
}

export interface NcpCredentials {
  accessKey: string;
  /** The header text, digits only. */
  timestamp: string;
  signature: string;
}

export type NcpFailureReason = 'malformed' | 'expired' | 'signature' | 'missing_header';

export type NcpParseResult =
  | { ok: true; credentials: NcpCredentials }
  | { ok: false; reason: 'malformed' | 'missing_header'; message: string };

export type NcpVerifyResult =
  | { ok: true; credentials: NcpCredentials }
  | { ok: false; reason: NcpFailureReason; message: string };

export interface NcpVerifyInput {
  /** Request headers keyed by lower-case name. */
  headers: Record<string, string | string[] | undefined>;
  method: string;
  /** Raw request target as received (req.url), path plus `?query`. */
  uri: string;
  secretKey: string;
  /** Server time in epoch milliseconds (Date.now()). */
  now: number;
  maxSkewMs?: number;
}

export function signNcp(input: NcpSignInput): string {
  const message = `${input.method.toUpperCase()} ${input.uri}\n${String(input.timestamp)}\n${input.accessKey}`;
  return createHmac('sha256', input.secretKey).update(message, 'utf8').digest('base64');
}

function single(headers: NcpVerifyInput['headers'], name: string): string | undefined | null {
  const value = headers[name];
  if (Array.isArray(value)) return null; // repeated credential header: ambiguous, reject
  return value;
}

/** Reads the three NCP headers so the caller can look up the secret by access key before verifying. */
export function parseNcpHeaders(headers: NcpVerifyInput['headers']): NcpParseResult {
  const timestamp = single(headers, NCP_HEADER_TIMESTAMP);
  const accessKey = single(headers, NCP_HEADER_ACCESS_KEY);
  const signature = single(headers, NCP_HEADER_SIGNATURE);
  if (timestamp === null || accessKey === null || signature === null) {
    return { ok: false, reason: 'malformed', message: 'NCP authentication headers must appear once' };
  }
  if (timestamp === undefined || timestamp === '') return { ok: false, reason: 'missing_header', message: `missing ${NCP_HEADER_TIMESTAMP}` };
  if (accessKey === undefined || accessKey === '') return { ok: false, reason: 'missing_header', message: `missing ${NCP_HEADER_ACCESS_KEY}` };
  if (signature === undefined || signature === '') return { ok: false, reason: 'missing_header', message: `missing ${NCP_HEADER_SIGNATURE}` };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'malformed', message: `${NCP_HEADER_TIMESTAMP} must be epoch milliseconds` };
  return { ok: true, credentials: { accessKey, timestamp, signature } };
}

export function verifyNcp(input: NcpVerifyInput): NcpVerifyResult {
  const parsed = parseNcpHeaders(input.headers);
  if (!parsed.ok) return parsed;
  const { credentials } = parsed;
  const maxSkew = input.maxSkewMs ?? NCP_MAX_SKEW_MS;
  if (Math.abs(input.now - Number(credentials.timestamp)) > maxSkew) {
    return { ok: false, reason: 'expired', message: `${NCP_HEADER_TIMESTAMP} is more than ${maxSkew} ms from server time` };
  }
  const expected = signNcp({
    method: input.method,
    uri: input.uri,
    timestamp: credentials.timestamp,
    accessKey: credentials.accessKey,
    secretKey: input.secretKey,
  });
  // Compare the base64 text, not decoded bytes: Buffer's base64 decoder
  // silently skips junk characters, so decoding would accept altered strings.
  if (!safeEqualStrings(expected, credentials.signature)) {
    return { ok: false, reason: 'signature', message: 'signature does not match' };
  }
  return { ok: true, credentials };
}
