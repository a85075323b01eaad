/**
 * PUT {prefix}/topics/{topic} (contracts.md §3): creates a topic with
 * `{partition_count, replication_factor, topic_properties}`.
 */
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { toTopicConfigs } from '../mapping.ts'
import { azureErrors, CreatedTopic, CreateTopicBody, TopicParams } from '../schemas.ts'

export function registerTopicRoutes (app: FastifyInstance, gateway: Gateway): void {
  app.put<{ Params: Static<typeof TopicParams>, Body: Static<typeof CreateTopicBody> }>('/topics/:topic', {
    schema: {
      summary: 'Create a topic (Azure HDInsight)',
      description: 'Answers the created topic; an existing topic is a 409.',
      tags: ['Azure HDInsight'],
      params: TopicParams,
      body: CreateTopicBody,
      response: { 200: CreatedTopic, ...azureErrors },
    },
    config: { access: { operation: 'admin', resource: 'topic' } },
  }, async request => {
    const { topic } = request.params
    const configs = toTopicConfigs(request.body.topic_properties)
    await gateway.admin.createTopic({ name: topic, partitions: request.body.partition_count, replicationFactor: request.body.replication_factor, configs }, false)
    const created = await gateway.admin.describeTopic(topic)
    return {
      topic,
      partition_count: created.partitions.length,
      replication_factor: created.partitions[0]?.replicas.length ?? 0,
      topic_properties: configs,
    }
  })
}
