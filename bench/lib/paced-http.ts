/**
 * Open-loop HTTP load at a steady rate, for latency. autocannon's rate limit
 * lets every connection fire its whole per-second quota at the start of each
 * second, so "half load" arrives as bursts at full speed and the latency
 * measured is that of a saturated server. Here requests leave evenly spaced
 * (checked every millisecond), the same pacing as the direct client's open
 * loop, and latency runs from the request's start to its answer's end
 * (waiting for a free connection included).
 */
import { Agent, request } from 'node:http'
import { LatencyRecorder, type LatencySummary } from './stats.ts'

export interface PacedHttpOptions {
  url: string
  body: string
  /** Requests per second. */
  rate: number
  durationSeconds: number
  connections: number
}

export interface PacedHttpResult {
  requestsPerSecond: number
  ok: number
  failed: number
  latency: LatencySummary
}

export async function runPacedHttp (options: PacedHttpOptions): Promise<PacedHttpResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections })
  const latencies = new LatencyRecorder()
  const body = Buffer.from(options.body)
  const headers = { 'content-type': 'application/json', 'content-length': String(body.length) }
  let ok = 0
  let failed = 0
  const inFlight = new Set<Promise<void>>()

  const fire = (): void => {
    const started = performance.now()
    const done = new Promise<void>(resolve => {
      const req = request(options.url, { method: 'POST', agent, headers }, res => {
        res.resume()
        res.on('end', () => {
          if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) {
            ok++
            latencies.record(performance.now() - started)
          } else {
            failed++
          }
          resolve()
        })
      })
      req.on('error', () => { failed++; resolve() })
      req.end(body)
    })
    inFlight.add(done)
    void done.then(() => inFlight.delete(done))
  }

  const started = performance.now()
  const end = started + options.durationSeconds * 1000
  let dispatched = 0
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - started) / 1000) * options.rate)
    for (; dispatched < due; dispatched++) fire()
    await new Promise(resolve => setTimeout(resolve, 1))
  }
  await Promise.all(inFlight)
  agent.destroy()
  return { requestsPerSecond: ok / ((performance.now() - started) / 1000), ok, failed, latency: latencies.summary() }
}
