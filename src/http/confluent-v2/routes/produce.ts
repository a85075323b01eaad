/**
 * v2 produce to a topic or to one partition (contracts.md §4): the embedded
 * format comes from the Content-Type; every record gets its own result in
 * a 200, failed ones with error_code 1 (non-retriable) or 2 (retriable).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Static } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { rejectSchemaFormat, toProduceRecords, toProduceResponse } from '../mapping.ts'
import { produceFormat } from '../media-types.ts'
import { PartitionParams, TopicParams, V2ProduceBody, V2ProduceResponse, v2Errors } from '../schemas.ts'

const tags = ['Confluent v2']

export function registerProduceRoutes (app: FastifyInstance, gateway: Gateway): void {
  async function produce (request: FastifyRequest, topic: string, body: Static<typeof V2ProduceBody>, partition?: number): Promise<object> {
    const format = produceFormat(request.headers['content-type'])
    if (format.format === 'schema') rejectSchemaFormat(format.name, body)
    const results = await gateway.produce.produce(topic, toProduceRecords(body, format.format, partition))
    return toProduceResponse(results)
  }

  app.post<{ Params: Static<typeof TopicParams>, Body: Static<typeof V2ProduceBody> }>('/topics/:topic', {
    schema: {
      summary: 'Produce records to a topic',
      description: 'Content-Type application/vnd.kafka.{binary|json|string}.v2+json selects how keys and values are embedded (plain application/json: binary). Keyed records land where the Java client would put them.',
      tags,
      params: TopicParams,
      body: V2ProduceBody,
      response: { 200: V2ProduceResponse, ...v2Errors },
    },
    config: { access: { operation: 'produce', resource: 'topic' } },
  }, async request => produce(request, request.params.topic, request.body))

  app.post<{ Params: Static<typeof PartitionParams>, Body: Static<typeof V2ProduceBody> }>('/topics/:topic/partitions/:partition', {
    schema: {
      summary: 'Produce records to one partition',
      tags,
      params: PartitionParams,
      body: V2ProduceBody,
      response: { 200: V2ProduceResponse, ...v2Errors },
    },
    config: { access: { operation: 'produce', resource: 'topic' } },
  }, async request => produce(request, request.params.topic, request.body, request.params.partition))
}
