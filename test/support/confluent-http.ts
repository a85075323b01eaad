/**
 * A small Confluent REST client for tests: the same calls against an
 * in-process app (`app.inject`) or a listening gateway (fetch), so a test
 * can alternate between gateway processes.
 */
import type { FastifyInstance } from 'fastify'

export const V2 = 'application/vnd.kafka.v2+json'
export const V2_JSON = 'application/vnd.kafka.json.v2+json'
export const V2_BINARY = 'application/vnd.kafka.binary.v2+json'

export interface Answer {
  status: number
  headers: Record<string, string>
  /** Parsed JSON, or the raw text when the body is not JSON (null when empty). */
  body: any // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string
}

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'
  url: string
  body?: unknown
  /** Sent as is (a string) instead of JSON. */
  raw?: string
  headers?: Record<string, string>
}

export type Client = (call: Call) => Promise<Answer>

function parse (text: string): unknown {
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function payloadOf (call: Call): string | undefined {
  if (call.raw !== undefined) return call.raw
  return call.body === undefined ? undefined : JSON.stringify(call.body)
}

function headersOf (call: Call): Record<string, string> {
  const headers: Record<string, string> = { ...call.headers }
  if (payloadOf(call) !== undefined && !Object.keys(headers).some(h => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json'
  return headers
}

export function injectClient (app: FastifyInstance): Client {
  return async call => {
    const payload = payloadOf(call)
    const res = await app.inject({ method: call.method, url: call.url, headers: headersOf(call), ...(payload !== undefined ? { payload } : {}) })
    const headers: Record<string, string> = {}
    for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : String(v)
    return { status: res.statusCode, headers, body: parse(res.body), text: res.body }
  }
}

export function fetchClient (baseUrl: string): Client {
  return async call => {
    const payload = payloadOf(call)
    const res = await fetch(baseUrl + call.url, { method: call.method, headers: headersOf(call), ...(payload !== undefined ? { body: payload } : {}) })
    const text = await res.text()
    const headers: Record<string, string> = {}
    res.headers.forEach((v, k) => { headers[k] = v })
    return { status: res.status, headers, body: parse(text), text }
  }
}

/** Retries `probe` until it returns a value (not undefined) or the attempts run out; each attempt is a real request. */
export async function eventually<T> (probe: () => Promise<T | undefined>, attempts = 60, pauseMs = 250): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise(resolve => setTimeout(resolve, pauseMs))
  }
  throw new Error(`condition not reached after ${attempts} attempts`)
}
