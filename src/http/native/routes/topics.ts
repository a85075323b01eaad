/**
 * Topic administration: list, create, describe, delete, add partitions, configs.
 */
import type { FastifyInstance } from 'fastify'
import Type, { type Static } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { errorResponses, TopicName, TopicParams } from '../schemas.ts'

const TopicSummary = Type.Object({ name: Type.String(), internal: Type.Boolean(), partitions: Type.Integer(), replicationFactor: Type.Integer() })
const PartitionInfo = Type.Object({
  partition: Type.Integer(), leader: Type.Integer(), replicas: Type.Array(Type.Integer()), isr: Type.Array(Type.Integer()),
  earliestOffset: Type.Integer(), latestOffset: Type.Integer(),
})
const TopicDescription = Type.Object({ name: Type.String(), id: Type.String(), internal: Type.Boolean(), partitions: Type.Array(PartitionInfo) })
const CreateTopicBody = Type.Object({
  name: TopicName,
  partitions: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  replicationFactor: Type.Integer({ minimum: -1, maximum: 32767, default: -1, description: '-1 uses the broker default' }),
  configs: Type.Record(Type.String(), Type.String(), { default: {}, description: 'Topic configs, e.g. {"cleanup.policy":"compact"}' }),
  validateOnly: Type.Boolean({ default: false }),
}, { additionalProperties: false })
const ConfigEntry = Type.Object({
  name: Type.String(), value: Type.Union([Type.String(), Type.Null()]), readOnly: Type.Boolean(), sensitive: Type.Boolean(),
  isDefault: Type.Boolean(), source: Type.String(),
})
const AlterConfigsBody = Type.Object({
  // Null first: with type coercion on, a String-first union would turn null into "".
  configs: Type.Record(Type.String(), Type.Union([Type.Null(), Type.String()]), { description: 'name → new value; null resets to the default' }),
  validateOnly: Type.Boolean({ default: false }),
}, { additionalProperties: false })
const AddPartitionsBody = Type.Object({
  count: Type.Integer({ minimum: 1, description: 'New total partition count' }),
  validateOnly: Type.Boolean({ default: false }),
}, { additionalProperties: false })

const tags = ['topics']

export function registerTopicRoutes (app: FastifyInstance, gateway: Gateway): void {
  app.get<{ Querystring: { internal?: boolean } }>('/topics', {
    schema: { summary: 'List topics', tags, querystring: Type.Object({ internal: Type.Optional(Type.Boolean({ description: 'Include internal topics' })) }), response: { 200: Type.Object({ topics: Type.Array(TopicSummary) }), ...errorResponses } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async request => ({ topics: await gateway.admin.listTopics(request.query.internal === true) }))

  app.post<{ Body: Static<typeof CreateTopicBody> }>('/topics', {
    schema: { summary: 'Create a topic', tags, body: CreateTopicBody, response: { 201: TopicDescription, 200: Type.Object({ validated: Type.Boolean() }), ...errorResponses } },
    config: { access: { operation: 'admin', resource: 'topic', from: 'body.name' } },
  }, async (request, reply) => {
    const b = request.body
    await gateway.admin.createTopic({ name: b.name, partitions: b.partitions, replicationFactor: b.replicationFactor, configs: b.configs }, b.validateOnly)
    if (b.validateOnly) return { validated: true }
    reply.code(201).header('location', `${request.url.replace(/\/$/, '')}/${encodeURIComponent(b.name)}`)
    return gateway.admin.describeTopic(b.name)
  })

  app.get<{ Params: Static<typeof TopicParams> }>('/topics/:topic', {
    schema: { summary: 'Describe a topic', description: 'Partitions with leader, replicas, in-sync replicas and earliest/latest offsets.', tags, params: TopicParams, response: { 200: TopicDescription, ...errorResponses } },
    config: { access: { operation: 'describe', resource: 'topic' } },
  }, async request => gateway.admin.describeTopic(request.params.topic))

  app.delete<{ Params: Static<typeof TopicParams> }>('/topics/:topic', {
    schema: { summary: 'Delete a topic', tags, params: TopicParams, response: { 204: Type.Null(), ...errorResponses } },
    config: { access: { operation: 'admin', resource: 'topic' } },
  }, async (request, reply) => {
    await gateway.admin.deleteTopic(request.params.topic)
    reply.code(204).send()
  })

  app.post<{ Params: Static<typeof TopicParams>, Body: Static<typeof AddPartitionsBody> }>('/topics/:topic/partitions', {
    schema: { summary: 'Add partitions', tags, params: TopicParams, body: AddPartitionsBody, response: { 200: TopicDescription, ...errorResponses } },
    config: { access: { operation: 'admin', resource: 'topic' } },
  }, async request => {
    await gateway.admin.createPartitions(request.params.topic, request.body.count, request.body.validateOnly)
    return gateway.admin.describeTopic(request.params.topic)
  })

  app.get<{ Params: Static<typeof TopicParams> }>('/topics/:topic/configs', {
    schema: { summary: 'Read topic configs', tags, params: TopicParams, response: { 200: Type.Object({ configs: Type.Array(ConfigEntry) }), ...errorResponses } },
    config: { access: { operation: 'describe', resource: 'topic' } },
  }, async request => ({ configs: await gateway.admin.describeTopicConfigs(request.params.topic) }))

  app.patch<{ Params: Static<typeof TopicParams>, Body: Static<typeof AlterConfigsBody> }>('/topics/:topic/configs', {
    schema: { summary: 'Change topic configs', tags, params: TopicParams, body: AlterConfigsBody, response: { 200: Type.Object({ configs: Type.Array(ConfigEntry) }), ...errorResponses } },
    config: { access: { operation: 'admin', resource: 'topic' } },
  }, async request => {
    const changes = Object.entries(request.body.configs).map(([name, value]) => ({ name, value }))
    await gateway.admin.alterTopicConfigs(request.params.topic, changes, request.body.validateOnly)
    return { configs: await gateway.admin.describeTopicConfigs(request.params.topic) }
  })
}
