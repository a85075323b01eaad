/**
 * v3 ACLs: list and delete by filter (query parameters), create one
 * (contracts.md §4). Needs a broker with an authorizer.
 */
import type { FastifyInstance } from 'fastify'
import Type, { type Static } from 'typebox'
import { GatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import type { AclBinding, AclFilter } from '../../../core/model.ts'
import type { AclPort } from '../../../core/ports.ts'
import type { ClusterContext } from '../cluster-context.ts'
import { aclData } from '../mapping.ts'
import { collection } from '../resources.ts'
import { AclData, AclQuery, ClusterParams, Collection, CreateAclBody, v3Errors } from '../schemas.ts'

const tags = ['Confluent v3']
const admin = { access: { operation: 'admin', resource: 'cluster' } } as const

function aclsOf (gateway: Gateway): AclPort {
  if (!gateway.acls) throw new GatewayError('not_configured', 'ACL management is not available on this gateway')
  return gateway.acls
}

function unknownToAny<T extends string> (value: T | 'UNKNOWN' | undefined, field: string): T | 'ANY' {
  if (value === 'UNKNOWN') throw new GatewayError('invalid_request', `${field} UNKNOWN matches nothing; leave it out or use ANY`, { field })
  return value ?? 'ANY'
}

export function toAclFilter (query: Static<typeof AclQuery>): AclFilter {
  return {
    resourceType: unknownToAny(query.resource_type, 'resource_type') as AclFilter['resourceType'],
    resourceName: query.resource_name ?? null,
    patternType: unknownToAny(query.pattern_type, 'pattern_type') as AclFilter['patternType'],
    principal: query.principal ?? null,
    host: query.host ?? null,
    operation: unknownToAny(query.operation, 'operation') as AclFilter['operation'],
    permission: unknownToAny(query.permission, 'permission') as AclFilter['permission'],
  }
}

export function toAclBinding (body: Static<typeof CreateAclBody>): AclBinding {
  const specific = (value: string, field: string, forbidden: string[]): string => {
    if (forbidden.includes(value)) throw new GatewayError('invalid_request', `${field} must name one kind when creating an ACL, not ${value}`, { field })
    return value
  }
  return {
    resourceType: specific(body.resource_type, 'resource_type', ['ANY', 'UNKNOWN']) as AclBinding['resourceType'],
    resourceName: body.resource_name,
    patternType: specific(body.pattern_type, 'pattern_type', ['ANY', 'MATCH', 'UNKNOWN']) as AclBinding['patternType'],
    principal: body.principal,
    host: body.host,
    operation: specific(body.operation, 'operation', ['ANY', 'UNKNOWN']) as AclBinding['operation'],
    permission: specific(body.permission, 'permission', ['ANY', 'UNKNOWN']) as AclBinding['permission'],
  }
}

export function registerAclRoutes (app: FastifyInstance, gateway: Gateway, context: ClusterContext): void {
  app.get<{ Params: Static<typeof ClusterParams>, Querystring: Static<typeof AclQuery> }>('/clusters/:cluster_id/acls', {
    schema: { summary: 'List ACLs matching a filter', tags, params: ClusterParams, querystring: AclQuery, response: { 200: Collection(AclData), ...v3Errors } },
    config: admin,
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const acls = await aclsOf(gateway).describe(toAclFilter(request.query))
    const query = new URLSearchParams(request.query as Record<string, string>).toString()
    return collection('KafkaAclList', `${links.at('acls')}${query ? `?${query}` : ''}`, acls.map(a => aclData(links, a)))
  })

  app.post<{ Params: Static<typeof ClusterParams>, Body: Static<typeof CreateAclBody> }>('/clusters/:cluster_id/acls', {
    schema: { summary: 'Create an ACL', tags, params: ClusterParams, body: CreateAclBody, response: { 201: Type.Null(), ...v3Errors } },
    config: admin,
  }, async (request, reply) => {
    await context.links(request, request.params.cluster_id)
    await aclsOf(gateway).create([toAclBinding(request.body)])
    return reply.code(201).send()
  })

  app.delete<{ Params: Static<typeof ClusterParams>, Querystring: Static<typeof AclQuery> }>('/clusters/:cluster_id/acls', {
    schema: { summary: 'Delete the ACLs matching a filter', tags, params: ClusterParams, querystring: AclQuery, response: { 200: Type.Object({ data: Type.Array(AclData) }), ...v3Errors } },
    config: admin,
  }, async request => {
    const links = await context.links(request, request.params.cluster_id)
    const deleted = await aclsOf(gateway).delete(toAclFilter(request.query))
    return { data: deleted.map(a => aclData(links, a)) }
  })
}
