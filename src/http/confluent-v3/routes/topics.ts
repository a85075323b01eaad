/**
 * v3 topics (list, create with configs and validate_only, get, change the
 * partition count, delete) and their partitions and replicas (contracts.md §4).
 */
import type { FastifyInstance } from 'fastify'
import Type, { type Static } from 'typebox'
import { GatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import type { ClusterContext } from '../cluster-context.ts'
import { partitionData, replicaData, topicData, topicShape } from '../mapping.ts'
import { collection } from '../resources.ts'
import {
  ClusterParams, Collection, CreateTopicBody, PartitionData, PartitionParams, ReplicaData, TopicData, TopicParams, UpdatePartitionCountBody, v3Errors,
} from '../schemas.ts'

const tags = ['Confluent v3']
const ReplicaParams = Type.Object({ ...PartitionParams.properties, broker_id: Type.Integer({ minimum: 0 }) })

export function registerTopicRoutes (app: FastifyInstance, gateway: Gateway, context: ClusterContext): void {
  /** Broker defaults for what a create leaves out (num.partitions, default.replication.factor). */
  async function brokerDefault (name: string, fallback: number): Promise<number> {
    const { controllerId, brokers } = await gateway.admin.cluster()
    const id = brokers.some(b => b.id === controllerId) ? controllerId : brokers[0]?.id
    if (id === undefined) return fallback
    const value = Number((await gateway.admin.describeBrokerConfigs(id)).find(c => c.name === name)?.value)
    return Number.isSafeInteger(value) && value > 0 ? value : fallback
  }

  app.get<{ Params: Static<typeof ClusterParams> }>('/clusters/:cluster_id/topics', {
    schema: { summary: 'List topics', tags, params: ClusterParams, response: { 200: Collection(TopicData), ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const topics = await gateway.admin.listTopics(true)
    return collection('KafkaTopicList', links.at('topics'), topics.map(t => topicData(links, t)))
  })

  app.post<{ Params: Static<typeof ClusterParams>, Body: Static<typeof CreateTopicBody> }>('/clusters/:cluster_id/topics', {
    schema: { summary: 'Create a topic', description: 'With validate_only, checks the request without creating anything.', tags, params: ClusterParams, body: CreateTopicBody, response: { 201: TopicData, 200: TopicData, ...v3Errors } },
    config: { access: { operation: 'admin', resource: 'topic', from: 'body.topic_name' } },
  }, async (request, reply) => {
    const links = await context.links(request, request.params.cluster_id)
    const b = request.body
    if (b.replicas_assignments && b.replicas_assignments.length > 0) {
      throw new GatewayError('invalid_request', 'replicas_assignments is not supported by this gateway; give partitions_count and replication_factor instead', { field: 'replicas_assignments' })
    }
    const partitions = b.partitions_count ?? await brokerDefault('num.partitions', 1)
    const replicationFactor = b.replication_factor ?? await brokerDefault('default.replication.factor', 1)
    const configs: Record<string, string> = {}
    for (const c of b.configs ?? []) if (c.value !== undefined && c.value !== null) configs[c.name] = c.value
    await gateway.admin.createTopic({ name: b.topic_name, partitions, replicationFactor, configs }, b.validate_only === true)
    reply.code(201)
    if (b.validate_only) return topicData(links, { name: b.topic_name, internal: false, partitions, replicationFactor })
    return topicData(links, topicShape(await gateway.admin.describeTopic(b.topic_name)))
  })

  app.get<{ Params: Static<typeof TopicParams> }>('/clusters/:cluster_id/topics/:topic_name', {
    schema: { summary: 'Get a topic', tags, params: TopicParams, response: { 200: TopicData, ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'topic', from: 'topic_name' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    return topicData(links, topicShape(await gateway.admin.describeTopic(request.params.topic_name)))
  })

  app.patch<{ Params: Static<typeof TopicParams>, Body: Static<typeof UpdatePartitionCountBody> }>('/clusters/:cluster_id/topics/:topic_name', {
    schema: { summary: 'Increase the partition count', tags, params: TopicParams, body: UpdatePartitionCountBody, response: { 200: TopicData, ...v3Errors } },
    config: { access: { operation: 'admin', resource: 'topic', from: 'topic_name' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    await gateway.admin.createPartitions(request.params.topic_name, request.body.partitions_count, false)
    return topicData(links, topicShape(await gateway.admin.describeTopic(request.params.topic_name)))
  })

  app.delete<{ Params: Static<typeof TopicParams> }>('/clusters/:cluster_id/topics/:topic_name', {
    schema: { summary: 'Delete a topic', tags, params: TopicParams, response: { 204: Type.Null(), ...v3Errors } },
    config: { access: { operation: 'admin', resource: 'topic', from: 'topic_name' } },
  }, async (request, reply) => {
    await context.links(request, request.params.cluster_id)
    await gateway.admin.deleteTopic(request.params.topic_name)
    return reply.code(204).send()
  })

  app.get<{ Params: Static<typeof TopicParams> }>('/clusters/:cluster_id/topics/:topic_name/partitions', {
    schema: { summary: 'List partitions', tags, params: TopicParams, response: { 200: Collection(PartitionData), ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'topic', from: 'topic_name' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const topic = await gateway.admin.describeTopic(request.params.topic_name)
    return collection('KafkaPartitionList', links.at('topics', topic.name, 'partitions'), topic.partitions.map(p => partitionData(links, topic.name, p)))
  })

  async function partitionOf (topicName: string, partition: number) {
    const topic = await gateway.admin.describeTopic(topicName)
    const found = topic.partitions.find(p => p.partition === partition)
    if (!found) throw new GatewayError('partition_not_found', `partition ${partition} does not exist: topic ${topicName} has partitions 0 to ${topic.partitions.length - 1}`, { field: 'partition_id' })
    return found
  }

  app.get<{ Params: Static<typeof PartitionParams> }>('/clusters/:cluster_id/topics/:topic_name/partitions/:partition_id', {
    schema: { summary: 'Get a partition', tags, params: PartitionParams, response: { 200: PartitionData, ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'topic', from: 'topic_name' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    return partitionData(links, request.params.topic_name, await partitionOf(request.params.topic_name, request.params.partition_id))
  })

  app.get<{ Params: Static<typeof PartitionParams> }>('/clusters/:cluster_id/topics/:topic_name/partitions/:partition_id/replicas', {
    schema: { summary: 'List the replicas of a partition', tags, params: PartitionParams, response: { 200: Collection(ReplicaData), ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'topic', from: 'topic_name' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const { topic_name: topic, partition_id: id } = request.params
    const p = await partitionOf(topic, id)
    return collection('KafkaReplicaList', links.at('topics', topic, 'partitions', id, 'replicas'), p.replicas.map(b => replicaData(links, topic, p, b)))
  })

  app.get<{ Params: Static<typeof ReplicaParams> }>('/clusters/:cluster_id/topics/:topic_name/partitions/:partition_id/replicas/:broker_id', {
    schema: { summary: 'Get a replica', tags, params: ReplicaParams, response: { 200: ReplicaData, ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'topic', from: 'topic_name' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const { topic_name: topic, partition_id: id, broker_id: broker } = request.params
    const p = await partitionOf(topic, id)
    if (!p.replicas.includes(broker)) throw new GatewayError('broker_not_found', `broker ${broker} holds no replica of partition ${id} of topic ${topic}`, { field: 'broker_id' })
    return replicaData(links, topic, p, broker)
  })
}
