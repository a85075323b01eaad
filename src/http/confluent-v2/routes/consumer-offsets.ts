/**
 * v2 consumer positions and offsets (contracts.md §4): seek to offsets, to
 * timestamps, to the beginning or the end; commit given offsets or (empty
 * body) everything fetched; read committed offsets.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import Type, { type Static } from 'typebox'
import Value from 'typebox/value'
import { GatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import { toTimestamp } from '../mapping.ts'
import { CommitBody, CommittedResponse, InstanceParams, PartitionsBody, SeekBody, v2Errors } from '../schemas.ts'
import { consumersOf } from './consumers.ts'

const tags = ['Confluent v2 consumers']

type Params = Static<typeof InstanceParams>

function refOf (request: FastifyRequest<{ Params: Params }>): { group: string, name: string } {
  return { group: request.params.group, name: request.params.instance }
}

/**
 * Confluent reads `GET …/offsets` partitions from a request body, which
 * Fastify leaves unread on GET; read it here (bounded), or take
 * `?partitions=topic:0,topic:1` from the query.
 */
async function partitionsOfGet (request: FastifyRequest, maxBytes: number): Promise<{ topic: string, partition: number }[]> {
  const query = (request.query as { partitions?: string }).partitions
  if (query !== undefined) {
    return query.split(',').filter(Boolean).map(item => {
      const at = item.lastIndexOf(':')
      const partition = Number(item.slice(at + 1))
      if (at <= 0 || !Number.isSafeInteger(partition) || partition < 0) throw new GatewayError('invalid_request', `partitions must look like orders:0,orders:1 (got ${JSON.stringify(item)})`, { field: 'partitions' })
      return { topic: item.slice(0, at), partition }
    })
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request.raw) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    size += bytes.length
    if (size > maxBytes) throw new GatewayError('body_too_large', 'the request body is larger than the gateway accepts')
    chunks.push(bytes)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') throw new GatewayError('invalid_request', 'send the partitions to look up as a body {"partitions":[{"topic":…,"partition":…}]} (or ?partitions=topic:0,…)', { field: 'partitions' })
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    throw new GatewayError('invalid_json', `the body is not valid JSON: ${(error as Error).message}`)
  }
  if (!Value.Check(PartitionsBody, body)) throw new GatewayError('invalid_request', 'the body must be {"partitions":[{"topic":"…","partition":0}]}', { field: 'partitions' })
  return body.partitions
}

export function registerConsumerOffsetRoutes (app: FastifyInstance, gateway: Gateway, options: { bodyLimitBytes: number }): void {
  app.post<{ Params: Params, Body: Static<typeof SeekBody> }>('/consumers/:group/instances/:instance/positions', {
    schema: { summary: 'Seek to offsets or timestamps', description: 'Sets where the next records request starts, per assigned partition.', tags, params: InstanceParams, body: SeekBody, response: { 204: Type.Null(), ...v2Errors } },
    config: { access: { operation: 'consume', resource: 'group' } },
  }, async (request, reply) => {
    const { offsets = [], timestamps = [] } = request.body
    if (offsets.length === 0 && timestamps.length === 0) throw new GatewayError('invalid_request', 'give offsets or timestamps to seek to', { field: 'offsets' })
    const consumers = consumersOf(gateway)
    if (offsets.length > 0) await consumers.seek(refOf(request), offsets.map(o => ({ topic: o.topic, partition: o.partition, offset: o.offset })))
    if (timestamps.length > 0) {
      await consumers.seekToTimestamps(refOf(request), timestamps.map((t, i) => ({ topic: t.topic, partition: t.partition, timestamp: toTimestamp(t.timestamp, `timestamps[${i}].timestamp`) })))
    }
    return reply.code(204).send()
  })

  for (const [path, edge] of [['beginning', 'earliest'], ['end', 'latest']] as const) {
    app.post<{ Params: Params, Body: Static<typeof PartitionsBody> }>(`/consumers/:group/instances/:instance/positions/${path}`, {
      schema: { summary: `Seek to the ${path} of partitions`, tags, params: InstanceParams, body: PartitionsBody, response: { 204: Type.Null(), ...v2Errors } },
      config: { access: { operation: 'consume', resource: 'group' } },
    }, async (request, reply) => {
      await consumersOf(gateway).seekToEdge(refOf(request), request.body.partitions, edge)
      return reply.code(204).send()
    })
  }

  app.post<{ Params: Params, Body: Static<typeof CommitBody> }>('/consumers/:group/instances/:instance/offsets', {
    schema: { summary: 'Commit offsets', description: 'With offsets, commits them; with an empty body, commits everything fetched so far.', tags, params: InstanceParams, body: CommitBody, response: { 200: Type.Null(), ...v2Errors } },
    config: { access: { operation: 'consume', resource: 'group' } },
  }, async (request, reply) => {
    const offsets = request.body.offsets
    await consumersOf(gateway).commit(refOf(request), offsets && offsets.length > 0 ? offsets.map(o => ({ topic: o.topic, partition: o.partition, offset: o.offset })) : null)
    return reply.code(200).send()
  })

  app.get<{ Params: Params }>('/consumers/:group/instances/:instance/offsets', {
    schema: {
      summary: 'Last committed offsets',
      description: 'Partitions come in a body {"partitions":[…]} as in Confluent (or ?partitions=topic:0,topic:1). Partitions without a committed offset are left out.',
      tags,
      params: InstanceParams,
      querystring: Type.Object({ partitions: Type.Optional(Type.String()) }),
      response: { 200: CommittedResponse, ...v2Errors },
    },
    config: { access: { operation: 'consume', resource: 'group' } },
  }, async request => {
    const partitions = await partitionsOfGet(request, options.bodyLimitBytes)
    const committed = await consumersOf(gateway).committed(refOf(request), partitions)
    return { offsets: committed.map(c => ({ ...c, metadata: '' })) }
  })
}
