/**
 * Permissions: grant, list, revoke.
 */
import type { FastifyInstance } from 'fastify'
import Type, { type Static } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { audit } from '../../shared/audit.ts'
import { IdParams, Permission, PermissionBody } from '../identity-schemas.ts'
import { errorResponses } from '../schemas.ts'

const tags = ['identity']
const access = { operation: 'admin', resource: 'cluster' } as const

export function registerPermissionRoutes (app: FastifyInstance, gateway: Gateway): void {
  const permissions = gateway.identity.permissions

  app.post<{ Body: Static<typeof PermissionBody> }>('/permissions', {
    schema: {
      summary: 'Grant a permission',
      description: 'Grants a principal or a group operations on a topic, consumer group or access point (by name or prefix), or on the cluster (admin on the cluster = administrator).',
      tags,
      body: PermissionBody,
      response: { 201: Permission, ...errorResponses },
    },
    config: { access },
  }, async (request, reply) => {
    const grant = await permissions.grant(request.body)
    audit(request, 'permission.granted', { target: { type: 'permission', id: grant.id }, grant })
    reply.code(201)
    return grant
  })

  app.get('/permissions', {
    schema: { summary: 'List permissions', tags, response: { 200: Type.Object({ permissions: Type.Array(Permission) }), ...errorResponses } },
    config: { access },
  }, async () => ({ permissions: permissions.list() }))

  app.delete<{ Params: Static<typeof IdParams> }>('/permissions/:id', {
    schema: { summary: 'Revoke a permission', tags, params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    config: { access },
  }, async (request, reply) => {
    await permissions.revoke(request.params.id)
    audit(request, 'permission.revoked', { target: { type: 'permission', id: request.params.id } })
    reply.code(204).send()
  })
}
