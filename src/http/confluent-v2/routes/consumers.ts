/**
 * v2 consumer instances: create and delete, subscribe (topics or a
 * pattern), unsubscribe, manual assignment (contracts.md §4). Instances
 * live in Kafka, so any gateway process answers for any of them.
 */
import type { FastifyInstance } from 'fastify'
import Type, { type Static } from 'typebox'
import { GatewayError } from '../../../core/errors.ts'
import type { ConsumerInstances } from '../../../core/consumers/instances.ts'
import type { Gateway } from '../../../core/gateway.ts'
import { publicBaseUrl } from '../../shared/public-url.ts'
import { toInstanceSettings } from '../mapping.ts'
import { CreateConsumerBody, CreatedConsumer, GroupParams, InstanceParams, PartitionsBody, SubscriptionBody, v2Errors } from '../schemas.ts'

const tags = ['Confluent v2 consumers']

export interface ConsumerRouteOptions {
  advertisedUrl: string
  requestTimeoutMs: number
}

/** The core's consumer instances, or a clear 503 where the Kafka port keeps none. */
export function consumersOf (gateway: Gateway): ConsumerInstances {
  if (!gateway.consumers) throw new GatewayError('not_configured', 'consumer instances are not available on this gateway (its Kafka port keeps no instance state)')
  return gateway.consumers
}

export function registerConsumerRoutes (app: FastifyInstance, gateway: Gateway, options: ConsumerRouteOptions): void {
  app.post<{ Params: Static<typeof GroupParams>, Body: Static<typeof CreateConsumerBody> }>('/consumers/:group', {
    schema: {
      summary: 'Create a consumer instance in a group',
      description: 'The instance keeps its settings, subscription and positions in Kafka, so its URLs work on every gateway process. Idle instances expire (GATEWAY_CONSUMERS_INSTANCE_TIMEOUT_MS).',
      tags,
      params: GroupParams,
      body: CreateConsumerBody,
      response: { 200: CreatedConsumer, ...v2Errors },
    },
    config: { access: { operation: 'consume', resource: 'group' } },
  }, async request => {
    const body = request.body
    const settings = toInstanceSettings(body, { requestTimeoutMs: options.requestTimeoutMs })
    const ref = await consumersOf(gateway).create(request.params.group, body.name, settings)
    const base = publicBaseUrl(request, options.advertisedUrl)
    return {
      instance_id: ref.name,
      base_uri: `${base}/consumers/${encodeURIComponent(ref.group)}/instances/${encodeURIComponent(ref.name)}`,
    }
  })

  app.delete<{ Params: Static<typeof InstanceParams> }>('/consumers/:group/instances/:instance', {
    schema: { summary: 'Delete a consumer instance (it leaves the group)', tags, params: InstanceParams, response: { 204: Type.Null(), ...v2Errors } },
    config: { access: { operation: 'consume', resource: 'group' } },
  }, async (request, reply) => {
    await consumersOf(gateway).delete({ group: request.params.group, name: request.params.instance })
    return reply.code(204).send()
  })

  app.post<{ Params: Static<typeof InstanceParams>, Body: Static<typeof SubscriptionBody> }>('/consumers/:group/instances/:instance/subscription', {
    schema: { summary: 'Subscribe to topics or a topic pattern', tags, params: InstanceParams, body: SubscriptionBody, response: { 204: Type.Null(), ...v2Errors } },
    config: { access: { operation: 'consume', resource: 'group' } },
  }, async (request, reply) => {
    const { topics, topic_pattern: pattern } = request.body
    if ((topics === undefined || topics.length === 0) === (pattern === undefined)) {
      throw new GatewayError('invalid_request', 'give either a non-empty topics list or a topic_pattern (not both)', { field: 'topics' })
    }
    const ref = { group: request.params.group, name: request.params.instance }
    await consumersOf(gateway).subscribe(ref, pattern !== undefined ? { kind: 'pattern', pattern } : { kind: 'topics', topics: topics! })
    return reply.code(204).send()
  })

  app.get<{ Params: Static<typeof InstanceParams> }>('/consumers/:group/instances/:instance/subscription', {
    schema: { summary: 'Topics of the subscription', tags, params: InstanceParams, response: { 200: Type.Object({ topics: Type.Array(Type.String()) }), ...v2Errors } },
    config: { access: { operation: 'consume', resource: 'group' } },
  }, async request => ({ topics: await consumersOf(gateway).subscription({ group: request.params.group, name: request.params.instance }) }))

  app.delete<{ Params: Static<typeof InstanceParams> }>('/consumers/:group/instances/:instance/subscription', {
    schema: { summary: 'Unsubscribe from all topics', tags, params: InstanceParams, response: { 204: Type.Null(), ...v2Errors } },
    config: { access: { operation: 'consume', resource: 'group' } },
  }, async (request, reply) => {
    await consumersOf(gateway).unsubscribe({ group: request.params.group, name: request.params.instance })
    return reply.code(204).send()
  })

  app.post<{ Params: Static<typeof InstanceParams>, Body: Static<typeof PartitionsBody> }>('/consumers/:group/instances/:instance/assignments', {
    schema: { summary: 'Assign partitions manually', tags, params: InstanceParams, body: PartitionsBody, response: { 204: Type.Null(), ...v2Errors } },
    config: { access: { operation: 'consume', resource: 'group' } },
  }, async (request, reply) => {
    await consumersOf(gateway).assign({ group: request.params.group, name: request.params.instance }, request.body.partitions)
    return reply.code(204).send()
  })

  app.get<{ Params: Static<typeof InstanceParams> }>('/consumers/:group/instances/:instance/assignments', {
    schema: { summary: 'Partitions the instance reads now', tags, params: InstanceParams, response: { 200: PartitionsBody, ...v2Errors } },
    config: { access: { operation: 'consume', resource: 'group' } },
  }, async request => ({ partitions: await consumersOf(gateway).assignment({ group: request.params.group, name: request.params.instance }) }))
}
