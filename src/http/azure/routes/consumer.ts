/**
 * GET {prefix}/consumer/topics/{topic}/partitions/{p}/offsets/{o}?count=N
 * (contracts.md §3): up to `count` records (default 1, about 6 MB at most)
 * from an offset, as `{"records": [...]}` with a `NextOffset` header, the
 * paging loop of Microsoft's sample. No long-poll: at the end of the
 * partition the answer is an empty list and NextOffset is the offset asked.
 */
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import { GatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import { toAzureRecord } from '../mapping.ts'
import { azureErrors, ConsumeAnswer, ConsumeParams, ConsumeQuery } from '../schemas.ts'
import type { TimestampTypes } from '../timestamp-types.ts'

/** The proxy reference: "It can read maximum of 6 megabytes of data at once". */
export const CONSUME_MAX_BYTES = 6 * 1024 * 1024

export function registerConsumerRoutes (app: FastifyInstance, gateway: Gateway, timestampTypes: TimestampTypes): void {
  app.get<{ Params: Static<typeof ConsumeParams>, Querystring: Static<typeof ConsumeQuery> }>('/consumer/topics/:topic/partitions/:partition/offsets/:offset', {
    schema: {
      summary: 'Consume records from an offset (Azure HDInsight)',
      description: 'Answers {"records":[...]} and the NextOffset header (the offset to ask for next).',
      tags: ['Azure HDInsight'],
      params: ConsumeParams,
      querystring: ConsumeQuery,
      response: { 200: ConsumeAnswer, ...azureErrors },
    },
    config: { access: { operation: 'consume', resource: 'topic' } },
  }, async (request, reply) => {
    const { topic, partition, offset } = request.params
    const maxCount = gateway.fetch.limits.maxLimit
    if (request.query.count > maxCount) throw new GatewayError('invalid_request', `count must be between 1 and ${maxCount} (GATEWAY_FETCH_MAX_LIMIT)`, { field: 'count' })
    const result = await gateway.fetch.fetchPartition({
      topic,
      partition,
      from: { kind: 'offset', offset },
      limit: request.query.count,
      maxBytes: Math.min(CONSUME_MAX_BYTES, gateway.fetch.limits.maxBytesCap),
      timeoutMs: 0,
    })
    const timestampType = await timestampTypes.of(topic)
    reply.header('NextOffset', String(result.nextOffset))
    return { records: result.records.map(record => toAzureRecord(record, timestampType)) }
  })
}
