/**
 * HTTP load with autocannon, the same generator for the gateway and the bare
 * Fastify ceiling. Latencies are recorded from autocannon's per-response
 * event with sub-millisecond precision (its own histogram rounds to 1 ms).
 */
import autocannon from 'autocannon'
import { LatencyRecorder, type LatencySummary } from './stats.ts'

export interface HttpLoadOptions {
  url: string
  method?: 'GET' | 'POST'
  body?: string
  connections: number
  durationSeconds: number
  /** Fixed total request rate (requests per second) instead of as fast as possible. */
  overallRate?: number
  /** Called for every response, e.g. to split an outage run into phases. */
  onResponse?: (status: number) => void
  /** Stops the load early when it settles (the duration is then an upper bound). */
  until?: Promise<unknown>
}

export interface HttpLoadResult {
  /** 2xx answers per second. */
  requestsPerSecond: number
  ok: number
  non2xx: number
  /** Connection errors and timeouts. */
  errors: number
  statusCounts: Record<string, number>
  latency: LatencySummary
  durationSeconds: number
}

export async function runHttpLoad (options: HttpLoadOptions): Promise<HttpLoadResult> {
  const latencies = new LatencyRecorder()
  const statusCounts: Record<string, number> = {}
  // Without a callback autocannon returns its event emitter made thenable; the types only know one face.
  const instance = autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
    ...(options.body !== undefined ? { body: options.body, headers: { 'content-type': 'application/json' } } : {}),
    ...(options.overallRate !== undefined ? { overallRate: options.overallRate } : {}),
  }) as unknown as autocannon.Instance & PromiseLike<autocannon.Result>
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1
    if (statusCode >= 200 && statusCode < 300) latencies.record(responseTime)
    options.onResponse?.(statusCode)
  })
  options.until?.then(() => instance.stop(), () => instance.stop())
  const result = await instance
  const ok = result['2xx']
  return {
    requestsPerSecond: ok / result.duration,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCounts,
    latency: latencies.summary(),
    durationSeconds: result.duration,
  }
}
