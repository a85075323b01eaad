/**
 * v3 consumer groups with their consumers, assignments, lags and lag
 * summary (contracts.md §4).
 */
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import { GatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import type { GroupDescription } from '../../../core/model.ts'
import type { ClusterContext } from '../cluster-context.ts'
import { assignmentData, consumerData, consumerGroupData, lagData, lagsOf, lagSummaryData } from '../mapping.ts'
import { collection } from '../resources.ts'
import {
  ClusterParams, Collection, ConsumerAssignmentData, ConsumerData, ConsumerGroupData, ConsumerLagData, ConsumerParams, GroupParams, LagParams, LagSummaryData, v3Errors,
} from '../schemas.ts'

const tags = ['Confluent v3']
const describe = { access: { operation: 'describe', resource: 'group', from: 'consumer_group_id' } } as const

export function registerConsumerGroupRoutes (app: FastifyInstance, gateway: Gateway, context: ClusterContext): void {
  function memberOf (group: GroupDescription, consumerId: string) {
    const member = group.members.find(m => m.memberId === consumerId)
    if (!member) throw new GatewayError('consumer_not_found', `group ${group.groupId} has no consumer ${consumerId}; GET …/consumer-groups/${group.groupId}/consumers lists them`, { field: 'consumer_id' })
    return member
  }

  app.get<{ Params: Static<typeof ClusterParams> }>('/clusters/:cluster_id/consumer-groups', {
    schema: { summary: 'List consumer groups', tags, params: ClusterParams, response: { 200: Collection(ConsumerGroupData), ...v3Errors } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const groups = await gateway.admin.listGroups()
    // Groups gone between the listing and their description are left out.
    const described = await Promise.all(groups.map(g => gateway.admin.describeGroup(g.groupId).catch(() => null)))
    return collection('KafkaConsumerGroupList', links.at('consumer-groups'), described.filter(g => g !== null).map(g => consumerGroupData(links, g)))
  })

  app.get<{ Params: Static<typeof GroupParams> }>('/clusters/:cluster_id/consumer-groups/:consumer_group_id', {
    schema: { summary: 'Get a consumer group', tags, params: GroupParams, response: { 200: ConsumerGroupData, ...v3Errors } },
    config: describe,
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    return consumerGroupData(links, await gateway.admin.describeGroup(request.params.consumer_group_id))
  })

  app.get<{ Params: Static<typeof GroupParams> }>('/clusters/:cluster_id/consumer-groups/:consumer_group_id/consumers', {
    schema: { summary: 'List the consumers of a group', tags, params: GroupParams, response: { 200: Collection(ConsumerData), ...v3Errors } },
    config: describe,
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const group = await gateway.admin.describeGroup(request.params.consumer_group_id)
    return collection('KafkaConsumerList', links.at('consumer-groups', group.groupId, 'consumers'), group.members.map(m => consumerData(links, group.groupId, m)))
  })

  app.get<{ Params: Static<typeof ConsumerParams> }>('/clusters/:cluster_id/consumer-groups/:consumer_group_id/consumers/:consumer_id', {
    schema: { summary: 'Get a consumer', tags, params: ConsumerParams, response: { 200: ConsumerData, ...v3Errors } },
    config: describe,
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const group = await gateway.admin.describeGroup(request.params.consumer_group_id)
    return consumerData(links, group.groupId, memberOf(group, request.params.consumer_id))
  })

  app.get<{ Params: Static<typeof ConsumerParams> }>('/clusters/:cluster_id/consumer-groups/:consumer_group_id/consumers/:consumer_id/assignments', {
    schema: { summary: 'List the partitions assigned to a consumer', tags, params: ConsumerParams, response: { 200: Collection(ConsumerAssignmentData), ...v3Errors } },
    config: describe,
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const group = await gateway.admin.describeGroup(request.params.consumer_group_id)
    const member = memberOf(group, request.params.consumer_id)
    const data = member.assignments.flatMap(a => a.partitions.map(p => assignmentData(links, group.groupId, member.memberId, a.topic, p)))
    return collection('KafkaConsumerAssignmentList', links.at('consumer-groups', group.groupId, 'consumers', member.memberId, 'assignments'), data)
  })

  app.get<{ Params: Static<typeof GroupParams> }>('/clusters/:cluster_id/consumer-groups/:consumer_group_id/lags', {
    schema: { summary: 'List the lag of every partition with a committed offset', tags, params: GroupParams, response: { 200: Collection(ConsumerLagData), ...v3Errors } },
    config: describe,
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const group = await gateway.admin.describeGroup(request.params.consumer_group_id)
    return collection('KafkaConsumerLagList', links.at('consumer-groups', group.groupId, 'lags'), lagsOf(group).map(l => lagData(links, group.groupId, l)))
  })

  app.get<{ Params: Static<typeof LagParams> }>('/clusters/:cluster_id/consumer-groups/:consumer_group_id/lags/:topic_name/partitions/:partition_id', {
    schema: { summary: 'Get the lag of one partition', tags, params: LagParams, response: { 200: ConsumerLagData, ...v3Errors } },
    config: describe,
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const group = await gateway.admin.describeGroup(request.params.consumer_group_id)
    const lag = lagsOf(group).find(l => l.topic === request.params.topic_name && l.partition === request.params.partition_id)
    if (!lag) throw new GatewayError('partition_not_found', `group ${group.groupId} has no committed offset for partition ${request.params.partition_id} of topic ${request.params.topic_name}`, { field: 'partition_id' })
    return lagData(links, group.groupId, lag)
  })

  app.get<{ Params: Static<typeof GroupParams> }>('/clusters/:cluster_id/consumer-groups/:consumer_group_id/lag-summary', {
    schema: { summary: 'Maximum and total lag of a group', tags, params: GroupParams, response: { 200: LagSummaryData, ...v3Errors } },
    config: describe,
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const group = await gateway.admin.describeGroup(request.params.consumer_group_id)
    return lagSummaryData(links, group.groupId, lagsOf(group))
  })
}
