/**
 * GET {prefix}/metadata/topics, /metadata/brokers,
 * /metadata/topics/{topic}/partitions[/{partition}] (contracts.md §3).
 */
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { findPartition, toBroker, toPartition } from '../mapping.ts'
import { azureErrors, BrokerList, Partition, PartitionList, PartitionParams, TopicList, TopicParams } from '../schemas.ts'

const tags = ['Azure HDInsight']

export function registerMetadataRoutes (app: FastifyInstance, gateway: Gateway): void {
  app.get('/metadata/topics', {
    schema: { summary: 'List topics (Azure HDInsight)', tags, response: { 200: TopicList, ...azureErrors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async () => ({ topics: (await gateway.admin.listTopics(false)).map(t => t.name) }))

  app.get('/metadata/brokers', {
    schema: { summary: 'List brokers (Azure HDInsight)', tags, response: { 200: BrokerList, ...azureErrors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async () => ({ brokers: (await gateway.admin.cluster()).brokers.map(toBroker) }))

  app.get<{ Params: Static<typeof TopicParams> }>('/metadata/topics/:topic/partitions', {
    schema: { summary: 'List the partitions of a topic (Azure HDInsight)', tags, params: TopicParams, response: { 200: PartitionList, ...azureErrors } },
    config: { access: { operation: 'describe', resource: 'topic' } },
  }, async request => {
    const topic = await gateway.admin.describeTopic(request.params.topic)
    return { topic: topic.name, partitions: topic.partitions.map(toPartition) }
  })

  app.get<{ Params: Static<typeof PartitionParams> }>('/metadata/topics/:topic/partitions/:partition', {
    schema: { summary: 'Get one partition of a topic (Azure HDInsight)', tags, params: PartitionParams, response: { 200: Partition, ...azureErrors } },
    config: { access: { operation: 'describe', resource: 'topic' } },
  }, async request => {
    const topic = await gateway.admin.describeTopic(request.params.topic)
    return toPartition(findPartition(topic.name, topic.partitions, request.params.partition))
  })
}
