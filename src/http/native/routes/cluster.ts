/**
 * Cluster identity and brokers; consumer groups with members and lag.
 */
import type { FastifyInstance } from 'fastify'
import Type from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { errorResponses } from '../schemas.ts'

const Broker = Type.Object({ id: Type.Integer(), host: Type.String(), port: Type.Integer(), rack: Type.Union([Type.String(), Type.Null()]) })
const Cluster = Type.Object({ clusterId: Type.String(), controllerId: Type.Integer(), brokers: Type.Array(Broker) })
const GroupSummary = Type.Object({ groupId: Type.String(), state: Type.String(), protocolType: Type.String() })
const GroupDescription = Type.Object({
  groupId: Type.String(),
  state: Type.String(),
  protocolType: Type.String(),
  protocol: Type.String(),
  members: Type.Array(Type.Object({
    memberId: Type.String(), clientId: Type.String(), host: Type.String(),
    assignments: Type.Array(Type.Object({ topic: Type.String(), partitions: Type.Array(Type.Integer()) })),
  })),
  offsets: Type.Array(Type.Object({
    topic: Type.String(), partition: Type.Integer(), committedOffset: Type.Union([Type.Integer(), Type.Null()]),
    endOffset: Type.Integer(), lag: Type.Union([Type.Integer(), Type.Null()]),
  })),
  totalLag: Type.Integer(),
})
const GroupParams = Type.Object({ group: Type.String({ minLength: 1, maxLength: 255 }) })

export function registerClusterRoutes (app: FastifyInstance, gateway: Gateway): void {
  app.get('/cluster', {
    schema: { summary: 'Cluster id, controller and brokers', tags: ['cluster'], response: { 200: Cluster, ...errorResponses } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async () => gateway.admin.cluster())

  app.get('/consumer-groups', {
    schema: { summary: 'List consumer groups', tags: ['consumer groups'], response: { 200: Type.Object({ groups: Type.Array(GroupSummary) }), ...errorResponses } },
    config: { access: { operation: 'describe', resource: 'cluster' } },
  }, async () => ({ groups: await gateway.admin.listGroups() }))

  app.get<{ Params: { group: string } }>('/consumer-groups/:group', {
    schema: { summary: 'Describe a consumer group', description: 'Members with their assignments, and committed offset and lag per partition.', tags: ['consumer groups'], params: GroupParams, response: { 200: GroupDescription, ...errorResponses } },
    config: { access: { operation: 'describe', resource: 'group' } },
  }, async request => {
    const group = await gateway.admin.describeGroup(request.params.group)
    return { ...group, totalLag: group.offsets.reduce((sum, o) => sum + (o.lag ?? 0), 0) }
  })
}
