/**
 * Server-Sent Events stream of a topic. Each event id is the stream position
 * (next offset per partition), so a client reconnecting with Last-Event-ID
 * resumes exactly where it was, on any gateway instance. The loop fetches
 * only after the previous write drained: a slow client holds at most one
 * fetch worth of records in memory.
 */
import { once } from 'node:events'
import type { ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import { GatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import { decodePosition } from '../../../core/stream.ts'
import { toGatewayError } from '../../shared/error-body.ts'
import type { Encodings } from '../mapping.ts'
import { JsonBytes } from '../../shared/json-bytes.ts'
import { writeRecord } from '../record-json.ts'
import { errorResponses, StreamQuery, TopicParams } from '../schemas.ts'

export interface StreamSettings {
  heartbeatMs: number
  maxStreams: number
}

function sseError (error: GatewayError): string {
  return `event: error\ndata: ${JSON.stringify({ code: error.code, message: error.message })}\n\n`
}

async function writeOrWait (res: ServerResponse, chunk: string | Buffer): Promise<void> {
  if (res.write(chunk)) return
  await Promise.race([once(res, 'drain'), once(res, 'close')])
}

export function registerStreamRoutes (app: FastifyInstance, gateway: Gateway, settings: StreamSettings): void {
  const open = new Set<ServerResponse>()
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

    while (!ended && !closing) {
      let chunk: string | Buffer = ''
      try {
        const batch = await stream.next()
        // Events go straight into one buffer, record bytes copied rather than turned into strings (record-json.ts).
        const events = new JsonBytes(batch.records.length === 0 ? 0 : 64 * 1024)
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
        if (events.length > 0) chunk = events.toBuffer()
      } catch (error) {
        const failure = toGatewayError(error)
        chunk = sseError(failure)
        if (!failure.retryable) { res.end(chunk); break }
        await new Promise(resolve => setTimeout(resolve, 1000))
      }
      if (chunk) {
        await writeOrWait(res, chunk)
        lastWrite = Date.now()
      } else if (Date.now() - lastWrite >= settings.heartbeatMs) {
        await writeOrWait(res, ': heartbeat\n\n')
        lastWrite = Date.now()
      }
    }
    if (!res.writableEnded) res.end()
  })
}
