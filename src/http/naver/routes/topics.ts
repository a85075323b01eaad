/**
 * The NAVER topic API (contracts.md §2): create, list, get, update, delete
 * under {prefix}/v1/topics, topics addressed by topicId (the Kafka topic id,
 * see mapping.ts). Same signing as produce.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import Type, { type Static } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import type { Operation } from '../../../core/identity/principal.ts'
import { filterAndSort } from '../mapping.ts'
import { CreateTopicBody, ListTopicsQuery, NaverTopic, naverErrors, TopicIdParams, TopicList, UpdateTopicBody } from '../schemas.ts'
import { admit } from '../signature-auth.ts'
import type { TopicDirectory } from '../topic-directory.ts'

const tags = ['NAVER Data Stream']

export function registerTopicRoutes (app: FastifyInstance, gateway: Gateway, directory: TopicDirectory): void {
  /** Finds the topic of the path's topicId, then checks the caller may act on it. */
  async function topicOf (request: FastifyRequest<{ Params: Static<typeof TopicIdParams> }>, operation: Operation): Promise<string> {
    const name = await directory.nameOf(request.params.topicId)
    admit(request, gateway.identity, operation, { type: 'topic', name })
    return name
  }

  app.get<{ Querystring: Static<typeof ListTopicsQuery> }>('/v1/topics', {
    schema: { summary: 'List topics (NAVER Data Stream)', tags, querystring: ListTopicsQuery, response: { 200: TopicList, ...naverErrors } },
    config: { checkedByDialect: true, access: { operation: 'describe', resource: 'cluster' } },
  }, async request => ({ list: filterAndSort(await directory.list(), request.query) }))

  app.post<{ Body: Static<typeof CreateTopicBody> }>('/v1/topics', {
    schema: { summary: 'Create a topic (NAVER Data Stream)', tags, body: CreateTopicBody, response: { 201: NaverTopic, ...naverErrors } },
    config: { checkedByDialect: true, access: { operation: 'admin', resource: 'topic', from: 'body.name' } },
  }, async (request, reply) => {
    const b = request.body
    const configs: Record<string, string> = b.retentionMs === undefined ? {} : { 'retention.ms': String(b.retentionMs) }
    await gateway.admin.createTopic({ name: b.name, partitions: b.partitions, replicationFactor: -1, configs }, false)
    reply.code(201)
    return directory.topic(b.name)
  })

  app.get<{ Params: Static<typeof TopicIdParams> }>('/v1/topics/:topicId', {
    schema: { summary: 'Get a topic (NAVER Data Stream)', tags, params: TopicIdParams, response: { 200: NaverTopic, ...naverErrors } },
    config: { checkedByDialect: true },
  }, async request => directory.topic(await topicOf(request, 'describe')))

  app.put<{ Params: Static<typeof TopicIdParams>, Body: Static<typeof UpdateTopicBody> }>('/v1/topics/:topicId', {
    schema: { summary: 'Update a topic (NAVER Data Stream)', description: 'Partitions can only grow (Kafka); retentionMs sets retention.ms.', tags, params: TopicIdParams, body: UpdateTopicBody, response: { 200: NaverTopic, ...naverErrors } },
    config: { checkedByDialect: true },
  }, async request => {
    const name = await topicOf(request, 'admin')
    const partitions = request.body.partitions ?? request.body.partition
    if (partitions !== undefined && partitions !== (await gateway.admin.describeTopic(name)).partitions.length) {
      await gateway.admin.createPartitions(name, partitions, false)
    }
    if (request.body.retentionMs !== undefined) {
      await gateway.admin.alterTopicConfigs(name, [{ name: 'retention.ms', value: String(request.body.retentionMs) }], false)
    }
    return directory.topic(name)
  })

  app.delete<{ Params: Static<typeof TopicIdParams> }>('/v1/topics/:topicId', {
    schema: { summary: 'Delete a topic (NAVER Data Stream)', description: 'Answers `true`, as NAVER does.', tags, params: TopicIdParams, response: { 200: Type.Boolean(), ...naverErrors } },
    config: { checkedByDialect: true },
  }, async request => {
    await gateway.admin.deleteTopic(await topicOf(request, 'admin'))
    return true
  })
}
