/**
 * Produce to a topic and fetch from a partition.
 */
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import { BufferPool } from '../../../core/buffer-pool.ts'
import type { Gateway } from '../../../core/gateway.ts'
import { normalizeProduceBody, produceAnswer, startOf, toProduceRecords } from '../mapping.ts'
import { acceptsBinaryRecords, BINARY_HEADERS, BINARY_RECORDS_TYPE, binaryRecords } from '../record-binary.ts'
import { fetchResponseJson } from '../record-json.ts'
import { errorResponses, FetchQuery, FetchResponse, PartitionParams, ProduceBody, ProduceQuery, ProduceResponse, TopicParams } from '../schemas.ts'

export function registerRecordRoutes (app: FastifyInstance, gateway: Gateway): void {
  const answerBuffers = new BufferPool()
  app.post<{ Params: Static<typeof TopicParams>, Querystring: Static<typeof ProduceQuery>, Body: Static<typeof ProduceBody> }>('/topics/:topic/records', {
    schema: {
      summary: 'Produce records',
      description: 'Writes records to a topic. Keyed records land on the partition the Java client would choose. One result per record, in order.',
      tags: ['records'],
      params: TopicParams,
      querystring: ProduceQuery,
      body: ProduceBody,
      response: { 200: ProduceResponse, 207: ProduceResponse, ...errorResponses },
    },
    config: { access: { operation: 'produce', resource: 'topic' } },
    preValidation: async request => { request.body = normalizeProduceBody(request.body) as Static<typeof ProduceBody> },
  }, async (request, reply) => {
    const { topic } = request.params
    const records = toProduceRecords(request.body, {
      keyEncoding: request.query.keyEncoding ?? 'json',
      valueEncoding: request.query.valueEncoding ?? 'json',
    })
    const results = await gateway.produce.produce(topic, records)
    const answer = produceAnswer(topic, results)
    reply.code(answer.status)
    return answer.body
  })

  app.get<{ Params: Static<typeof PartitionParams>, Querystring: Static<typeof FetchQuery> }>('/topics/:topic/partitions/:partition/records', {
    schema: {
      summary: 'Fetch records of a partition',
      description: `Reads records from an offset, the earliest or latest offset, or a timestamp. With timeoutMs, waits for records when none is there yet. With \`Accept: ${BINARY_RECORDS_TYPE}\` the answer is length-prefixed binary (keys and values as Kafka holds them; next offset, high watermark and record count in the ${Object.values(BINARY_HEADERS).join(', ')} headers), see docs/binary-fetch.md.`,
      tags: ['records'],
      params: PartitionParams,
      querystring: FetchQuery,
      response: {
        200: {
          description: 'The records, as JSON or (when asked for in Accept) binary',
          content: {
            'application/json': { schema: FetchResponse },
            [BINARY_RECORDS_TYPE]: { schema: { type: 'string', format: 'binary' } },
          },
        },
        ...errorResponses,
      },
    },
    config: { access: { operation: 'consume', resource: 'topic' } },
  }, async (request, reply) => {
    const { topic, partition } = request.params
    const q = request.query
    const result = await gateway.fetch.fetchPartition({
      topic,
      partition,
      from: startOf(q, { kind: 'earliest' }),
      ...(q.limit !== undefined ? { limit: q.limit } : {}),
      ...(q.maxBytes !== undefined ? { maxBytes: q.maxBytes } : {}),
      ...(q.timeoutMs !== undefined ? { timeoutMs: q.timeoutMs } : {}),
    })
    if (acceptsBinaryRecords(request.headers.accept)) {
      const answer = binaryRecords(result.table, answerBuffers)
      const recordCount = result.recordCount
      // The record bytes are copied out; the answer's buffer is free once the socket took it.
      result.release()
      reply.raw.once('finish', answer.release)
      return reply
        .type(BINARY_RECORDS_TYPE)
        .header(BINARY_HEADERS.nextOffset, result.nextOffset)
        .header(BINARY_HEADERS.highWatermark, result.highWatermark)
        .header(BINARY_HEADERS.recordCount, recordCount)
        .send(answer.buffer)
    }
    const encodings = { keyEncoding: q.keyEncoding ?? 'json', valueEncoding: q.valueEncoding ?? 'json' } as const
    // Serialized here rather than by the route schema: record bytes go into the answer without JS strings (record-json.ts).
    const answer = fetchResponseJson({ topic, partition, records: result.records, nextOffset: result.nextOffset, highWatermark: result.highWatermark }, encodings, answerBuffers)
    reply.raw.once('finish', answer.release)
    return reply.type('application/json; charset=utf-8').send(answer.buffer)
  })
}
