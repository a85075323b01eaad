/**
 * The one way the console talks to the gateway: JSON over the native API,
 * with the signed-in token, and every failure turned into an ApiError that
 * carries the gateway's own code, message and request id.
 */
import type { NativeErrorBody } from './types.ts'

export const API_PREFIX = '/gateway/v1'

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly requestId: string | undefined
  readonly field: string | undefined

  constructor (status: number, body: Partial<NativeErrorBody> & { message: string }) {
    super(body.message)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code ?? `http_${status}`
    this.requestId = body.requestId
    this.field = body.field
  }

  /** Worth retrying unchanged: the gateway or Kafka is unavailable or busy. */
  get retryable (): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500
  }
}

let currentToken: string | undefined
/** Called on 401, so the session can send the user back to sign-in. */
let onUnauthenticated: ((error: ApiError) => void) | undefined

export function setToken (token: string | undefined): void { currentToken = token }
export function getToken (): string | undefined { return currentToken }
export function setUnauthenticatedHandler (handler: ((error: ApiError) => void) | undefined): void { onUnauthenticated = handler }

export function authHeaders (token = currentToken): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {}
}

/** Reads an error response: the native `{code, message}` body, or a plain description of what came back. */
export async function errorFromResponse (response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '')
  try {
    const body = JSON.parse(text) as Partial<NativeErrorBody>
    if (typeof body.message === 'string') return new ApiError(response.status, { ...body, message: body.message })
  } catch { /* not JSON: fall through */ }
  return new ApiError(response.status, { message: `the gateway answered ${response.status} ${response.statusText}`.trim() })
}

export function networkError (cause: unknown): ApiError {
  const detail = cause instanceof Error ? ` (${cause.message})` : ''
  return new ApiError(0, { code: 'network_error', message: `the gateway did not answer${detail}; check that it is running and reachable` })
}

export interface RequestOptions {
  body?: unknown
  signal?: AbortSignal
  /** Send without the session token (whoami with a token being tried). */
  token?: string
  /** Path is outside /gateway/v1 (the /metrics endpoint). */
  raw?: boolean
}

async function send (method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...authHeaders(options.token ?? currentToken) }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(options.raw ? path : API_PREFIX + path, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    throw networkError(error)
  }
  if (!response.ok) {
    const error = await errorFromResponse(response)
    if (response.status === 401 && options.token === undefined) onUnauthenticated?.(error)
    throw error
  }
  return response
}

export async function requestJson<T> (method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options)
  if (response.status === 204) return undefined as T
  return await response.json() as T
}

export async function requestText (path: string, options: RequestOptions = {}): Promise<string> {
  const response = await send('GET', path, options)
  return response.text()
}
