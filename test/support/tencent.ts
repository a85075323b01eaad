/**
 * Helpers for tests of the Tencent dialect (contracts.md §1): requests
 * signed with TC3-HMAC-SHA256 for app.inject, and the official
 * tencentcloud-sdk-nodejs-ckafka client pointed at a gateway.
 */
import assert from 'node:assert/strict'
import ckafkaSdk from 'tencentcloud-sdk-nodejs-ckafka'
import { signTc3 } from '../../src/auth/tc3-signature.ts'

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export interface SigningKey { id: string, secret: string }

export interface TencentRequestOptions {
  action?: string
  params?: unknown
  /** Raw body instead of JSON.stringify(params). */
  body?: string
  key?: SigningKey
  /** Host header sent (and signed unless `signedHost` says otherwise). */
  host?: string
  signedHost?: string
  service?: string
  url?: string
  /** Path put into the signature (defaults to the url). */
  signedPath?: string
  timestamp?: number
  version?: string | null
  contentType?: string
  headers?: Record<string, string>
}

/** An app.inject request as a Tencent SDK would send it (signed unless `key` is absent). */
export function tencentRequest (options: TencentRequestOptions = {}): { method: 'POST', url: string, headers: Record<string, string>, payload: string } {
  const host = options.host ?? '127.0.0.1:8080'
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000)
  const contentType = options.contentType ?? 'application/json'
  const body = options.body ?? JSON.stringify(options.params ?? {})
  const url = options.url ?? '/'
  const headers: Record<string, string> = {
    host,
    'content-type': contentType,
    'x-tc-timestamp': String(timestamp),
    'x-tc-region': 'ap-guangzhou',
    ...(options.action !== undefined ? { 'x-tc-action': options.action } : {}),
    ...(options.version !== null ? { 'x-tc-version': options.version ?? '2019-08-19' } : {}),
  }
  if (options.key) {
    headers.authorization = signTc3({
      secretId: options.key.id,
      secretKey: options.key.secret,
      service: options.service ?? host.split('.')[0]!,
      host: options.signedHost ?? host,
      timestamp,
      contentType,
      body,
      path: options.signedPath ?? url,
    }).authorization
  }
  return { method: 'POST', url, headers: { ...headers, ...options.headers }, payload: body }
}

export interface TencentAnswer {
  Response: Record<string, unknown> & { RequestId: string, Error?: { Code: string, Message: string } }
}

/** Asserts the envelope of an error answer (HTTP 200, RequestId a UUID) and returns the error. */
export function tencentError (res: { statusCode: number, body: string, headers: Record<string, unknown> }): { Code: string, Message: string } {
  assert.equal(res.statusCode, 200, res.body)
  const answer = JSON.parse(res.body) as TencentAnswer
  assert.match(answer.Response.RequestId, UUID)
  assert.equal(res.headers['x-request-id'], answer.Response.RequestId)
  assert.ok(answer.Response.Error, `expected an error, got ${res.body}`)
  return answer.Response.Error
}

/** Asserts a successful answer and returns its Response without RequestId. */
export function tencentResult (res: { statusCode: number, body: string, headers: Record<string, unknown> }): Record<string, unknown> {
  assert.equal(res.statusCode, 200, res.body)
  const answer = JSON.parse(res.body) as TencentAnswer
  assert.equal(answer.Response.Error, undefined, res.body)
  assert.match(answer.Response.RequestId, UUID)
  assert.equal(res.headers['x-request-id'], answer.Response.RequestId)
  const { RequestId: _requestId, ...rest } = answer.Response
  return rest
}

export type CkafkaClient = InstanceType<typeof ckafkaSdk.ckafka.v20190819.Client>

/**
 * The official SDK client, configured as docs/tencent.md tells users to:
 * only the endpoint (and http for a local gateway) differ from Tencent Cloud.
 */
export function ckafkaClient (baseUrl: string, key: SigningKey, pathPrefix = ''): CkafkaClient {
  const url = new URL(baseUrl)
  return new ckafkaSdk.ckafka.v20190819.Client({
    credential: { secretId: key.id, secretKey: key.secret },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint: `${url.host}${pathPrefix}`, protocol: `${url.protocol}//` } },
  })
}

/** The `code` of the TencentCloudSDKHttpException a rejected SDK call throws. */
export async function sdkErrorOf (call: Promise<unknown>): Promise<{ code: string | undefined, message: string, requestId: string }> {
  try {
    await call
  } catch (error) {
    const e = error as { code?: string, message: string, requestId: string }
    return { code: e.code, message: e.message, requestId: e.requestId }
  }
  assert.fail('the SDK call succeeded, an error was expected')
}
