/**
 * Open-loop HTTP load at a steady rate, for latency. autocannon's rate limit
 * lets every connection fire its whole per-second quota at the start of each
 * second, so "half load" arrives as bursts at full speed; node:http as a
 * client costs so much CPU per request that on a small machine the load
 * generator itself starves the server. So this is a minimal HTTP/1.1 client:
 * keep-alive sockets, one prebuilt request, answers read by Content-Length.
 * Requests leave evenly spaced (checked every millisecond), the same pacing
 * as the direct client's open loop; latency runs from the moment a request
 * was due to the end of its answer, waiting for a free connection included.
 * Like the direct client, the process first sends at the same rate for
 * `warmupSeconds` without recording (JIT, connections): each run is a fresh
 * process, and a cold client would otherwise count its own start-up as the
 * gateway's latency.
 */
import { connect, type Socket } from 'node:net'
import { LatencyRecorder, type LatencySummary } from './stats.ts'

export interface PacedHttpOptions {
  url: string
  body: string
  /** Requests per second. */
  rate: number
  durationSeconds: number
  /** Load sent first, at the same rate, and not recorded. */
  warmupSeconds?: number
  connections: number
}

export interface PacedHttpResult {
  requestsPerSecond: number
  ok: number
  failed: number
  latency: LatencySummary
}

const HEADER_END = Buffer.from('\r\n\r\n')
const CONTENT_LENGTH = /\r\ncontent-length:\s*(\d+)/i

interface Connection {
  socket: Socket
  /** When the request in flight was due; undefined when the connection is free. */
  dueAt: number | undefined
  pending: Buffer
}

export async function runPacedHttp (options: PacedHttpOptions): Promise<PacedHttpResult> {
  const target = new URL(options.url)
  const body = Buffer.from(options.body)
  const request = Buffer.concat([
    Buffer.from(`POST ${target.pathname}${target.search} HTTP/1.1\r\nhost: ${target.host}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`),
    body,
  ])
  const latencies = new LatencyRecorder()
  let ok = 0
  let failed = 0
  const free: Connection[] = []
  const waiting: number[] = []
  let inFlight = 0
  /** Requests due before this moment are the warm-up: answered, not recorded. */
  let measureFrom = Infinity

  const send = (connection: Connection, dueAt: number): void => {
    connection.dueAt = dueAt
    inFlight++
    connection.socket.write(request)
  }
  const release = (connection: Connection): void => {
    connection.dueAt = undefined
    const next = waiting.shift()
    if (next !== undefined) send(connection, next)
    else free.push(connection)
  }
  const onData = (connection: Connection, chunk: Buffer): void => {
    connection.pending = connection.pending.length === 0 ? chunk : Buffer.concat([connection.pending, chunk])
    for (;;) {
      const headerEnd = connection.pending.indexOf(HEADER_END)
      if (headerEnd === -1) return
      const head = connection.pending.subarray(0, headerEnd).toString('latin1')
      const length = Number(CONTENT_LENGTH.exec(head)?.[1] ?? 0)
      const total = headerEnd + HEADER_END.length + length
      if (connection.pending.length < total) return
      const status = Number(head.slice(9, 12))
      connection.pending = connection.pending.subarray(total)
      inFlight--
      if (connection.dueAt! >= measureFrom) {
        if (status >= 200 && status < 300) {
          ok++
          latencies.record(performance.now() - connection.dueAt!)
        } else {
          failed++
        }
      }
      release(connection)
    }
  }

  const connections = await Promise.all(Array.from({ length: options.connections }, () => new Promise<Connection>((resolve, reject) => {
    const socket = connect({ host: target.hostname, port: Number(target.port), noDelay: true }, () => resolve(connection))
    const connection: Connection = { socket, dueAt: undefined, pending: Buffer.alloc(0) }
    socket.on('data', chunk => onData(connection, chunk))
    socket.on('error', reject)
    socket.on('close', () => { if (connection.dueAt !== undefined) { if (connection.dueAt >= measureFrom) failed++; inFlight-- } })
  })))
  free.push(...connections)

  const started = performance.now()
  measureFrom = started + (options.warmupSeconds ?? 0) * 1000
  const end = measureFrom + options.durationSeconds * 1000
  let dispatched = 0
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - started) / 1000) * options.rate)
    for (; dispatched < due; dispatched++) {
      const dueAt = started + (dispatched / options.rate) * 1000
      const connection = free.pop()
      if (connection) send(connection, dueAt)
      else waiting.push(dueAt)
    }
    await new Promise(resolve => setTimeout(resolve, 1))
  }
  const deadline = performance.now() + 30_000
  while ((inFlight > 0 || waiting.length > 0) && performance.now() < deadline) await new Promise(resolve => setTimeout(resolve, 5))
  for (const connection of connections) connection.socket.destroy()
  return { requestsPerSecond: ok / ((performance.now() - measureFrom) / 1000), ok, failed, latency: latencies.summary() }
}
