/**
 * v3 `records:batch` (contracts.md §4): several records in one JSON body,
 * each with an `id`; answered with 207 and the successes and failures by id.
 */
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import { GatewayError, isGatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import type { ClusterContext } from '../cluster-context.ts'
import { v3Failure } from '../errors.ts'
import { successReport, toProduceRecord } from '../record-mapping.ts'
import { BatchBody, BatchResponse, TopicParams, v3Errors } from '../schemas.ts'

export function registerRecordBatchRoutes (app: FastifyInstance, gateway: Gateway, context: ClusterContext): void {
  app.post<{ Params: Static<typeof TopicParams>, Body: Static<typeof BatchBody> }>('/clusters/:cluster_id/topics/:topic_name/records::batch', {
    schema: {
      summary: 'Produce a batch of records',
      description: 'Each entry is a record with an `id`. Answers 207 with `successes` (delivery reports) and `failures` (error_code and message), by id.',
      tags: ['Confluent v3'],
      params: TopicParams,
      body: BatchBody,
      response: { 207: BatchResponse, ...v3Errors },
    },
    config: { access: { operation: 'produce', resource: 'topic', from: 'topic_name' } },
  }, async (request, reply) => {
    const links = await context.links(request, request.params.cluster_id)
    const topic = request.params.topic_name
    await gateway.admin.partitionCount(topic)
    const ids = request.body.entries.map(e => String(e.id))
    const duplicate = ids.find((id, i) => ids.indexOf(id) !== i)
    if (duplicate !== undefined) throw new GatewayError('invalid_request', `entry id ${duplicate} is used twice; give every entry its own id`, { field: 'entries' })
    // Each entry on its own, so one bad record fails alone; the shared producer still batches them into one Kafka request.
    const outcomes = await Promise.all(request.body.entries.map(async (entry, i) => {
      const { id: _id, ...record } = entry
      try {
        const mapped = toProduceRecord(record, `entries[${i}]`)
        const [result] = await gateway.produce.produce(topic, [mapped.record])
        if (!result?.ok) throw result?.error ?? new GatewayError('internal_error', 'Kafka returned no result for the record')
        return { ok: true as const, report: { id: ids[i]!, ...successReport({ clusterId: links.clusterId, topic }, mapped, result) } }
      } catch (error) {
        const failure = isGatewayError(error) ? error : new GatewayError('internal_error', 'the gateway failed to produce this record; the error is logged')
        return { ok: false as const, report: { id: ids[i]!, error_code: v3Failure(failure).errorCode, message: failure.message } }
      }
    }))
    return reply.code(207).send({
      successes: outcomes.filter(o => o.ok).map(o => o.report),
      failures: outcomes.filter(o => !o.ok).map(o => o.report),
    })
  })
}
