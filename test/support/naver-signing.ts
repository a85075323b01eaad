/**
 * Signs NAVER requests the way NAVER's SDKs and curl examples do
 * (contracts.md §2): the three x-ncp-* headers over METHOD, URI (path and
 * query, as sent), timestamp and access key.
 */
import { signNcp } from '../../src/auth/ncp-signature.ts'

export interface NcpKey { id: string, secret: string }

export function ncpHeaders (method: string, uri: string, key: NcpKey, timestamp: number = Date.now()): Record<string, string> {
  return {
    'x-ncp-apigw-timestamp': String(timestamp),
    'x-ncp-iam-access-key': key.id,
    'x-ncp-apigw-signature-v2': signNcp({ method, uri, timestamp, accessKey: key.id, secretKey: key.secret }),
  }
}
