/**
 * Server-Sent Events stream of a topic. Each event id is the stream position
 * (next offset per partition), so a client reconnecting with Last-Event-ID
 * resumes exactly where it was, on any gateway instance. The next fetch
 * runs while a batch is encoded and written, so Kafka's round trip overlaps
 * the client's; the one after waits until that write drained: a slow client
 * holds at most two fetches' worth of records in memory.
 */
import { once } from 'node:events'
import type { ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import { BufferPool } from '../../../core/buffer-pool.ts'
import { GatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import { decodePosition, type StreamBatch, type TopicStream } from '../../../core/stream.ts'
import { toGatewayError } from '../../shared/error-body.ts'
import type { Encodings } from '../mapping.ts'
import { JsonBytes, recordsSizeHint } from '../../shared/json-bytes.ts'
import { writeRecord } from '../record-json.ts'
import { errorResponses, StreamQuery, TopicParams } from '../schemas.ts'

export interface StreamSettings {
  heartbeatMs: number
  maxStreams: number
}

function sseError (error: GatewayError): string {
  return `event: error\ndata: ${JSON.stringify({ code: error.code, message: error.message })}\n\n`
}

/**
 * The stream's next batch, already marked handled: it may fail while the
 * loop still waits for a slow client's drain, and is awaited (failure and
 * all) only after that.
 */
function prefetch (stream: TopicStream, delayMs = 0): Promise<StreamBatch> {
  const next = delayMs > 0 ? new Promise(resolve => setTimeout(resolve, delayMs)).then(() => stream.next()) : stream.next()
  next.catch(() => {})
  return next
}

/** Writes, then waits for 'drain' when the client is behind; `written` runs once the chunk left for the socket (or failed). */
async function writeOrWait (res: ServerResponse, chunk: string | Buffer, written?: () => void): Promise<void> {
  if (res.write(chunk, written)) return
  await Promise.race([once(res, 'drain'), once(res, 'close')])
}

export function registerStreamRoutes (app: FastifyInstance, gateway: Gateway, settings: StreamSettings): void {
  const open = new Set<ServerResponse>()
  const eventBuffers = new BufferPool()
  let closing = false
  app.addHook('preClose', async () => {
    closing = true
    for (const res of open) res.end()
  })

  app.get<{ Params: Static<typeof TopicParams>, Querystring: Static<typeof StreamQuery> }>('/topics/:topic/records/stream', {
    schema: {
      summary: 'Stream records as Server-Sent Events',
      description: 'Events are `record` (data: the record as JSON, id: the position to resume from with Last-Event-ID) and `error`. A comment line is sent as heartbeat.',
      tags: ['records'],
      params: TopicParams,
      querystring: StreamQuery,
      response: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...errorResponses },
    },
    config: { access: { operation: 'consume', resource: 'topic' } },
  }, async (request, reply) => {
    const { topic } = request.params
    const q = request.query
    if (open.size >= settings.maxStreams) {
      throw new GatewayError('overloaded', `this gateway already serves ${open.size} streams; retry shortly or on another instance`, { retryAfterSeconds: 5 })
    }
    const lastEventId = request.headers['last-event-id']
    const resume = typeof lastEventId === 'string' && lastEventId !== ''
      ? decodePosition(lastEventId, 'Last-Event-ID')
      : q.offsets !== undefined ? decodePosition(q.offsets, 'offsets') : undefined
    const stream = await gateway.openStream({
      topic,
      ...(q.partitions !== undefined ? { partitions: q.partitions.split(',').map(Number) } : {}),
      from: q.timestamp !== undefined ? { kind: 'timestamp', timestamp: q.timestamp } : { kind: q.from ?? 'latest' },
      ...(resume ? { position: resume } : {}),
    })
    const encodings: Encodings = { keyEncoding: q.keyEncoding ?? 'json', valueEncoding: q.valueEncoding ?? 'json' }

    reply.hijack()
    const res = reply.raw
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
    })
    open.add(res)
    let ended = false
    res.on('close', () => { ended = true; open.delete(res) })
    res.write(`retry: 2000\nid: ${stream.position}\n: streaming ${topic}\n\n`)
    let lastWrite = Date.now()
    let upcoming = prefetch(stream)
    while (!ended && !closing) {
      let batch: StreamBatch
      try {
        batch = await upcoming
      } catch (error) {
        const failure = toGatewayError(error)
        if (!failure.retryable) { res.end(sseError(failure)); break }
        await writeOrWait(res, sseError(failure))
        lastWrite = Date.now()
        upcoming = prefetch(stream, 1000)
        continue
      }
      // One fetch at a time (a fetch's answer moves the stream's position), this one while the batch is written.
      upcoming = prefetch(stream)
      if (batch.records.length > 0) {
        // Events go straight into one pooled buffer, record bytes copied rather than turned into strings (record-json.ts).
        const events = new JsonBytes(recordsSizeHint(batch.records), eventBuffers)
        for (let i = 0; i < batch.records.length; i++) {
          const start = events.length
          try {
            events.text(`id: ${batch.positions[i]}\nevent: record\ndata: `)
            writeRecord(events, batch.records[i]!, encodings, true)
            events.text('\n\n')
          } catch (error) {
            events.truncate(start)
            events.text(`id: ${batch.positions[i]}\n${sseError(toGatewayError(error))}`)
          }
        }
        const written = events.toPooled()
        await writeOrWait(res, written.buffer, written.release)
        lastWrite = Date.now()
      } else if (Date.now() - lastWrite >= settings.heartbeatMs) {
        await writeOrWait(res, ': heartbeat\n\n')
        lastWrite = Date.now()
      }
    }
    if (!res.writableEnded) res.end()
  })
}
