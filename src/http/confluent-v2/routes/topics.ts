/**
 * v2 metadata: topics, partitions, partition offsets, brokers (contracts.md §4).
 */
import type { FastifyInstance } from 'fastify'
import Type, { type Static } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { findPartition, toPartition } from '../mapping.ts'
import { PartitionParams, TopicParams, V2Partition, V2PartitionOffsets, V2Topic, v2Errors } from '../schemas.ts'

const tags = ['Confluent v2']

export function registerTopicRoutes (app: FastifyInstance, gateway: Gateway): void {
  app.get('/topics', {
    schema: { summary: 'List topic names', tags, response: { 200: Type.Array(Type.String()), ...v2Errors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async () => (await gateway.admin.listTopics(false)).map(t => t.name))

  app.get<{ Params: Static<typeof TopicParams> }>('/topics/:topic', {
    schema: { summary: 'Topic metadata with configs and partitions', tags, params: TopicParams, response: { 200: V2Topic, ...v2Errors } },
    config: { access: { operation: 'describe', resource: 'topic' } },
  }, async request => {
    const topic = await gateway.admin.describeTopic(request.params.topic)
    const configs: Record<string, string> = {}
    for (const c of await gateway.admin.describeTopicConfigs(topic.name)) if (c.value !== null && !c.sensitive) configs[c.name] = c.value
    return { name: topic.name, configs, partitions: topic.partitions.map(toPartition) }
  })

  app.get<{ Params: Static<typeof TopicParams> }>('/topics/:topic/partitions', {
    schema: { summary: 'Partitions of a topic', tags, params: TopicParams, response: { 200: Type.Array(V2Partition), ...v2Errors } },
    config: { access: { operation: 'describe', resource: 'topic' } },
  }, async request => (await gateway.admin.describeTopic(request.params.topic)).partitions.map(toPartition))

  app.get<{ Params: Static<typeof PartitionParams> }>('/topics/:topic/partitions/:partition', {
    schema: { summary: 'One partition', tags, params: PartitionParams, response: { 200: V2Partition, ...v2Errors } },
    config: { access: { operation: 'describe', resource: 'topic' } },
  }, async request => toPartition(findPartition(await gateway.admin.describeTopic(request.params.topic), request.params.partition)))

  app.get<{ Params: Static<typeof PartitionParams> }>('/topics/:topic/partitions/:partition/offsets', {
    schema: { summary: 'First and next offset of a partition', tags, params: PartitionParams, response: { 200: V2PartitionOffsets, ...v2Errors } },
    config: { access: { operation: 'describe', resource: 'topic' } },
  }, async request => {
    const p = findPartition(await gateway.admin.describeTopic(request.params.topic), request.params.partition)
    return { beginning_offset: p.earliestOffset, end_offset: p.latestOffset }
  })

  app.get('/brokers', {
    schema: { summary: 'Broker ids', tags, response: { 200: Type.Object({ brokers: Type.Array(Type.Integer()) }), ...v2Errors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async () => ({ brokers: (await gateway.admin.cluster()).brokers.map(b => b.id) }))
}
