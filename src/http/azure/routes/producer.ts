/**
 * POST {prefix}/producer/topics/{topic} (contracts.md §3): a batch of
 * records. 200 when all were written, 207 when some failed (each entry says
 * which), the common error when all failed alike (e.g. 503 while Kafka is
 * down). Nothing is written when any record is invalid.
 */
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { toProduceAnswer, toProduceRecords } from '../mapping.ts'
import { azureErrors, ProduceBody, ProduceResult, TopicParams } from '../schemas.ts'

export function registerProducerRoutes (app: FastifyInstance, gateway: Gateway): void {
  app.post<{ Params: Static<typeof TopicParams>, Body: Static<typeof ProduceBody> }>('/producer/topics/:topic', {
    schema: {
      summary: 'Produce records (Azure HDInsight)',
      description: 'Keys and values may be any JSON: strings are stored as their text, other values as JSON. Without a partition, a keyed record goes where the Java client would put it.',
      tags: ['Azure HDInsight'],
      params: TopicParams,
      body: ProduceBody,
      response: { 200: ProduceResult, 207: ProduceResult, ...azureErrors },
    },
    config: { access: { operation: 'produce', resource: 'topic' } },
  }, async (request, reply) => {
    const results = await gateway.produce.produce(request.params.topic, toProduceRecords(request.body))
    const first = results[0]
    if (first && !first.ok && results.every(r => !r.ok && r.error.code === first.error.code)) throw first.error
    reply.code(results.every(r => r.ok) ? 200 : 207)
    return toProduceAnswer(results)
  })
}
